// A second report on a hidden sheet is said at its cell, never dropped silently: another unit's report is an error
// (that unit would count as not submitted), a table of the same unit a warning; the visible report is the one read.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src-main/excel/report/parse-report';
import { writeXlsx, type Writer, type XValue } from '../../fixtures/gen/xlsx-writer';

const report = (unit: string, v: number): XValue[][] => [
  ['LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU'],
  [`CÔNG ĐOÀN CƠ SỞ ${unit.toUpperCase()}`],
  [],
  ['BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN NĂM 2024'],
  [],
  ['STT', 'Nội dung', 'ĐVT', 'Kết quả'],
  [1, 'Số buổi tuyên truyền', 'buổi', v],
];

describe.each<Writer>(['inline', 'shared'])('a second report on a hidden sheet (%s writer)', (w) => {
  it("another unit's report there is an error at its unit cell, saying the sheet is hidden", async () => {
    const bytes = writeXlsx(
      [
        { name: 'THCS Nguyễn Du', rows: report('Trường THCS Nguyễn Du', 5) },
        { name: 'Phước Minh', state: 'hidden', rows: report('Trường Tiểu học Phước Minh', 9) },
      ],
      w,
    );
    for (const forceExceljs of [false, true]) {
      const p = await parseReport(bytes, 'two.xlsx', { forceExceljs });
      expect(p.sheet).toBe('THCS Nguyễn Du');
      expect(p.rows.map((r) => r.value)).toEqual([5]);
      const flag = p.issues.filter((i) => i.sheet === 'Phước Minh');
      expect(flag).toHaveLength(1);
      expect(flag[0]).toMatchObject({ severity: 'error', cell: 'A2' });
      expect(flag[0]?.message).toMatch(/^Sheet 'Phước Minh', ô A2 \(sheet đang bị ẩn\): .*Phước Minh.*hãy tách/i);
    }
  });

  it('a table of the same unit there is a warning asking to unhide it', async () => {
    const bytes = writeXlsx(
      [
        { name: 'Báo cáo', rows: report('Trường THCS Nguyễn Du', 5) },
        { name: 'Bản cũ', state: 'hidden', rows: report('Trường THCS Nguyễn Du', 4) },
      ],
      w,
    );
    const p = await parseReport(bytes, 'same.xlsx');
    expect(p.rows.map((r) => r.value)).toEqual([5]);
    const flag = p.issues.filter((i) => i.sheet === 'Bản cũ');
    expect(flag).toHaveLength(1);
    expect(flag[0]).toMatchObject({ severity: 'warning', cell: 'B6' });
    expect(flag[0]?.message).toMatch(/đang bị ẩn.*bỏ ẩn sheet/);
  });
});
