// Workbooks built with exceljs are written with node:zlib's deflate (excel/xlsx-bytes.ts) and large tables share
// one style object per look (official-sheet styleLooks): the same parts, byte for byte, as exceljs writes itself
// with a style per cell, in the same order, every part deflated; the file reads back with its values and styles.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { DEFAULT_LIMITS } from '../../../src-main/bytes/limits';
import { openZip, readEntry } from '../../../src-main/bytes/zip';
import { storedXlsxBytes, xlsxBytes } from '../../../src-main/excel/xlsx-bytes';
import { addTable } from '../../../src-main/excel/official-sheet/index';
import { THIN, font } from '../../../src-main/excel/official-sheet/style';

const FIXED = new Date('2026-01-02T03:04:05Z');

/** A workbook with Vietnamese text, numbers, dates, a merged header, styles and a table of `rows` rows (data from row 3). */
function sample(rows: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Dân vận';
  wb.created = FIXED;
  wb.modified = FIXED;
  const ws = wb.addWorksheet('Tổng hợp');
  ws.mergeCells('A1:D1');
  ws.getCell('A1').value = 'BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN';
  ws.getCell('A1').font = font(14, { bold: true });
  addTable(ws, {
    columns: [
      { header: 'TT', key: 'tt', width: 5, align: 'center' },
      { header: 'Đơn vị', key: 'unit', width: 30 },
      { header: 'Số buổi', key: 'n', width: 10, kind: 'number' },
      { header: 'Ngày nhận', key: 'on', width: 12, kind: 'date' },
    ],
    rows: Array.from({ length: rows }, (_, k) => ({
      tt: k + 1,
      unit: `Công đoàn cơ sở số ${k + 1}`,
      n: k % 3 ? k * 1.5 : k,
      on: '2025-03-1' + (k % 9),
    })),
    totalRow: true,
  });
  wb.addWorksheet('Ẩn', { state: 'veryHidden' }).getCell('A1').value = 'mã';
  return wb;
}

function parts(bytes: Uint8Array): { names: string[]; methods: number[]; texts: Map<string, string> } {
  const zip = openZip(bytes, DEFAULT_LIMITS);
  const entries = [...zip.entries.values()];
  return {
    names: entries.map((e) => e.name),
    methods: entries.map((e) => e.method),
    texts: new Map(entries.map((e) => [e.name, Buffer.from(readEntry(zip, e)).toString('utf8')])),
  };
}

describe('workbook bytes', () => {
  it('hold the same parts in the same order as exceljs writes, each file part deflated', async () => {
    const ours = parts(await xlsxBytes(sample(300)));
    const theirs = parts(new Uint8Array(await sample(300).xlsx.writeBuffer()));
    expect(ours.names).toEqual(theirs.names);
    expect(ours.texts).toEqual(theirs.texts);
    expect(ours.methods.filter((m, k) => !ours.names[k]!.endsWith('/')).every((m) => m === 8)).toBe(true);
    // uncompressed, for reading back only: the same parts again, stored
    const stored = parts(await storedXlsxBytes(sample(300)));
    expect(stored.texts).toEqual(theirs.texts);
    expect(stored.methods.every((m) => m === 0)).toBe(true);
  });

  it('read back in exceljs with values and the table’s styles', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsxBytes(sample(20))) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Tổng hợp')!;
    const first = 3; // the title, the table's header row
    const row = (r: number) => [1, 2, 3, 4].map((c) => ws.getCell(r, c));
    const [tt, unit, n, on] = row(first);
    expect(unit!.value).toBe('Công đoàn cơ sở số 1');
    expect(n!.value).toBe(0);
    expect(n!.numFmt).toBe('#,##0');
    expect(ws.getCell(first + 1, 3).numFmt).toBe('#,##0.0#'); // 1.5
    expect(on!.value).toEqual(new Date(Date.UTC(2025, 2, 10)));
    expect(on!.numFmt).toBe('dd/mm/yyyy');
    expect(tt!.alignment).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true });
    expect(unit!.border).toEqual(THIN);
    expect(unit!.font).toMatchObject({ name: 'Times New Roman', size: 12 });
    expect(unit!.font.bold).toBeFalsy();
    const total = first + 20;
    expect(ws.getCell(total, 3).value).toBe(Array.from({ length: 20 }, (_, k) => (k % 3 ? k * 1.5 : k)).reduce((a, b) => a + b));
    expect(ws.getCell(total, 3).font.bold).toBe(true);
  });

  it('a table’s data cells of one look share one style object; a bold total row has its own', () => {
    const ws = sample(10).getWorksheet('Tổng hợp')!;
    expect(ws.getCell(3, 2).style).toBe(ws.getCell(12, 2).style);
    expect(ws.getCell(3, 2).style).not.toBe(ws.getCell(3, 1).style); // another column
    expect(ws.getCell(13, 2).style).not.toBe(ws.getCell(3, 2).style); // the total row: bold
    expect(ws.getCell(13, 2).font.bold).toBe(true);
    expect(ws.getCell(3, 2).font.bold).toBeFalsy();
  });
});
