// Overview dashboard ('dashboard.get'): completeness and timeliness per plan (tracking), the most recent plan in
// progress's indicators against their targets, and the trend of the indicators most plans share — all computed
// from active reports by the consolidation's rules (counts and sums in SQL: a plan may hold 200,000 values), nothing
// stored; the last result is reused while the data version is unchanged.
import type { Handler } from '../handler/handler';
import type { ConsolidatedIndicator } from '../contract/consolidation';
import type { Indicator } from '../contract/indicators';
import type { Dashboard, DashboardTarget, DashboardTrend } from '../contract/dashboard';
import type { PlanSummary } from '../contract/plans';
import type { Db } from '../db/connection';
import { listPlans } from '../db/plans';
import { listIndicators } from '../db/indicators';
import { keptActiveSummaries } from '../db/plan-values';
import { indicatorSummary, planExtraIndicators, planSubmissionCounts, planTargetsBrief } from '../db/page-queries';
import { todayInVietnam } from '../text/vi-date';
import { aggregateSummary } from './consolidation';
import { cachedByDataVersion } from './data-version-cache';

/** How many plans the completeness chart shows, and how many indicators the trend follows. */
export const MAX_PLANS = 12;
export const MAX_TREND = 4;

/** A comparable numeric target: per-unit targets of summed indicators count once per expected unit. */
export function targetOf(
  i: Pick<ConsolidatedIndicator, 'targetMin' | 'targetMax' | 'scope' | 'aggregation'>,
  expected: number,
): number | null {
  const goal = i.targetMin ?? i.targetMax;
  if (goal === null) return null;
  return i.scope === 'per_unit' && i.aggregation === 'sum' ? goal * expected : goal;
}

export const chronological = (a: PlanSummary, b: PlanSummary): number =>
  (a.startsOn ?? a.issuedOn ?? a.reportDueOn ?? '').localeCompare(b.startsOn ?? b.issuedOn ?? b.reportDueOn ?? '') || a.id - b.id;

/** One plan's indicators as its consolidation lists them (targets in order, then other reported ones), numeric ones
 *  only, with their targets; totals are computed on demand (a province-sized plan holds ~200,000 values). */
function planIndicators(db: Db, planId: number, catalog: Map<number, Indicator>) {
  const targets = new Map(planTargetsBrief(db, planId).map((t) => [t.indicatorId, t]));
  const ids = [...new Set([...targets.keys(), ...planExtraIndicators(db, planId)])];
  return ids.flatMap((id) => {
    const ind = catalog.get(id);
    if (!ind || ind.aggregation === 'text') return [];
    const t = targets.get(id);
    return [{ ind, targetMin: t?.min ?? null, targetMax: t?.max ?? null, scope: t?.scope ?? null }];
  });
}

/** An indicator's total in a plan by its own rule: the consolidation's figure, summed up by SQL like the "cùng kỳ" one. */
function totalOf(db: Db, planId: number, ind: Indicator): number | null {
  const s = indicatorSummary(db, planId, ind.id);
  return ind.aggregation === 'text' || s.max === null ? null : aggregateSummary(ind.aggregation, { n: s.n, sum: s.sum, max: s.max });
}

export function computeDashboard(db: Db, _today: string): Dashboard {
  const all = listPlans(db).filter((p) => p.status !== 'du_thao');
  const shown = [...all].sort(chronological).slice(-MAX_PLANS);
  // the completeness chart needs only counts: one query per plan, not a consolidation of ~200,000 values each
  const plans = shown.map((p) => {
    const c = planSubmissionCounts(db, p.id, p.reportDueOn);
    return {
      id: p.id,
      title: p.title,
      periodLabel: p.periodLabel,
      expected: c.expected,
      submitted: c.submitted,
      onTime: c.submitted - c.late,
    };
  });
  const catalog = new Map(listIndicators(db).map((i) => [i.id, i]));

  // listPlans is newest first: the first one in progress (else issued) is "the latest plan in progress".
  const latest = all.find((p) => p.status === 'dang_thuc_hien') ?? all.find((p) => p.status === 'ban_hanh') ?? null;
  let targets: DashboardTarget[] = [];
  if (latest) {
    const expected = planSubmissionCounts(db, latest.id, latest.reportDueOn).expected;
    const totals = new Map(keptActiveSummaries(db, latest.id).map((s) => [s.indicatorId, s]));
    targets = planIndicators(db, latest.id, catalog).flatMap(({ ind, targetMin, targetMax, scope }) => {
      const s = totals.get(ind.id);
      const total = s ? aggregateSummary(ind.aggregation, s) : null;
      if (targetMin === null && targetMax === null && total === null) return [];
      return [
        {
          code: ind.code,
          label: ind.label,
          unit: ind.unit,
          target: targetOf({ targetMin, targetMax, scope, aggregation: ind.aggregation }, expected),
          total,
        },
      ];
    });
  }

  // Trend: numeric indicators present in at least two plans, the most widely shared first (totals only for those shown).
  const seen = new Map<string, { ind: Indicator; plans: PlanSummary[] }>();
  for (const p of shown) {
    for (const { ind } of planIndicators(db, p.id, catalog)) {
      const entry = seen.get(ind.code) ?? { ind, plans: [] };
      entry.plans.push(p);
      seen.set(ind.code, entry);
    }
  }
  const trend: DashboardTrend[] = [];
  for (const [code, e] of [...seen.entries()]
    .filter(([, e]) => e.plans.length >= 2)
    .sort((a, b) => b[1].plans.length - a[1].plans.length)) {
    if (trend.length === MAX_TREND) break;
    const points = e.plans.map((p) => ({ planId: p.id, periodLabel: p.periodLabel ?? p.title, total: totalOf(db, p.id, e.ind) }));
    if (points.some((pt) => pt.total !== null)) trend.push({ code, label: e.ind.label, unit: e.ind.unit, points });
  }

  return {
    plans,
    targetPlan: latest ? { id: latest.id, title: latest.title, periodLabel: latest.periodLabel } : null,
    targets,
    trend,
  };
}

export const dashboardHandlers = {
  'dashboard.get': (_input, ctx) => {
    const today = todayInVietnam(ctx.now());
    return cachedByDataVersion(ctx.db, `dashboard|${today}`, () => computeDashboard(ctx.db, today));
  },
} satisfies { 'dashboard.get': Handler<'dashboard.get'> };
