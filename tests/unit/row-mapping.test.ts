// Matching a report's rows to the plan's indicators (src-main/features/report-import/row-mapping.ts):
// one-to-one, exact before guessed whatever the row order, abbreviations and unaccented labels, codes in the
// first cell, remembered synonyms, and units written in the label or the ĐVT column.
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../src-main/contract/indicators';
import type { ParsedReport, ReportRow } from '../../src-main/contract/parsed-report';
import { labelKey, mapRows, rowIssues } from '../../src-main/features/report-import/row-mapping';

let nextId = 1;
function ind(code: string, label: string, unit: string | null, unit2: string | null = null): Indicator {
  return {
    id: nextId++,
    code,
    groupCode: 'I',
    groupLabel: 'Nhóm',
    label,
    unit,
    unit2,
    aggregation: 'sum',
    sortOrder: 0,
    retired: false,
    note: null,
    planCount: 1,
    rules: { min: null, max: null, integer: false, required: false },
  };
}
const CT01 = ind('CT01', 'Số buổi tuyên truyền, phổ biến pháp luật', 'buổi');
const CT08 = ind('CT08', 'Nhà "Mái ấm Công đoàn" xây mới', 'căn', 'triệu đồng');
const CT09 = ind('CT09', 'Nhà "Mái ấm Công đoàn" sửa chữa', 'căn', 'triệu đồng');
const CT25 = ind('CT25', 'Hiến máu tình nguyện', 'ĐVM');
const CT29 = ind('CT29', 'Kinh phí vận động xã hội hóa', 'đồng');
const CT30 = ind('CT30', 'Tổng kinh phí đợt dân vận', 'triệu đồng');
const CT32 = ind('CT32', 'Số đoàn viên, CBCCVCLĐ tham gia', 'lượt người');
const plan = [CT01, CT08, CT09, CT25, CT29, CT30, CT32];

let sheetRow = 5;
function row(label: string, value: number | string | null, extra: Partial<ReportRow> = {}): ReportRow {
  return {
    stt: null,
    label,
    unit: null,
    target: null,
    value,
    note: null,
    code: null,
    isSection: false,
    isBreakdown: false,
    parentIndex: null,
    isTotal: false,
    extra: [],
    sheetRow: sheetRow++,
    ...extra,
  };
}
function report(rows: ReportRow[]): ParsedReport {
  return {
    unitName: null,
    title: null,
    period: null,
    rows,
    narrative: [],
    issues: [],
    fileName: 'a.xlsx',
    sheet: 'Báo cáo',
    template: null,
    reader: 'fast',
  };
}
const ctx = (remembered = new Map<string, number>()) => ({ planIndicators: plan, catalog: [], remembered });
const byLabel = (rows: ReturnType<typeof mapRows>, label: string) => rows.find((r) => r.label === label)!;

