// The overview charts from counts and SQL sums (issue #17) give what the previous code gave by consolidating each
// plan in full: completeness and timeliness per plan (revoked and superseded versions, late and on-time, a plan
// without deadline, a draft left out), the latest plan's targets and totals, and the trend of shared indicators.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/context';
import { buildMixedPlans } from '../helpers/mixed-plans';
import { referenceDashboard } from '../helpers/dashboard-reference';
import { computeDashboard } from '../../src-main/features/dashboard';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

describe('dashboard without full consolidations', () => {
  for (const seed of [3, 11]) {
    it(`equals the previous computation on mixed plans (seed ${seed})`, async () => {
      await buildMixedPlans(app, seed, 7);
      const expected = referenceDashboard(app.ctx.db, '2026-07-15');
      // the data exercises what the charts show
      expect(expected.plans.length).toBeGreaterThanOrEqual(5);
      expect(expected.plans.some((p) => p.onTime < p.submitted)).toBe(true);
      expect(expected.targets.length).toBeGreaterThan(3);
      expect(expected.trend.length).toBe(4);
      expect(computeDashboard(app.ctx.db, '2026-07-15')).toStrictEqual(expected);
    });
  }

  it('dashboard.get gives fresh charts after a change', async () => {
    const { plans } = await buildMixedPlans(app, 5, 3);
    const before = await app.call('dashboard.get', {});
    await app.call('plans.setStatus', { id: plans[2]!.id, status: 'da_tong_ket' }); // the latest in progress is now the issued one
    const after = await app.call('dashboard.get', {});
    expect(after).toStrictEqual(referenceDashboard(app.ctx.db, '2026-07-15'));
    expect(after.targetPlan?.id).not.toBe(before.targetPlan?.id);
  });

  it('kept submission counts follow every change they depend on: a report, the deadline, the plan’s list', async () => {
    await buildMixedPlans(app, 7, 4);
    const db = app.ctx.db;
    const same = () => expect(computeDashboard(db, '2026-07-15')).toStrictEqual(referenceDashboard(db, '2026-07-15'));
    same(); // counts kept from here on
    const active = db.prepare("SELECT id, plan_id AS planId, unit_id AS unitId FROM reports WHERE status = 'active' ORDER BY id").all() as {
      id: number;
      planId: number;
      unitId: number;
    }[];
    const first = active[0]!;
    // a report revoked: one fewer submitted (its plan's revision is raised)
    db.prepare("UPDATE reports SET status = 'revoked' WHERE id = ?").run(first.id);
    same();
    // the deadline moved before every report: all late; then removed: none late
    db.prepare("UPDATE plans SET report_due_on = '2000-01-01' WHERE id = ?").run(first.planId);
    same();
    db.prepare('UPDATE plans SET report_due_on = NULL WHERE id = ?').run(first.planId);
    same();
    // a unit taken off the plan's list and one added: expected follows
    const listed = db.prepare('SELECT unit_id AS u FROM plan_units WHERE plan_id = ? LIMIT 1').get(first.planId) as { u: number };
    db.prepare('DELETE FROM plan_units WHERE plan_id = ? AND unit_id = ?').run(first.planId, listed.u);
    same();
    const outside = db
      .prepare('SELECT id FROM units WHERE id NOT IN (SELECT unit_id FROM plan_units WHERE plan_id = ?) LIMIT 1')
      .get(first.planId) as { id: number } | undefined;
    if (outside) db.prepare('INSERT INTO plan_units (plan_id, unit_id) VALUES (?, ?)').run(first.planId, outside.id);
    same();
  });
});
