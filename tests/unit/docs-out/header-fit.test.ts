// fitName: organisation names in the header's left column — one line when they fit (13 pt, else 12 pt), else two
// lines broken before/after the level word, never inside a place name or a level phrase.
import { describe, expect, it } from 'vitest';
import { fitName, goodBreaks } from '../../../src-main/layout/header-fit';
import { estimateWidthTwip } from '../../../src-main/docs/official-docx/layout';

const words = (s: string): string[] => s.split(' ');
const at = (s: string): string[] => goodBreaks(words(s)).map((i) => `${words(s)[i - 1]} / ${words(s)[i]}`);

describe('fitName', () => {
  it('keeps a name on one line at 13 pt when it fits, else tries 12 pt', () => {
    const w13 = estimateWidthTwip('LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH', 13, false);
    expect(fitName('Liên đoàn Lao động tỉnh Tây Ninh', false, w13)).toMatchObject({
      lines: ['LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH'],
      size: 13,
      fits: true,
    });
    expect(fitName('Liên đoàn Lao động tỉnh Tây Ninh', false, w13 - 10)).toMatchObject({ size: 12, fits: true });
  });

  it('breaks a long name before the level word, the shorter way, never inside the place name', () => {
    const f = fitName('LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU', true, 4400);
    expect(f.lines).toEqual(['LIÊN ĐOÀN LAO ĐỘNG', 'HUYỆN DƯƠNG MINH CHÂU']);
    expect(f.width).toBeLessThanOrEqual(4400);
  });

  it('offers breaks only at level words', () => {
    expect(at('LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH')).toEqual(['ĐỘNG / TỈNH', 'TỈNH / TÂY']);
    expect(at('LIÊN ĐOÀN LAO ĐỘNG THỊ XÃ HÒA THÀNH')).toEqual(['ĐỘNG / THỊ', 'XÃ / HÒA']);
    expect(at('LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HỒ CHÍ MINH')).toEqual(['ĐỘNG / THÀNH', 'PHỐ / HỒ']);
  });

  it('says when nothing fits', () => {
    expect(fitName('LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU', true, 1000).fits).toBe(false);
  });
});
