// Office habits that misled the report reader (one block per cause), each written by two writers (inline strings
// as openpyxl writes, shared strings and built-in formats as Excel-style writers do): see fixtures/gen/habit-workbooks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport as parse } from '../../../src-main/excel/report/parse-report';
import type { ParsedReport } from '../../../src-main/contract/parsed-report';
import * as H from '../../fixtures/gen/habit-workbooks';
import { writeXlsx, type Writer } from '../../fixtures/gen/xlsx-writer';

// Each writer's file through the fast reader and through the exceljs fallback.
const CASES: [Writer, 'fast' | 'exceljs'][] = [
  ['inline', 'fast'],
  ['shared', 'fast'],
  ['inline', 'exceljs'],
  ['shared', 'exceljs'],
];
const values = (p: ParsedReport) => p.rows.filter((r) => !r.isSection).map((r) => r.value);
const at = (p: ParsedReport, sheet: string, cell: string | null) => p.issues.filter((i) => i.sheet === sheet && i.cell === cell);

describe.each(CASES)('reader habits (%s writer, %s reader)', (w, reader) => {
  const parseReport = async (bytes: Uint8Array, name: string): Promise<ParsedReport> => {
    const p = await parse(bytes, name, { forceExceljs: reader === 'exceljs' });
    expect(p.reader).toBe(reader);
    return p;
  };
  it('takes the period sub-column the report answers under a merged "Kết quả thực hiện", and says which', async () => {
    const year = await parseReport(H.periodColumns(w, 'quarters', 'BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN NĂM 2024'), 'q.xlsx');
    expect(values(year)).toEqual([1000, 2000]);
    expect(year.valueColumn).toMatchObject({ cell: 'I7', header: 'Kết quả thực hiện / Cả năm' });
    const q3 = await parseReport(H.periodColumns(w, 'quarters', 'BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN QUÝ III/2024'), 'q3.xlsx');
    expect(values(q3)).toEqual([13, 23]);
    expect(q3.valueColumn?.cell).toBe('G7');
    const months = await parseReport(H.periodColumns(w, 'months', 'BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN NĂM 2024'), 'm.xlsx');
    expect(values(months)).toEqual([1000, 2000]);
    expect(months.valueColumn?.cell).toBe('Q7');
  });

  it("answers the plan's period when the caller gives it", async () => {
    const p = await parse(H.periodColumns(w, 'quarters', 'BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN'), 'pp.xlsx', {
      forceExceljs: reader === 'exceljs',
      planPeriod: 'Quý II/2024',
    });
    expect(values(p)).toEqual([12, 22]);
    expect(p.valueColumn?.cell).toBe('F7');
    expect(p.issues.filter((i) => i.cell === 'E6')).toEqual([]);
  });

  it('flags the header cell when the period is unknown, instead of silently taking Quý I', async () => {
    const p = await parseReport(H.periodColumns(w, 'quarters', 'BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN'), 'u.xlsx');
    expect(values(p)).not.toEqual([11, 21]);
    const flags = at(p, 'Báo cáo', 'E6');
    expect(flags.length).toBe(1);
    expect(flags[0]?.message).toMatch(/Báo cáo!E6|ô E6/);
    expect(flags[0]?.message).toMatch(/hãy/i);
  });

  it.each([false, true])('takes the year the report answers when years stand side by side (merged header: %s)', async (merged) => {
    const p = await parseReport(H.yearColumns(w, 'BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN NĂM 2024', merged), 'y.xlsx');
    expect(values(p)).toEqual([12, 55]);
    expect(p.valueColumn?.cell).toBe(merged ? 'E7' : 'E6');
    const unknown = await parseReport(H.yearColumns(w, 'BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN', merged), 'y0.xlsx');
    expect(unknown.issues.filter((i) => i.sheet === 'Báo cáo' && i.cell === (merged ? 'D6' : 'D6')).length).toBe(1);
  });

  it('reads the visible column over a hidden one, skips hidden rows, and flags both', async () => {
    const p = await parseReport(H.hiddenColumnAndRow(w), 'h.xlsx');
    expect(p.rows.map((r) => [r.label, r.value])).toEqual([
      ['Số buổi tuyên truyền', 12],
      ['Số đoàn viên tham gia', 55],
    ]);
    expect(at(p, 'Báo cáo', 'D6')[0]?.message).toMatch(/ẩn/);
    expect(p.issues.some((i) => i.sheet === 'Báo cáo' && i.cell === 'B8' && /ẩn/.test(i.message))).toBe(true);
  });

  it('reads the data sheet, not an instruction sheet with an example table, and says which sheet it read', async () => {
    const p = await parseReport(H.sampleSheetFirst(w), 's.xlsx');
    expect(p.sheet).toBe('Biểu 01');
    expect(p.rows.map((r) => r.value)).toEqual([8, 320]);
    expect(p.unitName).toMatch(/BỆNH VIỆN/);
    expect(p.narrative).toEqual([]);
  });

  it('reads a percent-formatted 0.95 as 95, like "87,5%" typed as text', async () => {
    const p = await parseReport(H.percentCells(w), 'p.xlsx');
    expect(values(p)).toEqual([95, 87.5, 4]);
  });

  it('flags a second report on another sheet, naming the sheet and its unit', async () => {
    const p = await parseReport(H.twoReports(w), 't.xlsx');
    expect(p.sheet).toBe('THCS Nguyễn Du');
    const other = p.issues.filter((i) => i.sheet === 'TH Phước Minh');
    expect(other.length).toBe(1);
    expect(other[0]?.severity).toBe('error');
    expect(other[0]?.message).toMatch(/TH Phước Minh/);
    expect(other[0]?.message).toMatch(/PHƯỚC MINH/i);
    expect(other[0]?.cell).not.toBeNull();
  });

  it.each(['box', 'cell', 'paragraph'] as const)('reads a narrative typed in a %s, split at its headings', async (where) => {
    const p = await parseReport(H.narrativeHabits(w, where), 'n.xlsx');
    expect(p.rows.map((r) => r.value)).toEqual([6]);
    expect(p.narrative).toEqual([
      { heading: 'Kết quả nổi bật', text: 'Sửa 02 căn nhà cho hộ nghèo.' },
      { heading: 'Hạn chế', text: 'Một số đoàn viên chưa tham gia.' },
      { heading: 'Kiến nghị, đề xuất', text: 'Hỗ trợ thêm kinh phí.' },
    ]);
  });

  it('reads text boxes under the table as narrative, not one above it (the motto)', async () => {
    const p = await parseReport(H.mottoBoxAbove(w), 'm.xlsx');
    expect(p.narrative.map((n) => n.heading)).toEqual(['Kết quả nổi bật', 'Hạn chế', 'Kiến nghị, đề xuất']);
  });

  it('never reads the column-number row or footnotes as data', async () => {
    const p = await parseReport(H.nonDataRows(w), 'c.xlsx');
    expect(p.rows.map((r) => [r.stt, r.label, r.value])).toEqual([
      ['1', 'Số buổi tuyên truyền', 8],
      ['2', 'Số đoàn viên tham gia', 50],
    ]);
  });

  it.each([
    [
      'BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN 6 THÁNG CUỐI NĂM 2024',
      { label: '6 THÁNG CUỐI NĂM 2024', year: 2024, startsOn: '2024-07-01', endsOn: '2024-12-31' },
    ],
    [
      'BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN QUÝ IV/2024',
      { label: 'QUÝ IV/2024', year: 2024, quarter: 4, startsOn: '2024-10-01', endsOn: '2024-12-31' },
    ],
    ['BÁO CÁO KẾT QUẢ HỌC KỲ I NĂM HỌC 2024-2025', { label: 'HỌC KỲ I NĂM HỌC 2024-2025', round: 'I', schoolYear: '2024-2025' }],
    ['BÁO CÁO KẾT QUẢ DÂN VẬN ĐỢT II NĂM 2023', { label: 'ĐỢT II NĂM 2023', round: 'II', year: 2023 }],
    [
      'BÁO CÁO KẾT QUẢ DÂN VẬN 9 THÁNG ĐẦU NĂM 2024',
      { label: '9 THÁNG ĐẦU NĂM 2024', kind: 'span', year: 2024, startsOn: '2024-01-01', endsOn: '2024-09-30' },
    ],
    ['BÁO CÁO TỔNG KẾT NĂM HỌC 2024-2025', { label: 'NĂM HỌC 2024-2025', kind: 'year', year: 2024, schoolYear: '2024-2025' }],
    [
      'BÁO CÁO KẾT QUẢ DÂN VẬN THÁNG 11/2024',
      { label: 'THÁNG 11/2024', year: 2024, month: 11, startsOn: '2024-11-01', endsOn: '2024-11-30' },
    ],
  ])('keeps the period "%s" as written and parses it fully', async (title, expected) => {
    const p = await parseReport(H.titled(w, title), 'k.xlsx');
    expect(p.period).toMatchObject(expected);
  });

  it('flags a formula with no cached value at its cell, never reads it as silently empty', async () => {
    const p = await parseReport(H.uncalculated(w), 'f.xlsx');
    expect(p.rows[1]?.value).toBeNull();
    const f = at(p, 'Báo cáo', 'D8');
    expect(f.length).toBe(1);
    expect(f[0]?.severity).toBe('error');
  });
});

