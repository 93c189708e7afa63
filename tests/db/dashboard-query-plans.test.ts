// The overview's queries read a plan's values through the plan's reports (one seek per report), never through every
// report of every plan holding the indicator, even with statistics that say otherwise: those an earlier version left
// (PRAGMA optimize after migrating, sampled) made the planner read one indicator's total through the indicator's
// index, and the overview of the 5,000-unit database took 8 s after each change. An upgrade now drops them.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/db/connection';
import { computeDashboard } from '../../src-main/features/dashboard';
import { makeTestApp, type TestApp } from '../helpers/context';
import { buildMixedPlans } from '../helpers/mixed-plans';
import { asBeforeLastMigration } from '../helpers/older-schema';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

/** The statistics PRAGMA optimize left on the 5,000-unit database (a sample: 2,001 rows per indicator, per plan). */
function misleadingStatistics(file: string): void {
  const db = new Database(file);
  db.exec('ANALYZE');
  db.exec('DELETE FROM sqlite_stat1');
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat4'").get()) db.exec('DELETE FROM sqlite_stat4');
  const put = db.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)');
  for (const [tbl, idx, stat] of [
    ['report_values', 'report_values_indicator_ix', '7897410 2001'],
    ['report_values', 'report_values', '7897410 36 1'],
    ['reports', 'reports_unit_ix', '185310 38 20'],
    ['reports', 'reports_one_active_uq', '176492 2001 1'],
    ['reports', 'reports_hash_ix', '185310 2001 2001'],
    ['reports', 'reports_batch_ix', '185310 334'],
    ['reports', 'reports_plan_unit_ix', '185310 2001 1 1'],
    ['plan_targets', 'plan_targets_indicator_ix', '1794 26'],
    ['plan_targets', 'plan_targets_uq', '1794 45 1'],
    ['indicators', 'indicators_code_uq', '52 1'],
  ])
    put.run(tbl, idx, stat);
  db.close();
}

/** The query plans of the statements over report_values that `work` prepares on `db`. */
function plansOf(db: Db, work: () => void): string[] {
  const seen: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    seen.push(sql);
    return prepare(sql);
  }) as typeof db.prepare;
  try {
    work();
  } finally {
    db.prepare = prepare;
  }
  return seen
    .filter((sql) => /report_values/.test(sql))
    .map((sql) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(sql.match(/\?/g) ?? []).map(() => 1)) as { detail: string }[])
        .map((r) => r.detail)
        .join(' | '),
    );
}

describe('the overview’s query plans', () => {
  it('never scan report_values by indicator across all plans, even with misleading statistics', async () => {
    await buildMixedPlans(app, 4, 3);
    const file = join(app.dir, 'test.sqlite');
    misleadingStatistics(file);
    const db = new Database(file) as Db; // loads the statistics, as the app's connection did
    try {
      const plans = plansOf(db, () => computeDashboard(db, '2026-12-07'));
      expect(plans.length).toBeGreaterThan(0);
      for (const plan of plans) expect(plan).not.toMatch(/report_values_indicator_ix/);
    } finally {
      db.close();
    }
  });

  it('an upgrade drops the statistics an earlier version left, and the connection forgets them', async () => {
    await buildMixedPlans(app, 4, 3);
    const file = join(app.dir, 'test.sqlite');
    app.ctx.db.close();
    misleadingStatistics(file);
    asBeforeLastMigration(file); // the database as the version before the last migration left it
    const db = openDatabase(file);
    try {
      expect(db.prepare('SELECT count(*) AS n FROM sqlite_stat1').get()).toEqual({ n: 0 });
      const plan = (
        db
          .prepare(
            `EXPLAIN QUERY PLAN SELECT COUNT(v.value_num) FROM reports r JOIN report_values v ON v.report_id = r.id AND v.indicator_id = ?
             WHERE r.plan_id = ? AND r.status = 'active'`,
          )
          .all(1, 1) as { detail: string }[]
      ).map((r) => r.detail);
      expect(plan.join(' | ')).not.toMatch(/report_values_indicator_ix/);
    } finally {
      db.close();
    }
  });
});
