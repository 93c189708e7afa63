// The sheet scanner's own searches (sheet-scan.ts) give what indexOf/Number give: a row's close tag found from its
// "w>", attribute values and texts read by a short loop before indexOf, plain-digit numbers read without Number();
// and the usual <c r=".." s=".." t=".."> read in place gives the grid the general attribute loop gives.
import { describe, expect, it } from 'vitest';
import { indexOfRowClose, scanSheet, type ScanContext } from '../../../src-main/excel/xlsx/sheet-scan';
import { DEFAULT_LIMITS } from '../../../src-main/bytes/limits';
import type { SheetGrid } from '../../../src-main/excel/xlsx/grid';

const SST = ['Nội dung', 'Kết quả', 'a w> b </row'];
const ctx = (): ScanContext => ({
  sst: (i) => (SST[i] === undefined ? undefined : { text: SST[i] as string }),
  styles: { legacyFont: [undefined, '.VnTime'], isDate: [false, false, true], isPercent: [false, false, false, true] },
  limits: { ...DEFAULT_LIMITS, maxCols: 30, maxRows: 60 },
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
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
    return x;
  };
  const alphabet = ['<', '/', 'r', 'o', 'w', '>', 'x', ':', ' ', 'a', '"', "'"];
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[(next() >>> 8) % alphabet.length];
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

  it('reads usual cell tags in place as the general attribute loop reads them (random sheets, every scan)', () => {
    let x = 7;
    const rnd = (n: number): number => {
      x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
      return (x >>> 8) % n;
    };
    const pick = <T>(a: T[]): T => a[rnd(a.length)] as T;
    const cell = (r: number): string => {
      const col = pick(['A', 'B', 'C', 'Z', 'AA', 'a', '$A', 'XFE', 'ZZZZ']);
      const ref = pick([`${col}${r}`, `${col}${r}`, `${col}${r}`, `${col}0`, `${col}${r}x`, 'A&#49;', `${col}12345678`]);
      const attrs: string[] = [];
      if (rnd(4)) attrs.push(pick([`r="${ref}"`, `r="${ref}"`, `r='${ref}'`]));
      if (rnd(2)) attrs.push(pick(['s="0"', 's="1"', 's="2"', 's="3"', 's="03"', 's="-1"', 's="1.5"', 's=""', "s='2'", 's="9999999999"']));
      if (rnd(2))
        attrs.push(pick(['t="s"', 't="n"', 't="str"', 't="b"', 't="e"', 't="d"', 't="inlineStr"', 't="&#115;"', 't=""', 't="x"']));
      if (rnd(6) === 0) attrs.push(pick(['cm="1"', 'r="B9"', 's="2"', 't="s"']));
      if (rnd(4) === 0) attrs.reverse();
      const head = `<c${attrs.map((a) => ` ${a}`).join('')}${pick(['', '', ' '])}`;
      if (rnd(8) === 0) return `${head}/>`;
      const value = pick(['0', '1', '2', '4', '44615', '1.5', ' 3', '', 'abc', '1e3', '&lt;', '#N/A']);
      const body = pick([
        `<v>${value}</v>`,
        `<f>A1+1</f><v>${value}</v>`,
        '<f/>',
        '<is><t>in w&gt; line</t></is>',
        `<v>${value}</v> `,
        `<v >${value}</v>`,
        `<v>5</v></c><c r="Q${r}"><v>${value}</v>`,
        '',
      ]);
      return `${head}>${body}</c>`;
    };
    for (let n = 0; n < 3000; n++) {
      let rows = '';
      for (let r = 1, last = 1 + rnd(8); r <= last; r++) {
        const rr = pick([r, r, r, r + 40, r * 7]);
        let cells = '';
        for (let c = rnd(6); c > 0; c--) cells += cell(rr);
        rows += `<row${pick([` r="${rr}"`, ` r="${rr}" hidden="1"`, ''])}>${cells}</row>`;
      }
      const usual = sheet(rows);
      // two spaces after "<c": never read in place, always by the general loop
      const general = usual.replace(/<c /g, '<c  ');
      for (const [rowChars, rowLimit] of [
        [0, Infinity],
        [4, Infinity],
        [0, 3],
      ]) {
        const a = ctx();
        const b = ctx();
        const run = (xml: string, c: ScanContext): unknown => {
          try {
            return scanSheet(xml, 'S', 'visible', c, rowChars, rowLimit);
          } catch (e) {
            return String(e);
          }
        };
        expect(run(usual, a)).toEqual(run(general, b));
        expect(a.issues).toEqual(b.issues);
        expect(a.cellCount.n).toBe(b.cellCount.n);
      }
    }
  });
});
