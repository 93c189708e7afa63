// foldKey gives a key that is already folded back as it is, without folding it again (vi-text.ts): the same result
// as the whole fold on every string, folded keys, near-keys (capitals, double or edge spaces, marks) and random text.
import { describe, expect, it } from 'vitest';
import { fold, foldKey } from '../../src-main/text/vi-text';

/** foldKey written out in full (the reference). */
const slow = (s: string): string =>
  fold(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

describe('foldKey on folded keys', () => {
  it('gives what the full fold gives', () => {
    const cases = [
      '',
      'noi dung',
      'ket qua thuc hien',
      'quy 2 2024',
      'a',
      '7',
      'noi  dung',
      ' noi dung',
      'noi dung ',
      'Noi dung',
      'nội dung',
      'noi\tdung',
      'noi-dung',
      'đ',
      'noi\u00a0dung',
      'noi dung\u0301',
      'x ',
      ' ',
      '  ',
    ];
    for (const s of cases) expect(foldKey(s)).toBe(slow(s));
    let x = 11;
    const alphabet = ['a', 'z', 'q', '0', '9', ' ', ' ', 'A', 'Đ', 'ộ', '-', '.', '\u0301', '\u00a0', '\t', 'ß', 'İ'];
    for (let n = 0; n < 5000; n++) {
      let s = '';
      for (let i = (n % 12) + 1; i > 0; i--) {
        x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
        s += alphabet[(x >>> 8) % (n % 3 === 0 ? 7 : alphabet.length)];
      }
      expect(foldKey(s)).toBe(slow(s));
      expect(foldKey(foldKey(s))).toBe(foldKey(s));
    }
  });
});
