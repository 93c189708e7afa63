// "Kiểm tra số liệu" computed plan-wide (issue #17: the history of all the plan's units read at once) gives exactly
// the warnings the previous per-unit computation gave — same list, same order, same messages — on mixed plans with
// every rule firing (outliers against peers and against the unit's own history, unit mix-ups, confirmed values) and on
// a smaller generated province database (tests/bench/large-db.ts) with anomalies planted in it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeTestApp, type TestApp } from '../helpers/context';
import { buildMixedPlans, rng } from '../helpers/mixed-plans';
import { referencePlanWarnings } from '../helpers/value-review-reference';
import { planWarnings } from '../../src-main/features/value-review';
import { buildLargeDb } from '../bench/large-db';
import { openDatabase, type Db } from '../../src-main/db/connection';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

/** Odd values planted in a plan's active reports: huge ones, a unit far above its own past, a confirmed one. */
function plantAnomalies(db: Db, planId: number, seed: number): void {
  const r = rng(seed);
  const rows = db
    .prepare(
      `SELECT r.id, v.indicator_id AS ind, v.value_num AS num FROM reports r JOIN report_values v ON v.report_id = r.id
       WHERE r.plan_id = ? AND r.status = 'active' AND v.value_num IS NOT NULL ORDER BY r.id, v.indicator_id`,
    )
    .all(planId) as { id: number; ind: number; num: number }[];
  const set = db.prepare('UPDATE report_values SET value_num = ?, value2_num = ? WHERE report_id = ? AND indicator_id = ?');
  rows.forEach((row, k) => {
    if (k % 7 === 0)
      set.run(row.num * 1000 + 1, null, row.id, row.ind); // a đồng / nghìn đồng mix-up
    else if (k % 11 === 0)
      set.run(Math.round(r() * 400) + 60, Math.round(r() * 1e6), row.id, row.ind); // far from its own past
    else if (k % 13 === 0) set.run(null, 5, row.id, row.ind); // a second measure without the main one
  });
  const confirmed = rows.filter((_, k) => k % 14 === 0);
  for (const row of confirmed)
    db.prepare('UPDATE reports SET issues = ? WHERE id = ?').run(
      JSON.stringify([{ rule: 'confirmed', indicatorId: row.ind, reason: 'Đã gọi điện xác nhận' }]),
      row.id,
    );
}

describe('value checks of a plan computed plan-wide', () => {
  for (const seed of [1, 7]) {
    it(`equal the per-unit computation on mixed plans (seed ${seed})`, async () => {
      const { plans } = await buildMixedPlans(app, seed, 6);
      const db = app.ctx.db;
      plantAnomalies(db, plans.at(-1)!.id, seed);
      plantAnomalies(db, plans[2]!.id, seed + 1);
      for (const p of plans) expect(planWarnings(db, p.id)).toStrictEqual(referencePlanWarnings(db, p.id));
    });
  }

  it('the mixed plans really fire every kind of warning (guards the test above against data that finds nothing)', async () => {
    const { plan } = await buildMixedPlans(app, 7, 6);
    plantAnomalies(app.ctx.db, plan.id, 7);
    const w = referencePlanWarnings(app.ctx.db, plan.id);
    const rules = new Set(w.map((x) => x.rule));
    for (const rule of ['magnitude', 'far_above_target', 'outlier_peers', 'outlier_history', 'negative', 'second_without_main'])
      expect(rules, rule).toContain(rule);
    expect(w.some((x) => x.status === 'confirmed')).toBe(true);
    expect(w.some((x) => x.message.startsWith('Số liệu thứ hai'))).toBe(true);
  });

  it('equal the per-unit computation on a generated province database (300 units, 3 years)', { timeout: 240_000 }, async () => {
    const file = join(app.dir, 'large.sqlite');
    const s = await buildLargeDb(file, { units: 300, years: 3, plansPerYear: 3 });
    const db = openDatabase(file);
    try {
      plantAnomalies(db, s.bigPlanId, 3);
      const ids = (db.prepare('SELECT id FROM plans ORDER BY id').all() as { id: number }[]).map((p) => p.id);
      for (const id of [s.bigPlanId, ids[0]!, ids[4]!]) {
        const expected = referencePlanWarnings(db, id);
        expect(expected.length).toBeGreaterThan(0);
        expect(planWarnings(db, id)).toStrictEqual(expected);
      }
      expect(new Set(referencePlanWarnings(db, s.bigPlanId).map((x) => x.rule))).toContain('outlier_history');
    } finally {
      db.close();
    }
  });
});
