// The overview dashboard as computed before issue #17 (a full consolidation of each of the 12 plans shown), kept as
// the oracle the faster computeDashboard is compared with (tests/rpc/dashboard-equivalence.test.ts); the view's
// definition (plans shown, trend length, targets, order) is the feature's own. Test-only.
import type { Consolidation } from '../../src-main/contract/consolidation';
import type { Dashboard, DashboardTarget, DashboardTrend } from '../../src-main/contract/dashboard';
import type { Db } from '../../src-main/db/connection';
import { listPlans } from '../../src-main/db/plans';
import { computeConsolidation } from '../../src-main/features/consolidation';
import { chronological, MAX_PLANS, MAX_TREND, targetOf } from '../../src-main/features/dashboard';

const num = (v: number | string | null): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function referenceDashboard(db: Db, today: string): Dashboard {
  const all = listPlans(db).filter((p) => p.status !== 'du_thao');
  const shown = [...all].sort(chronological).slice(-MAX_PLANS);
  const cons = new Map<number, Consolidation>(shown.map((p) => [p.id, computeConsolidation(db, p.id, today)]));
  const plans = shown.map((p) => {
    const c = cons.get(p.id)!;
    return { id: p.id, title: p.title, periodLabel: p.periodLabel, expected: c.expected, submitted: c.submitted, onTime: c.onTime };
  });

  // listPlans is newest first: the first one in progress (else issued) is "the latest plan in progress".
  const latest = all.find((p) => p.status === 'dang_thuc_hien') ?? all.find((p) => p.status === 'ban_hanh') ?? null;
  const latestCons = latest ? (cons.get(latest.id) ?? computeConsolidation(db, latest.id, today)) : null;
  const targets: DashboardTarget[] = (latestCons?.indicators ?? [])
    .filter((i) => i.aggregation !== 'text' && (i.targetMin !== null || i.targetMax !== null || num(i.total) !== null))
    .map((i) => ({ code: i.code, label: i.label, unit: i.unit, target: targetOf(i, latestCons!.expected), total: num(i.total) }));

  // Trend: numeric indicators present in at least two plans, the most widely shared first.
  const seen = new Map<string, { label: string; unit: string | null; points: DashboardTrend['points'] }>();
  for (const p of shown) {
    for (const i of cons.get(p.id)!.indicators) {
      if (i.aggregation === 'text') continue;
      const entry = seen.get(i.code) ?? { label: i.label, unit: i.unit, points: [] };
      entry.points.push({ planId: p.id, periodLabel: p.periodLabel ?? p.title, total: num(i.total) });
      seen.set(i.code, entry);
    }
  }
  const trend = [...seen.entries()]
    .filter(([, e]) => e.points.length >= 2 && e.points.some((pt) => pt.total !== null))
    .sort((a, b) => b[1].points.length - a[1].points.length)
    .slice(0, MAX_TREND)
    .map(([code, e]) => ({ code, ...e }));

  return {
    plans,
    targetPlan: latest ? { id: latest.id, title: latest.title, periodLabel: latest.periodLabel } : null,
    targets,
    trend,
  };
}