describe('row mapping', () => {
  it('an exact label keeps its indicator even when a guessed row comes first; no indicator is used twice', () => {
    const rows = mapRows(report([row('Nhà mái ấm công đoàn được xây', 2), row('Nhà "Mái ấm Công đoàn" xây mới', 3)]), ctx());
    expect(byLabel(rows, 'Nhà "Mái ấm Công đoàn" xây mới')).toMatchObject({ indicatorId: CT08.id, sure: true, how: 'label', value: 3 });
    const guessed = byLabel(rows, 'Nhà mái ấm công đoàn được xây');
    expect(guessed.indicatorId).not.toBe(CT08.id);
    if (guessed.indicatorId !== null) expect(guessed.sure).toBe(false);
    const ids = rows.map((r) => r.indicatorId).filter((x) => x !== null);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('a guess alone is a guess: it needs confirmation', () => {
    const rows = mapRows(report([row('Nhà mái ấm công đoàn được xây', 2)]), ctx());
    expect(rows[0]).toMatchObject({ indicatorId: CT08.id, sure: false, how: 'similar' });
  });

  it('matches abbreviations, unaccented labels, fillers and another word order as sure', () => {
    const rows = mapRows(
      report([
        row('1. So buoi TT, PBPL', 4),
        row('Số ĐV, cán bộ công chức viên chức lao động tham gia', 120),
        row('HIEN MAU TINH NGUYEN', 30),
      ]),
      ctx(),
    );
    expect(rows.map((r) => [r.indicatorId, r.sure, r.how])).toEqual([
      [CT01.id, true, 'label'],
      [CT32.id, true, 'label'],
      [CT25.id, true, 'label'],
    ]);
  });

  it('uses a synonym the user confirmed before (remembered), and an indicator code in the first cell or as the label', () => {
    const remembered = new Map([[labelKey('Hiến máu nhân đạo'), CT25.id]]);
    const rows = mapRows(
      report([
        row('Hiến máu nhân đạo', 12),
        row('Phổ biến kiến thức', 2, { stt: 'CT01' }),
        row('ct30', 5),
        row('Chăm lo nhà ở', 1, { target: 'CT08' }),
        row('CT29 - Vận động tài trợ', 9),
        row('12', 4, { stt: '12' }),
      ]),
      ctx(remembered),
    );
    expect(rows.map((r) => [r.indicatorId, r.sure, r.how])).toEqual([
      [CT25.id, true, 'remembered'],
      [CT01.id, true, 'code'],
      [CT30.id, true, 'code'],
      [CT08.id, true, 'code'],
      [CT29.id, true, 'code'],
      [null, true, 'none'],
    ]);
  });

  it('a code beats a label: the labelled row then stays unmatched instead of taking the indicator twice', () => {
    const rows = mapRows(report([row('Hiến máu tình nguyện', 9), row('Hiến máu', 10, { stt: 'CT25' })]), ctx());
    expect(rows[1]).toMatchObject({ indicatorId: CT25.id, how: 'code' });
    expect(rows[0]?.indicatorId).not.toBe(CT25.id);
  });

  it('converts money written in another scale in the label or the ĐVT column, with a note', () => {
    const rows = mapRows(
      report([row('Kinh phí vận động xã hội hóa (triệu đồng)', 12.5), row('Tổng kinh phí đợt dân vận', 4_500_000, { unit: 'đồng' })]),
      ctx(),
    );
    expect(rows[0]).toMatchObject({ indicatorId: CT29.id, sure: true, value: 12_500_000 });
    expect(rows[0]?.unitNote).toBe('Đã đổi 12,5 triệu đồng = 12.500.000 đồng');
    expect(rows[1]).toMatchObject({ indicatorId: CT30.id, sure: true, value: 4.5 });
    expect(rows[1]?.unitNote).toMatch(/4\.500\.000 đồng = 4,5 triệu đồng/);
  });

  it('flags a unit that cannot be converted: the row needs confirmation and the issue names the sheet and row', () => {
    const r = report([row('Tổng kinh phí đợt dân vận', 35, { unit: 'người' })]);
    const rows = mapRows(r, ctx());
    expect(rows[0]).toMatchObject({ indicatorId: CT30.id, sure: false, value: 35 });
    expect(rows[0]?.unitNote).toMatch(/'người'.*'triệu đồng'/);
    const issues = rowIssues(r, rows);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toMatch(/^Sheet 'Báo cáo', dòng \d+: .*'người'.*'triệu đồng'/);
  });

  it('converts the second measure by its column header', () => {
    const rows = mapRows(
      report([row('Nhà "Mái ấm Công đoàn" xây mới', 1, { extra: [{ header: 'Trị giá (đồng)', value: 50_000_000 }] })]),
      ctx(),
    );
    expect(rows[0]).toMatchObject({ indicatorId: CT08.id, value: 1, value2: 50 });
  });

  it('a money unit in a section heading, the row broken down, or the value column header applies to rows that write none', () => {
    const rows = mapRows(
      report([
        row('III. Kinh phí (triệu đồng)', null, { isSection: true }),
        row('Kinh phí vận động xã hội hóa', 3),
        row('IV. Lực lượng tham gia', null, { isSection: true }),
        row('Tổng kinh phí đợt dân vận (đồng)', 2_000_000),
        row('Số buổi tuyên truyền, phổ biến pháp luật', 4),
      ]),
      ctx(),
    );
    expect(rows.map((r) => [r.indicatorId, r.value, r.sure])).toEqual([
      [CT29.id, 3_000_000, true],
      [CT30.id, 2, true],
      [CT01.id, 4, true],
    ]);
    const parent = row('Kinh phí (nghìn đồng)', 9000);
    const rep = report([parent, row('Trong đó: kinh phí vận động xã hội hóa', 500, { isBreakdown: true, parentIndex: 0 })]);
    expect(
      mapRows(rep, { ...ctx(), remembered: new Map([[labelKey('Trong đó: kinh phí vận động xã hội hóa'), CT29.id]]) })[1],
    ).toMatchObject({ indicatorId: CT29.id, value: 500_000 });
    const byHeader = mapRows(report([row('Kinh phí vận động xã hội hóa', 7)]), ctx(), { valueHeader: 'Kinh phí (triệu đồng)' });
    expect(byHeader[0]).toMatchObject({ value: 7_000_000 });
    // An inherited unit never flags a count: the heading may not be meant for every row under it.
    const counted = mapRows(
      report([row('II. Kinh phí (đồng)', null, { isSection: true }), row('Số buổi tuyên truyền, phổ biến pháp luật', 4)]),
      ctx(),
    );
    expect(counted[0]).toMatchObject({ indicatorId: CT01.id, value: 4, sure: true });
  });

  it('hostile labels (very long, one-letter runs, prototype words) map to nothing and do not throw', () => {
    const rows = mapRows(
      report([
        row(`${'Đ V C Đ '.repeat(20_000)}`, 1),
        row('__proto__', 2),
        row('constructor toString', 3),
        row(`${'(,'.repeat(50_000)}triệu đồng)`, 4),
      ]),
      ctx(),
    );
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.indicatorId === null || !r.sure)).toBe(true);
  });
});
