// consolidation.get reuses its last result only while the data is unchanged: a hand edit on this connection, a
// write committed by another connection (the CLI on the same file) and an undone batch each give fresh figures;
// tracking.get and checks.plan likewise.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/context';
import { setupPlan } from './consolidation-fixture';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

const ct01Total = async (planId: number) =>
  (await app.call('consolidation.get', { planId })).indicators.find((i) => i.code === 'CT01')!.total;

describe('consolidation reused while the data is unchanged', () => {
  it('gives the same figures twice, and fresh ones after every kind of change', async () => {
    const f = await setupPlan(app);
    await f.submit(0, '2023-12-30', { CT01: 3 });
    const batch = await f.submit(1, '2023-12-30', { CT01: 4 });
    expect(await ct01Total(f.plan.id)).toBe(7);
    expect(await ct01Total(f.plan.id)).toBe(7);

    // a hand edit through this connection
    const list = await app.call('reports.list', { planId: f.plan.id });
    const reportId = list.find((r) => r.unit.id === f.units[0]!.id)!.report!.id;
    await app.call('reports.editValue', { reportId, indicatorId: f.id('CT01'), value: 5 });
    expect(await ct01Total(f.plan.id)).toBe(9);

    // a write committed by another connection to the same file
    const other = new Database(join(app.dir, 'test.sqlite'));
    other.prepare('UPDATE report_values SET value_num = 10 WHERE report_id = ? AND indicator_id = ?').run(reportId, f.id('CT01'));
    other.close();
    expect(await ct01Total(f.plan.id)).toBe(14);

    // an undone batch
    await app.call('reports.undoBatch', { batchId: batch });
    expect(await ct01Total(f.plan.id)).toBe(10);
  });

  it('tracking.get likewise: a reminder recorded shows at once', async () => {
    const f = await setupPlan(app);
    const unit = f.units[2]!.id;
    const reminders = async () => (await app.call('tracking.get', { planId: f.plan.id })).rows.find((r) => r.unit.id === unit)!.reminders;
    expect(await reminders()).toBe(0);
    expect(await reminders()).toBe(0);
    await app.call('reminders.record', { planId: f.plan.id, unitIds: [unit], channel: 'zalo', number: null, note: null });
    expect(await reminders()).toBe(1);
  });

  it('checks.plan likewise: a value changed by hand is checked again', async () => {
    const f = await setupPlan(app);
    for (let i = 0; i < 5; i++) await f.submit(i, '2023-12-30', { CT01: 3 + (i % 2) });
    const about = async (unitId: number) =>
      (await app.call('checks.plan', { planId: f.plan.id })).warnings.filter((w) => w.unitId === unitId && w.indicatorCode === 'CT01');
    const unit = f.units[0]!.id;
    expect(await about(unit)).toEqual([]);
    const reportId = (await app.call('reports.list', { planId: f.plan.id })).find((r) => r.unit.id === unit)!.report!.id;
    await app.call('reports.editValue', { reportId, indicatorId: f.id('CT01'), value: 5000, reason: 'Đơn vị xác nhận bằng công văn' });
    expect((await about(unit)).length).toBeGreaterThan(0);
  });
});
