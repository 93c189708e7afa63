// The reader's table fold (fast-fold.ts) gives exactly vi-text fold() — for every character of its table, and on
// random text mixing Vietnamese letters, marks (decomposed text), spaces of every kind and characters outside it.
import { describe, expect, it } from 'vitest';
import { fold, foldKey } from '../../../src-main/text/vi-text';
import { fastFold } from '../../../src-main/excel/report/fast-fold';
import { cachedFold, cachedFoldKey } from '../../../src-main/excel/report/fold-cache';

describe('table fold', () => {
  it('folds every single character as fold() does', () => {
    for (let c = 0; c < 0x2100; c++) {
      const s = String.fromCharCode(c);
      expect(fastFold(s), `U+${c.toString(16)}`).toBe(fold(s));
      expect(fastFold(`a${s}b`), `U+${c.toString(16)}`).toBe(fold(`a${s}b`));
    }
  });

  it('folds random text as fold() does', () => {
    const pool = [
      ...'aAđĐơƯươỞỠẠạệỆiİ Σσ\t\n\u00a0\u2003\u3000\ufeff',
      'e\u0301',
      'o\u0302\u0303',
      '\u0323',
      '\u0301',
      '  ',
      'Nội dung',
      'KẾT QUẢ',
      '漢',
      '😀',
      'ß',
      'ẞ',
      'ǅ',
      'Ⅻ',
      '—',
      '₫',
      '\u2028',
    ];
    let seed = 11;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) >>> 0) % n;
    for (let k = 0; k < 20_000; k++) {
      let s = '';
      for (let len = rnd(12); len > 0; len--) s += pool[rnd(pool.length)];
      expect(fastFold(s), JSON.stringify(s)).toBe(fold(s));
      expect(cachedFold(s), JSON.stringify(s)).toBe(fold(s));
      expect(cachedFoldKey(s), JSON.stringify(s)).toBe(foldKey(s));
    }
  });
});
