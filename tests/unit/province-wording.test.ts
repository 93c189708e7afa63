// Province setup that works by default: achievement rates stored rounded as shown, report wording about the units
// that report taken from their kind (not from free text typed in Settings), office names compared by their place.
import { describe, expect, it } from 'vitest';
import { rateCell } from '../../src-main/excel/consolidated/summary-sheet';
import { officeKey, sameOffice } from '../../src-main/features/province-verify';
import { capText, CELL_LIMIT } from '../../src-main/excel/upward/write';
import { narrativeFor } from '../../src-main/features/consolidation-upward-package';
import type { Consolidation } from '../../src-main/contract/consolidation';

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

  it("caps a text cell under Excel's limit with a note saying where the rest is", () => {
    const long = Array.from({ length: 2000 }, (_, k) => `Đơn vị ${k}: tổ chức tuyên truyền pháp luật cho đoàn viên.`).join('\n');
    expect(long.length).toBeGreaterThan(CELL_LIMIT);
    const cut = capText(long, '(xem đầy đủ trong báo cáo Word)');
    expect(cut.length).toBeLessThanOrEqual(CELL_LIMIT);
    expect(cut.endsWith('(xem đầy đủ trong báo cáo Word)')).toBe(true);
    expect(capText('ngắn', 'x')).toBe('ngắn');
  });
});

describe('the package narrative', () => {
  const items = Array.from({ length: 60 }, (_, k) => ({
    unitCode: `U${k}`,
    unitName: `Công đoàn cơ sở số ${k}`,
    heading: 'Kết quả nổi bật',
    text: 'Tổ chức tuyên truyền pháp luật. '.repeat(25),
  }));
  const c = {
    submitted: 60,
    expected: 62,
    onTime: 58,
    late: 2,
    narrative: [{ key: 'results', heading: 'Kết quả nổi bật', items }],
  } as unknown as Consolidation;

  it("never puts more than Excel's 32,767 characters in a cell, and says where the rest is", () => {
    const raw = items.map((i) => `${i.unitName}: ${i.text}`).join('\n');
    expect(raw.length).toBeGreaterThan(CELL_LIMIT);
    const [results] = narrativeFor(c, null);
    expect(results!.text.length).toBeLessThanOrEqual(CELL_LIMIT);
    expect(results!.text).toMatch(/xem đầy đủ trong báo cáo Word gửi kèm\)$/);
    expect(results!.text.startsWith('Có 60/62 đơn vị báo cáo')).toBe(true);
  });

  it("takes the office's curated sentences when it made them", () => {
    const [results, practices] = narrativeFor(c, { results: ['Toàn huyện tổ chức 320 buổi tuyên truyền.', 'Xây mới 12 nhà Mái ấm.'] });
    expect(results!.text).toBe('Toàn huyện tổ chức 320 buổi tuyên truyền.\nXây mới 12 nhà Mái ấm.');
    expect(practices!.text).toBe('');
  });
});
