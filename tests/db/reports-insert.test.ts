// insertReport writes values and narrative with multi-row INSERTs in chunks: every row arrives, in order, with
// its own fields, whatever the count (below, at and above a chunk), and a bad row fails the whole report.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/connection';
import * as rep from '../../src-main/db/reports';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function setup(indicators: number) {
  const dir = mkdtempSync(join(tmpdir(), 'danvan-rep-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'a.sqlite'));
  const unitId = Number(
    db.prepare("INSERT INTO units (code, name, search_key, created_at, updated_at) VALUES ('U1', 'Công đoàn U1', 'u1', 'x', 'x')").run()
      .lastInsertRowid,
  );
  const planId = Number(
    db.prepare("INSERT INTO plans (title, search_key, created_at, updated_at) VALUES ('Kế hoạch thử', 'ke hoach thu', 'x', 'x')").run()
      .lastInsertRowid,
  );
  const ids: number[] = [];
  const ins = db.prepare(
    "INSERT INTO indicators (code, group_code, group_label, label, label_folded, unit, aggregation, created_at, updated_at) VALUES (?, 'I', 'THỬ', ?, ?, 'buổi', 'sum', 'x', 'x')",
  );
  for (let i = 0; i < indicators; i++) ids.push(Number(ins.run(`TT${i}`, `Chỉ tiêu ${i}`, `chi tieu ${i}`).lastInsertRowid));
  return { db, unitId, planId, ids };
}

const report = (planId: number, unitId: number) => ({
  planId,
  unitId,
  batchId: null,
  status: 'superseded' as const,
  receivedOn: '2024-07-30',
  channel: 'file',
  fileName: 'a.xlsx',
  sha256: 'h',
  documentId: null,
  reader: 'fast',
  title: null,
  periodLabel: null,
  unitNameInFile: null,
  issues: [],
});

describe('insertReport', () => {
  for (const n of [1, 31, 32, 33, 70]) {
    it(`stores ${n} values and narrative items, in order`, () => {
      const { db, unitId, planId, ids } = setup(n);
      const values = ids.map((indicatorId, i) => ({
        indicatorId,
        valueNum: i % 3 ? i * 1.5 : null,
        valueText: i % 3 ? null : `chữ ${i}`,
        value2: i % 5 ? null : i,
        note: null,
        cell: `E${i + 10}`,
      }));
      const narrative = ids.map((_, i) => ({ heading: `Mục ${i}`, text: `Nội dung ${i}` }));
      const id = rep.insertReport(db, report(planId, unitId), values, narrative, 'now');
      const got = db
        .prepare(
          'SELECT indicator_id, value_num, value_text, value2_num, source_cell FROM report_values WHERE report_id = ? ORDER BY source_cell',
        )
        .all(id) as {
        indicator_id: number;
        value_num: number | null;
        value_text: string | null;
        value2_num: number | null;
        source_cell: string;
      }[];
      expect(got.length).toBe(n);
      const byIndicator = new Map(got.map((g) => [g.indicator_id, g]));
      for (const v of values)
        expect(byIndicator.get(v.indicatorId)).toEqual({
          indicator_id: v.indicatorId,
          value_num: v.valueNum,
          value_text: v.valueText,
          value2_num: v.value2,
          source_cell: v.cell,
        });
      const items = db.prepare('SELECT position, heading, text FROM report_narrative WHERE report_id = ? ORDER BY position').all(id);
      expect(items).toEqual(narrative.map((x, i) => ({ position: i, heading: x.heading, text: x.text })));
      db.close();
    });
  }

  it('a row that breaks a constraint fails the whole report (nothing half-written inside a transaction)', () => {
    const { db, unitId, planId, ids } = setup(40);
    const values = [...ids, ids[0] as number].map((indicatorId) => ({
      indicatorId,
      valueNum: 1,
      valueText: null,
      value2: null,
      note: null,
      cell: null,
    }));
    expect(() => db.transaction(() => rep.insertReport(db, report(planId, unitId), values, [], 'now'))()).toThrow();
    expect(db.prepare('SELECT COUNT(*) AS n FROM reports').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM report_values').get()).toEqual({ n: 0 });
    db.close();
  });
});
