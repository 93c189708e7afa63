// The plan intake contract: a dropped plan document read in main (text, or OCR of a scan/photo with its page
// images) and the intake decisions made there once for the app and the CLI: the extract-plan fields, and for each
// target found the catalog indicators it may be (best first) and the new indicator it would become.
import { z } from 'zod';
import { FileIn, Id, OptText, Text } from './common';
import { Aggregation, Indicator } from './indicators';
import { PlanExtract, PlanTarget } from './plan-extract';

const Bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'Cần nội dung ảnh (bytes)' });

/** One page of a scan as OCR read it, shown beside the form so each field can be checked against it. */
export const OcrPage = z.object({
  image: Bytes,
  mime: z.enum(['image/png', 'image/jpeg']),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Mean word confidence, 0–100. */
  confidence: z.number().min(0).max(100),
});
export type OcrPage = z.infer<typeof OcrPage>;

export const IntakeOcr = z.object({
  pages: z.array(OcrPage),
  confidence: z.number().min(0).max(100),
  /** Pages in the file (only the first MAX_OCR_PAGES are read). */
  pagesInFile: z.number().int().positive(),
});
export type IntakeOcr = z.infer<typeof IntakeOcr>;

/** What a target would become as a new catalog indicator (its code is given when it is created). */
export const NewIndicatorProposal = z.object({
  label: z.string(),
  unit: z.string().nullable(),
  groupCode: z.string(),
  groupLabel: z.string(),
  aggregation: Aggregation,
});
export type NewIndicatorProposal = z.infer<typeof NewIndicatorProposal>;

export const IntakeTarget = PlanTarget.extend({
  /** Catalog indicators this target may be, best first (shared words, same unit); the first is the default. */
  suggestions: z.array(z.object({ indicatorId: Id, score: z.number() })),
  newIndicator: NewIndicatorProposal,
  /** Read by OCR: to be checked against the page before it is used. */
  fromOcr: z.boolean(),
});
export type IntakeTarget = z.infer<typeof IntakeTarget>;

export const PlanIntake = z.object({
  /** The fields read; the title is NFC, white space folded and trimmed, as stored. */
  extract: PlanExtract,
  targets: z.array(IntakeTarget),
  /** Set when the document was read by OCR: every field is to be checked against these pages. */
  ocr: IntakeOcr.nullable(),
});
export type PlanIntake = z.infer<typeof PlanIntake>;

export const planIntakeChannels = {
  /** Read a plan document (long for a scan: progress events carry `taskId`, 'tasks.cancel' with it stops). */
  'plans.intake': { input: z.object({ file: FileIn, taskId: z.string().min(1).max(100).optional() }), output: PlanIntake },
  /** Add a target found in a document to the catalog as a new indicator; main gives the code. */
  'plans.intakeIndicator': {
    input: z.object({
      label: Text(500).pipe(z.string().min(2, { message: 'Cần nhập nội dung chỉ tiêu' })),
      unit: OptText(50),
      groupCode: Text(20).pipe(z.string().min(1)),
    }),
    output: Indicator,
  },
};
