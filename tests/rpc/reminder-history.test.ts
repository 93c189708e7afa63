// reminders.history (the Đôn đốc panel of the Tổng hợp tab): every reminder of the plan, newest first, each with its
// unit's current code and name from the register; one unit's only when asked; another plan's never. Read in one query
// (it looked each unit up one by one: seconds for a plan's few hundred reminders over 5,000 units).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/context';
import { setupPlan } from './consolidation-fixture';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

describe('reminder history', () => {
  it('lists the plan’s reminders newest first with each unit as the register has it now', async () => {
    const f = await setupPlan(app);
    const [a, b, c] = f.units;
    await app.call('reminders.record', { planId: f.plan.id, unitIds: [a!.id, b!.id], channel: 'zalo', sentOn: '2024-01-02' });
    await app.call('reminders.record', {
      planId: f.plan.id,
      unitIds: [c!.id],
      channel: 'phone',
      sentOn: '2024-01-03',
      note: 'gọi chị Lan',
    });
    await app.call('reminders.record', { planId: f.plan.id, unitIds: [a!.id], channel: 'letter', sentOn: '2024-01-03', number: '05/LĐLĐ' });
    const other = await app.call('plans.save', { title: 'Kế hoạch khác', status: 'dang_thuc_hien', targets: [], assignment: 'all_base' });
    await app.call('reminders.record', { planId: other.id, unitIds: [b!.id], channel: 'email', sentOn: '2024-01-04' });
    await app.call('units.save', { ...a!, name: 'Công đoàn đã đổi tên' }); // renamed after the reminders

    const all = await app.call('reminders.history', { planId: f.plan.id });
    expect(all.map((h) => [h.sentOn, h.channel, h.unit.code, h.unit.name, h.number, h.note])).toEqual([
      ['2024-01-03', 'letter', a!.code, 'Công đoàn đã đổi tên', '05/LĐLĐ', null],
      ['2024-01-03', 'phone', c!.code, c!.name, null, 'gọi chị Lan'],
      ['2024-01-02', 'zalo', b!.code, b!.name, null, null],
      ['2024-01-02', 'zalo', a!.code, 'Công đoàn đã đổi tên', null, null],
    ]);
    expect(all.every((h) => h.unit.id === f.units.find((u) => u.code === h.unit.code)!.id)).toBe(true);
    const one = await app.call('reminders.history', { planId: f.plan.id, unitId: a!.id });
    expect(one.map((h) => h.channel)).toEqual(['letter', 'zalo']);
  });
});
