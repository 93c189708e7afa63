// Province setup that works by default: achievement rates stored rounded as shown, report wording about the units
// that report taken from their kind (not from free text typed in Settings), office names compared by their place.
import { describe, expect, it } from 'vitest';
import { rateCell } from '../../src-main/excel/consolidated/summary-sheet';
import { officeKey, sameOffice } from '../../src-main/features/province-verify';
import { capText, CELL_LIMIT } from '../../src-main/excel/upward/write';

describe('rates and names', () => {
  it('stores an achievement rate rounded as shown', () => {
    expect(rateCell(144.8)).toBe(1.448);
    expect(String(rateCell(133.3))).toBe('1.333');
    expect(rateCell(null)).toBeNull();
  });

  it('compares an office name by its place, whatever the abbreviation', () => {
    expect(officeKey('Liên đoàn Lao động huyện Hậu Lộc')).toBe('hau loc');
    expect(sameOffice('LĐLĐ huyện Hậu Lộc', { name: 'Liên đoàn Lao động huyện Hậu Lộc', aliases: [] })).toBe(true);
    expect(sameOffice('Liên đoàn Lao động huyện Hậu Lộc', { name: 'Liên đoàn Lao động huyện Hoằng Hóa', aliases: [] })).toBe(false);
    expect(sameOffice('LĐLĐ Hoằng Hoá', { name: 'Liên đoàn Lao động huyện Hoằng Hóa', aliases: [] })).toBe(true);
  });

  it('caps a text cell under Excel\'s limit with a note saying where the rest is', () => {
    const long = Array.from({ length: 2000 }, (_, k) => `Đơn vị ${k}: tổ chức tuyên truyền pháp luật cho đoàn viên.`).join('\n');
    expect(long.length).toBeGreaterThan(CELL_LIMIT);
    const cut = capText(long, '(xem đầy đủ trong báo cáo Word)');
    expect(cut.length).toBeLessThanOrEqual(CELL_LIMIT);
    expect(cut.endsWith('(xem đầy đủ trong báo cáo Word)')).toBe(true);
    expect(capText('ngắn', 'x')).toBe('ngắn');
  });
});
