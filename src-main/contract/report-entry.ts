// Manual entry of a unit report (phoned in, on paper, Zalo, email): the form's data (plan indicators, targets, the
// current version to start from), the check of typed values (same value checks as an import) and the store.
import { z } from 'zod';
import { Id, IsoDate, OptText, Text } from './common';
import { ENTRY_VIA } from './entry-labels';

const EntryVia = z.enum(ENTRY_VIA);
type EntryVia = z.infer<typeof EntryVia>;

const UnitRef = z.object({ id: Id, code: z.string(), name: z.string() });

const EntryRow = z.object({
  indicatorId: Id,
  /** A number; text only for a text indicator, or "không áp dụng" for a number one. */
  value: z.union([z.number().finite(), z.string().max(2000)]).nullable(),
  /** The second measure (trị giá …) when the indicator has one. */
  value2: z.number().finite().nullable().default(null),
});
type EntryRow = z.input<typeof EntryRow>;

export const EntryInput = z.object({
  planId: Id,
  unitId: Id,
  receivedOn: IsoDate,
  via: EntryVia,
  rows: z.array(EntryRow).max(2000),
  narrative: z
    .array(
      z.object({
        heading: Text(300),
        text: z
          .string()
          .max(50_000)
          .transform((s) => s.normalize('NFC').trim()),
      }),
    )
    .max(100)
    .default([]),
  /** Values the checks hold that the user confirms as right, with the reason (audited). */
  confirmations: z
    .array(
      z.object({ indicatorId: Id, reason: z.string().trim().min(3, { message: 'Hãy ghi lý do xác nhận (ít nhất 3 ký tự)' }).max(500) }),
    )
    .max(2000)
    .default([]),
  /** A note on the version (who phoned, what paper), kept in the audit log. */
  note: OptText(500),
});
export type EntryInput = z.input<typeof EntryInput>;

export const EntryFinding = z.object({
  indicatorId: Id,
  /** 1: the value, 2: the second measure. */
  measure: z.union([z.literal(1), z.literal(2)]),
  rule: z.string(),
  message: z.string(),
  blocking: z.boolean(),
  confirmed: z.boolean(),
});
export type EntryFinding = z.infer<typeof EntryFinding>;

export const EntryCheck = z.object({
  findings: z.array(EntryFinding),
  /** Blocking findings with no reason given: nothing is stored while any is left. */
  open: z.number().int(),
});
export type EntryCheck = z.infer<typeof EntryCheck>;

const EntryIndicator = z.object({
  indicatorId: Id,
  code: z.string(),
  groupCode: z.string(),
  label: z.string(),
  unit: z.string().nullable(),
  unit2: z.string().nullable(),
  /** false for a text indicator (the value is words, not a number). */
  numeric: z.boolean(),
  target: z.object({ min: z.number().nullable(), max: z.number().nullable(), text: z.string().nullable() }).nullable(),
});
type EntryIndicator = z.infer<typeof EntryIndicator>;

export const EntryForm = z.object({
  plan: z.object({ id: Id, title: z.string(), reportDueOn: z.string().nullable() }),
  unit: UnitRef,
  indicators: z.array(EntryIndicator),
  /** The version in use, to start "Sửa bằng tay" from; null when the unit has not reported. */
  current: z
    .object({
      reportId: Id,
      version: z.number().int(),
      receivedOn: z.string(),
      via: EntryVia.nullable(),
      values: z.array(z.object({ indicatorId: Id, value: z.union([z.number(), z.string()]).nullable(), value2: z.number().nullable() })),
      narrative: z.array(z.object({ heading: z.string(), text: z.string() })),
    })
    .nullable(),
});
export type EntryForm = z.infer<typeof EntryForm>;

export const EntryResult = z.object({
  reportId: Id,
  version: z.number().int(),
  /** imported: the unit's first report; superseded: replaced the one in use; held: older than the one in use. */
  status: z.enum(['imported', 'superseded', 'held']),
  findings: z.array(EntryFinding),
});
export type EntryResult = z.infer<typeof EntryResult>;

export const reportEntryChannels = {
  'reports.entryForm': { input: z.object({ planId: Id, unitId: Id }), output: EntryForm },
  'reports.entryCheck': { input: EntryInput, output: EntryCheck },
  'reports.enter': { input: EntryInput, output: EntryResult },
};
