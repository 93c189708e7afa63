// The reads of outside files that run behind the gate (in a worker thread, see isolated.ts): each job kind is one
// pure reader, every one of them pre-flighted (size, type by content, zip entries and inflated size) and bounded.
import { PLAN_EXTRACT_FIELDS, type PlanExtract } from '../contract/plan-extract';
import { extractPlan } from '../docs/extract-plan/index';
import { readPlanSource, type PlanSource, type SourceProgress } from '../docs/plan-source';
import { readDocumentText } from '../docs/read-document';
import { fillCells, type FillCell, type FillResult } from '../excel/fill-cells';
import type { LabelledTable } from '../excel/labelled-table';
import { readModelsWorkbook, type ModelsSheet } from '../excel/models-read';
import { readPlanRegisterWorkbook, type RegField } from '../excel/plan-register-read';
import { readUnitsWorkbook, type UnitsSheet } from '../excel/units-read';

export type GateJob =
  | { kind: 'units' | 'models' | 'plan-register' | 'document' | 'plan'; bytes: Uint8Array; fileName: string }
  | { kind: 'fill-workbook'; bytes: Uint8Array; fileName: string; cells: FillCell[] };

export interface GateResults {
  units: UnitsSheet;
  models: ModelsSheet;
  'plan-register': LabelledTable<RegField>;
  /** NFC plain text of a plan document. */
  document: string;
  /**
   * A plan document read (text, or OCR of a scan/photo with its page images) and its fields extracted (the
   * extraction's regexes run on outside text: here too).
   */
  plan: PlanRead;
  /** An outside workbook with mapped cells filled (the province's template). */
  'fill-workbook': FillResult;
}

export interface PlanRead {
  extract: PlanExtract;
  ocr: PlanSource['ocr'];
}

export type GateProgress = SourceProgress;

/** The mark on every field read by OCR. */
const OCR_CHECK = 'Cần kiểm tra với ảnh (OCR)';

/** The fields of a plan document; from OCR every field is to be checked against the page (said in `warnings`). */
async function readPlan(job: GateJob, timeoutMs: number, onProgress?: (p: GateProgress) => void): Promise<PlanRead> {
  const source = await readPlanSource(job.fileName, job.bytes, { pdfTimeoutMs: timeoutMs, ...(onProgress ? { onProgress } : {}) });
  const extract = extractPlan(source.text);
  if (source.ocr) {
    const more =
      source.ocr.pagesInFile > source.ocr.pages.length ? ` (đọc ${source.ocr.pages.length}/${source.ocr.pagesInFile} trang đầu)` : '';
    // Every field read is marked to be checked against the page (the form shows it at the field).
    const found = PLAN_EXTRACT_FIELDS.filter((f) => !extract.missing.includes(f));
    extract.warnings.unshift(
      {
        field: 'document',
        message: `Văn bản được đọc bằng nhận dạng chữ (OCR) từ ảnh quét${more}, độ tin cậy ${source.ocr.confidence}%: mọi mục cần kiểm tra lại với ảnh trang văn bản.`,
      },
      ...found.map((field) => ({ field, message: OCR_CHECK })),
    );
  }
  return { extract, ocr: source.ocr };
}

/** Run one job here (in the worker, or in this thread when no worker can start). `timeoutMs`: cooperative deadline. */
export async function runGateJob<J extends GateJob>(
  job: J,
  timeoutMs: number,
  onProgress?: (p: GateProgress) => void,
): Promise<GateResults[J['kind']]> {
  const r: GateResults[GateJob['kind']] =
    job.kind === 'units'
      ? await readUnitsWorkbook(job.bytes, job.fileName, timeoutMs)
      : job.kind === 'models'
        ? await readModelsWorkbook(job.bytes, job.fileName, timeoutMs)
        : job.kind === 'plan-register'
          ? await readPlanRegisterWorkbook(job.bytes, job.fileName, timeoutMs)
          : job.kind === 'fill-workbook'
            ? await fillCells(job.bytes, job.fileName, job.cells)
            : job.kind === 'plan'
              ? await readPlan(job, timeoutMs, onProgress)
              : await readDocumentText(job.fileName, job.bytes, { pdfTimeoutMs: timeoutMs });
  return r as GateResults[J['kind']];
}
