// Where a numbered heading may start inside a one-paragraph cell: the scanner (inlineNumberStarts) finds exactly
// what the regex it replaces finds, on random text built from the characters that matter.
import { describe, expect, it } from 'vitest';
import { inlineNumberStarts } from '../../../src-main/excel/report/narrative';

const REGEX = /\s(?=(?:\d{1,2}|[IVX]{1,4})[.)]\s*\S)/g;
const viaRegex = (s: string): number[] => [...s.matchAll(REGEX)].map((m) => m.index);

describe('inline numbering', () => {
  it('matches the regex on random text', () => {
    const alphabet = [
      ' ',
      ' ',
      '\u00a0',
      '\t',
      '\n',
      '\u2003',
      '1',
      '2',
      '0',
      '9',
      'I',
      'V',
      'X',
      'I',
      '.',
      '.',
      ')',
      ')',
      'a',
      'ạ',
      'i',
      'H',
      ':',
    ];
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) >>> 0) % n;
    for (let k = 0; k < 30_000; k++) {
      let s = '';
      for (let len = rnd(32); len > 0; len--) s += alphabet[rnd(alphabet.length)];
      expect(inlineNumberStarts(s), JSON.stringify(s)).toEqual(viaRegex(s));
    }
  });

  it('finds the headings of a typed paragraph', () => {
    const s = '1. Kết quả nổi bật: sửa 02 căn nhà. 2. Hạn chế: ít kinh phí. III) Kiến nghị: thêm kinh phí. Năm 2024.';
    expect(inlineNumberStarts(s)).toEqual(viaRegex(s));
    expect(inlineNumberStarts(s).map((w) => s.slice(w + 1, w + 4))).toEqual(['2. ', 'III']);
  });
});
