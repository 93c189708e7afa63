// "Dân vận khéo" models register schemas: a model's registration (unit, name, type, field, year, new or carried
// over, the nine registration fields, person in charge), its steps, evidence, reviews, status, recognition and
// awards; yearly registration coverage; registration form import/export channels.
import { z } from 'zod';
import { FileIn, FileOut, Id, Issue, IsoDate, OptText, Text } from './common';
import { MODEL_FIELDS, MODEL_STATUSES, MODEL_TYPES, RECOGNITION_LEVELS, COVERAGE_STATES } from './model-labels';

export * from './model-labels';
export const ModelType = z.enum(MODEL_TYPES);
export const ModelField = z.enum(MODEL_FIELDS);
export const ModelStatus = z.enum(MODEL_STATUSES);
export const RecognitionLevel = z.enum(RECOGNITION_LEVELS);
const Year = z.number().int().min(2000, { message: 'Năm không hợp lệ' }).max(2100, { message: 'Năm không hợp lệ' });
const LongText = OptText(4000);

export const Award = z.object({
  /** Hình thức: Giấy khen, Bằng khen... */
  form: Text(200).pipe(z.string().min(1, { message: 'Cần nhập hình thức khen thưởng' })),
  /** Cấp/cơ quan khen: "LĐLĐ tỉnh". */
  by: OptText(300),
  on: IsoDate.nullable().default(null),
});
export type Award = z.infer<typeof Award>;

export const ModelDraft = z
  .object({
    id: Id.optional(),
    unitId: Id,
    planId: Id.nullable().default(null),
    year: Year,
    /** Year the model started; earlier than `year` = carried over (duy trì), not counted as new. */
    startedYear: Year.nullable().default(null),
    name: Text(500).pipe(z.string().min(3, { message: 'Cần nhập tên mô hình' })),
    type: ModelType.default('mo_hinh'),
    field: ModelField,
    registeredOn: IsoDate,
    situation: LongText,
    goals: LongText,
    method: LongText,
    scope: LongText,
    forces: LongText,
    resources: LongText,
    outputs: LongText,
    sustainability: LongText,
    person: OptText(200),
    phone: OptText(40),
    midReview: LongText,
    midReviewOn: IsoDate.nullable().default(null),
    endReview: LongText,
    endReviewOn: IsoDate.nullable().default(null),
    awards: z.array(Award).max(50).default([]),
    note: OptText(2000),
  })
  .refine((d) => d.startedYear === null || d.startedYear <= d.year, {
    message: 'Năm bắt đầu không được sau năm đăng ký',
    path: ['startedYear'],
  });
export type ModelDraft = z.infer<typeof ModelDraft>;
export type ModelDraftInput = z.input<typeof ModelDraft>;

const ModelEvidence = z.object({
  id: Id,
  step: z.number().int(),
  onDate: z.string(),
  note: z.string().nullable(),
  name: z.string(),
  size: z.number().int(),
});
type ModelEvidence = z.infer<typeof ModelEvidence>;

export const Model = z.object({
  id: Id,
  unitId: Id,
  unitCode: z.string(),
  unitName: z.string(),
  planId: Id.nullable(),
  planTitle: z.string().nullable(),
  year: z.number().int(),
  startedYear: z.number().int(),
  /** startedYear === year: counts as a new registration for the year. */
  isNew: z.boolean(),
  name: z.string(),
  type: ModelType,
  field: ModelField,
  registeredOn: z.string(),
  situation: z.string().nullable(),
  goals: z.string().nullable(),
  method: z.string().nullable(),
  scope: z.string().nullable(),
  forces: z.string().nullable(),
  resources: z.string().nullable(),
  outputs: z.string().nullable(),
  sustainability: z.string().nullable(),
  person: z.string().nullable(),
  phone: z.string().nullable(),
  step: z.number().int().min(1).max(4),
  steps: z.array(z.object({ step: z.number().int(), reachedOn: z.string(), note: z.string().nullable() })),
  evidence: z.array(ModelEvidence),
  status: ModelStatus,
  proposedLevel: RecognitionLevel.nullable(),
  recognitionLevel: RecognitionLevel.nullable(),
  recognizedOn: z.string().nullable(),
  midReview: z.string().nullable(),
  midReviewOn: z.string().nullable(),
  endReview: z.string().nullable(),
  endReviewOn: z.string().nullable(),
  awards: z.array(Award),
  note: z.string().nullable(),
  searchKey: z.string(),
  updatedAt: z.string(),
});
export type Model = z.infer<typeof Model>;

