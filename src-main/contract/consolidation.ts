// Tracking, reminders and consolidation schemas: per-plan submission board (on time / late / missing), đôn đốc
// letters and history, the consolidated figures (computed from active reports, never stored), the official
// Excel/Word/PDF exports, the upward package for the level above and the province-workbook cell map.
import { z } from 'zod';
import { FileIn, FileOut, Id, IsoDate, OptText } from './common';
import { Aggregation } from './indicators';

const UnitRef = z.object({ id: Id, code: z.string(), name: z.string() });
const Value = z.union([z.number(), z.string()]).nullable();

const REMINDER_CHANNELS = ['letter', 'zalo', 'email', 'phone', 'other'] as const;
export const ReminderChannel = z.enum(REMINDER_CHANNELS);
export type ReminderChannel = z.infer<typeof ReminderChannel>;

export const TrackingState = z.enum(['on_time', 'late', 'missing']);
export type TrackingState = z.infer<typeof TrackingState>;

export const TrackingRow = z.object({
  unit: UnitRef,
  state: TrackingState,
  receivedOn: z.string().nullable(),
  /** Days after the deadline the first usable report arrived (late), or days overdue so far (missing, past due). */
  daysLate: z.number().int().nullable(),
  /** On time, but the version in use is a correction sent after the deadline ("sửa sau hạn"). */
  correctedAfterDue: z.boolean(),
  version: z.number().int().nullable(),
  /** How the version in use came, as shown ("Email", "Giấy (nhập tay)"); null when the unit has not reported. */
  channel: z.string().nullable().optional(),
  reminders: z.number().int(),
  lastReminderOn: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type TrackingRow = z.infer<typeof TrackingRow>;

export const Tracking = z.object({
  planId: Id,
  title: z.string(),
  periodLabel: z.string().nullable(),
  reportDueOn: z.string().nullable(),
  today: IsoDate,
  expected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missingCount: z.number().int(),
  /** submitted / expected × 100 (one decimal); null when nothing is expected. */
  completenessPct: z.number().nullable(),
  /** onTime / submitted × 100 (one decimal); null when nothing was submitted. */
  timelinessPct: z.number().nullable(),
  rows: z.array(TrackingRow),
});
export type Tracking = z.infer<typeof Tracking>;

export const ConsolidatedIndicator = z.object({
  indicatorId: Id,
  code: z.string(),
  label: z.string(),
  unit: z.string().nullable(),
  /** What the plan asks for: the minimum (or maximum) number, else its text; per-unit targets are per unit. */
  target: Value,
  total: Value,
  // ---- beside the contract ----
  groupCode: z.string(),
  groupLabel: z.string(),
  unit2: z.string().nullable(),
  total2: z.number().nullable(),
  aggregation: Aggregation,
  scope: z.enum(['total', 'per_unit']).nullable(),
  targetMin: z.number().nullable(),
  targetMax: z.number().nullable(),
  targetText: z.string().nullable(),
  /** Units with a value for this indicator. */
  reporting: z.number().int(),
  /** total / target × 100 (scope total) or unitsMet / expected × 100 (per_unit); null without a numeric target. */
  achievedPct: z.number().nullable(),
  /** per_unit targets: units whose own value reached the target. */
  unitsMet: z.number().int().nullable(),
  /** Units that said the indicator does not apply to them ("x", "/", "không áp dụng"): neither 0 nor missing. */
  notApplicable: z.number().int(),
  /** The same indicator's total in the same period's plan of last year ("cùng kỳ"); null without one. */
  lastYear: z.number().nullable(),
  /** (total − lastYear) / lastYear × 100, one decimal; null when either is missing or last year was 0. */
  changePct: z.number().nullable(),
  /** Free-text answers (aggregation 'text'), one per unit. */
  texts: z.array(z.object({ unitCode: z.string(), unitName: z.string(), text: z.string() })),
});
export type ConsolidatedIndicator = z.infer<typeof ConsolidatedIndicator>;

export const NARRATIVE_KEYS = ['results', 'practices', 'limits', 'proposals', 'other'] as const;
export const NarrativeKey = z.enum(NARRATIVE_KEYS);
export type NarrativeKey = z.infer<typeof NarrativeKey>;

export const Consolidation = z.object({
  expected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.array(z.object({ code: z.string(), name: z.string() })),
  indicators: z.array(ConsolidatedIndicator),
  /** The plan compared with ("so với cùng kỳ"), when the plan names one. */
  previousPlan: z.object({ id: Id, title: z.string(), periodLabel: z.string().nullable() }).nullable(),
  // ---- beside the contract ----
  planId: Id,
  title: z.string(),
  periodLabel: z.string().nullable(),
  reportDueOn: z.string().nullable(),
  completenessPct: z.number().nullable(),
  timelinessPct: z.number().nullable(),
  lateUnits: z.array(z.object({ code: z.string(), name: z.string(), receivedOn: z.string() })),
  /** Units (every expected or reporting unit) × indicators (same order as `indicators`); value per cell. */
  matrix: z.object({
    units: z.array(UnitRef.extend({ state: TrackingState, receivedOn: z.string().nullable() })),
    values: z.array(z.array(Value)),
  }),
  /** Narrative sections of all active reports side by side, grouped by heading kind. */
  narrative: z.array(
    z.object({
      key: NarrativeKey,
      heading: z.string(),
      items: z.array(z.object({ unitCode: z.string(), unitName: z.string(), heading: z.string(), text: z.string() })),
    }),
  ),
});
export type Consolidation = z.infer<typeof Consolidation>;

export const ReminderEntry = z.object({
  id: Id,
  unit: UnitRef,
  sentOn: z.string(),
  channel: ReminderChannel,
  number: z.string().nullable(),
  note: z.string().nullable(),
});
export type ReminderEntry = z.infer<typeof ReminderEntry>;

export const CELL_MEASURES = ['total', 'total2', 'target', 'rate'] as const;
export const CellMapEntry = z.object({
  /** Indicator code, or a tracking figure: #expected, #submitted, #onTime, #late, #missing. */
  code: z.string().trim().min(1).max(40),
  measure: z.enum(CELL_MEASURES).default('total'),
  sheet: z.string().trim().min(1).max(31),
  cell: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^\$?[A-Z]{1,3}\$?[1-9]\d{0,6}$/, { message: 'Địa chỉ ô không hợp lệ (ví dụ D12)' })
    .transform((s) => s.replace(/\$/g, '')),
});
export type CellMapEntry = z.infer<typeof CellMapEntry>;
const CellMap = z.object({ entries: z.array(CellMapEntry), inherited: z.boolean() });

const DocOptions = {
  planId: Id,
  /** "15/BC-LĐLĐ"; default "      /BC-<code>" left for the văn thư to fill. */
  number: OptText(80),
  /** Document date; default today (Vietnam). */
  date: IsoDate.nullable().default(null),
};

export const consolidationChannels = {
  'tracking.get': { input: z.object({ planId: Id }), output: Tracking },
  'tracking.exportMissing': { input: z.object({ planId: Id }), output: FileOut },
  'reminders.letter': {
    input: z.object({
      ...DocOptions,
      /** Units to remind; null = every unit without a report. */
      unitIds: z.array(Id).max(5000).nullable().default(null),
      /** New deadline to state in the letter; default: 3 days after the document date. */
      newDueOn: IsoDate.nullable().default(null),
      /** Also record a reminder (channel 'letter') for each named unit. */
      record: z.boolean().default(false),
    }),
    output: z.object({ file: FileOut, text: z.string(), units: z.array(UnitRef) }),
  },
  'reminders.history': { input: z.object({ planId: Id, unitId: Id.nullable().default(null) }), output: z.array(ReminderEntry) },
  'reminders.record': {
    input: z.object({
      planId: Id,
      unitIds: z.array(Id).min(1).max(5000),
      channel: ReminderChannel.default('zalo'),
      sentOn: IsoDate.nullable().default(null),
      number: OptText(80),
      note: OptText(500),
    }),
    output: z.object({ recorded: z.number().int() }),
  },
  'consolidation.get': { input: z.object({ planId: Id }), output: Consolidation },
  'consolidation.exportXlsx': { input: z.object(DocOptions), output: FileOut },
  'consolidation.exportDocx': { input: z.object(DocOptions), output: FileOut },
  'consolidation.exportPdf': { input: z.object({ ...DocOptions, from: z.enum(['xlsx', 'docx']).default('docx') }), output: FileOut },
  'consolidation.upwardPackage': {
    input: z.object({
      planId: Id,
      /** Our code and name in the register of the level above; remembered for next time. Default: saved, else from Settings. */
      unitCode: OptText(40),
      unitName: OptText(300),
      /** The report's number ("20/BC-LĐLĐ") and date; default a blank number for the văn thư and today. */
      number: OptText(80),
      date: IsoDate.nullable().default(null),
    }),
    output: FileOut,
  },
  'consolidation.cellMap.get': { input: z.object({ planId: Id }), output: CellMap },
  'consolidation.cellMap.save': { input: z.object({ planId: Id, entries: z.array(CellMapEntry).max(2000) }), output: CellMap },
  'consolidation.fillProvinceWorkbook': {
    input: z.object({ planId: Id, file: FileIn }),
    output: z.object({
      file: FileOut,
      written: z.array(z.object({ code: z.string(), measure: z.string(), sheet: z.string(), cell: z.string(), value: Value })),
      issues: z.array(z.string()),
    }),
  },
};
