// Worker-thread entry of the work done ahead for a plan (checks-off-thread.ts): "Kiểm tra số liệu" and the
// consolidation with its tracking, each on its own read-only connection opened per job (a restore may have replaced
// the file; what the connections keep is shared while the file is the same) inside one read snapshot, posted back so
// the main thread keeps answering meanwhile. The consolidation's units × indicators matrix stays here until asked for
// (~10 MB to copy on a 5,000-unit plan). It also makes the files the user asks for that are read from the data alone
// (file-jobs.ts, export-off-thread.ts). Built as out/main/checks-worker.js.
import { statSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { Consolidation } from '../contract/consolidation';
import type { Db } from '../db/connection';
import { shareKept } from '../db/kept-scope';
import { inReadSnapshot, inReadSnapshotAsync, openReadConnection } from '../db/read-connection';
import { computeConsolidation, type ConsolidationSummary } from './consolidation';
import { computeTracking } from './tracking';
import { planWarnings } from './value-review';
import { makeFile, type FileJob } from './file-jobs';

export type AheadJob = { id: number } & (
  | { kind: 'checks'; dbFile: string; planId: number }
  /** `key` names this job's matrix, kept for a later 'matrix' job. */
  | { kind: 'consolidation'; dbFile: string; planId: number; today: string; key: string }
  | { kind: 'matrix'; key: string }
  /** A file the user asked for (export-off-thread.ts). */
  | { kind: 'export'; dbFile: string; job: FileJob }
);

const port = parentPort;
// work done ahead yields to the pages the user is on: on Linux a thread has its own priority (elsewhere the call would
// lower the whole app, so it is left as is there)
if (port && process.platform === 'linux')
  try {
    setPriority(10);
  } catch {
    // not allowed here: runs at the normal priority
  }

/** The matrix of the last consolidation built here, by its job's key. */
let kept: { key: string; matrix: Consolidation['matrix'] } | null = null;

/** The results the jobs' connections keep (a plan's values, the units' histories), shared while the file is the same
 *  one: a restore puts another file in its place (a rename: another inode), whose connections start afresh. */
let scope: { file: string; id: string; scope: object } | null = null;

function scopeOf(file: string): object {
  const st = statSync(file, { bigint: true });
  const id = `${st.dev}:${st.ino}`;
  if (scope?.file !== file || scope.id !== id) scope = { file, id, scope: {} };
  return scope.scope;
}

/** A job's own read-only connection, sharing what the connections to this same file keep. */
function jobConnection(file: string): Db {
  const db = openReadConnection(file);
  shareKept(db, scopeOf(file));
  return db;
}

/** An export on its own connection, all its reads in one snapshot (the file is built after them, awaited). */
async function exportFile(job: Extract<AheadJob, { kind: 'export' }>): Promise<unknown> {
  const db = jobConnection(job.dbFile);
  try {
    return await inReadSnapshotAsync(db, () => makeFile(db, job.job));
  } finally {
    db.close();
  }
}

function run(job: AheadJob): unknown {
  if (job.kind === 'matrix') return kept?.key === job.key ? kept.matrix : null;
  if (job.kind === 'export') return exportFile(job);
  const db = jobConnection(job.dbFile);
  try {
    return inReadSnapshot(db, () => {
      if (job.kind === 'checks') return planWarnings(db, job.planId);
      const tracking = computeTracking(db, job.planId, job.today);
      const { matrix, ...rest } = computeConsolidation(db, job.planId, job.today, tracking);
      kept = { key: job.key, matrix };
      const summary: ConsolidationSummary = { ...rest, matrixRows: matrix.units.length };
      return { tracking, summary };
    });
  } finally {
    db.close();
  }
}

if (port)
  port.on('message', (job: AheadJob) => {
    const fail = (e: unknown) => port.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) });
    try {
      const value = run(job);
      if (value instanceof Promise) value.then((v) => port.postMessage({ id: job.id, value: v }), fail);
      else port.postMessage({ id: job.id, value });
    } catch (e) {
      fail(e);
    }
  });
