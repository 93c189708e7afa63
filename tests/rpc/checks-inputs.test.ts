// "Kiểm tra số liệu" of a plan is kept across changes that touch none of its inputs (a reminder recorded) and computed
// again after a change to any of them, through the app or by another connection: a value, a unit's name, an indicator's
// rule, a plan's target, a value confirmed (reports.issues), an earlier plan's value (the units' histories).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planChecks } from '../../src-main/features/checks-off-thread';
import type { AheadRun } from '../../src-main/features/ahead-run';
import { addReportIssue } from '../../src-main/db/reports';
import { makeTestApp, type TestApp } from '../helpers/context';
import { buildMixedPlans } from '../helpers/mixed-plans';
import { referencePlanWarnings } from '../helpers/value-review-reference';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

describe('the checks of a plan kept while their inputs are unchanged', () => {
  it('are the very same after a reminder, and fresh after a change to any input', async () => {
    const { plan, before } = await buildMixedPlans(app, 7, 3);
    const db = app.ctx.db;
    const run: AheadRun = { db, dbFile: join(app.dir, 'test.sqlite'), offThread: false };
    const checked = async () => {
      const got = await planChecks(run, plan.id);
      expect(got).toEqual(referencePlanWarnings(db, plan.id));
      return got;
    };
    const first = await checked();
    const unit = (await app.call('reports.list', { planId: plan.id })).find((r) => r.report)!;
    await app.call('reminders.record', { planId: plan.id, unitIds: [unit.unit.id], channel: 'zalo', number: null, note: null });
    expect(await planChecks(run, plan.id)).toBe(first); // kept: no input changed

    const changes: [string, () => unknown][] = [
      [
        'a value',
        () => db.prepare('UPDATE report_values SET value_num = 99999 WHERE report_id = ? AND value_num IS NOT NULL').run(unit.report!.id),
      ],
      ['a unit’s name', () => db.prepare('UPDATE units SET name = ? WHERE id = ?').run('Công đoàn đổi tên', unit.unit.id)],
      [
        'an indicator’s rule',
        () =>
          db
            .prepare('UPDATE indicators SET rule_max = 1 WHERE id = (SELECT MIN(indicator_id) FROM plan_targets WHERE plan_id = ?)')
            .run(plan.id),
      ],
      ['a target', () => db.prepare('UPDATE plan_targets SET target_min = 1 WHERE plan_id = ?').run(plan.id)],
      [
        'a confirmation',
        () =>
          addReportIssue(db, unit.report!.id, {
            sheet: null,
            cell: null,
            severity: 'warning',
            message: 'Đã xác nhận',
            rule: 'confirmed',
            indicatorId: 1,
          }),
      ],
      [
        'an earlier plan’s value, by another connection',
        () => {
          const other = new Database(join(app.dir, 'test.sqlite'));
          other
            .prepare(
              "UPDATE report_values SET value_num = value_num * 1000 WHERE report_id IN (SELECT id FROM reports WHERE plan_id = ? AND status = 'active')",
            )
            .run(before.id);
          other.close();
        },
      ],
    ];
    let last = first;
    for (const [what, change] of changes) {
      change();
      const now = await checked();
      expect(now, what).not.toBe(last);
      last = now;
    }
  });
});
