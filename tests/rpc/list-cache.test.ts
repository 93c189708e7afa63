// The long lists pages open with (units.list, reports.list) are made again only after a data change, and kept on
// their own shelf: opening lists never pushes out a costly computed result (the overview, a consolidation).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedByDataVersion } from '../../src-main/features/data-version-cache';
import { makeTestApp, type TestApp } from '../helpers/context';
import { ct01Plan } from '../helpers/test-plans';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

describe('lists kept while the data is unchanged', () => {
  it('units.list and reports.list are reused until a change, then show it', async () => {
    await app.call('units.save', { code: 'L1', name: 'Công đoàn xã Một' });
    const plan = await ct01Plan(app, 'Kế hoạch thử danh sách');
    const units1 = await app.call('units.list', { includeInactive: true });
    expect(await app.call('units.list', { includeInactive: true })).toBe(units1); // the very same list: nothing changed
    const reports1 = await app.call('reports.list', { planId: plan.id });
    expect(await app.call('reports.list', { planId: plan.id })).toBe(reports1);

    await app.call('units.save', { code: 'L2', name: 'Công đoàn xã Hai' });
    const units2 = await app.call('units.list', { includeInactive: true });
    expect(units2.map((u) => u.code).sort()).toEqual(['L1', 'L2']);
    await app.call('units.setActive', { id: units2.find((u) => u.code === 'L2')!.id, active: false });
    expect((await app.call('units.list', { includeInactive: false })).map((u) => u.code)).toEqual(['L1']);
    // a write by the plan's side is a change too: the reports list is made again
    await app.call('plans.save', { title: 'Kế hoạch khác', status: 'du_thao', assignment: 'all_base' });
    expect(await app.call('reports.list', { planId: plan.id })).not.toBe(reports1);
  });

  it('lists never push a computed result off its shelf', () => {
    let computed = 0;
    const result = () => cachedByDataVersion(app.ctx.db, 'result-thu|1', () => ++computed);
    expect(result()).toBe(1);
    for (let k = 0; k < 10; k++) cachedByDataVersion(app.ctx.db, `list-thu|${k}`, () => k, 'lists');
    expect(result()).toBe(1); // still kept: not computed again
    for (let k = 0; k < 10; k++) cachedByDataVersion(app.ctx.db, `result-khac|${k}`, () => k);
    expect(result()).toBe(2); // results push each other out (four are kept)
  });
});
