// The sheet scanner's own searches (sheet-scan.ts) give what indexOf/Number give: a row's close tag found from its
// "w>", attribute values and texts read by a short loop before indexOf, plain-digit numbers read without Number().
import { describe, expect, it } from 'vitest';
import { indexOfRowClose, scanSheet, type ScanContext } from '../../../src-main/excel/xlsx/sheet-scan';
import { DEFAULT_LIMITS } from '../../../src-main/bytes/limits';
import type { SheetGrid } from '../../../src-main/excel/xlsx/grid';

const SST = ['Nội dung', 'Kết quả', 'a w> b </row'];
const ctx = (): ScanContext => ({
  sst: (i) => (SST[i] === undefined ? undefined : { text: SST[i] as string }),
  styles: { legacyFont: [], isDate: [], isPercent: [] },
  limits: DEFAULT_LIMITS,
  issues: [],
  tick: () => undefined,
  cellCount: { n: 0 },
});
const sheet = (rows: string): string =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
const values = (g: SheetGrid): unknown[][] => g.rows.map((r, i) => [i, ...(r ?? []).map((c) => c?.v ?? null)]).filter((r) => r.length > 1);

/** Seeded random text over the characters that matter to the searches. */
function randomText(seed: number, length: number): string {
  let x = seed;
  const next = (): number => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x;
  };
  const alphabet = ['<', '/', 'r', 'o', 'w', '>', 'x', ':', ' ', 'a', '"', "'"];
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[next() % alphabet.length];
  return s;
}

describe('sheet scanner searches', () => {
  it('finds a row close tag where indexOf finds it', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const text = randomText(seed, 200);
      for (const close of ['</row>', '</x:row>']) {
        for (const from of [0, 1, 7, 100, 199, 250]) expect(indexOfRowClose(text, close, from)).toBe(text.indexOf(close, from));
      }
    }
    expect(indexOfRowClose('w></row>', '</row>', 0)).toBe(2);
    expect(indexOfRowClose('</row>', '</row>', 1)).toBe(-1);
    expect(indexOfRowClose('</x:row></row>', '</row>', 0)).toBe(8);
  });

  it('head scans end rows at their close tag past "w>" in text and formulas', () => {
    const rows =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>x w> y</t></is></c></row>' +
      '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="str"><f>"w>"&amp;A1</f><v>w></v></c></row>' +
      '<row r="3"><c r="A3"><v>4</v></c><c r="B3" t="inlineStr"><is><t>w> w> </t></is></c></row>' +
      '<row r="4"><c r="A4" t="s"><v>0</v></c></row>';
    const heads = scanSheet(sheet(rows), 'S', 'visible', ctx(), 4);
    expect(values(heads)).toEqual([
      [0, 'Nội dung'],
      [1, 'a w> b </row'],
      [3, 'Nội dung'],
    ]);
    expect(heads.cutRows).toEqual([0, 1, 3]);
    const full = scanSheet(sheet(rows), 'S', 'visible', ctx());
    expect(values(full)).toEqual([
      [0, 'Nội dung', 'Kết quả', 'x w> y'],
      [1, 'a w> b </row', 'w>'],
      [2, 4, 'w> w> '],
      [3, 'Nội dung'],
    ]);
  });

  it('reads long and single-quoted attribute values and long texts as before', () => {
    const rows =
      `<row r="1"><c r='A1' s='0000000000000000000002' t='s'><v>1</v></c>` +
      `<c r="B1" s="3"   t="inlineStr"><is><t>${'chữ dài '.repeat(20)}</t></is></c>` +
      `<c r="C1"><v>${'1'.repeat(30)}</v></c><c r="D1" t="str"><v>abcdefghijklmnopqrstuvwxyz</v></c></row>`;
    const g = scanSheet(sheet(rows), 'S', 'visible', ctx());
    expect(values(g)).toEqual([[0, 'Kết quả', 'chữ dài '.repeat(20), Number('1'.repeat(30)), 'abcdefghijklmnopqrstuvwxyz']]);
  });

  it('reads numbers of plain digits as Number() does, and every other spelling through it', () => {
    const texts = [
      '0',
      '7',
      '007',
      '44615',
      '123456789',
      '1234567890',
      '12345678901234567890',
      '1.5',
      '-3',
      '1e3',
      ' 4',
      '0x1f',
      'Infinity',
      '١٢',
    ];
    const rows = texts.map((t, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${t}</v></c></row>`).join('');
    const g = scanSheet(sheet(rows), 'S', 'visible', ctx());
    const expected = texts.map((t, i) => {
      const n = Number(t);
      return [i, Number.isFinite(n) && t.trim() !== '' ? n : t];
    });
    expect(values(g)).toEqual(expected);
    expect(g.rows.map((r) => r?.[0]?.k)).toEqual(expected.map(([, v]) => (typeof v === 'number' ? 'n' : 's')));
  });
});
