// `npm run web`: browser mode. Starts the built server (out/main/web.js, plain Node, a second or so) when the build
// is newer than every source (main and renderer); otherwise builds once (about a minute) and then starts it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freshBuiltWeb, root } from './cli-build.mjs';

let built = freshBuiltWeb();
if (!built) {
  console.error('Giao diện chưa dựng hoặc mã nguồn đã thay đổi: đang dựng lại (khoảng một phút)…');
  const b = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  if (b.status !== 0) {
    console.error('Dựng không thành công: chạy "npm run build" để xem lỗi.');
    process.exit(1);
  }
  built = freshBuiltWeb();
}
if (!built) {
  console.error('Không tìm thấy bản dựng out/main/web.js sau khi dựng: chạy "npm run build" để xem lỗi.');
  process.exit(1);
}
await import(pathToFileURL(built).href); // same process and argv: web.js reads --db and --port
