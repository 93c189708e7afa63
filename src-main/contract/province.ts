// The province level's view down to the base units: per district (an upper-level union whose upward package was
// imported) its totals for both measures, % of its own targets, coverage and rank; and one district's units.
import { z } from 'zod';
import { Id } from './common';
import { TrackingState } from './consolidation';

const Value = z.union([z.number(), z.string()]).nullable();
const Coverage = z.object({
  expected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
});

const ProvinceIndicator = z.object({ code: z.string(), label: z.string(), unit: z.string().nullable(), unit2: z.string().nullable() });

export const ProvinceDistrict = z.object({
  unit: z.object({ id: Id, code: z.string(), name: z.string() }),
  state: TrackingState,
  receivedOn: z.string().nullable(),
  correctedAfterDue: z.boolean(),
  /** The report in use (its package), null when missing. */
  reportId: Id.nullable(),
  /** The package in use was edited after export and chosen on purpose. */
  edited: z.boolean(),
  /** The district's own coverage of its base units (from its package); null when missing or not a package. */
  coverage: Coverage.nullable(),
  /** Per indicator (same order as `indicators`). */
  totals: z.array(Value),
  totals2: z.array(z.number().nullable()),
  /** The district's own targets (from its report), and the total as a % of them (one decimal). */
  targets: z.array(Value),
  pct: z.array(z.number().nullable()),
  /** Mean of `pct` over indicators with a numeric target; the ranking key. */
  meanPct: z.number().nullable(),
  /** 1 = best; null when nothing to rank. */
  rank: z.number().int().nullable(),
});
export type ProvinceDistrict = z.infer<typeof ProvinceDistrict>;

export const ProvinceOverview = z.object({
  planId: Id,
  title: z.string(),
  periodLabel: z.string().nullable(),
  indicators: z.array(ProvinceIndicator),
  districts: z.array(ProvinceDistrict),
  /** Base units over all districts' packages. */
  coverage: Coverage,
});
export type ProvinceOverview = z.infer<typeof ProvinceOverview>;

export const DistrictDetail = z.object({
  district: z.object({ id: Id, code: z.string(), name: z.string() }),
  reportId: Id,
  issuerName: z.string(),
  reportNumber: z.string().nullable(),
  reportDate: z.string().nullable(),
  createdAt: z.string().nullable(),
  edited: z.boolean(),
  coverage: Coverage.nullable(),
  indicators: z.array(ProvinceIndicator),
  units: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      state: z.string(),
      receivedOn: z.string().nullable(),
      values: z.array(Value),
      values2: z.array(z.number().nullable()),
    }),
  ),
});
export type DistrictDetail = z.infer<typeof DistrictDetail>;

export const provinceChannels = {
  'province.overview': { input: z.object({ planId: Id }), output: ProvinceOverview },
  'province.district': { input: z.object({ planId: Id, unitId: Id }), output: DistrictDetail },
};
