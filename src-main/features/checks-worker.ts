// Worker-thread entry of the value checks (checks-off-thread.ts): computes "Kiểm tra số liệu" of a plan on its own
// read-only connection, opened per job (a restore may have replaced the file), and posts the warnings back, so the
// main thread keeps answering while a province-sized plan is checked. Built as out/main/checks-worker.js.
import { parentPort } from 'node:worker_threads';
import { inReadSnapshot, openReadConnection } from '../db/read-connection';
import { planWarnings } from './value-review';

interface Job {
  id: number;
  dbFile: string;
  planId: number;
}

const port = parentPort;
if (port)
  port.on('message', (job: Job) => {
    try {
      const db = openReadConnection(job.dbFile);
      try {
        port.postMessage({ id: job.id, warnings: inReadSnapshot(db, () => planWarnings(db, job.planId)) });
      } finally {
        db.close();
      }
    } catch (e) {
      port.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) });
    }
  });
