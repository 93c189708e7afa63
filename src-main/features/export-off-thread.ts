// The consolidated Excel and Word files of a plan made in the work-ahead worker (checks-worker.ts) on its own read
// connection, in one read snapshot: seconds on a province-sized plan (the Excel of 4,461 units takes 5–6 s; made in
// this thread it held the app 4.4 s of them), during which the app now keeps answering. A job under way there (the
// seconds-long checks after an import) is left to finish and the export goes next, before any other waiting job:
// made here meanwhile, it froze the app for as long. No worker, or a failure there: made in this thread as before.
import type { FileOut } from '../contract/common';
import { inWorker } from './ahead-worker';
import type { ChecksRun } from './checks-off-thread';
import { exportConsolidatedFile, type DocOptions, type ExportFormat } from './consolidation-export';

/** The export, off this thread when there is a worker; its errors are those of this thread's export. */
export function exportConsolidated(run: ChecksRun, format: ExportFormat, o: DocOptions): Promise<FileOut> {
  const off = run.offThread ? inWorker({ kind: 'export', dbFile: run.dbFile, format, options: o }) : null;
  const here = () => exportConsolidatedFile(run.db, format, o);
  return off ? (off as Promise<FileOut>).catch(here) : here();
}
