// Plans register schemas: a plan (kế hoạch) with its document fields (the extract-plan shape), kind and
// status, basis, indicator targets, assigned units, report deadline and attached source document.
import { z } from 'zod';
import { FileIn, FileOut, Id, IsoDate, OptText, Text } from './common';
import { PlanExtract } from './plan-extract';

const PLAN_KINDS = ['dot_dan_van', 'dan_van_kheo', 'khac'] as const;
const PLAN_STATUSES = ['du_thao', 'ban_hanh', 'dang_thuc_hien', 'da_tong_ket'] as const;
export const PlanKind = z.enum(PLAN_KINDS);
export const PlanStatus = z.enum(PLAN_STATUSES);
export const Assignment = z.enum(['all_base', 'group', 'picked']);

const OptDate = IsoDate.nullable().default(null);

const BasisDraft = z.object({
  text: Text(1000).pipe(z.string().min(1)),
  number: OptText(80),
  issuedOn: OptDate,
  issuer: OptText(300),
  basisPlanId: Id.nullable().default(null),
});

export const TargetDraft = z
  .object({
    indicatorId: Id,
    scope: z.enum(['total', 'per_unit']).default('total'),
    min: z.number().finite().nullable().default(null),
    max: z.number().finite().nullable().default(null),
    text: OptText(500),
  })
  .refine((t) => t.min === null || t.max === null || t.max >= t.min, {
    message: 'Chỉ tiêu tối đa phải lớn hơn hoặc bằng tối thiểu',
    path: ['max'],
  });

export const PlanDraft = z
  .object({
    id: Id.optional(),
    kind: PlanKind.default('dot_dan_van'),
    status: PlanStatus.default('du_thao'),
    origin: z.enum(['own', 'received']).default('own'),
    documentType: OptText(100),
    number: OptText(80),
    issuedOn: OptDate,
    place: OptText(100),
    issuer: OptText(300),
    parentIssuer: OptText(300),
    title: Text(1000).pipe(z.string().min(3, { message: 'Cần nhập trích yếu (tên kế hoạch)' })),
    periodLabel: OptText(200),
    startsOn: OptDate,
    endsOn: OptDate,
    reportDueOn: OptDate,
    signerAuthority: OptText(200),
    signerTitle: OptText(200),
    signerName: OptText(200),
    recipients: z.array(Text(500)).max(100).default([]),
    basis: z.array(BasisDraft).max(50).default([]),
    targets: z.array(TargetDraft).max(300).default([]),
    assignment: Assignment.default('all_base'),
    /** The same period's plan of last year ("cùng kỳ"): consolidation compares with its totals. */
    previousPlanId: Id.nullable().default(null),
    /** For assignment 'group': the sector (khối) whose active base units must report. */
    assignmentGroup: OptText(100),
    /** For assignment 'picked': the units chosen by hand. */
    unitIds: z.array(Id).max(10_000).default([]),
    note: OptText(2000),
    /** A new source document to attach (replaces the current one). */
    document: FileIn.optional(),
  })
  .refine((p) => !p.startsOn || !p.endsOn || p.endsOn >= p.startsOn, { message: 'Ngày kết thúc phải sau ngày bắt đầu', path: ['endsOn'] })
  .refine((p) => p.assignment !== 'group' || !!p.assignmentGroup, {
    message: 'Cần chọn khối đơn vị phải báo cáo',
    path: ['assignmentGroup'],
  });
export type PlanDraft = z.infer<typeof PlanDraft>;
export type PlanDraftInput = z.input<typeof PlanDraft>;

const PlanTargetOut = z.object({
  indicatorId: Id,
  code: z.string(),
  groupCode: z.string(),
  groupLabel: z.string(),
  label: z.string(),
  unit: z.string().nullable(),
  retired: z.boolean(),
  scope: z.enum(['total', 'per_unit']),
  min: z.number().nullable(),
  max: z.number().nullable(),
  text: z.string().nullable(),
});

export const Plan = z.object({
  id: Id,
  kind: PlanKind,
  status: PlanStatus,
  origin: z.enum(['own', 'received']),
  documentType: z.string().nullable(),
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  place: z.string().nullable(),
  issuer: z.string().nullable(),
  parentIssuer: z.string().nullable(),
  title: z.string(),
  periodLabel: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  reportDueOn: z.string().nullable(),
  signerAuthority: z.string().nullable(),
  signerTitle: z.string().nullable(),
  signerName: z.string().nullable(),
  recipients: z.array(z.string()),
  basis: z.array(
    z.object({
      text: z.string(),
      number: z.string().nullable(),
      issuedOn: z.string().nullable(),
      issuer: z.string().nullable(),
      basisPlanId: Id.nullable(),
    }),
  ),
  targets: z.array(PlanTargetOut),
  assignment: Assignment,
  assignmentGroup: z.string().nullable(),
  unitIds: z.array(Id),
  note: z.string().nullable(),
  document: z.object({ id: Id, name: z.string(), size: z.number().int() }).nullable(),
  /** The same period's plan of last year ("cùng kỳ"), when copied from it or linked by hand. */
  previousPlanId: Id.nullable(),
  updatedAt: z.string(),
});
export type Plan = z.infer<typeof Plan>;

export const PlanSummary = z.object({
  id: Id,
  kind: PlanKind,
  status: PlanStatus,
  origin: z.enum(['own', 'received']),
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  title: z.string(),
  periodLabel: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  reportDueOn: z.string().nullable(),
  unitCount: z.number().int(),
  /** Units with an active report for this plan (0 until reports are imported). */
  submittedCount: z.number().int(),
  searchKey: z.string(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const PlanRegisterImport = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  skipped: z.number().int(),
  issues: z.array(
    z.object({
      severity: z.enum(['error', 'warning']),
      message: z.string(),
      sheet: z.string().nullable(),
      cell: z.string().nullable(),
      row: z.number().int().nullable(),
    }),
  ),
});

export const Overview = z.object({
  today: IsoDate,
  upcoming: z.array(PlanSummary.extend({ daysLeft: z.number().int() })),
  overdue: z.array(PlanSummary.extend({ daysLeft: z.number().int() })),
  inProgress: z.array(PlanSummary),
  unitCount: z.number().int(),
  memberCount: z.number().int(),
});
export type Overview = z.infer<typeof Overview>;

export const plansChannels = {
  'plans.list': { input: z.object({}), output: z.array(PlanSummary) },
  'plans.get': { input: z.object({ id: Id }), output: Plan },
  'plans.save': { input: PlanDraft, output: Plan },
  'plans.setStatus': { input: z.object({ id: Id, status: PlanStatus }), output: Plan },
  'plans.delete': { input: z.object({ id: Id }), output: z.object({ deleted: z.literal(true) }) },
  'plans.copy': {
    input: z.object({ id: Id, startsOn: IsoDate.nullable().default(null), periodLabel: OptText(200), title: OptText(1000) }),
    output: Plan,
  },
  'plans.extract': { input: z.object({ file: FileIn }), output: PlanExtract },
  'plans.document': { input: z.object({ id: Id }), output: z.object({ opened: z.boolean(), file: FileOut.nullable() }) },
  'plans.exportRegister': { input: z.object({ year: z.number().int().min(2000).max(2200).nullable().default(null) }), output: FileOut },
  'plans.importRegister': { input: z.object({ file: FileIn, dryRun: z.boolean() }), output: PlanRegisterImport },
  'overview.get': { input: z.object({}), output: Overview },
};
