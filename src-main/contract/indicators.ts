// Indicator catalog (chỉ tiêu) schemas: code, group, label, unit(s), aggregation; retired ones stay on old plans.
import { z } from 'zod';
import { Id, OptText, Text } from './common';

const AGGREGATIONS = ['sum', 'avg', 'max', 'percent', 'text'] as const;
export const Aggregation = z.enum(AGGREGATIONS);
export type Aggregation = z.infer<typeof Aggregation>;

/** Rules the value checks apply to every value of the indicator (staff set them in the catalog). */
const IndicatorRules = z
  .object({
    min: z.number({ message: 'Giá trị tối thiểu phải là số' }).finite().nullable().default(null),
    max: z.number({ message: 'Giá trị tối đa phải là số' }).finite().nullable().default(null),
    integer: z.boolean().default(false),
    required: z.boolean().default(false),
  })
  .refine((r) => r.min === null || r.max === null || r.max >= r.min, {
    message: 'Giá trị tối đa phải lớn hơn hoặc bằng giá trị tối thiểu',
    path: ['max'],
  });
type IndicatorRules = z.infer<typeof IndicatorRules>;
export const NO_RULES: IndicatorRules = { min: null, max: null, integer: false, required: false };

export const IndicatorDraft = z.object({
  id: Id.optional(),
  code: Text(40).pipe(
    z
      .string()
      .min(1, { message: 'Cần nhập mã chỉ tiêu' })
      .regex(/^[\p{L}\p{N}._\-/]+$/u, { message: 'Mã chỉ gồm chữ, số và . _ - /' }),
  ),
  groupCode: Text(20).pipe(z.string().min(1, { message: 'Cần chọn nhóm' })),
  groupLabel: Text(200).pipe(z.string().min(1, { message: 'Cần nhập tên nhóm' })),
  label: Text(500).pipe(z.string().min(2, { message: 'Cần nhập nội dung chỉ tiêu' })),
  unit: OptText(50),
  unit2: OptText(50),
  aggregation: Aggregation.default('sum'),
  sortOrder: z.number().int().default(0),
  note: OptText(1000),
  rules: IndicatorRules.default(NO_RULES),
});
export type IndicatorDraft = z.infer<typeof IndicatorDraft>;
export type IndicatorDraftInput = z.input<typeof IndicatorDraft>;

export const Indicator = z.object({
  id: Id,
  code: z.string(),
  groupCode: z.string(),
  groupLabel: z.string(),
  label: z.string(),
  unit: z.string().nullable(),
  unit2: z.string().nullable(),
  aggregation: Aggregation,
  sortOrder: z.number().int(),
  retired: z.boolean(),
  note: z.string().nullable(),
  /** How many plans use it (a used indicator can be retired but not deleted). */
  planCount: z.number().int(),
  rules: IndicatorRules,
});
export type Indicator = z.infer<typeof Indicator>;

export const indicatorsChannels = {
  'indicators.list': { input: z.object({ includeRetired: z.boolean().default(true) }), output: z.array(Indicator) },
  'indicators.save': { input: IndicatorDraft, output: Indicator },
  'indicators.setRetired': { input: z.object({ id: Id, retired: z.boolean() }), output: Indicator },
};
