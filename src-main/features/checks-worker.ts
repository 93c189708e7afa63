// Worker-thread entry of the work done ahead for a plan (checks-off-thread.ts): "Kiểm tra số liệu" and the
// consolidation with its tracking, each on its own read-only connection opened per job (a restore may have replaced
// the file) inside one read snapshot, posted back so the main thread keeps answering meanwhile. Built as
// out/main/checks-worker.js.
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { inReadSnapshot, openReadConnection } from '../db/read-connection';
import { computeConsolidation } from './consolidation';
import { computeTracking } from './tracking';
import { planWarnings } from './value-review';

export type AheadJob = { id: number; dbFile: string; planId: number } & ({ kind: 'checks' } | { kind: 'consolidation'; today: string });

const port = parentPort;
// work done ahead yields to the pages the user is on: on Linux a thread has its own priority (elsewhere the call would
// lower the whole app, so it is left as is there)
if (port && process.platform === 'linux')
  try {
    setPriority(10);
  } catch {
    // not allowed here: runs at the normal priority
  }
if (port)
  port.on('message', (job: AheadJob) => {
    try {
      const db = openReadConnection(job.dbFile);
      try {
        const value = inReadSnapshot(db, () => {
          if (job.kind === 'checks') return planWarnings(db, job.planId);
          const tracking = computeTracking(db, job.planId, job.today);
          return { tracking, consolidation: computeConsolidation(db, job.planId, job.today, tracking) };
        });
        port.postMessage({ id: job.id, value });
      } finally {
        db.close();
      }
    } catch (e) {
      port.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) });
    }
  });
