// The consolidation as computed before issue #17 (row objects, one pass per rule), kept as the oracle the faster
// computeConsolidation is compared with (tests/rpc/consolidation-equivalence.test.ts); the aggregation rules and the
// narrative sections are the feature's own. Test-only.
import type { Consolidation, ConsolidatedIndicator, NarrativeKey } from '../../src-main/contract/consolidation';
import type { Indicator } from '../../src-main/contract/indicators';
import type { Plan } from '../../src-main/contract/plans';
import type { Db } from '../../src-main/db/connection';
import { activeNarrative, activeSummaries, activeValues, type ActiveValue } from '../../src-main/db/consolidation';
import { listIndicators } from '../../src-main/db/indicators';
import { getPlan } from '../../src-main/db/plans';
import { NOT_APPLICABLE } from '../../src-main/text/blank-words';
import { computeTracking, pct } from '../../src-main/features/tracking';
import { planOrThrow } from '../../src-main/features/plan-lookup';
import { aggregate, aggregateSummary, NARRATIVE_HEADINGS, narrativeKey } from '../../src-main/features/consolidation';

type Target = Pick<Plan['targets'][number], 'scope' | 'min' | 'max' | 'text'>;

function targetValue(t: Target | undefined): number | string | null {
  if (!t) return null;
  return t.min ?? t.max ?? t.text;
}

function consolidateOne(
  ind: Indicator,
  t: Target | undefined,
  vals: ActiveValue[],
  expected: number,
  names: Map<number, { code: string; name: string }>,
): ConsolidatedIndicator {
  const nums = vals.map((v) => v.valueNum).filter((n): n is number => n !== null && Number.isFinite(n));
  const nums2 = vals.map((v) => v.value2Num).filter((n): n is number => n !== null && Number.isFinite(n));
  // "không áp dụng" of a number indicator is counted apart: neither a value nor a unit that did not report
  const na = (v: ActiveValue) => ind.aggregation !== 'text' && v.valueNum === null && v.valueText === NOT_APPLICABLE;
  const texts = vals
    .filter((v) => !na(v))
    .flatMap((v) => {
      const text = (v.valueText ?? (ind.aggregation === 'text' && v.valueNum !== null ? String(v.valueNum) : '')).trim();
      const u = names.get(v.unitId);
      return text && u ? [{ unitCode: u.code, unitName: u.name, text }] : [];
    });
  const total = ind.aggregation === 'text' ? null : aggregate(ind.aggregation, nums);
  const total2 = ind.unit2 ? aggregate(ind.aggregation === 'text' ? 'sum' : ind.aggregation, nums2) : null;
  const goal = t ? (t.min ?? t.max) : null;
  let achievedPct: number | null = null;
  let unitsMet: number | null = null;
  if (t && goal !== null && ind.aggregation !== 'text') {
    if (t.scope === 'per_unit') {
      unitsMet = vals.filter(
        (v) => v.valueNum !== null && (t.min === null || v.valueNum >= t.min) && (t.max === null || t.min !== null || v.valueNum <= t.max),
      ).length;
      achievedPct = pct(unitsMet, expected);
    } else if (total !== null && goal > 0) {
      achievedPct = pct(total, goal);
    }
  }
  return {
    indicatorId: ind.id,
    code: ind.code,
    label: ind.label,
    unit: ind.unit,
    target: targetValue(t),
    total: total ?? (texts.length ? `${texts.length} ý kiến` : null),
    groupCode: ind.groupCode,
    groupLabel: ind.groupLabel,
    unit2: ind.unit2,
    total2,
    aggregation: ind.aggregation,
    scope: t?.scope ?? null,
    targetMin: t?.min ?? null,
    targetMax: t?.max ?? null,
    targetText: t?.text ?? null,
    reporting: new Set(vals.filter((v) => !na(v) && (v.valueNum !== null || (v.valueText ?? '').trim())).map((v) => v.unitId)).size,
    notApplicable: new Set(vals.filter(na).map((v) => v.unitId)).size,
    achievedPct,
    unitsMet,
    texts,
    lastYear: null,
    changePct: null,
  };
}

