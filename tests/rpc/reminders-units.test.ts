// The units a reminder names are looked up in one query (they were looked up one by one, each counting the unit's
// records: tens of seconds for a letter to 450 missing units over 5,000): the same units in the order given, an
// unknown one left out of a letter and refused when recording, nothing recorded then.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/context';
import { setupPlan } from './consolidation-fixture';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

describe('units named by reminders', () => {
  it('a letter names the given units in the given order, leaving out an unknown one', async () => {
    const f = await setupPlan(app);
    const [a, b] = f.units;
    const res = await app.call('reminders.letter', { planId: f.plan.id, unitIds: [b!.id, 999_999, a!.id], date: '2024-01-04' });
    expect(res.units).toEqual([
      { id: b!.id, code: b!.code, name: b!.name },
      { id: a!.id, code: a!.code, name: a!.name },
    ]);
    expect(res.text).toContain(b!.name);
  });

  it('recording refuses an unknown unit and records nothing; known units are recorded', async () => {
    const f = await setupPlan(app);
    const [a, b] = f.units;
    await expect(app.call('reminders.record', { planId: f.plan.id, unitIds: [a!.id, 999_999] })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await app.call('reminders.history', { planId: f.plan.id })).toEqual([]);
    expect(await app.call('reminders.record', { planId: f.plan.id, unitIds: [a!.id, b!.id], sentOn: '2024-01-02' })).toEqual({
      recorded: 2,
    });
    expect((await app.call('reminders.history', { planId: f.plan.id })).map((h) => h.unit.code).sort()).toEqual([a!.code, b!.code].sort());
  });
});
