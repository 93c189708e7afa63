// The units' histories for the value checks (planUnitHistories) are kept while the other plans' reports are unchanged,
// and always equal each unit's history read alone (unitHistory): after an edit or a new version in an earlier plan, a
// write by another connection, and a unit new to the plan (then only that unit is read).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planUnitHistories, unitHistory } from '../../src-main/db/check-data';
import { setValue } from '../../src-main/db/reports';
import { addTestReport } from '../helpers/report-rows';
import { makeTestApp, type TestApp } from '../helpers/context';
import { buildMixedPlans } from '../helpers/mixed-plans';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

/** unitId -> indicatorId -> sorted values (the checks read only their median and spread, not their order). */
function normal(h: ReadonlyMap<number, ReadonlyMap<number, readonly number[]>>) {
  return new Map([...h].map(([u, m]) => [u, new Map([...m].map(([i, xs]) => [i, [...xs].sort((a, b) => a - b)]))]));
}

const activeUnits = (planId: number) =>
  (app.ctx.db.prepare("SELECT unit_id AS u FROM reports WHERE plan_id = ? AND status = 'active'").all(planId) as { u: number }[]).map(
    (r) => r.u,
  );

function reference(planId: number) {
  return normal(
    new Map(
      activeUnits(planId).flatMap((u) => {
        const h = unitHistory(app.ctx.db, u, planId);
        return h.size ? [[u, h] as const] : [];
      }),
    ),
  );
}

const revOf = (planId: number) =>
  (app.ctx.db.prepare('SELECT rev FROM plan_data_revisions WHERE plan_id = ?').get(planId) as { rev: number } | undefined)?.rev ?? 0;

describe('the units’ histories kept for the value checks', () => {
  it('equal each unit’s history read alone after every change, and are kept while the other plans are unchanged', async () => {
    const { plans, plan } = await buildMixedPlans(app, 5, 3);
    const db = app.ctx.db;
    const [first, second] = plans;
    // one unit of this plan has no report in use yet
    const late = activeUnits(plan.id)[0]!;
    db.prepare("UPDATE reports SET status = 'revoked' WHERE plan_id = ? AND unit_id = ?").run(plan.id, late);

    const a = planUnitHistories(db, plan.id);
    expect(normal(a)).toEqual(reference(plan.id));
    expect(a.has(late)).toBe(false);
    const some = [...a.keys()].find((u) => a.get(u)!.size > 0)!;

    // unchanged other plans: the very same entries
    const b = planUnitHistories(db, plan.id);
    expect(b.get(some)).toBe(a.get(some));

    // a change in this plan only (the late unit's report arrives): kept, and the new unit read alone
    const ind = [...a.get(some)!.keys()][0]!;
    const before = revOf(first!.id);
    addTestReport(db, plan.id, late, '2030-01-01', [{ indicatorId: ind, valueNum: 1 }]);
    expect(revOf(first!.id)).toBe(before);
    const c = planUnitHistories(db, plan.id);
    expect(c.get(some)).toBe(a.get(some));
    expect(c.has(late)).toBe(true);
    expect(normal(c)).toEqual(reference(plan.id));

    // an edit in an earlier plan
    const earlier = db.prepare("SELECT id FROM reports WHERE plan_id = ? AND unit_id = ? AND status = 'active'").get(first!.id, some) as {
      id: number;
    };
    setValue(db, earlier.id, ind, 4242, null, null);
    expect(revOf(first!.id)).toBeGreaterThan(before);
    const d = planUnitHistories(db, plan.id);
    expect(d.get(some)).not.toBe(a.get(some));
    expect(normal(d)).toEqual(reference(plan.id));
    expect(d.get(some)!.get(ind)).toContain(4242);

    // a newer version in an earlier plan
    addTestReport(db, second!.id, some, '2031-01-01', [{ indicatorId: ind, valueNum: 777 }]);
    expect(normal(planUnitHistories(db, plan.id))).toEqual(reference(plan.id));

    // another connection's write to an earlier plan
    const other = new Database(join(app.dir, 'test.sqlite'));
    other.prepare('UPDATE report_values SET value_num = 31337 WHERE report_id = ? AND indicator_id = ?').run(earlier.id, ind);
    other.close();
    const e = planUnitHistories(db, plan.id);
    expect(normal(e)).toEqual(reference(plan.id));
    expect(e.get(some)!.get(ind)).toContain(31337);

    // another plan asked in between, then this one again
    expect(normal(planUnitHistories(db, first!.id))).toEqual(reference(first!.id));
    expect(normal(planUnitHistories(db, plan.id))).toEqual(reference(plan.id));
  });
});