const CoverageUnit = z.object({
  unitId: Id,
  code: z.string(),
  name: z.string(),
  sector: z.string().nullable(),
  newCount: z.number().int(),
  carriedCount: z.number().int(),
  firstRegisteredOn: z.string().nullable(),
  state: z.enum(COVERAGE_STATES),
});
type CoverageUnit = z.infer<typeof CoverageUnit>;

export const Coverage = z.object({
  year: z.number().int(),
  deadline: z.string(),
  baseUnits: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  /** Base units with 1 or more new models (the plan's target is 1–2 a year). */
  meetingTarget: z.number().int(),
  newModels: z.number().int(),
  carriedModels: z.number().int(),
  byField: z.array(z.object({ field: ModelField, newCount: z.number().int(), carriedCount: z.number().int() })),
  byStatus: z.array(z.object({ status: ModelStatus, count: z.number().int() })),
  units: z.array(CoverageUnit),
});
export type Coverage = z.infer<typeof Coverage>;

const ModelImportRow = z.object({
  row: z.number().int(),
  unit: z.string().nullable(),
  name: z.string().nullable(),
  action: z.enum(['create', 'update', 'unchanged', 'skip']),
  changes: z.array(z.string()),
});
export const ModelImportResult = z.object({
  dryRun: z.boolean(),
  sheet: z.string().nullable(),
  headerRow: z.number().int().nullable(),
  ourForm: z.boolean(),
  year: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  rows: z.array(ModelImportRow),
  issues: z.array(Issue),
});
export type ModelImportResult = z.infer<typeof ModelImportResult>;

const ModelListFilter = z.object({
  year: Year.nullable().default(null),
  unitId: Id.nullable().default(null),
  query: z.string().max(200).default(''),
});

export const modelsChannels = {
  'models.list': { input: ModelListFilter, output: z.array(Model) },
  'models.byUnit': { input: z.object({ unitId: Id }), output: z.array(Model) },
  'models.get': { input: z.object({ id: Id }), output: Model },
  'models.save': { input: ModelDraft, output: Model },
  'models.delete': { input: z.object({ id: Id }), output: z.object({ deleted: z.literal(true) }) },
  'models.setStatus': {
    input: z.object({
      id: Id,
      status: ModelStatus,
      proposedLevel: RecognitionLevel.nullable().optional(),
      recognitionLevel: RecognitionLevel.nullable().optional(),
      recognizedOn: IsoDate.nullable().optional(),
    }),
    output: Model,
  },
  'models.advanceStep': {
    input: z.object({ id: Id, reachedOn: IsoDate, note: OptText(1000), evidence: FileIn.optional() }),
    output: Model,
  },
  'models.addEvidence': {
    input: z.object({ id: Id, step: z.number().int().min(1).max(4).optional(), onDate: IsoDate, note: OptText(1000), file: FileIn }),
    output: Model,
  },
  'models.evidenceFile': { input: z.object({ evidenceId: Id }), output: FileOut },
  'models.coverage': { input: z.object({ year: Year }), output: Coverage },
  'models.formXlsx': { input: z.object({ year: Year, unitId: Id.nullable().default(null) }), output: FileOut },
  'models.formDocx': { input: z.object({ year: Year, unitId: Id.nullable().default(null) }), output: FileOut },
  'models.import': {
    input: z.object({ file: FileIn, dryRun: z.boolean(), skipInvalid: z.boolean().default(false), year: Year.optional() }),
    output: ModelImportResult,
  },
  'models.exportRegister': { input: z.object({ year: Year }), output: FileOut },
  'models.exportSummary': { input: z.object({ year: Year }), output: FileOut },
};
