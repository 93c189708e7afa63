// "Kiểm tra số liệu" of a plan off the main thread and ahead of time (issue #17: seconds on a province-sized
// database): computed in a worker (checks-worker.ts) on its own read-only connection while the main thread keeps
// answering, asked ahead when a plan's reports are opened (`checks.prepare`, which also has the worker build the
// plan's Tổng hợp), and kept per (plan, data version) like features/data-version-cache.ts, so a result is reused
// only while a fresh computation would give the same one.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { ValueWarning } from '../contract/checks';
import type { Consolidation, Tracking } from '../contract/consolidation';
import { dataVersion, type Db } from '../db/connection';
import { startWorker } from '../excel/report/parse-pool';
import { planWarnings } from './value-review';
import type { AheadJob } from './checks-worker';

const KEEP = 4; // each holds a plan's warnings (tens of thousands on a province-sized plan)
interface Entry {
  key: string;
  result: Promise<ValueWarning[]>;
  /** Set once computed. */
  value: ValueWarning[] | null;
}
const caches = new WeakMap<Db, Entry[]>();

function workerEntry(): URL | null {
  const here = import.meta.url;
  const rels = /\.ts$/.test(here) ? ['./checks-worker.ts'] : ['./checks-worker.js', '../checks-worker.js'];
  for (const rel of rels) {
    const url = new URL(rel, here);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

type Reply = { id: number; value: unknown } | { id: number; error: string };
let worker: Worker | null | undefined; // undefined: not started yet; null: no worker here (computed in-thread)
const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
let nextId = 1;

function thread(): Worker | null {
  if (worker !== undefined) return worker;
  const url = workerEntry();
  try {
    worker = url ? startWorker(url) : null;
  } catch {
    worker = null;
  }
  if (!worker) return null;
  const failAll = (e: Error) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
    worker = undefined; // started again on the next job
  };
  worker.on('message', (r: Reply) => {
    const w = waiting.get(r.id);
    waiting.delete(r.id);
    if (waiting.size === 0) worker?.unref();
    if (!w) return;
    if ('error' in r) w.reject(new Error(r.error));
    else w.resolve(r.value);
  });
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('checks worker exited')));
  worker.unref(); // idle, it never keeps the app (or a test run) alive; a job waited for does (inWorker)
  return worker;
}

type JobOf<K extends AheadJob['kind']> = Omit<Extract<AheadJob, { kind: K }>, 'id'>;
function inWorker(job: JobOf<'checks'>): Promise<ValueWarning[]> | null;
function inWorker(job: JobOf<'consolidation'>): Promise<Prepared> | null;
function inWorker(job: Omit<AheadJob, 'id'>): Promise<unknown> | null {
  const w = thread();
  if (!w) return null;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.ref(); // a CLI awaiting the answer must not exit before it comes
    w.postMessage({ ...job, id });
  });
}

export interface ChecksRun {
  db: Db;
  dbFile: string;
  /** In a worker (the app, browser mode); in this thread for the CLI and tests, as before. */
  offThread: boolean;
}

function entryFor(run: ChecksRun, planId: number): Entry {
  const key = `${planId}|${dataVersion(run.db)}`; // read before computing: a later write only makes this entry unreachable
  let list = caches.get(run.db);
  if (!list) caches.set(run.db, (list = []));
  const hit = list.find((e) => e.key === key);
  if (hit) return hit;
  const here = () => planWarnings(run.db, planId);
  // a worker's failure (no worker file, a plan that does not exist) is answered by this thread, with its own error
  const off = run.offThread ? inWorker({ kind: 'checks', dbFile: run.dbFile, planId }) : null;
  let result: Promise<ValueWarning[]>;
  if (off) result = off.catch(here);
  else
    try {
      result = Promise.resolve(here());
    } catch (e) {
      result = Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  const entry: Entry = { key, result, value: null };
  result.then(
    (value) => (entry.value = value),
    () => {
      const k = list.indexOf(entry); // a failure is never reused
      if (k >= 0) list.splice(k, 1);
    },
  );
  list.unshift(entry);
  list.length = Math.min(list.length, KEEP);
  return entry;
}

/** The plan's warnings for the data as it is now (computed once per data version). */
export function planChecks(run: ChecksRun, planId: number): Promise<ValueWarning[]> {
  return entryFor(run, planId).result;
}

/** What checks.prepare answers: whether the warnings are ready, then their counts and the first open ones. */
interface ChecksReadiness {
  ready: boolean;
  total: number | null;
  open: number | null;
  firstOpen: ValueWarning[];
}

/** Start computing the plan's warnings if not done for this data version; whether they are ready (and their counts). */
export function prepareChecks(run: ChecksRun, planId: number, first = 0): ChecksReadiness {
  const entry = entryFor(run, planId);
  entry.result.catch(() => undefined); // asked ahead: a failure is reported to whoever asks for the result
  const w = entry.value;
  if (!w) return { ready: false, total: null, open: null, firstOpen: [] };
  let open = 0;
  const firstOpen: ValueWarning[] = [];
  for (const x of w)
    if (x.status === 'open') {
      open++;
      if (firstOpen.length < first) firstOpen.push(x);
    }
  return { ready: true, total: w.length, open, firstOpen };
}

interface Prepared {
  tracking: Tracking;
  consolidation: Consolidation;
}
const prepared = new WeakMap<Db, Map<string, { version: string; value: Prepared }>>();

/** Have the worker build the plan's tracking and consolidation for `today` (the Tổng hợp tab's first visit). */
export function prepareConsolidation(run: ChecksRun, planId: number, today: string): Promise<void> {
  const key = `${planId}|${today}`;
  const version = dataVersion(run.db); // read before the worker's snapshot, which can only be as new or newer
  let map = prepared.get(run.db);
  if (!map) prepared.set(run.db, (map = new Map()));
  const store = map;
  const job =
    run.offThread && store.get(key)?.version !== version ? inWorker({ kind: 'consolidation', dbFile: run.dbFile, planId, today }) : null;
  return (job ?? Promise.resolve(null)).then(
    (value) => {
      if (!value) return;
      store.clear(); // one plan at a time: what the user has open
      store.set(key, { version, value });
    },
    () => undefined, // computed in this thread when asked, as without a worker
  );
}

/** What the worker built for the plan and `today`, when the data has not changed since it was asked. */
export function preparedConsolidation(db: Db, planId: number, today: string): Prepared | null {
  const hit = prepared.get(db)?.get(`${planId}|${today}`);
  return hit && hit.version === dataVersion(db) ? hit.value : null;
}
