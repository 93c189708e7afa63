// insertReport writes values and narrative with multi-row INSERTs in chunks: every row arrives, in order, with
// its own fields, whatever the count (below, at and above a chunk), and a bad row fails the whole report.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/connection';
import * as rep from '../../src-main/db/reports';
import { packUtf8 } from '../../src-main/bytes/utf8-pack';
import { reportRow } from '../helpers/report-rows';

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

const report = (planId: number, unitId: number) =>
  reportRow({ planId, unitId, receivedOn: '2024-07-30', fileName: 'a.xlsx', sha256: 'h', reader: 'fast' });

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
      // the same narrative packed as UTF-8 (as the parse worker sends it) is stored as the very same text
      const packed = rep.insertReport(
        db,
        { ...report(planId, unitId), sha256: 'p' },
        [],
        packUtf8(narrative.flatMap((x) => [x.heading, x.text])),
        'now',
      );
      expect(db.prepare('SELECT position, heading, text FROM report_narrative WHERE report_id = ? ORDER BY position').all(packed)).toEqual(
        items,
      );
      db.close();
    });
  }

  it('stores a narrative packed as UTF-8 byte for byte as the same strings, as text', () => {
    const { db, unitId, planId } = setup(1);
    // Vietnamese in both normal forms, an emoji (a surrogate pair), a NUL, an empty heading, a long text
    const narrative = [
      { heading: 'Kết quả nổi bật', text: 'Tổ chức 12 buổi tuyên truyền; \u1ec7 khác e\u0302\u0323 (NFD).' },
      { heading: '', text: 'Hoàn thành 😀 mục tiêu' },
      { heading: 'Lỗi mã hoá', text: 'trước\u0000sau' },
      { heading: 'Dài', text: 'Đoàn viên tham gia phong trào thi đua. '.repeat(400) },
    ];
    const a = rep.insertReport(db, report(planId, unitId), [], narrative, 'now');
    const b = rep.insertReport(
      db,
      { ...report(planId, unitId), sha256: 'p' },
      [],
      packUtf8(narrative.flatMap((x) => [x.heading, x.text])),
      'now',
    );
    const rows = (id: number) =>
      db
        .prepare(
          'SELECT position, typeof(heading) AS th, typeof(text) AS tt, hex(heading) AS h, hex(text) AS t, text FROM report_narrative WHERE report_id = ? ORDER BY position',
        )
        .all(id) as { th: string; tt: string; text: string }[];
    expect(rows(b)).toEqual(rows(a));
    expect(rows(b).every((r) => r.th === 'text' && r.tt === 'text')).toBe(true);
    expect(rows(b)[1]?.text).toBe('Hoàn thành 😀 mục tiêu');
    expect(rows(b)).toHaveLength(4);
    // a lone surrogate (an _xD800_ escape in a file) is stored as U+FFFD, valid UTF-8 (bound as a string it would
    // be stored as the invalid bytes ED A0 80)
    const lone = rep.insertReport(db, { ...report(planId, unitId), sha256: 'q' }, [], packUtf8(['a\ud800b', '']), 'now');
    expect(db.prepare('SELECT hex(heading) AS h FROM report_narrative WHERE report_id = ?').get(lone)).toEqual({ h: '61EFBFBD62' });
    db.close();
  });

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
