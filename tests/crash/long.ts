// The long kill-9 loop (`npm run test:crash-long [-- KILLS]`, default 1,000 kills, no time limit): same checks as
// tests/db/crash-kill.test.ts; exits 1 and prints the problems when any import was half-applied or the db damaged.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killLoop } from './kill-loop';

const kills = Number(process.argv[2] ?? process.env.CRASH_KILLS ?? 1000);
const dir = mkdtempSync(join(tmpdir(), 'danvan-crash-long-'));
const r = await killLoop({
  dir,
  kills,
  files: 4,
  rowsPerFile: 400,
  budgetMs: Number.POSITIVE_INFINITY,
  seed: Date.now() % 1e9,
  log: (s) => console.log(s),
});
console.log(
  JSON.stringify({
    kills: r.kills,
    killedRunning: r.killedRunning,
    committedBeforeKill: r.committedBeforeKill,
    seconds: Math.round(r.ms / 1000),
    problems: r.problems,
  }),
);
if (r.problems.length) {
  console.error(`Hỏng sau khi dừng đột ngột: ${r.problems.length} vấn đề; thư mục giữ lại để xem: ${dir}`);
  process.exitCode = 1;
} else rmSync(dir, { recursive: true, force: true });
