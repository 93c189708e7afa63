// The kept values of a plan's active reports (db/plan-values.ts) always equal a fresh read, after every kind of change
// (an edit, a value added or removed by hand, a write by another connection, a newer version, an undo), and only the
// reports that changed are read again; reports.values_rev is raised by those changes and not by an import's inserts.
import Database from 'better-sqlite3';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeSummaries, activeValueRows, inIndicatorOrder } from '../../src-main/db/consolidation';
import { keptActiveSummaries, planReportValues, type ReportValues } from '../../src-main/db/plan-values';
import { insertReport, recomputeActive, setValue } from '../../src-main/db/reports';
import { shareKept } from '../../src-main/db/kept-scope';
import { createPlanFromJson } from '../../src-main/features/plan-create';
import { planPeerValues, type PeerValue } from '../../src-main/db/check-data';
import { referencePeerValues } from '../helpers/value-review-reference';
import { addTestReport, reportRow } from '../helpers/report-rows';
import { makeTestApp, type TestApp } from '../helpers/context';
import { buildMixedPlans } from '../helpers/mixed-plans';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

/** The kept values as the rows the plain query gives: [unit, indicator, number, text, second number]. */
function asRows(list: ReportValues[]): unknown[][] {
  return list.flatMap((rv) =>
    [...rv.indicatorIds].map((ind, k) => {
      const n = rv.nums[k]!;
      const n2 = rv.nums2 ? rv.nums2[k]! : NaN;
      return [rv.unitId, ind, Number.isNaN(n) ? null : n, rv.texts?.[k] ?? null, Number.isNaN(n2) ? null : n2];
    }),
  );
}

/** The plan's active values read afresh: [unit, indicator, number, text, second number]. */
const fresh = (db: Parameters<typeof activeValueRows>[0], planId: number) => activeValueRows(db, planId).map((r) => r.slice(0, 5));

/** Peers by indicator, each list in one order (the checks read only their median and spread). */
const peersSorted = (m: Map<number, PeerValue[]>) =>
  [...m].sort((a, b) => a[0] - b[0]).map(([i, l]) => [i, [...l].sort((x, y) => x.unitId - y.unitId)] as const);

const rev = (reportId: number) => (app.ctx.db.prepare('SELECT values_rev AS r FROM reports WHERE id = ?').get(reportId) as { r: number }).r;

