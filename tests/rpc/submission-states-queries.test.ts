// A plan's submission states come from a fixed number of reads, whatever the number of units: the report list,
// the tracking board and the overview never look a unit up one by one (issue #15). Statements are counted
// through a proxy of the connection; the counts for 3 and for 30 units must be the same.
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src-main/db/connection';
import { insertReport, recomputeActive } from '../../src-main/db/reports';
import { addReminder } from '../../src-main/db/consolidation';
import { reportList } from '../../src-main/features/reports';
import { computeTracking } from '../../src-main/features/tracking';
import { overview } from '../../src-main/features/overview';
import { makeTestApp, type TestApp } from '../helpers/context';
import { reportRow } from '../helpers/report-rows';

const apps: TestApp[] = [];
afterEach(() => apps.splice(0).forEach((a) => a.close()));

const RUNS = new Set(['get', 'all', 'run', 'iterate']);

/** The connection seen through a proxy that counts every statement run (get/all/run/iterate). */
function counting(db: Db): { db: Db; runs: () => number } {
  let n = 0;
  const wrap = <T extends object>(s: T): T =>
    new Proxy(s, {
      get(t, k) {
        const v = Reflect.get(t, k, t) as unknown;
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          if (RUNS.has(String(k))) n++;
          return (v as (...a: unknown[]) => unknown).apply(t, args);
        };
      },
    });
  const proxy = new Proxy(db, {
    get(t, k) {
      const v = Reflect.get(t, k, t) as unknown;
      if (k === 'prepare') return (sql: string) => wrap(t.prepare(sql));
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
  return { db: proxy, runs: () => n };
}

/** A plan for `units` base units: every other one has reported (one twice), every third was reminded. */
async function planWith(units: number) {
  const app = makeTestApp();
  apps.push(app);
  const ids: number[] = [];
  for (let i = 0; i < units; i++)
    ids.push((await app.call('units.save', { code: `CD${String(i + 1).padStart(3, '0')}`, name: `Công đoàn cơ sở số ${i + 1}` })).id);
  const plan = await app.call('plans.save', {
    title: 'Kế hoạch đợt II/2023',
    status: 'dang_thuc_hien',
    reportDueOn: '2023-12-31',
    targets: [],
    assignment: 'all_base',
  });
  const db = app.ctx.db;
  const add = (unitId: number, receivedOn: string, sha: string) => {
    insertReport(
      db,
      reportRow({
        planId: plan.id,
        unitId,
        receivedOn,
        channel: 'email',
        fileName: `${sha}.xlsx`,
        sha256: sha,
        issues: [{ sheet: null, cell: null, severity: 'warning', message: 'Thiếu chữ ký' }],
      }),
      [],
      [],
      '2024-01-05T00:00:00.000Z',
    );
    recomputeActive(db, plan.id, unitId);
  };
  ids.forEach((id, i) => {
    if (i % 2 === 0) add(id, i % 4 === 0 ? '2023-12-30' : '2024-01-02', `a${i}`);
    if (i === 0) add(id, '2024-01-03', 'a0-sua');
    if (i % 3 === 0) addReminder(db, plan.id, id, { sentOn: '2024-01-01', channel: 'letter', number: null, note: null }, '2024-01-01');
  });
  return { db, planId: plan.id, ids };
}

/** Statements run by the report list, the tracking board and the overview, each on its own. */
function runsOf(db: Db, planId: number) {
  const count = (f: (db: Db) => unknown) => {
    const c = counting(db);
    f(c.db);
    return c.runs();
  };
  return {
    list: count((d) => reportList(d, planId)),
    tracking: count((d) => computeTracking(d, planId, '2024-01-10')),
    overview: count((d) => overview(d, new Date('2024-01-10T03:00:00Z'))),
  };
}

describe("a plan's submission states", () => {
  it('are read in the same number of statements for 3 units as for 30 (no lookup per unit)', async () => {
    const small = await planWith(3);
    const large = await planWith(30);
    // the data really differs in size: the list is per unit, states as arranged
    const rows = reportList(large.db, large.planId);
    expect(rows).toHaveLength(30);
    expect(rows.filter((r) => r.state === 'missing')).toHaveLength(15);
    expect(rows.find((r) => r.unit.code === 'CD001')!.report).toMatchObject({
      versions: 2,
      correctedAfterDue: true,
      issueCount: 1,
      channel: 'email',
    });
    expect(computeTracking(large.db, large.planId, '2024-01-10').rows.filter((r) => r.reminders > 0)).toHaveLength(10);

    const a = runsOf(small.db, small.planId);
    const b = runsOf(large.db, large.planId);
    expect(a.list).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });

  it('the counting proxy sees a lookup per unit when there is one', async () => {
    const { db, ids } = await planWith(5);
    const c = counting(db);
    for (const id of ids) c.db.prepare('SELECT id FROM units WHERE id = ?').get(id);
    expect(c.runs()).toBe(ids.length);
  });
});