describe('reader habits in files saved by LibreOffice Calc', () => {
  const lo = async (name: string): Promise<ParsedReport> =>
    parse(new Uint8Array(readFileSync(new URL(`../../fixtures/gen/lo-saved/${name}.xlsx`, import.meta.url))), `${name}.xlsx`);
  it('reads each habit as from the original writers', async () => {
    expect(values(await lo('q'))).toEqual([1000, 2000]);
    const hidden = await lo('hidden');
    expect(values(hidden)).toEqual([12, 55]);
    expect(hidden.issues.map((i) => i.cell)).toEqual(expect.arrayContaining(['D6', 'B8']));
    expect((await lo('sample')).sheet).toBe('Biểu 01');
    expect(values(await lo('pct'))).toEqual([95, 87.5, 4]);
    expect((await lo('two')).issues.filter((i) => i.sheet === 'TH Phước Minh' && i.severity === 'error').length).toBe(1);
    for (const k of ['box', 'cell'])
      expect((await lo(k)).narrative.map((n) => n.heading)).toEqual(['Kết quả nổi bật', 'Hạn chế', 'Kiến nghị, đề xuất']);
    expect((await lo('nondata')).rows.map((r) => r.value)).toEqual([8, 50]);
  });
});

describe('sheet choice when only an example sheet has a table', () => {
  it('reads it, with a warning at its header cell', async () => {
    const bytes = writeXlsx(
      [
        { name: 'Hướng dẫn', rows: [['Ví dụ:'], ['STT', 'Nội dung', 'Kết quả'], [1, 'Số buổi', 3]] },
        { name: 'Ghi chép', rows: [['Không có bảng']] },
      ],
      'shared',
    );
    const p = await parse(bytes, 'only-sample.xlsx');
    expect(p.sheet).toBe('Hướng dẫn');
    expect(p.issues.filter((i) => i.sheet === 'Hướng dẫn' && i.cell === 'B2' && i.severity === 'warning').length).toBe(1);
  });
});

