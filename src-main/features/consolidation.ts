// Consolidation of a plan, computed from its active reports on every call: totals per indicator by the
// indicator's aggregation rule (sum / avg / max / percent / text), achievement against the plan's targets
// (per_unit targets: units that met their own target), the units × indicators matrix, narrative sections of
// all reports grouped by kind, and the late and missing units for the footnote.
import type { Consolidation, ConsolidatedIndicator, NarrativeKey, Tracking } from '../contract/consolidation';
import type { Indicator } from '../contract/indicators';
import type { Plan } from '../contract/plans';
import type { Db } from '../db/connection';
import { activeNarrative } from '../db/consolidation';
import { keptActiveSummaries, numberOrNull, planReportValues } from '../db/plan-values';
import { listIndicators } from '../db/indicators';
import { getPlan } from '../db/plans';
import { fold } from '../text/vi-text';
import { NOT_APPLICABLE } from '../text/blank-words';
import { computeTracking, pct } from './tracking';
import { planOrThrow } from './plan-lookup';

type Target = Pick<Plan['targets'][number], 'scope' | 'min' | 'max' | 'text'>;

const round = (n: number): number => Math.round(n * 1e6) / 1e6;

/** What the aggregation rules need of a set of numbers (computed here, or by SQL for a whole plan). */
interface NumberSummary {
  n: number;
  sum: number;
  max: number;
}

/** Apply an indicator's aggregation rule to a summary of the units' numbers (null when no unit gave a number). */
export function aggregateSummary(rule: Indicator['aggregation'], s: NumberSummary): number | null {
  if (s.n === 0) return null;
  switch (rule) {
    case 'text':
      return null;
    case 'max':
      return s.max;
    case 'sum':
      return round(s.sum);
    case 'avg':
    case 'percent': // a rate: the mean of the units' rates
      return round(s.sum / s.n);
    default: {
      const unknown: never = rule; // a new rule must be handled here
      throw new Error(`Quy tắc tổng hợp chưa được hỗ trợ: ${String(unknown)}`);
    }
  }
}

/** Apply an indicator's aggregation rule to the units' numeric values (null when no unit gave a number). */
export function aggregate(rule: Indicator['aggregation'], nums: number[]): number | null {
  return aggregateSummary(rule, {
    n: nums.length,
    sum: nums.reduce((a, b) => a + b, 0),
    max: nums.reduce((a, b) => (b > a ? b : a), -Infinity),
  });
}

export const NARRATIVE_HEADINGS: Record<NarrativeKey, string> = {
  results: 'Kết quả nổi bật',
  practices: 'Cách làm hay, sáng tạo',
  limits: 'Hạn chế, khó khăn',
  proposals: 'Kiến nghị, đề xuất',
  other: 'Nội dung khác',
};

/** Which section a unit's narrative heading belongs to, by its folded words. */
export function narrativeKey(heading: string): NarrativeKey {
  const h = fold(heading);
  if (/han che|kho khan|ton tai|vuong mac|thieu sot/.test(h)) return 'limits';
  if (/kien nghi|de xuat|de nghi|phuong huong|nhiem vu/.test(h)) return 'proposals';
  if (/cach lam|sang tao|mo hinh|dien hinh|kinh nghiem|dan van kheo/.test(h)) return 'practices';
  if (/ket qua|noi bat|thuc hien|danh gia/.test(h)) return 'results';
  return 'other';
}

function targetValue(t: Target | undefined): number | string | null {
  if (!t) return null;
  return t.min ?? t.max ?? t.text;
}

/** One indicator's running figures, fed the units' values in unit order (one pass over the plan's values). */
interface Acc {
  ind: Indicator;
  t: Target | undefined;
  nums: NumberSummary;
  nums2: NumberSummary;
  texts: ConsolidatedIndicator['texts'];
  reporting: number;
  notApplicable: number;
  unitsMet: number;
}

const emptySummary = (): NumberSummary => ({ n: 0, sum: 0, max: -Infinity });

function newAcc(ind: Indicator, t: Target | undefined): Acc {
  return { ind, t, nums: emptySummary(), nums2: emptySummary(), texts: [], reporting: 0, notApplicable: 0, unitsMet: 0 };
}

function addNumber(s: NumberSummary, x: number | null): void {
  if (x === null || !Number.isFinite(x)) return;
  s.n++;
  s.sum += x;
  if (x > s.max) s.max = x;
}

/** Feed one unit's value of the indicator (a plan's active reports hold at most one per unit and indicator). */
function addValue(
  a: Acc,
  unit: { code: string; name: string } | undefined,
  num: number | null,
  text: string | null,
  num2: number | null,
): void {
  const rule = a.ind.aggregation;
  addNumber(a.nums, num);
  addNumber(a.nums2, num2);
  // "không áp dụng" of a number indicator is counted apart: neither a value nor a unit that did not report
  if (rule !== 'text' && num === null && text === NOT_APPLICABLE) {
    a.notApplicable++;
    return;
  }
  const shown = (text ?? (rule === 'text' && num !== null ? String(num) : '')).trim();
  if (shown && unit) a.texts.push({ unitCode: unit.code, unitName: unit.name, text: shown });
  if (num !== null || (text ?? '').trim()) a.reporting++;
  const t = a.t;
  if (t && num !== null && (t.min === null || num >= t.min) && (t.max === null || t.min !== null || num <= t.max)) a.unitsMet++;
}