/** Totals per indicator of a plan (its own aggregation rules, active reports only): the "cùng kỳ" figures. */
function planTotals(db: Db, planId: number, catalog: Map<number, Indicator>): Map<number, number | null> {
  const out = new Map<number, number | null>();
  for (const t of activeSummaries(db, planId)) {
    const ind = catalog.get(t.indicatorId);
    if (ind && ind.aggregation !== 'text') out.set(t.indicatorId, aggregateSummary(ind.aggregation, t));
  }
  return out;
}

export function referenceConsolidation(db: Db, planId: number, today: string): Consolidation {
  const tracking = computeTracking(db, planId, today);
  const p = planOrThrow(db, planId);
  const catalog = new Map(listIndicators(db).map((i) => [i.id, i]));
  const targets = new Map(p.targets.map((t) => [t.indicatorId, t]));
  const values = activeValues(db, planId);
  const order = [...p.targets.map((t) => t.indicatorId), ...new Set(values.map((v) => v.indicatorId).filter((id) => !targets.has(id)))];
  const names = new Map(tracking.rows.map((r) => [r.unit.id, { code: r.unit.code, name: r.unit.name }]));
  const byInd = new Map<number, ActiveValue[]>();
  for (const v of values) {
    const list = byInd.get(v.indicatorId);
    if (list) list.push(v);
    else byInd.set(v.indicatorId, [v]);
  }
  const previous = p.previousPlanId ? (getPlan(db, p.previousPlanId) ?? null) : null;
  const last = previous ? planTotals(db, previous.id, catalog) : null;
  const indicators = order.flatMap((id) => {
    const ind = catalog.get(id);
    if (!ind) return [];
    const row = consolidateOne(ind, targets.get(id), byInd.get(id) ?? [], tracking.expected, names);
    const ly = last?.get(id) ?? null;
    const now = typeof row.total === 'number' ? row.total : null;
    return [{ ...row, lastYear: ly, changePct: ly !== null && now !== null && ly !== 0 ? pct(now - ly, ly) : null }];
  });
  const cell = new Map(values.map((v) => [`${v.unitId}:${v.indicatorId}`, v]));
  const matrixUnits = tracking.rows.map((r) => ({ ...r.unit, state: r.state, receivedOn: r.receivedOn }));
  const matrixValues = matrixUnits.map((u) =>
    indicators.map((i) => {
      const v = cell.get(`${u.id}:${i.indicatorId}`);
      return v ? (v.valueNum ?? v.valueText ?? null) : null;
    }),
  );
  const sections = new Map<NarrativeKey, Consolidation['narrative'][number]['items']>();
  for (const n of activeNarrative(db, planId)) {
    const u = names.get(n.unitId);
    if (!u) continue;
    const key = narrativeKey(n.heading);
    const item = { unitCode: u.code, unitName: u.name, heading: n.heading, text: n.text.trim() };
    const list = sections.get(key);
    if (list) list.push(item);
    else sections.set(key, [item]);
  }
  const narrative = (Object.keys(NARRATIVE_HEADINGS) as NarrativeKey[]).flatMap((key) => {
    const items = sections.get(key);
    return items?.length ? [{ key, heading: NARRATIVE_HEADINGS[key], items }] : [];
  });
  return {
    expected: tracking.expected,
    submitted: tracking.submitted,
    onTime: tracking.onTime,
    late: tracking.late,
    missing: tracking.rows.filter((r) => r.state === 'missing').map((r) => ({ code: r.unit.code, name: r.unit.name })),
    indicators,
    previousPlan: previous ? { id: previous.id, title: previous.title, periodLabel: previous.periodLabel } : null,
    planId,
    title: p.title,
    periodLabel: p.periodLabel,
    reportDueOn: p.reportDueOn,
    completenessPct: tracking.completenessPct,
    timelinessPct: tracking.timelinessPct,
    lateUnits: tracking.rows
      .filter((r) => r.state === 'late')
      .map((r) => ({ code: r.unit.code, name: r.unit.name, receivedOn: r.receivedOn ?? '' })),
    matrix: { units: matrixUnits, values: matrixValues },
    narrative,
  };
}
