// Verified copies of a large database made off the main thread (issue #17): VACUUM INTO and the check of the copy
// (integrity_check, foreign_key_check) took 6.6 s on a 400 MB database with the app's main thread held, before every
// report import; a worker thread of its own (copy-check-worker.ts) does both now, and checks a backup before a
// restore. Small databases, and where no worker entry exists, are copied and checked in this thread as before
// (starting a thread costs more than they take).
import { existsSync, statSync } from 'node:fs';
import { startWorker, workerEntryBeside } from '../threads/worker-start';
import type { Db } from '../db/connection';
import { dropCopy, inspectCopy, keepCopy, migrateAndInspect, tempFor, writeVerifiedCopy, type BackupResult } from './verified-copy';
import type { CopyJob } from './copy-check-worker';

type Inspected = ReturnType<typeof inspectCopy>;
type Reply = { ok: true; value: Inspected } | { ok: false; message: string; code: string | null };

/** Below this size a copy and its check take less than starting a thread (~15 ms per MB): done here. */
const OFF_THREAD_FROM_BYTES = 16 * 1024 * 1024;

const workerEntry = (): URL | null => workerEntryBeside(import.meta.url, 'copy-check-worker');

/** The file behind the connection when it is large enough to copy off this thread (with its WAL), else null. */
function largeFile(db: Db, offThreadFrom: number): string | null {
  const file = db.name;
  if (db.memory || !existsSync(file)) return null;
  const wal = existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0;
  return statSync(file).size + wal >= offThreadFrom ? file : null;
}

/** Whether a verified copy of this database is made off this thread (large enough, and a worker entry exists). */
export function copiesOffThread(db: Db): boolean {
  return largeFile(db, OFF_THREAD_FROM_BYTES) !== null && workerEntry() !== null;
}

function inWorker(url: URL, job: CopyJob): Promise<Inspected> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(url, { workerData: job });
    let settled = false;
    worker.once('message', (r: Reply) => {
      settled = true;
      if (r.ok) resolve(r.value);
      else reject(Object.assign(new Error(r.message), r.code ? { code: r.code } : {})); // backupError reads the code
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', () => {
      if (!settled) reject(new Error('copy worker exited before answering'));
    });
  });
}

/** inspectCopy of a file (a backup about to be restored), off this thread when it is large. */
export async function inspectFileOffThread(file: string, offThreadFrom = OFF_THREAD_FROM_BYTES): Promise<Inspected> {
  const url = statSync(file).size >= offThreadFrom ? workerEntry() : null;
  return url ? inWorker(url, { inspect: file }) : inspectCopy(file);
}

/** migrateAndInspect of a private copy of a backup (an earlier version's), off this thread when it is large. */
export async function migrateFileOffThread(file: string, offThreadFrom = OFF_THREAD_FROM_BYTES): Promise<Inspected> {
  const url = statSync(file).size >= offThreadFrom ? workerEntry() : null;
  return url ? inWorker(url, { migrate: file }) : migrateAndInspect(file);
}

/** writeVerifiedCopy, off this thread for a large database. `offThreadFrom`: the size from which it is (tests). */
export async function writeVerifiedCopyOffThread(db: Db, target: string, offThreadFrom = OFF_THREAD_FROM_BYTES): Promise<BackupResult> {
  const source = largeFile(db, offThreadFrom);
  const url = source ? workerEntry() : null;
  if (!source || !url) return writeVerifiedCopy(db, target);
  const { file, tmp } = tempFor(target);
  let info: Inspected;
  try {
    info = await inWorker(url, { source, tmp });
  } catch (err) {
    dropCopy(tmp, file, err);
  }
  return keepCopy(tmp, file, info);
}
