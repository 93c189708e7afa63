// "Kiểm tra số liệu" of a plan off the main thread and ahead of time (issue #17: seconds on a province-sized
// database): computed in a worker (checks-worker.ts) on its own read-only connection while the main thread keeps
// answering, asked ahead when a plan's reports are opened (`checks.prepare`, which also has the worker build the
// plan's Tổng hợp), and kept per (plan, version of the checks' inputs: db/check-data.ts checkInputsVersion), so a
// result is reused only while a fresh computation would give the same one.
import type { ValueWarning } from '../contract/checks';
import type { Consolidation, Tracking } from '../contract/consolidation';
import type { ConsolidationSummary } from './consolidation';
import { dataVersion, type Db } from '../db/connection';
import { checkInputsVersion } from '../db/check-data';
import { planWarnings } from './value-review';
import { inWorker, isIdle, pastHalf, type Job } from './ahead-worker';
import type { AheadRun } from './ahead-run';

const KEEP = 4; // each holds a plan's warnings (tens of thousands on a province-sized plan)
interface Entry {
  key: string;
  result: Promise<ValueWarning[]>;
  /** Set once computed. */
  value: ValueWarning[] | null;
}
const caches = new WeakMap<Db, Entry[]>();

type JobOf<K extends Job['kind']> = Extract<Job, { kind: K }>;
function job(j: JobOf<'checks'>): Promise<ValueWarning[]> | null;
function job(j: JobOf<'consolidation'>): Promise<Prepared> | null;
function job(j: JobOf<'matrix'>): Promise<Consolidation['matrix'] | null> | null;
function job(j: Job): Promise<unknown> | null {
  return inWorker(j);
}

function entryFor(run: AheadRun, planId: number): Entry {
  // read before computing: a later write only makes this entry unreachable; a write to none of the checks' inputs
  // keeps it (checkInputsVersion)
  const key = `${planId}|${checkInputsVersion(run.db)}`;
  let list = caches.get(run.db);
  if (!list) caches.set(run.db, (list = []));
  const hit = list.find((e) => e.key === key);
  if (hit) return hit;
  const here = () => planWarnings(run.db, planId);
  // a worker's failure (no worker file, a plan that does not exist) is answered by this thread, with its own error
  const off = run.offThread ? job({ kind: 'checks', dbFile: run.dbFile, planId }) : null;
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
export function planChecks(run: AheadRun, planId: number): Promise<ValueWarning[]> {
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
export function prepareChecks(run: AheadRun, planId: number, first = 0): ChecksReadiness {
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
  /** The consolidation without its matrix; the worker keeps the matrix of its last job until asked (matrixAhead). */
  summary: ConsolidationSummary;
}
interface Ahead {
  version: string;
  /** What the worker's job for `version` is called there (its kept matrix answers to it). */
  key: string;
  value: Prepared | null;
  /** Set until the job is done: its result (null if it failed). */
  pending: Promise<Prepared | null> | null;
  job: Promise<unknown>;
}
let jobs = 0;
const prepared = new WeakMap<Db, Map<string, Ahead>>();

/** Have the worker build the plan's tracking and consolidation for `today` (the Tổng hợp tab's first visit). */
export function prepareConsolidation(run: AheadRun, planId: number, today: string): Promise<void> {
  const at = `${planId}|${today}`;
  const version = dataVersion(run.db); // read before the worker's snapshot, which can only be as new or newer
  let map = prepared.get(run.db);
  if (!map) prepared.set(run.db, (map = new Map()));
  const store = map;
  const known = store.get(at);
  if (!run.offThread || known?.version === version) return (known?.pending ?? Promise.resolve(null)).then(() => undefined);
  const key = `${at}|${version}|${++jobs}`;
  const started = job({ kind: 'consolidation', dbFile: run.dbFile, planId, today, key });
  if (!started) return Promise.resolve();
  const entry: Ahead = { version, key, value: null, pending: null, job: started };
  entry.pending = started.then(
    (value) => {
      entry.value = value;
      entry.pending = null;
      return value;
    },
    () => {
      if (store.get(at) === entry) store.delete(at); // computed in this thread when asked, as without a worker
      return null;
    },
  );
  store.clear(); // one plan at a time: what the user has open
  store.set(at, entry);
  return entry.pending.then(() => undefined);
}

/** The worker's entry for the plan and `today` when it was asked for the data as it is now. */
function current(db: Db, planId: number, today: string): Ahead | null {
  const hit = prepared.get(db)?.get(`${planId}|${today}`);
  return hit && hit.version === dataVersion(db) ? hit : null;
}

/** What the worker built for the plan and `today`, when the data has not changed since it was asked. */
export function preparedConsolidation(db: Db, planId: number, today: string): Prepared | null {
  return current(db, planId, today)?.value ?? null;
}

/** The worker's job for the plan and `today` under way on the data as it is now: its result, to wait for instead of
 *  computing the same in this thread (null when it failed or the data changed meanwhile). Only once it is past half of
 *  it: waiting behind another job (the checks of a large plan take seconds), or for a worker just started at a lower
 *  priority, is slower than computing it here (measured: 1.0 s against 0.4 s on the 5,000-unit database). */
export function pendingConsolidation(db: Db, planId: number, today: string): Promise<Prepared | null> | null {
  const hit = current(db, planId, today);
  return hit?.pending && pastHalf(hit.job) ? hit.pending.then(() => preparedConsolidation(db, planId, today)) : null;
}

/** The units × indicators matrix the worker built with the prepared consolidation of the data as it is now, sent only
 *  when asked (~10 MB to copy on a 5,000-unit plan); null when it has none for this data (then computed here). */
export function matrixAhead(run: AheadRun, planId: number, today: string): Promise<Consolidation['matrix'] | null> | null {
  const hit = current(run.db, planId, today);
  if (!hit?.value || !isIdle()) return null; // behind the seconds-long checks, computing it here is quicker
  const asked = job({ kind: 'matrix', key: hit.key });
  return asked ? asked.catch(() => null) : null;
}
