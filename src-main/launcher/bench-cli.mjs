// `npm run bench:cli`: how long the CLI takes to start, against bare Node. Runs `units list --json` on a fresh
// database (a new file each time, so the migrations run too) and `node -e 0`, interleaved, N times each; prints the
// medians and their ratio. Builds first when out/main/cli.cjs is older than the sources.
// Options: --runs N (default 15), --tsx (also time the TypeScript sources under tsx, 3 runs), --json.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtCli, CLI_NODE_FLAGS, freshBuiltCli, freshBuiltWeb, root } from './cli-build.mjs';

const argv = process.argv.slice(2);
const runsAt = argv.indexOf('--runs');
const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 15;
if (!Number.isInteger(runs) || runs < 1 || runs > 500) {
  console.error('--runs cần là số nguyên từ 1 đến 500');
  process.exit(2);
}

if (!freshBuiltCli() || !freshBuiltWeb()) {
  console.error('Bản CLI đã dựng cũ hơn mã nguồn: đang dựng lại (npm run build)…');
  const b = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  if (b.status !== 0) {
    console.error('Dựng không thành công: chạy npm run build để xem lỗi.');
    process.exit(1);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'dv-bench-cli-'));
let n = 0;
function seconds(args) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, DANVAN_DATA_DIR: dir } });
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`${args.join(' ')} thoát với mã ${r.status}: ${r.stderr}`);
  return s;
}
const cli = (entry) => [...CLI_NODE_FLAGS, ...entry, 'units', 'list', '--json', '--db', join(dir, `fresh-${++n}.sqlite`)];
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x) => Math.round(x * 1000) / 1000;

/** `npm run web` with the UI built: seconds until the server prints its address (then it is stopped). */
function webStart() {
  const t = process.hrtime.bigint();
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [join(root, 'src-main', 'launcher', 'web.mjs'), '--port', '0', '--db', join(dir, `web-${++n}.sqlite`)],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    const timer = setTimeout(() => {
      child.kill();
      fail(new Error('browser mode did not start within 60 s'));
    }, 60_000);
    child.stdout.on('data', (d) => {
      out += d;
      if (/http:\/\/127\.0\.0\.1:\d+/.test(out)) {
        clearTimeout(timer);
        const s = Number(process.hrtime.bigint() - t) / 1e9;
        child.kill('SIGTERM');
        child.on('exit', () => done(s));
      }
    });
    child.on('error', fail);
  });
}

try {
  const node = [];
  const built = [];
  for (let i = 0; i < runs; i++) {
    node.push(seconds(['-e', '0']));
    built.push(seconds(cli([builtCli])));
  }
  const web = [];
  for (let i = 0; i < 3; i++) web.push(await webStart());
  const tsx = argv.includes('--tsx') ? [0, 1, 2].map(() => seconds(cli(['--import', 'tsx', join(root, 'src-main', 'cli.ts')]))) : [];
  const r = {
    runs,
    nodeSeconds: round(median(node)),
    cliSeconds: round(median(built)),
    ratio: round(median(built) / median(node)),
    webStartSeconds: round(median(web)),
    ...(tsx.length ? { tsxSeconds: round(median(tsx)) } : {}),
  };
  if (argv.includes('--json')) console.log(JSON.stringify(r));
  else {
    console.log(
      `units list --json (dữ liệu mới), trung vị ${runs} lần: ${r.cliSeconds} s; node -e 0: ${r.nodeSeconds} s; gấp ${r.ratio} lần Node trống`,
    );
    console.log(
      `npm run web (giao diện đã dựng), trung vị 3 lần: ${r.webStartSeconds} s đến khi in địa chỉ — mục tiêu ≤ 5 s: ${r.webStartSeconds <= 5 ? 'đạt' : 'chưa đạt'}`,
    );
    if (r.tsxSeconds !== undefined) console.log(`Chạy mã nguồn qua tsx (3 lần): ${r.tsxSeconds} s`);
    console.log(
      `Mục tiêu: khởi động CLI không quá 0,3 s — ${r.cliSeconds <= 0.3 ? 'đạt' : 'chưa đạt'} (máy đang bận thì số đo cao hơn; so với Node trống qua tỉ lệ).`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
