// Worker-thread entry of a verified copy of a large database (copy-check.ts): VACUUM INTO from its own read-only
// connection (one consistent snapshot of what is committed), then integrity_check and foreign_key_check of the copy —
// seconds per 100 MB that no longer hold the app's main thread. Built as out/main/copy-check-worker.js.
import { parentPort, workerData } from 'node:worker_threads';
import { vacuumFileInto } from '../db/file-ops';
import { inspectCopy } from './verified-copy';

export interface CopyJob {
  /** The database file to copy. */
  source: string;
  /** Where to write the copy (must not exist). */
  tmp: string;
}

if (parentPort) {
  const { source, tmp } = workerData as CopyJob;
  try {
    vacuumFileInto(source, tmp);
    parentPort.postMessage({ ok: true, value: inspectCopy(tmp) });
  } catch (e) {
    const err = e as { message?: unknown; code?: unknown };
    parentPort.postMessage({ ok: false, message: String(err.message ?? e), code: typeof err.code === 'string' ? err.code : null });
  }
}
