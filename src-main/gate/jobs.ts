// The reads of outside files that run behind the gate (in a worker thread, see isolated.ts): each job kind is one
// pure reader, every one of them pre-flighted (size, type by content, zip entries and inflated size) and bounded.
import type { PlanExtract } from '../contract/plan-extract';
import { extractPlan } from '../docs/extract-plan/index';
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
  /** A plan document read and its fields extracted (the extraction's regexes run on outside text: here too). */
  plan: PlanExtract;
  /** An outside workbook with mapped cells filled (the province's template). */
  'fill-workbook': FillResult;
}

/** Run one job here (in the worker, or in this thread when no worker can start). `timeoutMs`: cooperative deadline. */
export async function runGateJob<J extends GateJob>(job: J, timeoutMs: number): Promise<GateResults[J['kind']]> {
  const r: GateResults[GateJob['kind']] =
    job.kind === 'units' ? await readUnitsWorkbook(job.bytes, job.fileName, timeoutMs)
    : job.kind === 'models' ? await readModelsWorkbook(job.bytes, job.fileName, timeoutMs)
    : job.kind === 'plan-register' ? await readPlanRegisterWorkbook(job.bytes, job.fileName, timeoutMs)
    : job.kind === 'fill-workbook' ? await fillCells(job.bytes, job.fileName, job.cells)
    : job.kind === 'plan' ? extractPlan(await readDocumentText(job.fileName, job.bytes, { pdfTimeoutMs: timeoutMs }))
    : await readDocumentText(job.fileName, job.bytes, { pdfTimeoutMs: timeoutMs });
  return r as GateResults[J['kind']];
}
