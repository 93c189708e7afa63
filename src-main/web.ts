// `npm run web`: the whole app in a browser, on 127.0.0.1 only, against the real database.
// Usage: tsx src-main/web.ts [--db FILE] [--port N]
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { createContext } from './runtime/create-context';
import { startWebServer } from './runtime/web-server';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const staticDir = fileURLToPath(new URL('../out/renderer/', import.meta.url));
if (!existsSync(staticDir)) {
  console.error('Chưa có bản dựng giao diện (out/renderer). Hãy chạy "npm run web" (lệnh này tự dựng giao diện trước).');
  process.exit(1);
}
try {
  const ctx = createContext({ mode: 'web', dbFile: arg('--db') });
  const server = await startWebServer({ ctx, staticDir, port: arg('--port') ? Number(arg('--port')) : undefined });
  console.log(`Dân vận (chế độ trình duyệt) đang chạy. Mở đường dẫn sau trong trình duyệt:\n  ${server.url}`);
  console.log(`Dữ liệu: ${ctx.dbFile}\nNhấn Ctrl+C để dừng.`);
  const stop = () => void server.close().then(() => { ctx.close(); process.exit(0); });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