describe('hidden helper columns', () => {
  it('a hidden column of codes is not read and not flagged; a hidden result column is flagged', async () => {
    const rows = [
      ['Mã', 'STT', 'Nội dung', 'Kết quả', 'Kết quả cũ'],
      ['TT01', 1, 'Số buổi', 3, 9],
    ];
    const p = await parse(writeXlsx([{ name: 'Báo cáo', rows, hiddenCols: [0, 4] }], 'inline'), 'codes.xlsx');
    expect(p.rows.map((r) => [r.stt, r.value])).toEqual([['1', 3]]);
    expect(p.issues.map((i) => i.cell)).toEqual(['E1']);
  });
});

describe('formulas never calculated outside the value column', () => {
  it.each(['inline', 'shared'] as const)('are flagged at their cells in the label column and in a row that looks blank (%s)', async (w) => {
    const rows = [
      ['STT', 'Nội dung', 'Kết quả'],
      [1, { v: null, f: 'Sheet2!A1' }, 5],
      [2, 'Số buổi', 3],
      [null, null, { v: null, f: 'SUM(C2:C3)' }],
    ];
    const p = await parse(writeXlsx([{ name: 'Báo cáo', rows }], w), 'nc.xlsx');
    const flagged = p.issues.filter((i) => i.severity === 'error' && /chưa được tính/.test(i.message)).map((i) => i.cell);
    expect(flagged).toEqual(['B2', 'C4']);
  });
});

describe('sheet choice by content', () => {
  it('an indicator that starts with "Hướng dẫn" does not make the report a sample sheet', async () => {
    const rows = [
      ['BÁO CÁO KẾT QUẢ NĂM 2024'],
      ['STT', 'Nội dung', 'Kết quả'],
      [1, 'Hướng dẫn đoàn viên cài ứng dụng Công đoàn Việt Nam', 40],
    ];
    const p = await parse(writeXlsx([{ name: 'Báo cáo', rows }], 'shared'), 'hd.xlsx');
    expect(p.rows.map((r) => r.value)).toEqual([40]);
    expect(p.issues).toEqual([]);
  });

  it('an example table on a sheet with an ordinary name is passed over for the real one', async () => {
    const sample = { name: 'Sheet1', rows: [['Ví dụ: cách ghi số liệu'], ['STT', 'Nội dung', 'Kết quả'], [1, 'Số buổi (ví dụ)', 999]] };
    const real = { name: 'Sheet2', rows: [['BÁO CÁO KẾT QUẢ NĂM 2024'], ['STT', 'Nội dung', 'Kết quả'], [1, 'Số buổi', 4]] };
    const p = await parse(writeXlsx([sample, real], 'inline'), 'ex.xlsx');
    expect([p.sheet, p.rows.map((r) => r.value)]).toEqual(['Sheet2', [4]]);
  });
});

describe('value column under a group that also holds the plan', () => {
  it.each(['inline', 'shared'] as const)(
    '"Năm 2024" over "Kế hoạch | Thực hiện": the value is Thực hiện, the target Kế hoạch (%s)',
    async (w) => {
      const rows = [
        ['STT', 'Nội dung', 'Năm 2024', null, 'Ghi chú'],
        [null, null, 'Kế hoạch', 'Thực hiện'],
        [1, 'Số buổi', 10, 8],
      ];
      const p = await parse(writeXlsx([{ name: 'Báo cáo', rows, merges: ['C1:D1', 'A1:A2', 'B1:B2', 'E1:E2'] }], w), 'kh.xlsx');
      expect(p.rows.map((r) => [r.target, r.value])).toEqual([[10, 8]]);
    },
  );
});
