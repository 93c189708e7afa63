// The sheet scanner reads the usual `<row r="12" ...>` and `<v>..</v></c>` in place (sheet-scan.ts); every other
// spelling goes the general way. Both must give the same grid: row numbers, hidden rows, values, head and top scans.
import { describe, expect, it } from 'vitest';
import { scanSheet, type ScanContext } from '../../../src-main/excel/xlsx/sheet-scan';
import { DEFAULT_LIMITS } from '../../../src-main/bytes/limits';
import type { SheetGrid } from '../../../src-main/excel/xlsx/grid';

const SST = ['Nội dung', 'Kết quả', 'Số buổi tuyên truyền'];
const ctx = (): ScanContext => ({
  sst: (i) => (SST[i] === undefined ? undefined : { text: SST[i] as string }),
  styles: { legacyFont: [], isDate: [], isPercent: [] },
  limits: DEFAULT_LIMITS,
  issues: [],
  tick: () => undefined,
  cellCount: { n: 0 },
});
const sheet = (rows: string, p = ''): string =>
  `<${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData>${rows}</${p}sheetData></${p}worksheet>`;
const values = (g: SheetGrid): unknown[][] => g.rows.map((r, i) => [i, ...(r ?? []).map((c) => c?.v ?? null)]).filter((r) => r.length > 1);

describe('sheet scanner shortcuts', () => {
  const usual =
    '<row r="2" spans="1:3"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c></row>' +
    '<row r="3" hidden="1"><c r="A3"><v>7</v></c><c r="B3" t="s"><v>2</v></c></row>' +
    '<row r="4" customHeight="1"><c r="A4"><v>12.5</v></c></row>' +
    '<row r="6" hidden="0"><c r="A6" t="str"><f>A4*2</f><v>25</v></c></row>';
  const odd =
    '<row spans=\'1:3\' r=\'2\'><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v >1</v ></c></row>' +
    '<row  r="3" hidden="true"><c r="A3"><v>7</v></c><c r="B3" t="s"><v>2</v></c></row>' +
    '<row r="04"><c r="A4"><v>12.5</v> </c></row>' +
    '<row r = "6" hidden="false"><c r="A6" t="str"><f>A4*2</f><v>25</v></c></row>';

  it('reads the usual and the odd spellings alike', () => {
    const a = scanSheet(sheet(usual), 'S', 'visible', ctx());
    const b = scanSheet(sheet(odd), 'S', 'visible', ctx());
    const expected = [
      [1, 'Nội dung', 'Kết quả'],
      [2, 7, 'Số buổi tuyên truyền'],
      [3, 12.5],
      [5, '25'],
    ];
    expect(values(a)).toEqual(expected);
    expect(values(b)).toEqual(expected);
    expect([...(a.hiddenRows ?? [])]).toEqual([2]);
    expect([...(b.hiddenRows ?? [])]).toEqual([2]);
    expect(a.rows[5]?.[0]?.f).toBe('A4*2');
  });

  it('gives the same grid with a namespace prefix', () => {
    const prefixed = usual.replace(/<(\/?)(row|c|v|f)\b/g, '<$1x:$2');
    const g = scanSheet(sheet(prefixed, 'x:'), 'S', 'visible', ctx());
    expect(values(g)).toEqual(values(scanSheet(sheet(usual), 'S', 'visible', ctx())));
    expect([...(g.hiddenRows ?? [])]).toEqual([2]);
  });

  it('"hidden" in a later row or in a cell is not taken for an earlier row', () => {
    const rows =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>hidden</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row><row r="3" hidden="1"><c r="A3"><v>2</v></c></row>';
    const g = scanSheet(sheet(rows), 'S', 'visible', ctx());
    expect([...(g.hiddenRows ?? [])]).toEqual([2]);
    expect(values(g)).toEqual([
      [0, 'hidden'],
      [1, 1],
      [2, 2],
    ]);
  });

  it('head and top scans cut at the same places after an in-place value', () => {
    const rows =
      '<row r="1"><c r="A1" t="s"><v>2</v></c><c r="B1" t="s"><v>1</v></c></row>' +
      '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>0</v></c></row>' +
      '<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3"><v>5</v></c></row>';
    const c = ctx();
    const heads = scanSheet(sheet(rows), 'S', 'visible', c, 12);
    // A row starting with a number is never a heading: ended at that cell, which is counted but not kept.
    expect(values(heads)).toEqual([
      [0, 'Số buổi tuyên truyền'],
      [2, 'Nội dung', 5],
    ]);
    expect(heads.cutRows).toEqual([0]);
    expect(c.cellCount.n).toBe(4);
    const top = scanSheet(sheet(rows), 'S', 'visible', ctx(), 0, 2);
    expect(values(top)).toEqual([
      [0, 'Số buổi tuyên truyền', 'Kết quả'],
      [1, 1, 'Nội dung'],
    ]);
  });
});
