// The consolidated Excel and Word files of a plan made in the work-ahead worker (checks-worker.ts) on its own read
// connection, in one read snapshot, when that worker is free: seconds on a province-sized plan (the Excel of 4,461
// units takes 5–6 s; made in this thread it held the app 4.4 s of them), during which the app now keeps answering.
// A busy worker (a job under way is left to finish), no worker, or a failure there: made in this thread as before.
import type { FileOut } from '../contract/common';
import { inWorker, isIdle } from './ahead-worker';
import type { ChecksRun } from './checks-off-thread';
import { exportConsolidatedFile, type DocOptions, type ExportFormat } from './consolidation-export';

/** The export, off this thread when the worker is free; its errors are those of this thread's export. */
export function exportConsolidated(run: ChecksRun, format: ExportFormat, o: DocOptions): Promise<FileOut> {
  const off = run.offThread && isIdle() ? inWorker({ kind: 'export', dbFile: run.dbFile, format, options: o }) : null;
  const here = () => exportConsolidatedFile(run.db, format, o);
  return off ? (off as Promise<FileOut>).catch(here) : here();
}
