// Individual interpretation rules on small hand-built workbooks: values, ditto marks, sections, sub-rows,
// merged group headers, errors and uncalculated formulas, hostile text, template meta, fatal layouts.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src-main/excel/report/parse-report';
import { makeReport, writeZip, unzipText } from '../../fixtures/gen/report-workbooks';
import { templateMetaRows, readTemplateMetaSheet } from '../../../src-main/excel/report/template-meta';

type V = ExcelJS.CellValue;
async function book(rows: V[][], setup?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Báo cáo');
  rows.forEach((r, i) => r.forEach((v, j) => v !== null && v !== undefined && (ws.getCell(i + 1, j + 1).value = v)));
  setup?.(ws, wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
const HEAD: V[] = ['STT', 'Nội dung', 'Đơn vị tính', 'Kết quả', 'Ghi chú'];

describe('report rules', () => {
  it('parses vi-VN numbers, units inside cells, and flags unreadable numbers with sheet and cell', async () => {
    const p = await parseReport(
      await book([
        HEAD,
        [1, 'Kinh phí', 'đồng', '45.500.000'],
        [2, 'Kênh mương', null, '1,5'],
        [3, 'Đường', null, '600m'],
        [4, 'Quà', null, '300 suất'],
        [5, 'Sai', 'người', '12,,5'],
        [6, 'Khoảng', 'suất', '300 - 500'],
        [7, 'Văn bản', null, 'Hoàn thành tốt'],
      ]),
      'a.xlsx',
    );
    expect(p.rows.map((r) => [r.value, r.unit])).toEqual([
      [45500000, 'đồng'],
      [1.5, null],
      [600, 'm'],
      [300, 'suất'],
      ['12,,5', 'người'],
      ['300 - 500', 'suất'],
      ['Hoàn thành tốt', null],
    ]);
    expect(p.issues).toContainEqual({
      sheet: 'Báo cáo',
      cell: 'D6',
      severity: 'error',
      message: "Sheet 'Báo cáo', ô D6: không đọc được số '12,,5'.",
    });
    expect(p.issues.some((i) => i.cell === 'D7' && i.severity === 'warning')).toBe(true);
  });

  it('a sum, product, fraction or date in a number cell is kept as text with a warning, never read as its first number', async () => {
    const cells = ['+1+2', '5 + 3', '3x4', '2 × 3', '1/2', '20/11', '7 buổi/tháng'];
    const p = await parseReport(await book([HEAD, ...cells.map((v, i): V[] => [i + 1, `Dòng ${i + 1}`, null, v])]), 'a2.xlsx');
    expect(p.rows.map((r) => r.value)).toEqual(['+1+2', '5 + 3', '3x4', '2 × 3', '1/2', '20/11', 7]);
    expect(p.rows[6]?.unit).toBe('buổi/tháng');
    const warned = p.issues.filter((i) => i.severity === 'warning' && /không phải một số/.test(i.message)).map((i) => i.cell);
    expect(warned).toEqual(['D2', 'D3', 'D4', 'D5', 'D6', 'D7']);
  });

  it('ditto marks take the value above, with a warning', async () => {
    const p = await parseReport(await book([HEAD, [1, 'Quà', 'suất', 10], [2, 'Quà Tết', '"', '〃'], [3, 'Quà khác', 'nt', 5]]), 'b.xlsx');
    expect(p.rows.map((r) => [r.unit, r.value])).toEqual([
      ['suất', 10],
      ['suất', 10],
      ['suất', 5],
    ]);
    expect(p.issues.filter((i) => i.severity === 'warning' && /như trên/.test(i.message)).map((i) => i.cell)).toEqual(['C3', 'D3', 'C4']);
  });

  it('sections get value null; "Trong đó" and "-"/"+" rows are breakdowns of the row above; totals are flagged', async () => {
    const p = await parseReport(
      await book([
        HEAD,
        ['I', 'TUYÊN TRUYỀN', null, 99],
        [1, 'Số đoàn viên', 'người', 40],
        [null, '- Trong đó: nữ', 'người', 25],
        [null, '+ Dân tộc thiểu số', 'người', 3],
        [null, 'II. CÔNG TRÌNH'],
        [2, 'Nhà', 'căn', 2],
        [null, 'Tổng cộng', null, 42],
      ]),
      'c.xlsx',
    );
    expect(p.rows.map((r) => [r.stt, r.label, r.value, r.isSection, r.isBreakdown, r.parentIndex, r.isTotal])).toEqual([
      ['I', 'TUYÊN TRUYỀN', null, true, false, null, false],
      ['1', 'Số đoàn viên', 40, false, false, null, false],
      [null, '- Trong đó: nữ', 25, false, true, 1, false],
      [null, '+ Dân tộc thiểu số', 3, false, true, 1, false],
      ['II', 'CÔNG TRÌNH', null, true, false, null, false],
      ['2', 'Nhà', 2, false, false, null, false],
      [null, 'Tổng cộng', 42, false, false, null, true],
    ]);
  });

  it('reads a merged group header "Kết quả" over "Số lượng | Trị giá" and skips the column-number row', async () => {
    const bytes = await book(
      [
        ['STT', 'Nội dung', 'ĐVT', 'Kết quả', null, 'Ghi chú'],
        [null, null, null, 'Số lượng', 'Trị giá (triệu đồng)'],
        ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
        [1, 'Quà tặng', 'suất', 130, '45,5', 'x'],
      ],
      (ws) => {
        ws.mergeCells('A1:A2');
        ws.mergeCells('B1:B2');
        ws.mergeCells('C1:C2');
        ws.mergeCells('D1:E1');
        ws.mergeCells('F1:F2');
      },
    );
    const p = await parseReport(bytes, 'd.xlsx');
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0]).toMatchObject({
      stt: '1',
      label: 'Quà tặng',
      unit: 'suất',
      value: 130,
      note: 'x',
      extra: [{ header: 'Kết quả / Trị giá (triệu đồng)', value: 45.5 }],
    });
  });

  it('uses cached formula results; errors and uncalculated formulas become issues at their cell', async () => {
    const bytes = await book([
      HEAD,
      [1, 'A', 'người', { formula: 'D3+D4', result: 7 } as V],
      [2, 'B', 'người', { error: '#DIV/0!' } as V],
      [3, 'C', 'người', { formula: 'D2*2' } as V],
    ]);
    const p = await parseReport(bytes, 'e.xlsx');
    expect(p.rows.map((r) => r.value)).toEqual([7, null, null]);
    expect(p.issues.find((i) => i.cell === 'D3')?.message).toMatch(/lỗi công thức #DIV\/0!/);
    expect(p.issues.find((i) => i.cell === 'D4')?.message).toMatch(/công thức chưa được tính/);
  });

  it('keeps formula payloads, HTML and __proto__ as inert text', async () => {
    const g = await makeReport({ seed: 4, hostileText: true });
    const p = await parseReport(g.bytes, g.fileName);
    const labels = p.rows.map((r) => r.label);
    expect(labels).toContain('<script>alert(1)</script><b>HTML</b>');
    expect(labels).toContain('__proto__');
    expect(p.rows.find((r) => r.label.startsWith('=cmd'))?.value).toBe('@SUM(1)');
    expect(p.rows.find((r) => r.label === 'Liên kết')?.value).toBe('bấm');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(p.rows[0])).toBe(Object.prototype);
  });

  it('reads unit name, title and period from the top block', async () => {
    const bytes = await book([
      ['LIÊN ĐOÀN LAO ĐỘNG HUYỆN X'],
      ['Đơn vị: CĐCS Trường THPT Lê Lợi'],
      [],
      ['BÁO CÁO'],
      ['Kết quả phối hợp làm công tác dân vận đợt 2/2023'],
      ['(Từ ngày 16/12 đến ngày 30/12/2023)'],
      HEAD,
      [1, 'A', 'người', 3],
    ]);
    const p = await parseReport(bytes, 'f.xlsx');
    expect(p.unitName).toBe('CĐCS Trường THPT Lê Lợi');
    expect(p.title).toBe('BÁO CÁO Kết quả phối hợp làm công tác dân vận đợt 2/2023');
    expect(p.period).toEqual({
      label: 'đợt 2/2023',
      kind: 'round',
      round: 'II',
      year: 2023,
      quarter: null,
      half: null,
      month: null,
      schoolYear: null,
      startsOn: '2023-12-16',
      endsOn: '2023-12-30',
    });
  });

  it('gives a fatal issue when no table header exists, or the workbook is empty', async () => {
    const none = await parseReport(await book([['Xin chào'], ['Không có bảng']]), 'g.xlsx');
    expect(none.issues.map((i) => i.severity)).toEqual(['fatal']);
    expect(none.issues[0]?.message).toMatch(/Không tìm thấy bảng số liệu/);
    const empty = await parseReport(await book([]), 'h.xlsx');
    expect(empty.issues[0]?.message).toMatch(/không có dữ liệu/);
  });

  it('never reads the table from a hidden sheet when a visible one has it; dates honour the 1904 system', async () => {
    const bytes = await book([HEAD, [1, 'Ngày tổ chức', 'ngày', new Date(Date.UTC(2023, 11, 16))]], (ws, wb) => {
      wb.properties.date1904 = true;
      ws.getCell('D2').numFmt = 'dd/mm/yyyy';
      const h = wb.addWorksheet('Nháp', { state: 'hidden' });
      h.addRow(HEAD);
      h.addRow([1, 'Nháp', 'người', 999]);
      wb.worksheets.reverse();
    });
    for (const forceExceljs of [false, true]) {
      const p = await parseReport(bytes, 'i.xlsx', { forceExceljs });
      expect(p.sheet).toBe('Báo cáo');
      expect(p.rows.map((r) => r.value)).toEqual(['2023-12-16']);
    }
  });

  it('template meta rows round-trip through the reader (Map-based, __proto__ inert)', () => {
    const rows = templateMetaRows({
      templateId: 'dv',
      templateVersion: '2',
      planId: '7',
      unitCode: 'CD1',
      sheet: 'Báo cáo',
      rowCodes: new Map([
        [12, 'I.1'],
        [13, 'I.2'],
      ]),
    });
    rows.push(['__proto__', 'x'], ['constructor', 'y']);
    const sheet = {
      name: '_meta',
      state: 'hidden' as const,
      merges: [],
      rows: rows.map((r) => r.map((v) => ({ v, k: typeof v === 'number' ? ('n' as const) : ('s' as const) }))),
    };
    const meta = readTemplateMetaSheet(sheet);
    expect(meta).toMatchObject({ templateId: 'dv', templateVersion: '2', planId: '7', unitCode: 'CD1', sheet: 'Báo cáo' });
    expect([...(meta?.rowCodes ?? [])]).toEqual([
      [12, 'I.1'],
      [13, 'I.2'],
    ]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('falls back to exceljs when the fast scanner cannot read the workbook part', async () => {
    const g = await makeReport({ seed: 3 });
    const parts = unzipText(g.bytes);
    // A workbook.xml the scanner rejects (Strict OOXML namespace) but exceljs ignores.
    parts.set('xl/workbook.xml', (parts.get('xl/workbook.xml') ?? '').replace('<workbook ', '<workbook data-x="purl.oclc.org/ooxml" '));
    const p = await parseReport(writeZip([...parts].map(([name, data]) => ({ name, data }))), 'j.xlsx');
    expect(p.reader).toBe('exceljs');
    expect(p.rows.length).toBe(g.expected.rows.length);
    expect(p.issues[0]?.message).toMatch(/cấu trúc khác thường/);
  });
});
