// The faster consolidation (issue #17: values read as arrays, one pass) gives exactly what the previous code gave,
// on mixed data: every aggregation rule, second measures, plan-wide and per-unit targets with min/max/text,
// "không áp dụng", text in number indicators and numbers in text ones, fractions and negatives, superseded
// versions, an indicator reported outside the plan's targets, a unit outside the plan's list, a previous plan.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/context';
import { referenceConsolidation } from '../helpers/consolidation-reference';
import { computeConsolidation } from '../../src-main/features/consolidation';
import { insertReport } from '../../src-main/db/reports';
import type { Unit } from '../../src-main/contract/units';
import type { Indicator } from '../../src-main/contract/indicators';
import { NOT_APPLICABLE } from '../../src-main/text/blank-words';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

/** A small deterministic generator (the same data on every run). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const RULES = ['sum', 'avg', 'max', 'percent', 'text'] as const;

async function build(seed: number) {
  const r = rng(seed);
  const units: Unit[] = [];
  for (let i = 1; i <= 30; i++) units.push(await app.call('units.save', { code: `E${i}`, name: `Công đoàn đơn vị ${String.fromCharCode(65 + (i * 7) % 26)} ${i}` }));
  const inds: Indicator[] = [];
  for (let k = 0; k < 12; k++) {
    inds.push(await app.call('indicators.save', {
      code: `EQ${k}`, groupCode: k < 6 ? 'I' : 'II', groupLabel: 'Nhóm thử', label: `Chỉ tiêu thử số ${k}`, unit: k % 5 === 3 ? '%' : 'buổi',
      unit2: k % 4 === 1 ? 'triệu đồng' : null, aggregation: RULES[k % RULES.length],
    }));
  }
  const outside = await app.call('indicators.save', { code: 'EQX', groupCode: 'III', groupLabel: 'Khác', label: 'Chỉ tiêu ngoài kế hoạch', aggregation: 'sum' });
  const targetOf = (k: number) =>
    k % 6 === 0 ? { min: 10 } : k % 6 === 1 ? { min: 2, scope: 'per_unit' as const } : k % 6 === 2 ? { max: 5, scope: 'per_unit' as const }
    : k % 6 === 3 ? { min: 1, max: 4, scope: 'per_unit' as const } : k % 6 === 4 ? { text: 'Có mô hình' } : {};
  const listed = units.slice(0, 27).map((u) => u.id); // E28..E30 are outside the plan's list; E28 reports anyway
  const mkPlan = (title: string, previousPlanId: number | null) => app.call('plans.save', {
    title, reportDueOn: '2024-06-30', assignment: 'picked', unitIds: listed, previousPlanId,
    targets: inds.map((i, k) => ({ indicatorId: i.id, ...targetOf(k) })),
  });
  const value = (k: number): { valueNum: number | null; valueText: string | null; value2: number | null } => {
    const x = r();
    const num = x < 0.1 ? null : x < 0.15 ? -Math.round(r() * 5) : x < 0.4 ? Math.round(r() * 1e4) / 100 : Math.round(r() * 12);
    const text = x < 0.05 ? NOT_APPLICABLE : x < 0.08 ? '  có thực hiện ' : RULES[k % RULES.length] === 'text' && x > 0.6 ? `Mô hình ${Math.round(r() * 9)}` : null;
    return { valueNum: text && x < 0.08 ? null : num, valueText: text, value2: inds[k]!.unit2 && r() < 0.7 ? Math.round(r() * 1e3) / 10 : null };
  };
  const db = app.ctx.db;
  const fill = (planId: number, year: number) => {
    const reporting = [...units.slice(0, 24), units[27]!];
    for (const [n, u] of reporting.entries()) {
      const versions = n % 5 === 0 ? 2 : 1;
      for (let v = 1; v <= versions; v++) {
        const vals = inds.flatMap((i, k) => (r() < 0.1 ? [] : [{ indicatorId: i.id, ...value(k), note: null, cell: null }]));
        if (n % 4 === 0) vals.push({ indicatorId: outside.id, valueNum: n, valueText: null, value2: null, note: null, cell: null });
        insertReport(db, {
          planId, unitId: u.id, batchId: null, status: v === versions ? 'active' : 'superseded', receivedOn: `${year}-0${n % 2 ? 6 : 7}-1${v}`,
          channel: 'file', fileName: null, sha256: null, documentId: null, reader: null, title: null, periodLabel: null, unitNameInFile: null, issues: [],
        }, vals, n % 3 ? [{ heading: n % 2 ? 'Kết quả nổi bật' : 'Khó khăn, hạn chế', text: `Nội dung ${n}` }] : [], `${year}-07-20`);
      }
    }
  };
  const before = await mkPlan('Kế hoạch năm trước', null);
  fill(before.id, 2023);
  const plan = await mkPlan('Kế hoạch năm nay', before.id);
  fill(plan.id, 2024);
  return { plan, before };
}

describe('consolidation computed in one pass', () => {
  for (const seed of [1, 7, 2024]) {
    it(`equals the previous computation on mixed data (seed ${seed})`, async () => {
      const { plan, before } = await build(seed);
      for (const id of [plan.id, before.id]) {
        const expected = referenceConsolidation(app.ctx.db, id, '2024-07-15');
        expect(computeConsolidation(app.ctx.db, id, '2024-07-15')).toStrictEqual(expected);
      }
    });
  }

  it('the data really is mixed (guards the test above against a generator that makes nothing to compare)', async () => {
    const { plan } = await build(7);
    const c = referenceConsolidation(app.ctx.db, plan.id, '2024-07-15');
    expect(new Set(c.indicators.map((i) => i.aggregation))).toEqual(new Set(RULES));
    expect(c.indicators.some((i) => i.code === 'EQX')).toBe(true);
    expect(c.indicators.some((i) => i.notApplicable > 0)).toBe(true);
    expect(c.indicators.some((i) => i.total2 !== null)).toBe(true);
    expect(c.indicators.some((i) => i.texts.length > 0 && i.aggregation !== 'text')).toBe(true);
    expect(c.indicators.some((i) => i.lastYear !== null)).toBe(true);
    expect(c.indicators.some((i) => i.unitsMet !== null && i.unitsMet > 0)).toBe(true);
    expect(c.matrix.units.some((u) => u.code === 'E28')).toBe(true);
    expect(c.narrative.length).toBeGreaterThan(1);
  });
});