describe('a plan’s kept values', () => {
  it('equal a fresh read after every kind of change, and unchanged reports are not read again', async () => {
    const { plan, before } = await buildMixedPlans(app, 7);
    const db = app.ctx.db;
    const same = (planId: number) => {
      expect(asRows(planReportValues(db, planId))).toEqual(fresh(db, planId));
      expect(keptActiveSummaries(db, planId)).toEqual(activeSummaries(db, planId));
      expect(peersSorted(planPeerValues(db, planId))).toEqual(peersSorted(referencePeerValues(db, planId)));
    };
    same(plan.id);
    same(before.id);
    const first = planReportValues(db, plan.id);
    expect(first.length).toBeGreaterThan(20);
    const [a, b, c] = first;

    // an edit of one value: that report is read again, the others are the very same entries
    setValue(db, a!.reportId, a!.indicatorIds[0]!, 123.25, null, null);
    same(plan.id);
    const second = planReportValues(db, plan.id);
    expect(second[0]).not.toBe(a);
    expect(second[1]).toBe(b);
    expect(second[2]).toBe(c);

    // a value added by hand to a report that had none for that indicator
    const ids = (db.prepare('SELECT id FROM indicators').all() as { id: number }[]).map((r) => r.id);
    const absent = ids.find((id) => !b!.indicatorIds.includes(id))!;
    setValue(db, b!.reportId, absent, 9, 'ghi chú', null, 4.5);
    same(plan.id);

    // another connection's writes: an update, a removal
    const other = new Database(join(app.dir, 'test.sqlite'));
    other
      .prepare('UPDATE report_values SET value_text = ? WHERE report_id = ? AND indicator_id = ?')
      .run('sửa', c!.reportId, c!.indicatorIds[0]);
    other.prepare('DELETE FROM report_values WHERE report_id = ? AND indicator_id = ?').run(c!.reportId, c!.indicatorIds[1]);
    other.close();
    same(plan.id);

    // a newer version of a unit's report takes over
    const newer = addTestReport(db, plan.id, a!.unitId, '2099-01-01', [{ indicatorId: ids[0]!, valueNum: 77 }]);
    same(plan.id);
    expect(planReportValues(db, plan.id).find((r) => r.unitId === a!.unitId)!.reportId).toBe(newer);
    // an import's inserts leave the revision alone; edits raise it
    expect(rev(newer)).toBe(0);
    expect(rev(a!.reportId)).toBe(1);
    expect(rev(b!.reportId)).toBe(1);
    expect(rev(c!.reportId)).toBe(2);

    // the previous plan's summaries are still right after all this
    same(before.id);
  });

  it('a plan read whole (more reports missing than READ_WHOLE_PLAN) has every number, text and second number in place', () => {
    const db = app.ctx.db;
    const { id: planId } = createPlanFromJson(
      db,
      {
        title: 'Kế hoạch đọc cả kế hoạch',
        indicators: [0, 1, 2, 3, 4].map((k) => ({ label: `Chỉ tiêu đọc ${k}`, unit: 'buổi', group: 'I' })),
      },
      new Date(),
    );
    const ids = (db.prepare('SELECT indicator_id AS id FROM plan_targets WHERE plan_id = ?').all(planId) as { id: number }[]).map(
      (r) => r.id,
    );
    const insertUnit = db.prepare("INSERT INTO units (code, name, search_key, created_at, updated_at) VALUES (?, ?, ?, 'x', 'x')");
    for (let u = 1; u <= 70; u++) {
      const unitId = Number(insertUnit.run(`WP${u}`, `Công đoàn ${u}`, `wp${u}`).lastInsertRowid);
      // units in an order other than their reports' ids; some indicators left out, some with a text or a second number
      const values = ids
        .filter((_, k) => (u + k) % 4 !== 0)
        .map((indicatorId, k) => ({
          indicatorId,
          valueNum: (u * 3 + k) % 5 === 0 ? null : u * 10 + k + 0.25,
          valueText: (u + k) % 6 === 0 ? `ghi ${u}.${k}` : null,
          value2: (u + k) % 7 === 0 ? u / 3 : null,
          note: null,
          cell: null,
        }));
      insertReport(db, reportRow({ planId, unitId, receivedOn: '2024-12-01' }), values, [], 'x');
      recomputeActive(db, planId, unitId);
    }
    shareKept(db, {}); // nothing kept: all 70 reports are missing, so the plan is read whole
    const read = planReportValues(db, planId);
    expect(read).toHaveLength(70);
    expect(asRows(read)).toEqual(fresh(db, planId));
    expect(read.some((r) => r.texts !== null) && read.some((r) => r.nums2 !== null) && read.some((r) => r.texts === null)).toBe(true);
  });

  it('a plan read whole keeps every number exact, and one it cannot read whole (an infinity) is read report by report', () => {
    const db = app.ctx.db;
    const { id: planId } = createPlanFromJson(
      db,
      { title: 'Kế hoạch số khó', indicators: [0, 1, 2].map((k) => ({ label: `Chỉ tiêu số khó ${k}`, unit: 'đồng', group: 'I' })) },
      new Date(),
    );
    const ids = (db.prepare('SELECT indicator_id AS id FROM plan_targets WHERE plan_id = ?').all(planId) as { id: number }[]).map(
      (r) => r.id,
    );
    // doubles whose shortest text is long, or tiny, or huge: read whole through SQLite's text, they must come back the same
    const hard = [0.1 + 0.2, 1 / 3, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 1e21, -12.5, 2 ** 53 + 2, 1e-7, 123456789.123];
    const insertUnit = db.prepare("INSERT INTO units (code, name, search_key, created_at, updated_at) VALUES (?, ?, ?, 'x', 'x')");
    for (let u = 1; u <= 60; u++) {
      const unitId = Number(insertUnit.run(`HN${u}`, `Công đoàn số ${u}`, `hn${u}`).lastInsertRowid);
      const values = ids.map((indicatorId, k) => ({
        indicatorId,
        valueNum: hard[(u + k) % hard.length]! * (u % 2 ? 1 : -1),
        valueText: null,
        value2: null,
        note: null,
        cell: null,
      }));
      insertReport(db, reportRow({ planId, unitId, receivedOn: '2024-12-01' }), values, [], 'x');
      recomputeActive(db, planId, unitId);
    }
    shareKept(db, {});
    const read = planReportValues(db, planId);
    expect(read).toHaveLength(60);
    expect(asRows(read)).toEqual(fresh(db, planId));

    // an infinity prints as "Inf" in SQLite's text: the whole read gives up and every report is read on its own
    const r0 = read[0]!;
    db.prepare('UPDATE report_values SET value_num = ? WHERE report_id = ? AND indicator_id = ?').run(Infinity, r0.reportId, ids[0]);
    shareKept(db, {});
    const again = planReportValues(db, planId);
    expect(again[0]!.nums[0]).toBe(Infinity);
    expect(asRows(again)).toEqual(fresh(db, planId));
  });

  it('a report whose numbers SQLite gave out of indicator order is put in order, each number with its indicator', () => {
    const { indicatorIds, nums } = inIndicatorOrder([7, 3, 9, 5], [70, null, 90, 50]);
    expect([...indicatorIds]).toEqual([3, 5, 7, 9]);
    expect([...nums]).toEqual([NaN, 50, 70, 90]);
    const inOrder = inIndicatorOrder([1, 2], [null, 2.5]);
    expect([...inOrder.indicatorIds]).toEqual([1, 2]);
    expect([...inOrder.nums]).toEqual([NaN, 2.5]);
  });

  it('read through one connection while another commits, each call matches a fresh read', async () => {
    const { plan } = await buildMixedPlans(app, 11);
    const reader = new Database(join(app.dir, 'test.sqlite'), { readonly: true });
    try {
      const list = planReportValues(reader, plan.id);
      const target = list[3]!;
      app.ctx.db.prepare('UPDATE report_values SET value_num = value_num + 1 WHERE report_id = ?').run(target.reportId);
      expect(asRows(planReportValues(reader, plan.id))).toEqual(fresh(reader, plan.id));
    } finally {
      reader.close();
    }
  });
});

describe('values of a report are written in two places only', () => {
  it('no code but insertReport (a new report) and setValue (an edit, edited = 1) inserts into report_values', () => {
    const root = join(__dirname, '../../src-main');
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) {
          const n = (readFileSync(p, 'utf8').match(/INSERT\s+(OR\s+\w+\s+)?INTO\s+report_values\b/gi) ?? []).length;
          for (let i = 0; i < n; i++) found.push(p.slice(root.length + 1));
        }
      }
    };
    walk(root);
    // a third writer would have to raise reports.values_rev itself (or insert with edited = 1), or the Tổng hợp
    // figures would keep the report's old values: see db/plan-values.ts
    expect(found.sort()).toEqual(['db/reports.ts', 'db/reports.ts']);
  });
});
