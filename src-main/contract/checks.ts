// Value checks of a plan ("Kiểm tra số liệu"): every warning the checks raise on the values in use, each with the
// unit, indicator, where it was read (file, sheet, cell), and whether a user has confirmed it.
import { z } from 'zod';
import { FileOut, Id, IsoDate, OptText } from './common';

export const ValueWarning = z.object({
  reportId: Id,
  unitId: Id,
  unitCode: z.string(),
  unitName: z.string(),
  indicatorId: Id,
  indicatorCode: z.string(),
  indicatorLabel: z.string(),
  /** magnitude | far_above_target | outlier_peers | outlier_history | negative | percent_over_100 | second_without_main */
  rule: z.string(),
  /** Held values need a correction or a confirmation; the others are warnings to look at. */
  blocking: z.boolean(),
  value: z.number().nullable(),
  expected: z.number().nullable(),
  message: z.string(),
  file: z.string().nullable(),
  sheet: z.string().nullable(),
  cell: z.string().nullable(),
  status: z.enum(['open', 'confirmed']),
});
export type ValueWarning = z.infer<typeof ValueWarning>;

export const checksChannels = {
  'checks.plan': { input: z.object({ planId: Id }), output: z.object({ warnings: z.array(ValueWarning) }) },
  /** Start checking the plan's values ahead (off the main thread) and answer at once: whether they are ready, and then how
   *  many warnings there are and how many are open (asked again until ready, so no request waits for seconds), and the
   *  `first` open ones in the list's order: what the check tab shows first, before the whole list has arrived. */
  'checks.prepare': {
    input: z.object({ planId: Id, first: z.number().int().min(0).max(500).default(0) }),
    output: z.object({
      ready: z.boolean(),
      total: z.number().int().nullable(),
      open: z.number().int().nullable(),
      firstOpen: z.array(ValueWarning),
    }),
  },
  /** The letter asking a unit to correct and resend a report, listing each problem with its place; a Zalo/email text. */
  'checks.correctionLetter': {
    input: z.object({
      reportId: Id,
      number: OptText(50),
      date: IsoDate,
      dueOn: IsoDate.nullable().default(null),
      record: z.boolean().default(true),
    }),
    output: z.object({ file: FileOut, text: z.string(), problems: z.number().int() }),
  },
};
