// Worker-thread entry of a verified copy of a large database (copy-check.ts): VACUUM INTO from its own read-only
// connection (one consistent snapshot of what is committed), then integrity_check and foreign_key_check of the copy —
// seconds per 100 MB that no longer hold the app's main thread; or only the check of a file (a backup to restore),
// after bringing it up to this version's schema when it is a private copy of an earlier version's backup.
// Built as out/main/copy-check-worker.js.
import { parentPort, workerData } from 'node:worker_threads';
import { vacuumFileInto } from '../db/file-ops';
import { inspectCopy, migrateAndInspect } from './verified-copy';

/**
 * A copy to make and check (`source` into `tmp`, which must not exist), a file to check only (`inspect`), or a private
 * copy to migrate, then check (`migrate`).
 */
export type CopyJob = { source: string; tmp: string } | { inspect: string } | { migrate: string };

if (parentPort) {
  const job = workerData as CopyJob;
  try {
    if ('inspect' in job) parentPort.postMessage({ ok: true, value: inspectCopy(job.inspect) });
    else if ('migrate' in job) parentPort.postMessage({ ok: true, value: migrateAndInspect(job.migrate) });
    else {
      vacuumFileInto(job.source, job.tmp);
      parentPort.postMessage({ ok: true, value: inspectCopy(job.tmp) });
    }
  } catch (e) {
    const err = e as { message?: unknown; code?: unknown };
    parentPort.postMessage({ ok: false, message: String(err.message ?? e), code: typeof err.code === 'string' ? err.code : null });
  }
}
