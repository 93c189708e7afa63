// Timeliness judged fairly: a unit is on time when its first usable report arrived by the deadline; a correction sent
// after the deadline is shown as "sửa sau hạn" without turning the unit late. An undone first report does not count.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/context';
import { setupPlan } from './consolidation-fixture';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

describe('on time is the first usable report', () => {
  it('a correction after the deadline keeps the unit on time, marked as corrected late; undoing the first makes it late', async () => {
    const f = await setupPlan(app); // due 2023-12-31
    const first = await f.submit(0, '2023-12-30', { CT01: 3 });
    await f.submit(0, '2024-01-03', { CT01: 4 }); // the correction, after the deadline
    await f.submit(1, '2024-01-02', { CT01: 5 }); // late from the start
    const t = await app.call('tracking.get', { planId: f.plan.id });
    const row = (i: number) => t.rows.find((r) => r.unit.id === f.units[i]!.id)!;
    expect(row(0)).toMatchObject({ state: 'on_time', correctedAfterDue: true, receivedOn: '2024-01-03', daysLate: null });
    expect(row(1)).toMatchObject({ state: 'late', correctedAfterDue: false, daysLate: 2 });
    expect([t.onTime, t.late]).toEqual([1, 1]);
    const list = await app.call('reports.list', { planId: f.plan.id });
    expect(list.find((r) => r.unit.id === f.units[0]!.id)).toMatchObject({
      state: 'on_time',
      report: { correctedAfterDue: true, firstReceivedOn: '2023-12-30' },
    });
    // the first report undone: the unit's first usable report is now the late one
    await app.call('reports.undoBatch', { batchId: first });
    expect((await app.call('tracking.get', { planId: f.plan.id })).rows.find((r) => r.unit.id === f.units[0]!.id)).toMatchObject({
      state: 'late',
      correctedAfterDue: false,
      daysLate: 3,
    });
  });
});
