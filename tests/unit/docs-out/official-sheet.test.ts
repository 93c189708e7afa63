// Tests for src-main/excel/official-sheet: write a workbook, read it back with exceljs and check the header
// merges and fonts, numbers as numbers with #,##0, subtotals, page setup, frozen header, signature, and that
// imported text can never become a live formula.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
  addOfficialHeader,
  addSignatureBlock,
  addTable,
  addTitle,
  csvField,
  csvSafe,
  inertText,
  isFormulaLike,
} from '../../../src-main/excel/official-sheet/index';
import { buildSampleWorkbook, reportDoc } from './samples';
import { readZipEntry } from './zip';

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no worksheet');
  return ws;
}
const findRow = (ws: ExcelJS.Worksheet, col: number, text: string): number => {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, col).value === text) return r;
  return -1;
};

describe('official worksheet (portrait, 3 indicator columns)', async () => {
  const { buffer, table } = await buildSampleWorkbook(3);
  const ws = await readBack(buffer);
  // columns: TT, Đơn vị, 3 indicators, Ghi chú = 6 → left block 2 columns, right block 4.

  it('writes the two-column header as merged rows 1–4', () => {
    const merges = (ws.model as { merges: string[] }).merges;
    for (const m of ['A1:B1', 'C1:F1', 'A2:B2', 'C2:F2', 'A4:B4', 'C4:F4']) expect(merges).toContain(m);
    expect(ws.getCell('A1').value).toBe('LĐLĐ TỈNH TÂY NINH');
    expect(ws.getCell('A2').value).toBe('LĐLĐ HUYỆN DƯƠNG MINH CHÂU');
    expect(ws.getCell('A2').font.bold).toBe(true);
    expect(ws.getCell('A1').font.bold).toBeFalsy();
    expect(ws.getCell('C1').value).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(ws.getCell('C1').font.bold).toBe(true);
    expect(ws.getCell('C2').value).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(ws.getCell('C2').font.underline).toBeTruthy();
    expect(ws.getCell('A4').value).toBe('Số: 16/BC-LĐLĐ');
    expect(ws.getCell('C4').value).toBe('Dương Minh Châu, ngày 05 tháng 01 năm 2024');
    expect(ws.getCell('C4').font.italic).toBe(true);
  });

  it('writes a bold caps title and an italic subtitle across the width', () => {
    const r = findRow(ws, 1, 'BÁO CÁO TỔNG HỢP KẾT QUẢ PHỐI HỢP LÀM CÔNG TÁC DÂN VẬN ĐỢT II/2023');
    expect(r).toBeGreaterThan(4);
    expect((ws.model as { merges: string[] }).merges).toContain(`A${r}:F${r}`);
    expect(ws.getCell(r, 1).font).toMatchObject({ bold: true, size: 14, name: 'Times New Roman' });
    expect(ws.getCell(r + 1, 1).value).toBe('Số liệu tính đến ngày 31/12/2023');
    expect(ws.getCell(r + 1, 1).font.italic).toBe(true);
    expect(table.headerRow).toBeGreaterThan(r + 1);
  });

  it('uses Times New Roman in every written cell', () => {
    let n = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === null || cell.value === '') return;
        n += 1;
        expect(cell.font?.name, `cell ${cell.address}`).toBe('Times New Roman');
      }),
    );
    expect(n).toBeGreaterThan(40);
  });

  it('writes a bold, bordered, wrapped header row and real numbers with #,##0', () => {
    const h = table.headerRow;
    expect(ws.getCell(h, 2).value).toBe('Đơn vị');
    expect(ws.getCell(h, 3).font.bold).toBe(true);
    expect(ws.getCell(h, 3).alignment?.wrapText).toBe(true);
    expect(ws.getCell(h, 3).border?.top?.style).toBe('thin');
    const r = findRow(ws, 2, 'CĐCS Công ty CP Mía đường Tây Ninh');
    expect(ws.getCell(r, 3).value).toBe(35);
    expect(ws.getCell(r, 3).type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell(r, 3).numFmt).toBe('#,##0');
    expect(ws.getCell(r, 3).alignment?.horizontal).toBe('right');
    expect(ws.getCell(r, 3).border?.left?.style).toBe('thin');
  });

  it('puts group subtotals on the group rows and the grand total last', () => {
    const g1 = findRow(ws, 2, 'I. Khối doanh nghiệp');
    const g2 = findRow(ws, 2, 'II. Khối hành chính sự nghiệp');
    const total = findRow(ws, 2, 'Tổng cộng');
    expect(g1).toBe(table.firstDataRow);
    expect([g1 < g2, g2 < total, total === table.lastRow]).toEqual([true, true, true]);
    expect(ws.getCell(g1, 3).value).toBe(21 + 35);
    expect(ws.getCell(g2, 3).value).toBe(7 + 14);
    expect(ws.getCell(total, 3).value).toBe(77);
    expect(ws.getCell(total, 4).value).toBe(154);
    expect(ws.getCell(total, 2).font.bold).toBe(true);
  });

  it('sets A4 portrait, ND30 margins, fit to width, print titles and the frozen header', () => {
    const ps = ws.pageSetup;
    expect(ps.paperSize).toBe(9);
    expect(ps.orientation).toBe('portrait');
    expect(ps.fitToPage).toBe(true);
    expect(ps.fitToWidth).toBe(1);
    expect(ps.fitToHeight).toBe(0);
    expect(ps.printTitlesRow).toBe(`${table.headerRow}:${table.headerRow}`);
    expect(ps.margins?.left).toBeCloseTo(30 / 25.4, 2);
    expect(ps.margins?.right).toBeCloseTo(15 / 25.4, 2);
    expect(ps.margins?.top).toBeCloseTo(20 / 25.4, 2);
    const view = ws.views[0] as { state?: string; ySplit?: number } | undefined;
    expect(view?.state).toBe('frozen');
    expect(view?.ySplit).toBe(table.headerRow);
    expect(ws.headerFooter.differentFirst).toBe(true);
    expect(ws.headerFooter.oddHeader).toContain('&P');
  });

  it('adds Nơi nhận on the left and the signature on the right', () => {
    const r = findRow(ws, 1, 'Nơi nhận:');
    expect(r).toBeGreaterThan(table.lastRow);
    expect(ws.getCell(r, 1).font).toMatchObject({ bold: true, italic: true, size: 12 });
    expect(ws.getCell(r + 1, 1).value).toBe('- LĐLĐ tỉnh (b/c);');
    expect(ws.getCell(r + 1, 1).font.size).toBe(11);
    expect(ws.getCell(r, 3).value).toBe('TM. BAN THƯỜNG VỤ');
    expect(ws.getCell(r + 1, 3).value).toBe('PHÓ CHỦ TỊCH');
    const name = findRow(ws, 3, 'Nguyễn Thị Hồng Đào');
    expect(name - (r + 1)).toBeGreaterThanOrEqual(4);
    expect(ws.getCell(name, 3).font.bold).toBe(true);
  });

  it('never writes a live formula: imported text is prefixed, the sheet XML has no <f>', () => {
    const r2 = findRow(ws, 2, 'CĐCS Công ty CP Mía đường Tây Ninh');
    const r3 = findRow(ws, 2, 'CĐCS Trường THCS Phan Bội Châu');
    expect(ws.getCell(r2, 6).value).toBe('\'=HYPERLINK("http://x","bấm")');
    expect(ws.getCell(r3, 6).value).toBe("'-2+3+cmd");
    ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    const xml = readZipEntry(buffer, 'xl/worksheets/sheet1.xml') ?? '';
    expect(xml.length).toBeGreaterThan(1000);
    expect(xml).not.toMatch(/<f[ >]/);
  });
});

