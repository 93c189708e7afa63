// The reads of db/reports.ts, db/province.ts and db/audit.ts return camelCase domain types: every field of a stored
// report (issues parsed from JSON, channel and hand-entry way typed), its values (edited as a boolean), its batches.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/connection';
import * as rep from '../../src-main/db/reports';
import { reportRow } from '../helpers/report-rows';
import { setReceivedVia } from '../../src-main/db/report-entry';
import { activeReportsWithDocuments } from '../../src-main/db/province';
import { addAudit, listAudit } from '../../src-main/db/audit';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'danvan-read-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'a.sqlite'));
  const unit = (code: string) =>
    Number(
      db
        .prepare("INSERT INTO units (code, name, search_key, created_at, updated_at) VALUES (?, ?, ?, 'x', 'x')")
        .run(code, `Công đoàn ${code}`, code.toLowerCase()).lastInsertRowid,
    );
  const planId = Number(
    db.prepare("INSERT INTO plans (title, search_key, created_at, updated_at) VALUES ('Kế hoạch thử', 'ke hoach thu', 'x', 'x')").run()
      .lastInsertRowid,
  );
  const ind = (code: string) =>
    Number(
      db
        .prepare(
          "INSERT INTO indicators (code, group_code, group_label, label, label_folded, unit, aggregation, created_at, updated_at) VALUES (?, 'I', 'THỬ', ?, ?, 'buổi', 'sum', 'x', 'x')",
        )
        .run(code, `Chỉ tiêu ${code}`, code.toLowerCase()).lastInsertRowid,
    );
  return { db, planId, u1: unit('U1'), u2: unit('U2'), i1: ind('TT01'), i2: ind('TT02') };
}

const issue = { sheet: 'Báo cáo', cell: 'E12', severity: 'warning' as const, message: "Sheet 'Báo cáo', ô E12: không đọc được số" };