function finish(a: Acc, expected: number): ConsolidatedIndicator {
  const { ind, t, texts } = a;
  const total = ind.aggregation === 'text' ? null : aggregateSummary(ind.aggregation, a.nums);
  const total2 = ind.unit2 ? aggregateSummary(ind.aggregation === 'text' ? 'sum' : ind.aggregation, a.nums2) : null;
  const goal = t ? (t.min ?? t.max) : null;
  let achievedPct: number | null = null;
  let unitsMet: number | null = null;
  if (t && goal !== null && ind.aggregation !== 'text') {
    if (t.scope === 'per_unit') {
      unitsMet = a.unitsMet;
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
    reporting: a.reporting,
    notApplicable: a.notApplicable,
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
  for (const t of keptActiveSummaries(db, planId)) {
    const ind = catalog.get(t.indicatorId);
    if (ind && ind.aggregation !== 'text') out.set(t.indicatorId, aggregateSummary(ind.aggregation, t));
  }
  return out;
}

/** The consolidation without its units × indicators matrix: what the Tổng hợp tab's first screen, its narratives and
 *  the narrative curation read (the matrix is ~90 % of the whole on a 5,000-unit plan; computeConsolidation has it). */
export type ConsolidationSummary = Omit<Consolidation, 'matrix'> & { matrixRows: number };

/** `tracking`: the plan's tracking for `today` when the caller has it already (the handlers share one). */
export function computeConsolidation(
  db: Db,
  planId: number,
  today: string,
  tracking: Tracking = computeTracking(db, planId, today),
): Consolidation {
  const { matrixRows: _rows, ...c } = consolidate(db, planId, today, tracking, true);
  return c as Consolidation;
}

/** The same figures as computeConsolidation, without building the matrix. */
export function computeConsolidationSummary(
  db: Db,
  planId: number,
  today: string,
  tracking: Tracking = computeTracking(db, planId, today),
): ConsolidationSummary {
  const { matrix: _matrix, ...c } = consolidate(db, planId, today, tracking, false);
  return c;
}

function consolidate(
  db: Db,
  planId: number,
  today: string,
  tracking: Tracking,
  withMatrix: boolean,
): ConsolidationSummary & { matrix?: Consolidation['matrix'] } {
  const p = planOrThrow(db, planId);
  const catalog = new Map(listIndicators(db).map((i) => [i.id, i]));
  const targets = new Map(p.targets.map((t) => [t.indicatorId, t]));
  // 237,520 values on a 5,000-unit plan: read again only for the reports that changed, walked once in unit order
  const values = planReportValues(db, planId);
  const names = new Map(tracking.rows.map((r) => [r.unit.id, { code: r.unit.code, name: r.unit.name }]));
  const accs = new Map<number, Acc>();
  for (const t of p.targets) {
    const ind = catalog.get(t.indicatorId);
    if (ind && !accs.has(ind.id)) accs.set(ind.id, newAcc(ind, t));
  }
  // the matrix row of each unit, filled in the same pass (indicators are placed once all are known)
  const rowOf = withMatrix ? new Map(tracking.rows.map((r, k) => [r.unit.id, k])) : null;
  const cells: (number | string | null)[][] = withMatrix ? tracking.rows.map(() => []) : [];
  const extra: number[] = []; // reported indicators that are not among the plan's targets, in the order first seen
  const accOf: (Acc | null | undefined)[] = []; // accs by indicator id (small integers), null: not consolidated
  for (const rv of values) {
    const unit = names.get(rv.unitId);
    const row = rowOf?.get(rv.unitId);
    const { indicatorIds, nums, texts, nums2 } = rv;
    for (let k = 0; k < indicatorIds.length; k++) {
      const indicatorId = indicatorIds[k]!;
      let a = accOf[indicatorId];
      if (a === undefined) {
        a = accs.get(indicatorId) ?? null;
        if (!a) {
          // a target whose indicator left the catalog is not consolidated, nor is an indicator not in the catalog
          const ind = targets.has(indicatorId) ? undefined : catalog.get(indicatorId);
          if (ind) {
            accs.set(indicatorId, (a = newAcc(ind, undefined)));
            extra.push(indicatorId);
          }
        }
        accOf[indicatorId] = a;
      }
      if (!a) continue;
      const num = numberOrNull(nums[k]!);
      const text = texts ? texts[k]! : null;
      addValue(a, unit, num, text, nums2 ? numberOrNull(nums2[k]!) : null);
      if (row !== undefined) cells[row]![indicatorId] = num ?? text ?? null;
    }
  }
  const previous = p.previousPlanId ? (getPlan(db, p.previousPlanId) ?? null) : null;
  const last = previous ? planTotals(db, previous.id, catalog) : null;
  const order = [...new Set([...p.targets.map((t) => t.indicatorId), ...extra])];
  const indicators = order.flatMap((id) => {
    const a = accs.get(id);
    if (!a) return [];
    const row = finish(a, tracking.expected);
    const ly = last?.get(id) ?? null;
    const now = typeof row.total === 'number' ? row.total : null;
    return [{ ...row, lastYear: ly, changePct: ly !== null && now !== null && ly !== 0 ? pct(now - ly, ly) : null }];
  });
  const sections = new Map<NarrativeKey, Consolidation['narrative'][number]['items']>();
  const keyOf = new Map<string, NarrativeKey>(); // units write the same few headings: each folded once
  for (const n of activeNarrative(db, planId)) {
    const u = names.get(n.unitId);
    if (!u) continue;
    let key = keyOf.get(n.heading);
    if (key === undefined) keyOf.set(n.heading, (key = narrativeKey(n.heading)));
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
    matrixRows: tracking.rows.length,
    narrative,
    ...(withMatrix
      ? {
          matrix: {
            units: tracking.rows.map((r) => ({ ...r.unit, state: r.state, receivedOn: r.receivedOn })),
            values: cells.map((row) => indicators.map((i) => row[i.indicatorId] ?? null)),
          },
        }
      : {}),
  };
}
