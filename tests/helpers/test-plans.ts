// Plans the import tests build on: one asking for CT01 (and any further targets), assigned to every base unit; a
// unit's template of it filled in as a unit does; and the "triệu đồng" money indicator of the value-check tests
// (a đồng amount typed into it is the classic unit mix-up).
import { fillTemplate, type TestApp } from './context';

/** A plan asking CT01 ≥ 2 and `more`, for every base unit, due 31/12 of `year`, its period "Năm <year>" unless given. */
export async function ct01Plan(
  app: TestApp,
  title: string,
  o: { year?: number; periodLabel?: string; more?: { indicatorId: number; min: number }[] } = {},
) {
  const year = o.year ?? 2023;
  const cat = await app.call('indicators.list', {});
  return app.call('plans.save', {
    title,
    status: 'dang_thuc_hien',
    reportDueOn: `${year}-12-31`,
    periodLabel: o.periodLabel ?? `Năm ${year}`,
    targets: [{ indicatorId: cat.find((i) => i.code === 'CT01')!.id, min: 2 }, ...(o.more ?? [])],
    assignment: 'all_base',
  });
}

/** The plan's template for one unit, filled with these values by row label. */
export async function filledTemplate(app: TestApp, planId: number, unitId: number, values: Record<string, number>): Promise<Uint8Array> {
  const tpl = (await app.call('reports.templates', { planId, unitIds: [unitId], zip: false })).bytes;
  return fillTemplate(tpl, values);
}

/** The money indicator KP01, counted in triệu đồng (the value-check tests, unit and e2e). */
export const MONEY_INDICATOR = {
  code: 'KP01',
  groupCode: 'IV',
  groupLabel: 'Kinh phí',
  label: 'Kinh phí vận động xã hội hóa',
  unit: 'triệu đồng',
  aggregation: 'sum',
} as const;

/** The money indicator KP01 (triệu đồng) and a 2024 plan asking CT01 ≥ 2 and KP01 ≥ 50. */
export async function moneyPlan(app: TestApp, title: string) {
  const money = await app.call('indicators.save', MONEY_INDICATOR);
  const plan = await ct01Plan(app, title, { year: 2024, more: [{ indicatorId: money.id, min: 50 }] });
  return { money, plan };
}
