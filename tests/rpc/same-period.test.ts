// Same period last year: a plan copied from last year's names it; consolidation (and CLI consolidate) show last year's
// total per indicator and the change; a plan without one shows none.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillTemplate, makeTestApp, type TestApp } from '../helpers/context';
import { cli } from '../helpers/cli';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

describe('so với cùng kỳ', () => {
  it('a copied plan compares with the plan it was copied from', async () => {
    const units = [
      await app.call('units.save', { code: 'A1', name: 'Công đoàn Một' }),
      await app.call('units.save', { code: 'A2', name: 'Công đoàn Hai' }),
    ];
    const cat = await app.call('indicators.list', {});
    const ct01 = cat.find((i) => i.code === 'CT01')!;
    const ct25 = cat.find((i) => i.code === 'CT25')!;
    const p2023 = await app.call('plans.save', {
      title: 'Dân vận năm 2023',
      status: 'dang_thuc_hien',
      periodLabel: 'Năm 2023',
      startsOn: '2023-01-01',
      assignment: 'all_base',
      targets: [
        { indicatorId: ct01.id, min: 10 },
        { indicatorId: ct25.id, min: 100 },
      ],
    });
    const submit = async (planId: number, unitId: number, values: Record<string, number>, on: string) => {
      const tpl = (await app.call('reports.templates', { planId, unitIds: [unitId], zip: false })).bytes;
      await app.call('reports.commit', {
        planId,
        files: [{ file: { name: `bc-${planId}-${unitId}.xlsx`, bytes: await fillTemplate(tpl, values) }, unitId, receivedOn: on }],
      });
    };
    await submit(p2023.id, units[0]!.id, { 'Số buổi': 4, 'Hiến máu': 30 }, '2023-12-20');
    await submit(p2023.id, units[1]!.id, { 'Số buổi': 6, 'Hiến máu': 50 }, '2023-12-21');
    const p2024 = await app.call('plans.copy', {
      id: p2023.id,
      startsOn: '2024-01-01',
      periodLabel: 'Năm 2024',
      title: 'Dân vận năm 2024',
    });
    expect(p2024.previousPlanId).toBe(p2023.id);
    await submit(p2024.id, units[0]!.id, { 'Số buổi': 9, 'Hiến máu': 40 }, '2024-12-20');
    await submit(p2024.id, units[1]!.id, { 'Số buổi': 6, 'Hiến máu': 40 }, '2024-12-21');

    const c = await app.call('consolidation.get', { planId: p2024.id });
    expect(c.previousPlan).toMatchObject({ id: p2023.id, periodLabel: 'Năm 2023' });
    const row = (code: string) => c.indicators.find((i) => i.code === code)!;
    expect([row('CT01').total, row('CT01').lastYear, row('CT01').changePct]).toEqual([15, 10, 50]);
    expect([row('CT25').total, row('CT25').lastYear, row('CT25').changePct]).toEqual([80, 80, 0]);
    expect((await app.call('consolidation.get', { planId: p2023.id })).indicators.every((i) => i.lastYear === null)).toBe(true);
    app.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const r = await cli('consolidate', '--plan', String(p2024.id), '--json', '--db', app.ctx.dbFile);
    const j = JSON.parse(r.out) as { indicators: { code: string; lastYear: number | null }[] };
    expect(j.indicators.find((i) => i.code === 'CT01')!.lastYear).toBe(10);
  });
});
