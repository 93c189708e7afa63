// A plan's indicators reported outside its targets (the overview's trend, the consolidation's order) and one indicator's
// count, sum and maximum are kept while the plan's reports are unchanged, and always equal a fresh read: after a value
// added by hand, a newer version, and a change of the plan's targets (which leaves the reports as they are).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src-main/db/connection';
import { indicatorSummary, planExtraIndicators } from '../../src-main/db/page-queries';
import { setValue } from '../../src-main/db/reports';
import { makeTestApp, type TestApp } from '../helpers/context';
import { buildMixedPlans } from '../helpers/mixed-plans';
import { addTestReport } from '../helpers/report-rows';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

/** The read before it was kept: one query, the targets left out in SQL. */
const fresh = (db: Db, planId: number) =>
  (
    db
      .prepare(
        `SELECT v.indicator_id AS id, MIN(r.unit_id) AS first_unit FROM reports r JOIN report_values v ON v.report_id = r.id
         WHERE r.plan_id = ? AND r.status = 'active' AND v.indicator_id NOT IN (SELECT indicator_id FROM plan_targets WHERE plan_id = ?)
         GROUP BY v.indicator_id ORDER BY first_unit, v.indicator_id`,
      )
      .all(planId, planId) as { id: number }[]
  ).map((r) => r.id);

const freshSummary = (db: Db, planId: number, indicatorId: number) =>
  db
    .prepare(
      `SELECT COUNT(v.value_num) AS n, TOTAL(v.value_num) AS sum, MAX(v.value_num) AS max
       FROM reports r JOIN report_values v ON v.report_id = r.id AND v.indicator_id = ? WHERE r.plan_id = ? AND r.status = 'active'`,
    )
    .get(indicatorId, planId);

describe('a plan’s indicators outside its targets', () => {
  it('equal a fresh read after every kind of change', async () => {
    const { plan } = await buildMixedPlans(app, 21);
    const db = app.ctx.db;
    const indicators = (db.prepare('SELECT id FROM indicators').all() as { id: number }[]).map((r) => r.id);
    const same = () => {
      expect(planExtraIndicators(db, plan.id)).toEqual(fresh(db, plan.id));
      for (const i of indicators) expect(indicatorSummary(db, plan.id, i)).toEqual(freshSummary(db, plan.id, i));
    };
    same();
    expect(planExtraIndicators(db, plan.id).length).toBeGreaterThan(0);
    // a new indicator, reported by hand into the first unit's report in use
    const extra = await app.call('indicators.save', {
      code: 'NEW1',
      groupCode: 'III',
      groupLabel: 'Khác',
      label: 'Chỉ tiêu mới',
      aggregation: 'sum',
    });
    const first = db
      .prepare("SELECT id, unit_id AS u FROM reports WHERE plan_id = ? AND status = 'active' ORDER BY unit_id LIMIT 1")
      .get(plan.id) as {
      id: number;
      u: number;
    };
    setValue(db, first.id, extra.id, 3, null, null);
    same();
    setValue(db, first.id, extra.id, 40, null, null); // the same indicator's value changed: its sum too
    same();
    expect(planExtraIndicators(db, plan.id)).toContain(extra.id);
    // a newer version of that unit's report without it
    addTestReport(db, plan.id, first.u, '2099-01-01', [{ indicatorId: extra.id === 1 ? 2 : 1, valueNum: 1 }]);
    same();
    // the plan's targets now include every reported indicator: none is left outside
    const p = await app.call('plans.get', { id: plan.id });
    const ids = db.prepare('SELECT DISTINCT indicator_id AS i FROM report_values').all() as { i: number }[];
    db.prepare('DELETE FROM plan_targets WHERE plan_id = ?').run(plan.id);
    const put = db.prepare("INSERT INTO plan_targets (plan_id, indicator_id, position, scope) VALUES (?, ?, ?, 'total')");
    ids.forEach((r, k) => put.run(p.id, r.i, k));
    same();
    expect(planExtraIndicators(db, plan.id)).toEqual([]);
  });
});
