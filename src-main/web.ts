// `npm run web`: the whole app in a browser, on 127.0.0.1 only, against the real database. Runs from the sources
// (tsx src-main/web.ts) or built (out/main/web.js, started by src-main/launcher/web.mjs). Options: [--db FILE] [--port N]
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { createContext } from './runtime/create-context';
import { stopAheadWork } from './features/ahead-worker';
import { startWebServer } from './runtime/web-server';
import { warmImportSoon } from './runtime/warm-import';
import { loadAllRooms } from './rpc/rooms';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

// the built UI: beside out/main when this runs built, in out/ when it runs from the sources
const staticDir =
  [new URL('../renderer/', import.meta.url), new URL('../out/renderer/', import.meta.url)]
    .map((u) => fileURLToPath(u))
    .find((d) => existsSync(`${d}index.html`)) ?? fileURLToPath(new URL('../out/renderer/', import.meta.url));
if (!existsSync(staticDir)) {
  console.error('Chưa có bản dựng giao diện (out/renderer). Hãy chạy "npm run web" (lệnh này tự dựng giao diện trước).');
  process.exit(1);
}
try {
  const ctx = createContext({ mode: 'web', dbFile: arg('--db') });
  // every room (its schemas and feature module) loaded now, not at a page's first call (rpc/rooms.ts)
  void loadAllRooms().catch((err: unknown) => console.error('[rpc] a feature module did not load', err));
  const server = await startWebServer({ ctx, staticDir, port: arg('--port') ? Number(arg('--port')) : undefined });
  console.log(`Dân vận (chế độ trình duyệt) đang chạy. Mở đường dẫn sau trong trình duyệt:\n  ${server.url}`);
  console.log(`Dữ liệu: ${ctx.dbFile}\nNhấn Ctrl+C để dừng.`);
  // as the desktop app: the first import of the session runs at the speed of the later ones (runtime/warm-import.ts)
  warmImportSoon();
  const stop = () =>
    void Promise.all([server.close(), stopAheadWork()]).then(() => {
      ctx.close();
      process.exit(0);
    });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
