// The files made from the data alone (no write) that take seconds on a large database, named as jobs so the same
// builder runs in the work-ahead worker (export-off-thread.ts) or, without one, in this thread: the consolidated Excel,
// Word and PDF report of a plan, the upward package, the year's Dân vận khéo report, the units list, the audit log.
import type { FileOut } from '../contract/common';
import type { Db } from '../db/connection';
import { exportConsolidatedFile, exportConsolidatedPdf, type DocOptions, type ExportFormat } from './consolidation-export';
import type { FontFiles } from '../docs/pdf/fonts';
import { buildUpwardPackage, type UpwardOptions } from './consolidation-upward-package';
import { exportModelSummary } from './models-export';
import { exportUnits } from './units-export';
import { exportAudit } from './audit-export';

export type FileJob =
  | { what: 'consolidated'; format: ExportFormat; options: DocOptions }
  /** The report as PDF, with the font files found by the thread that asks (pdf-export.ts pdfFonts). */
  | { what: 'consolidated-pdf'; options: DocOptions; fonts: FontFiles }
  | { what: 'upward'; planId: number; options: UpwardOptions }
  | { what: 'models-summary'; year: number; now: Date }
  | { what: 'units'; includeInactive: boolean; now: Date }
  | { what: 'audit'; format: 'xlsx' | 'csv'; limit: number; now: Date };

/** The file a job names, made on `db` in the calling thread. */
export function makeFile(db: Db, job: FileJob): Promise<FileOut> {
  if (job.what === 'consolidated') return exportConsolidatedFile(db, job.format, job.options);
  if (job.what === 'consolidated-pdf') return exportConsolidatedPdf(db, job.options, job.fonts);
  if (job.what === 'upward') return buildUpwardPackage(db, job.planId, job.options);
  if (job.what === 'models-summary') return exportModelSummary(db, job.year, job.now);
  if (job.what === 'units') return exportUnits(db, job.includeInactive, job.now);
  return exportAudit(db, job.format, job.limit, job.now);
}
