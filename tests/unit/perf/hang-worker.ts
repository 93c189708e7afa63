// Test-only worker entry for parse-pool.test.ts: behaves like the real parse worker, except that a file named
// "hang.xlsx" makes it spin forever (a parse that never returns), so the pool's hard timeout can be checked.
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', (job: { fileName: string }) => {
  if (job.fileName === 'hang.xlsx') for (;;) Math.random();
});
await import('../../../src-main/excel/report/parse-worker');
