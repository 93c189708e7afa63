// Overview dashboard schema ('dashboard.get'): report completeness per plan, the latest plan in progress's
// indicators against their targets, and the same indicators' totals across campaigns (trend). All computed.
import { z } from 'zod';
import { Id } from './common';

export const DashboardPlan = z.object({
  id: Id,
  title: z.string(),
  periodLabel: z.string().nullable(),
  expected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
});
export type DashboardPlan = z.infer<typeof DashboardPlan>;

export const DashboardTarget = z.object({
  code: z.string(),
  label: z.string(),
  unit: z.string().nullable(),
  /** The plan's numeric target (minimum, else maximum); per-unit targets are multiplied by the expected units. */
  target: z.number().nullable(),
  total: z.number().nullable(),
});
export type DashboardTarget = z.infer<typeof DashboardTarget>;

export const DashboardTrend = z.object({
  code: z.string(),
  label: z.string(),
  unit: z.string().nullable(),
  /** Oldest plan first. */
  points: z.array(z.object({ planId: Id, periodLabel: z.string(), total: z.number().nullable() })),
});
export type DashboardTrend = z.infer<typeof DashboardTrend>;

export const Dashboard = z.object({
  /** Plans issued or in progress or closed (not drafts), oldest first, at most 12. */
  plans: z.array(DashboardPlan),
  /** The most recent plan in progress whose targets are shown, or null when none. */
  targetPlan: z.object({ id: Id, title: z.string(), periodLabel: z.string().nullable() }).nullable(),
  targets: z.array(DashboardTarget),
  trend: z.array(DashboardTrend),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const dashboardChannels = {
  'dashboard.get': { input: z.object({}), output: Dashboard },
};
