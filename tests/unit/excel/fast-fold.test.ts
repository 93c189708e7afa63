// The reader's table fold (fast-fold.ts) gives exactly vi-text fold() — for every character of its table, and on
// random text mixing Vietnamese letters, marks (decomposed text), spaces of every kind and characters outside it.
import { describe, expect, it } from 'vitest';
import { fold, foldKey } from '../../../src-main/text/vi-text';
import { fastFold, foldedStarts, startsIn } from '../../../src-main/excel/report/fast-fold';
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

  it('startsIn answers what its definition on fold() answers, for every table character first and second', () => {
    const sets = [
      foldedStarts(['k', 'c', 'h', 'd', 'p', 'b', 'u', 't', 'n'], ['ke', 'ca', 'ha', 'kh', 'ki', 'de', 'da', 'ph', 'ba', 'uu', 'to', 'nh']),
      foldedStarts(['n', 't', 'c', 'p', 'x'], ['no', 'tm', 't/', 'ng', 'th', 'ch', 'ph', 'xa']),
    ];
    const want = (s: string, i: number): boolean => {
      const set = [sets[0], sets[1]][i]!;
      const two = fold(s.slice(0, 2));
      return set.ones.has(fold(s.charAt(0))) && (two.length !== 2 || set.twos.has(two));
    };
    const seconds = ['', 'h', 'M', '/', ' ', '\u0301', 'ư', 'Ư', '\u00a0', '漢', '😀', 'ß', '1', 'ǅ'];
    let n = 0;
    for (let c = 0; c < 0x2100; c++) {
      for (const second of seconds) {
        const s = String.fromCharCode(c) + second + ' dung';
        for (const i of [0, 1]) {
          expect(startsIn(s, sets[i]!), `${JSON.stringify(s)} ${i}`).toBe(want(s, i));
          if (want(s, i)) n++;
        }
      }
    }
    expect(n).toBeGreaterThan(100); // the sets are met, not only missed
    for (const s of ['', 'k', 'K', 'Đ', 'Kh', 'KHÓ', 'Nơi nhận', 'T/M', 'TM.', 'Thủ trưởng', 'x', '\u0301k', 'ke\u0301']) {
      for (const i of [0, 1]) expect(startsIn(s, sets[i]!), `${JSON.stringify(s)} ${i}`).toBe(want(s, i));
    }
  });
});
