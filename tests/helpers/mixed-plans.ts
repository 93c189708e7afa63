// Mixed plans for the equivalence tests of issue #17 (the faster consolidation and dashboard against the previous
// code): every aggregation rule, second measures, plan-wide and per-unit targets with min/max/text, "không áp dụng",
// text in number indicators and numbers in text ones, fractions and negatives, superseded and revoked versions,
// late reports, an indicator reported outside the plan's targets, a unit outside the plan's list.
import type { TestApp } from './context';
import type { Unit } from '../../src-main/contract/units';
import type { Indicator } from '../../src-main/contract/indicators';
import { insertReport } from '../../src-main/db/reports';
import { reportRow } from './report-rows';
import { NOT_APPLICABLE } from '../../src-main/text/blank-words';

/** A small deterministic generator (the same data on every run). */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

export const RULES = ['sum', 'avg', 'max', 'percent', 'text'] as const;

/** `plans` plans, each comparing with the one before; plan i leaves out some indicators and has its own status. */
export async function buildMixedPlans(app: TestApp, seed: number, plans = 2) {
  const r = rng(seed);
  const units: Unit[] = [];
  for (let i = 1; i <= 30; i++)
    units.push(await app.call('units.save', { code: `E${i}`, name: `Công đoàn đơn vị ${String.fromCharCode(65 + ((i * 7) % 26))} ${i}` }));
  const inds: Indicator[] = [];
  for (let k = 0; k < 12; k++) {
    inds.push(
      await app.call('indicators.save', {
        code: `EQ${k}`,
        groupCode: k < 6 ? 'I' : 'II',
        groupLabel: 'Nhóm thử',
        label: `Chỉ tiêu thử số ${k}`,
        unit: k % 5 === 3 ? '%' : 'buổi',
        unit2: k % 4 === 1 ? 'triệu đồng' : null,
        aggregation: RULES[k % RULES.length],
      }),
    );
  }
  const outside = await app.call('indicators.save', {
    code: 'EQX',
    groupCode: 'III',
    groupLabel: 'Khác',
    label: 'Chỉ tiêu ngoài kế hoạch',
    aggregation: 'sum',
  });
  const targetOf = (k: number) =>
    k % 6 === 0
      ? { min: 10 }
      : k % 6 === 1
        ? { min: 2, scope: 'per_unit' as const }
        : k % 6 === 2
          ? { max: 5, scope: 'per_unit' as const }
          : k % 6 === 3
            ? { min: 1, max: 4, scope: 'per_unit' as const }
            : k % 6 === 4
              ? { text: 'Có mô hình' }
              : {};
  const listed = units.slice(0, 27).map((u) => u.id); // E28..E30 are outside the plan's list; E28 reports anyway
  const STATUSES = ['da_tong_ket', 'ban_hanh', 'dang_thuc_hien', 'du_thao'] as const;
  const mkPlan = (title: string, previousPlanId: number | null, i: number) =>
    app.call('plans.save', {
      title,
      reportDueOn: i === 3 ? null : `${2020 + i}-06-30`,
      assignment: 'picked',
      unitIds: listed,
      previousPlanId,
      periodLabel: i % 2 ? `Đợt ${i}` : null,
      issuedOn: `${2020 + i}-01-0${1 + (i % 9)}`,
      status: plans === 2 ? 'dang_thuc_hien' : STATUSES[i % STATUSES.length],
      targets: inds.flatMap((ind, k) => (plans > 2 && (k + i) % 5 === 0 ? [] : [{ indicatorId: ind.id, ...targetOf(k) }])),
    });
  const value = (k: number): { valueNum: number | null; valueText: string | null; value2: number | null } => {
    const x = r();
    const num = x < 0.1 ? null : x < 0.15 ? -Math.round(r() * 5) : x < 0.4 ? Math.round(r() * 1e4) / 100 : Math.round(r() * 12);
    const text =
      x < 0.05
        ? NOT_APPLICABLE
        : x < 0.08
          ? '  có thực hiện '
          : RULES[k % RULES.length] === 'text' && x > 0.6
            ? `Mô hình ${Math.round(r() * 9)}`
            : null;
    return {
      valueNum: text && x < 0.08 ? null : num,
      valueText: text,
      value2: inds[k]!.unit2 && r() < 0.7 ? Math.round(r() * 1e3) / 10 : null,
    };
  };
  const db = app.ctx.db;
  const fill = (planId: number, year: number) => {
    const reporting = [...units.slice(0, 24), units[27]!];
    for (const [n, u] of reporting.entries()) {
      const versions = n % 5 === 0 ? 2 : 1;
      for (let v = 1; v <= versions; v++) {
        const status = v === versions ? 'active' : n % 10 === 0 ? 'revoked' : 'superseded';
        const vals = inds.flatMap((i, k) => (r() < 0.1 ? [] : [{ indicatorId: i.id, ...value(k), note: null, cell: null }]));
        if (n % 4 === 0) vals.push({ indicatorId: outside.id, valueNum: n, valueText: null, value2: null, note: null, cell: null });
        insertReport(
          db,
          reportRow({ planId, unitId: u.id, status, receivedOn: v < versions ? `${year}-06-05` : `${year}-0${n % 2 ? 6 : 7}-1${v}` }),
          vals,
          n % 3 ? [{ heading: n % 2 ? 'Kết quả nổi bật' : 'Khó khăn, hạn chế', text: `Nội dung ${n}` }] : [],
          `${year}-07-20`,
        );
      }
    }
  };
  const made: { id: number }[] = [];
  for (let i = 0; i < plans; i++) {
    const p = await mkPlan(i === plans - 1 ? 'Kế hoạch năm nay' : `Kế hoạch số ${i + 1}`, made.at(-1)?.id ?? null, i);
    fill(p.id, 2020 + i + (plans === 2 ? 3 : 0));
    made.push(p);
  }
  return { plans: made, plan: made.at(-1)!, before: made.at(-2)! };
}
