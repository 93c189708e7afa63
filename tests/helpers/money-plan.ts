// The "triệu đồng" money indicator the value-check tests add to the catalog (a đồng amount typed into it is the
// classic unit mix-up), and a plan asking for it and for CT01, assigned to every base unit.
import type { TestApp } from './context';

export async function moneyPlan(app: TestApp, title: string) {
  const money = await app.call('indicators.save', {
    code: 'KP01',
    groupCode: 'IV',
    groupLabel: 'Kinh phí',
    label: 'Kinh phí vận động xã hội hóa',
    unit: 'triệu đồng',
    aggregation: 'sum',
  });
  const cat = await app.call('indicators.list', {});
  const plan = await app.call('plans.save', {
    title,
    status: 'dang_thuc_hien',
    reportDueOn: '2024-12-31',
    periodLabel: 'Năm 2024',
    targets: [
      { indicatorId: cat.find((i) => i.code === 'CT01')!.id, min: 2 },
      { indicatorId: money.id, min: 50 },
    ],
    assignment: 'all_base',
  });
  return { money, plan };
}
