// 'dashboard.get': completeness per plan, the latest plan in progress against its targets (per-unit targets
// counted once per expected unit) and the trend of indicators shared by two plans — against the consolidation
// fixture's hand-computed S1 figures.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/context';
import { fillByCode, setupPlan, submitS1 } from './consolidation-fixture';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

describe('dashboard.get', () => {
  it('is empty without plans, and ignores drafts', async () => {
    expect(await app.call('dashboard.get', {})).toEqual({ plans: [], targetPlan: null, targets: [], trend: [] });
    await app.call('plans.save', { title: 'Bản nháp' });
    expect((await app.call('dashboard.get', {})).plans).toEqual([]);
  });

  it('shows completeness, targets of the latest plan in progress and a trend across two campaigns', async () => {
    const f = await setupPlan(app);
    await submitS1(f);
    // An earlier, closed campaign sharing CT01 and CT25 with the plan above; two of its units reported.
    const earlier = await app.call('plans.save', {
      title: 'Phối hợp làm công tác dân vận đợt I/2023',
      status: 'da_tong_ket',
      periodLabel: 'Đợt I/2023',
      startsOn: '2023-06-01',
      reportDueOn: '2023-06-30',
      assignment: 'all_base',
      targets: [
        { indicatorId: f.id('CT01'), min: 5 },
        { indicatorId: f.id('CT25'), min: 100 },
      ],
    });
    const tpl = await app.call('reports.templates', { planId: earlier.id, unitIds: [f.units[0]!.id], zip: false });
    await app.call('reports.commit', {
      planId: earlier.id,
      files: [
        {
          file: { name: 'dot1.xlsx', bytes: await fillByCode(tpl.bytes, { CT01: 6, CT25: 90 }) },
          unitId: f.units[0]!.id,
          receivedOn: '2023-07-02',
        },
      ],
    });

    const d = await app.call('dashboard.get', {});
    expect(d.plans).toEqual([
      { id: earlier.id, title: earlier.title, periodLabel: 'Đợt I/2023', expected: 5, submitted: 1, onTime: 0 },
      { id: f.plan.id, title: f.plan.title, periodLabel: 'Đợt II/2023', expected: 5, submitted: 4, onTime: 3 },
    ]);
    expect(d.targetPlan).toEqual({ id: f.plan.id, title: f.plan.title, periodLabel: 'Đợt II/2023' });
    const t = (code: string) => d.targets.find((x) => x.code === code);
    expect(t('CT01')).toMatchObject({ target: 10, total: 19 });
    expect(t('CT08')).toMatchObject({ target: 5, total: 4 }); // ≥ 1 per unit × 5 units
    expect(t('CT25')).toMatchObject({ target: 150, total: 200 });
    expect(t('TL01')).toMatchObject({ target: 80, total: 80 });
    expect(t('MX01')).toMatchObject({ target: null, total: 300 });
    expect(t('TX01')).toBeUndefined(); // free text has no number to chart
    expect(d.trend.map((x) => x.code)).toEqual(['CT01', 'CT25']);
    expect(d.trend[0]!.points).toEqual([
      { planId: earlier.id, periodLabel: 'Đợt I/2023', total: 6 },
      { planId: f.plan.id, periodLabel: 'Đợt II/2023', total: 19 },
    ]);
  });
});
