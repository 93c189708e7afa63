// Files made from the data that take seconds on a large database (file-jobs.ts: the consolidated Excel, Word and PDF
// of a plan, the upward package, the year's Dân vận khéo report, the units list, the audit log) are made in the
// work-ahead worker (checks-worker.ts) on its own read connection, in one read snapshot, while the app keeps
// answering. Made in this thread they held the app, on the large bench database: 4.4 s (the consolidated Excel of a
// 4,461-unit plan), 4.7 s (its upward package), 2.3 s (the Dân vận khéo report of 5,000 units' models), 1.1 s
// (30,000 lines of audit log), 0.85 s (5,000 units), 0.4–0.9 s (the PDF). A job under way there (the seconds-long
// checks after an import) is stopped for it and starts again after it (ahead-worker.ts). No worker, or a failure
// there: made in this thread as before. The builders (file-jobs.ts and the writers under it) are loaded only then, so
// a module that offers an export does not load every writer with it.
import type { FileOut } from '../contract/common';
import { inWorker } from './ahead-worker';
import type { AheadRun } from './ahead-run';
import type { DocOptions, ExportFormat } from './consolidation-export';
import type { FileJob } from './file-jobs';

/** The file, off this thread when there is a worker; its errors are those of this thread's making. */
export function makeFileOffThread(run: AheadRun, job: FileJob): Promise<FileOut> {
  const off = run.offThread ? inWorker({ kind: 'export', dbFile: run.dbFile, job }) : null;
  const here = () => import('./file-jobs').then(({ makeFile }) => makeFile(run.db, job));
  return off ? (off as Promise<FileOut>).catch(here) : here();
}

/** The consolidated Excel or Word file of a plan (see makeFileOffThread). */
export const exportConsolidated = (run: AheadRun, format: ExportFormat, options: DocOptions): Promise<FileOut> =>
  makeFileOffThread(run, { what: 'consolidated', format, options });
