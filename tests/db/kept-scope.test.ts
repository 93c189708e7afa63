// Results kept per connection are shared only where the opener says so (db/kept-scope.ts): the worker's connections,
// one per job, share theirs while the data file is the same one, and start afresh when a restore put another file in
// its place, even one whose reports carry the very same stamps (an older backup) but other values.
import Database from 'better-sqlite3';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shareKept } from '../../src-main/db/kept-scope';
import { planReportValues } from '../../src-main/db/plan-values';
import { openReadConnection } from '../../src-main/db/read-connection';
import { inWorker } from '../../src-main/features/ahead-worker';
import type { ConsolidationSummary } from '../../src-main/features/consolidation';
import { makeTestApp, type TestApp } from '../helpers/context';
import { buildMixedPlans } from '../helpers/mixed-plans';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

describe('kept results across connections', () => {
  it('are shared by connections given one scope, and not by others', async () => {
    const { plan } = await buildMixedPlans(app, 3);
    const file = join(app.dir, 'test.sqlite');
    const scope = {};
    const [a, b, c] = [openReadConnection(file), openReadConnection(file), openReadConnection(file)];
    try {
      shareKept(a, scope);
      shareKept(b, scope);
      const first = planReportValues(a, plan.id)[0];
      expect(planReportValues(b, plan.id)[0]).toBe(first);
      expect(planReportValues(c, plan.id)[0]).not.toBe(first);
      expect(planReportValues(c, plan.id)[0]).toEqual(first);
    } finally {
      for (const db of [a, b, c]) db.close();
    }
  });

  it('the worker starts afresh on a file put in place by a rename, even with the same stamps', { timeout: 60_000 }, async () => {
    const { plan } = await buildMixedPlans(app, 3);
    const file = join(app.dir, 'test.sqlite');
    const older = join(app.dir, 'older.sqlite');
    app.ctx.db.exec(`VACUUM INTO '${older}'`);
    // the "older backup": one sum value differs, its report's values_rev as in the live file
    const copy = new Database(older);
    const row = copy
      .prepare(
        `SELECT v.report_id AS r, v.indicator_id AS i, v.value_num AS x, rep.values_rev AS rev FROM report_values v
         JOIN reports rep ON rep.id = v.report_id JOIN indicators ind ON ind.id = v.indicator_id
         WHERE rep.plan_id = ? AND rep.status = 'active' AND v.value_num IS NOT NULL AND ind.aggregation = 'sum' LIMIT 1`,
      )
      .get(plan.id) as { r: number; i: number; x: number; rev: number };
    copy.prepare('UPDATE report_values SET value_num = value_num + 1000000 WHERE report_id = ? AND indicator_id = ?').run(row.r, row.i);
    copy.prepare('UPDATE reports SET values_rev = ? WHERE id = ?').run(row.rev, row.r);
    copy.close();
    const total = async () => {
      const got = (await inWorker({
        kind: 'consolidation',
        dbFile: file,
        planId: plan.id,
        today: '2024-07-15',
        key: String(Math.random()),
      })) as {
        summary: ConsolidationSummary;
      };
      return got.summary.indicators.find((x) => x.indicatorId === row.i)!.total as number;
    };
    const live = await total();
    expect(await total()).toBe(live); // kept and reused: the same file
    app.ctx.db.close();
    renameSync(older, file); // what a restore does: another file, by one rename
    expect(await total()).toBe(live + 1000000);
  });
});
