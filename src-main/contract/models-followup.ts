// "Dân vận khéo" follow-up channels: the reminder letter (công văn đôn đốc) to base units that have not registered a
// model by the yearly deadline, and the year at a glance for the overview (registrations, steps, recognitions,
// awards); plus how an award reads wherever it is shown.
import { z } from 'zod';
import { FileOut, Id, IsoDate, OptText } from './common';
import type { Award } from './models';

const Year = z.number().int().min(2000, { message: 'Năm không hợp lệ' }).max(2100, { message: 'Năm không hợp lệ' });
const UnitRef = z.object({ id: Id, code: z.string(), name: z.string() });

export const ModelsYearGlance = z.object({
  year: z.number().int(),
  deadline: z.string(),
  baseUnits: z.number().int(),
  /** Base units with a new model this year, on time / late / not at all. */
  registered: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  models: z.number().int(),
  /** Models of the year at step 1..4 (index 0 = step 1). */
  byStep: z.array(z.number().int()).length(4),
  /** Recognised models by level. */
  recognized: z.object({ co_so: z.number().int(), cap_tren: z.number().int(), tinh: z.number().int() }),
  /** Models with at least one award saved. */
  awarded: z.number().int(),
});
export type ModelsYearGlance = z.infer<typeof ModelsYearGlance>;

export const modelsFollowupChannels = {
  'models.reminderLetter': {
    input: z.object({
      year: Year,
      /** Document number as written; null: "    /LĐLĐ" left for the office to fill. */
      number: OptText(50),
      /** Document date; default today (Vietnam). */
      date: IsoDate.nullable().default(null),
      /** New deadline stated in the letter; default 7 days after the document date. */
      newDueOn: IsoDate.nullable().default(null),
    }),
    output: z.object({ file: FileOut, text: z.string(), units: z.array(UnitRef) }),
  },
  'models.yearGlance': { input: z.object({ year: Year }), output: ModelsYearGlance },
};

/** "Giấy khen – LĐLĐ tỉnh, 12/05/2025": one award as the office writes it. */
export function awardLine(a: Pick<Award, 'form' | 'by' | 'on'>): string {
  const on = a.on ? a.on.split('-').reverse().join('/') : '';
  return [a.form, [a.by, on].filter(Boolean).join(', ')].filter(Boolean).join(' – ');
}
