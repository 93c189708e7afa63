// The one worker thread that does work ahead for the pages (checks-worker.ts): jobs go to it one at a time, the
// quick ones first (an export the user asked for or a matrix, then a consolidation, then the seconds-long checks),
// and a job not started yet is answered by a newer one for the same work (the data changed again meanwhile: its
// result would be stale anyway).
// A job under way is left to finish: stopping it and starting the worker afresh made the Tổng hợp tab right after a
// change slower (800 against 575–615 ms, the restarted worker competing with the main thread for the same figures).
// Only an export the user asked for stops the checks under way (they start again after it).
import type { Worker } from 'node:worker_threads';
import { startWorker, workerEntryBeside } from '../threads/worker-start';
import type { AheadJob } from './checks-worker';

/** A job as asked (the id is given here). */
export type Job = AheadJob extends infer J ? (J extends AheadJob ? Omit<J, 'id'> : never) : never;

interface Queued {
  job: Job;
  id: number;
  /** When the worker was given it (performance.now()). */
  startedAt?: number;
  settle: { resolve: (v: unknown) => void; reject: (e: Error) => void }[];
  promise?: Promise<unknown>;
}

const PRIORITY: Record<Job['kind'], number> = { export: 0, matrix: 0, consolidation: 1, checks: 2 };

type Reply = { id: number; value: unknown } | { id: number; error: string };
let worker: Worker | null | undefined; // undefined: not started yet; null: no worker here (computed in-thread)
let running: Queued | null = null;
const queue: Queued[] = [];
let nextId = 1;
/** How long the last job of each kind took in the worker, start-up included (ms). */
const lastMs = new Map<Job['kind'], number>();

const workerEntry = (): URL | null => workerEntryBeside(import.meta.url, 'checks-worker');

function thread(): Worker | null {
  if (worker !== undefined) return worker;
  const url = workerEntry();
  try {
    worker = url ? startWorker(url) : null;
  } catch {
    worker = null;
  }
  if (!worker) return null;
  const w = worker;
  const failAll = (e: Error) => {
    if (worker !== w) return; // stopped already (stopAheadWork): its jobs failed then
    for (const q of [...(running ? [running] : []), ...queue.splice(0)]) for (const s of q.settle) s.reject(e);
    running = null;
    worker = undefined; // started again on the next job
  };
  worker.on('message', (r: Reply) => {
    if (worker !== w) return;
    const q = running;
    if (!q || q.id !== r.id) return;
    running = null;
    lastMs.set(q.job.kind, performance.now() - (q.startedAt ?? 0));
    for (const s of q.settle)
      if ('error' in r) s.reject(new Error(r.error));
      else s.resolve(r.value);
    next();
  });
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('checks worker exited')));
  worker.unref(); // idle, it never keeps the app (or a test run) alive; a job waited for does
  return worker;
}

function next(): void {
  const w = worker;
  if (!w) return;
  const q = running ? undefined : queue.shift();
  if (!q) {
    if (!running) w.unref();
    return;
  }
  running = q;
  q.startedAt = performance.now();
  w.ref(); // a CLI awaiting the answer must not exit before it comes
  w.postMessage({ ...q.job, id: q.id });
}

const sameWork = (a: Job, b: Job): boolean =>
  a.kind === b.kind &&
  a.kind !== 'matrix' &&
  b.kind !== 'matrix' &&
  a.kind !== 'export' && // each export is the user's own request
  b.kind !== 'export' &&
  a.dbFile === b.dbFile &&
  a.planId === b.planId &&
  (a.kind !== 'consolidation' || (b.kind === 'consolidation' && a.today === b.today));

/**
 * An export the user waits for does not wait behind the seconds-long checks (5 s on a 4,461-unit plan): the worker
 * doing them is stopped, they go back in the queue (after the export) and start again in a new worker. The work done
 * ahead only; nothing is lost but the checks' time so far.
 */
function makeWayFor(job: Job): void {
  const q = running;
  const w = worker;
  if (job.kind !== 'export' || !q || q.job.kind !== 'checks' || !w) return;
  worker = undefined; // its exit is ignored (see failAll); thread() starts a new one
  running = null;
  queue.unshift(q);
  void w.terminate();
}

/** Queue a job for the worker; null when there is no worker here (the caller computes in its own thread). */
export function inWorker(job: Job): Promise<unknown> | null {
  makeWayFor(job);
  if (!thread()) return null;
  const q: Queued = { job, id: nextId++, settle: [] };
  q.promise = new Promise((resolve, reject) => q.settle.push({ resolve, reject }));
  const older = queue.findIndex((x) => sameWork(x.job, job));
  if (older >= 0) q.settle.push(...queue.splice(older, 1)[0]!.settle); // answered by this one
  const at = queue.findIndex((x) => PRIORITY[x.job.kind] > PRIORITY[job.kind]);
  queue.splice(at < 0 ? queue.length : at, 0, q);
  next();
  return q.promise;
}

/** Whether the worker is doing this job now (not waiting behind another). */
export function isRunning(job: Promise<unknown>): boolean {
  return running?.promise === job;
}

/** Whether the worker is doing this job now and, by how long the last job of its kind took, is past half of it: then
 *  waiting for it is quicker than doing the same work again in another thread. */
export function pastHalf(job: Promise<unknown>): boolean {
  if (!running || running.promise !== job) return false;
  const last = lastMs.get(running.job.kind);
  return last !== undefined && performance.now() - (running.startedAt ?? 0) >= last / 2;
}

/** Whether the worker has nothing to do (a job given now starts at once). */
export function isIdle(): boolean {
  return worker !== null && !running && queue.length === 0;
}

/**
 * Stop the work done ahead now, before the data file is replaced or let go (a restore, moving the data, closing): the
 * jobs asked fail (their callers compute in their own thread when asked again) and the worker thread ends, with the
 * connection it had open (on Windows an open file cannot be renamed over). The next job starts a new worker.
 */
export async function stopAheadWork(): Promise<void> {
  const w = worker;
  if (!w) return;
  worker = undefined;
  const stopped = new Error('work done ahead stopped');
  for (const q of [...(running ? [running] : []), ...queue.splice(0)]) for (const s of q.settle) s.reject(stopped);
  running = null;
  await w.terminate();
}
