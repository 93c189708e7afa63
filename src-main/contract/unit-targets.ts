// Per-unit targets (chỉ tiêu giao từng đơn vị) channels: the grid units × indicators of a plan, hand edits, and
// splitting a plan-wide target by members or equally (parts sum exactly to the plan target).
import { z } from 'zod';
import { Id } from './common';

export const UNIT_TARGET_SOURCES = ['hand', 'members', 'equal'] as const;
export const UnitTargetSource = z.enum(UNIT_TARGET_SOURCES);

export const UnitTargetGrid = z.object({
  planId: Id,
  units: z.array(z.object({ id: Id, code: z.string(), name: z.string(), members: z.number().nullable() })),
  indicators: z.array(
    z.object({
      indicatorId: Id,
      code: z.string(),
      label: z.string(),
      unit: z.string().nullable(),
      aggregation: z.string(),
      /** The plan's own number for this indicator (min, else max), null when it has none or only text. */
      planTarget: z.number().nullable(),
      scope: z.enum(['total', 'per_unit']),
      /** Sum of the per-unit targets given so far (null when none). */
      assigned: z.number().nullable(),
    }),
  ),
  cells: z.array(z.object({ unitId: Id, indicatorId: Id, target: z.number(), source: UnitTargetSource })),
});
export type UnitTargetGrid = z.infer<typeof UnitTargetGrid>;

const Target = z.number({ message: 'Chỉ tiêu phải là số' }).finite().min(0, { message: 'Chỉ tiêu không được âm' }).max(1e12);

export const unitTargetsChannels = {
  'unitTargets.get': { input: z.object({ planId: Id }), output: UnitTargetGrid },
  'unitTargets.save': {
    input: z.object({ planId: Id, cells: z.array(z.object({ unitId: Id, indicatorId: Id, target: Target.nullable() })).max(100_000) }),
    output: UnitTargetGrid,
  },
  'unitTargets.split': {
    input: z.object({ planId: Id, indicatorId: Id, by: z.enum(['members', 'equal']) }),
    output: UnitTargetGrid,
  },
};