describe('official worksheet (wide → landscape) and dates', () => {
  it('switches to landscape when the columns are wide', async () => {
    const { buffer, table } = await buildSampleWorkbook(10);
    const ws = await readBack(buffer);
    expect(table.landscape).toBe(true);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToWidth).toBe(1);
  });

  it('writes ISO dates in date columns as real UTC dates shown dd/mm/yyyy', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sổ');
    addOfficialHeader(ws, reportDoc.header, 3);
    addTitle(ws, 'Sổ theo dõi văn bản');
    const t = addTable(ws, {
      columns: [
        { header: 'Ngày nhận', key: 'd', kind: 'date', width: 14 },
        { header: 'Trích yếu', key: 't', width: 40 },
        { header: 'Số trang', key: 'n', width: 10, numFmt: '0' },
      ],
      rows: [{ d: '2024-01-05', t: '@SUM(A1)', n: 3 }],
      landscape: false,
    });
    addSignatureBlock(ws, [], reportDoc.signer);
    const back = await readBack(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const cell = back.getCell(t.firstDataRow, 1);
    expect(cell.value).toBeInstanceOf(Date);
    expect((cell.value as Date).toISOString()).toBe('2024-01-05T00:00:00.000Z');
    expect(cell.numFmt).toBe('dd/mm/yyyy');
    expect(back.getCell(t.firstDataRow, 2).value).toBe("'@SUM(A1)");
    expect(back.getCell(t.firstDataRow, 3).numFmt).toBe('0');
    expect(findRow(back, 1, 'Nơi nhận:')).toBe(-1);
  });
});

describe('inertText / csvSafe', () => {
  it('prefixes an apostrophe to text that a spreadsheet would read as a formula', () => {
    for (const s of ['=1+1', '+84 912', '-2+3', '@SUM(A1)', '\tx', '\rx', '  =cmd', '＝1+1']) {
      expect(isFormulaLike(s), s).toBe(true);
      expect(inertText(s), s).toBe(`'${s.normalize('NFC')}`);
    }
  });
  it('leaves ordinary text alone and normalises to NFC', () => {
    for (const s of ['Tổng cộng', '1.250 lượt', "'đã có", 'a=b', '']) expect(inertText(s)).toBe(s);
    expect(inertText('Công đoàn'.normalize('NFD'))).toBe('Công đoàn');
  });
  it('builds quoted, neutralised CSV fields', () => {
    expect(csvSafe('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(csvField('=A1,"b"')).toBe('"\'=A1,""b"""');
    expect(csvField('Dương Minh Châu')).toBe('Dương Minh Châu');
    expect(csvField(45500000)).toBe('45500000');
    expect(csvField(null)).toBe('');
    expect(csvField('a;b', ';')).toBe('"a;b"');
  });
});