describe('db reads return camelCase domain types', () => {
  it('a stored report: every field by its camelCase name, issues parsed, values typed, the hand-entry way read with it', () => {
    const { db, planId, u1, i1, i2 } = setup();
    const batchId = rep.createBatch(db, planId, ['a.xlsx'], '2024-07-30T01:00:00.000Z');
    const id = rep.insertReport(
      db,
      {
        planId,
        unitId: u1,
        batchId,
        status: 'superseded',
        receivedOn: '2024-07-30',
        channel: 'email',
        fileName: 'a.xlsx',
        sha256: 'h1',
        documentId: null,
        reader: 'template',
        title: 'Báo cáo kết quả',
        periodLabel: 'Đợt II/2024',
        unitNameInFile: 'CĐ U1',
        issues: [issue],
      },
      [
        { indicatorId: i1, valueNum: 12.5, valueText: null, value2: 3, note: 'ghi chú', cell: 'E12' },
        { indicatorId: i2, valueNum: null, valueText: 'không áp dụng', value2: null, note: null, cell: null },
      ],
      [{ heading: 'Kết quả', text: 'Đã tổ chức 12 buổi.' }],
      '2024-07-30T01:00:00.000Z',
    );
    rep.recomputeActive(db, planId, u1);
    rep.addReportIssue(db, id, {
      sheet: null,
      cell: 'E13',
      severity: 'warning',
      message: 'Đã xác nhận',
      rule: 'confirmed',
      indicatorId: i2,
    });
    rep.setValue(db, id, i2, 4, null, null);

    const expected: rep.StoredReport = {
      id,
      planId,
      unitId: u1,
      batchId,
      version: 1,
      status: 'active',
      receivedOn: '2024-07-30',
      channel: 'email',
      fileName: 'a.xlsx',
      sha256: 'h1',
      documentId: null,
      reader: 'template',
      title: 'Báo cáo kết quả',
      periodLabel: 'Đợt II/2024',
      unitNameInFile: 'CĐ U1',
      issues: [issue, { sheet: null, cell: 'E13', severity: 'warning', message: 'Đã xác nhận', rule: 'confirmed', indicatorId: i2 }],
      createdAt: '2024-07-30T01:00:00.000Z',
      chosenAt: null,
      receivedVia: null,
    };
    expect(rep.getReport(db, id)).toEqual(expected);
    const { issues: _issues, ...version } = expected;
    expect(rep.activeReport(db, planId, u1)).toEqual({ ...version, issueCount: 2 });
    expect(rep.reportWithHash(db, planId, 'h1')).toEqual({ ...version, issueCount: 2 });
    expect(rep.reportsOf(db, planId, u1)).toEqual([{ ...version, issueCount: 2 }]);
    const { id: vid, unitId, version: v, status, receivedOn, channel, receivedVia, fileName, chosenAt } = version;
    expect(rep.reportsByUnit(db, planId)).toEqual(
      new Map([[u1, [{ id: vid, unitId, version: v, status, receivedOn, channel, receivedVia, fileName, chosenAt, issueCount: 2 }]]]),
    );
    expect(rep.valuesOf(db, id).sort((a, b) => a.indicatorId - b.indicatorId)).toEqual([
      { indicatorId: i1, valueNum: 12.5, valueText: null, value2: 3, note: 'ghi chú', cell: 'E12', edited: false },
      { indicatorId: i2, valueNum: 4, valueText: null, value2: null, note: null, cell: null, edited: true },
    ]);
    expect(rep.narrativeOf(db, id)).toEqual([{ heading: 'Kết quả', text: 'Đã tổ chức 12 buổi.' }]);
    expect(rep.getBatch(db, batchId)).toEqual({ id: batchId, planId, status: 'committed' });
    expect(rep.listBatches(db, planId)).toEqual([
      {
        id: batchId,
        planId,
        createdAt: '2024-07-30T01:00:00.000Z',
        fileCount: 1,
        status: 'committed',
        imported: 1,
        interrupted: true,
        notIn: [],
      },
    ]);

    setReceivedVia(db, id, 'phone');
    expect(rep.getReport(db, id)?.receivedVia).toBe('phone');
    db.close();
  });

  it("the plan's reports by unit come from one read, each unit's versions in order, the chosen one stamped", () => {
    const { db, planId, u1, u2 } = setup();
    const add = (unitId: number, receivedOn: string, status: 'superseded' | 'held', sha: string) => {
      const id = rep.insertReport(
        db,
        reportRow({ planId, unitId, status, receivedOn, fileName: `${sha}.xlsx`, sha256: sha }),
        [],
        [],
        `${receivedOn}T00:00:00.000Z`,
      );
      if (status !== 'held') rep.recomputeActive(db, planId, unitId);
      return id;
    };
    add(u1, '2024-07-01', 'superseded', 'a');
    const heldId = add(u1, '2024-06-01', 'held', 'b');
    add(u2, '2024-07-02', 'superseded', 'c');
    rep.chooseReport(db, heldId, '2024-07-05T00:00:00.000Z');
    const byUnit = rep.reportsByUnit(db, planId);
    expect([...byUnit.keys()]).toEqual([u1, u2]);
    expect(byUnit.get(u1)!.map((r) => [r.version, r.status, r.receivedOn, r.chosenAt])).toEqual([
      [1, 'superseded', '2024-07-01', null],
      [2, 'active', '2024-06-01', '2024-07-05T00:00:00.000Z'],
    ]);
    expect(byUnit.get(u2)!.map((r) => [r.unitId, r.fileName, r.issueCount])).toEqual([[u2, 'c.xlsx', 0]]);
    db.close();
  });

  it('issues the app did not write (no message, not an object) are neither listed nor counted, in the report and in the list alike', () => {
    const { db, planId, u1 } = setup();
    const id = rep.insertReport(
      db,
      reportRow({ planId, unitId: u1, receivedOn: '2024-07-30', fileName: 'x.xlsx', sha256: 'x' }),
      [],
      [],
      'now',
    );
    rep.recomputeActive(db, planId, u1);
    db.prepare('UPDATE reports SET issues = ? WHERE id = ?').run(
      JSON.stringify([issue, 3, 'chữ', null, { sheet: null }, { message: 7 }, [issue]]),
      id,
    );
    expect(rep.getReport(db, id)!.issues).toEqual([issue]);
    expect(rep.reportsOf(db, planId, u1).map((r) => r.issueCount)).toEqual([1]);
    expect(
      rep
        .reportsByUnit(db, planId)
        .get(u1)!
        .map((r) => r.issueCount),
    ).toEqual([1]);
    db.close();
  });

  it('the province read and the audit log return camelCase rows with the issues parsed', () => {
    const { db, planId, u1 } = setup();
    const id = rep.insertReport(
      db,
      {
        planId,
        unitId: u1,
        batchId: null,
        status: 'superseded',
        receivedOn: '2024-07-30',
        channel: 'file',
        fileName: 'p.xlsx',
        sha256: 'p',
        documentId: null,
        reader: null,
        title: null,
        periodLabel: null,
        unitNameInFile: null,
        issues: [issue],
      },
      [],
      [],
      'now',
    );
    rep.recomputeActive(db, planId, u1);
    expect(activeReportsWithDocuments(db, planId)).toEqual([{ id, unitId: u1, documentId: null, issues: [issue] }]);
    addAudit(db, { action: 'reports.edit', entity: 'reports', entityId: id, summary: 'Sửa tay' }, new Date('2024-07-30T02:00:00Z'));
    expect(listAudit(db, 5)).toEqual([
      {
        id: expect.any(Number),
        at: '2024-07-30T02:00:00.000Z',
        actor: 'người dùng',
        action: 'reports.edit',
        entity: 'reports',
        entityId: id,
        summary: 'Sửa tay',
      },
    ]);
    db.close();
  });
});
