// isTidyBetween / cleanIfTidy (text/tidy-text.ts) may only call text clean when vi-text clean() and NFC leave it as it
// is: checked on every BMP character alone and between letters, on double spaces and ends, and on random text.
import { describe, expect, it } from 'vitest';
import { cleanIfTidy, isTidyBetween } from '../../src-main/text/tidy-text';
import { clean } from '../../src-main/text/vi-text';
import { cleanCell } from '../../src-main/excel/report/fold-cache';

const tidyString = (s: string): boolean => isTidyBetween(s, 0, s.length) && cleanIfTidy(s);

describe('tidy text', () => {
  it('says clean only where clean() and NFC change nothing, for every character', () => {
    let tidy = 0;
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}b`, `Đ${ch}ệ`]) {
        if (!tidyString(s)) continue;
        tidy++;
        expect(clean(s), `U+${c.toString(16)}`).toBe(s);
        expect(cleanCell(s), `U+${c.toString(16)}`).toBe(s);
        expect(s.normalize('NFC')).toBe(s);
      }
    }
    expect(tidy).toBeGreaterThan(3000);
  });

  it('refuses double spaces, spaces at the ends, tabs, newlines and no-break spaces', () => {
    for (const s of ['a  b', ' a', 'a ', 'a\tb', 'a\nb', 'a\u00a0b', 'a\u2003b', 'e\u0301'])
      expect(tidyString(s), JSON.stringify(s)).toBe(false);
    for (const s of ['', 'Nội dung công việc', 'a b', '“Mái ấm” – 〃 ₫']) expect(tidyString(s), JSON.stringify(s)).toBe(true);
  });

  it('looks only between the bounds it is given', () => {
    const text = '\r\n<t>Số lượng</t>  <t>x\ty</t>';
    const a = text.indexOf('Số');
    expect(isTidyBetween(text, a, a + 'Số lượng'.length)).toBe(true);
    expect(isTidyBetween(text, a, text.indexOf('x') + 1)).toBe(false); // the two spaces
    expect(isTidyBetween(text, 0, a)).toBe(false); // \r\n
    // a space at the end of the stretch followed by one outside it: the stretch itself has no two spaces
    const end = text.indexOf('</t>  ');
    expect(isTidyBetween(text, a, end + 5)).toBe(true);
    expect(isTidyBetween(text, a, end + 6)).toBe(false);
  });

  it('agrees with clean() on random text', () => {
    const pool = ['a', 'Đ', 'ệ', ' ', '  ', '\t', '\u00a0', 'e\u0301', '.', '“', '—', '\n', '〃', 'ỹ'];
    let seed = 3;
    const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) >>> 0) % n;
    let tidy = 0;
    for (let k = 0; k < 20_000; k++) {
      let s = '';
      for (let n = rnd(10); n > 0; n--) s += pool[rnd(pool.length)];
      if (!tidyString(s)) continue;
      tidy++;
      expect(clean(s), JSON.stringify(s)).toBe(s);
      expect(cleanCell(s), JSON.stringify(s)).toBe(s);
      expect(s.normalize('NFC')).toBe(s);
    }
    expect(tidy).toBeGreaterThan(1000);
  });
});
