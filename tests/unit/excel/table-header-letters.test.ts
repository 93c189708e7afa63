// findTable (table-header.ts) folds only cells with a character from 'A' up when it looks for header rows: numbers,
// dates and column numbers hold no header word. Headers written in plain capitals, in Vietnamese, or with numbers
// all around are still found where they are.
import { describe, expect, it } from 'vitest';
import { findTable } from '../../../src-main/excel/report/table-header';
import { sheetText } from '../../../src-main/excel/report/sheet-text';
import type { Cell, SheetGrid } from '../../../src-main/excel/xlsx/grid';

const grid = (rows: (string | number | null)[][]): SheetGrid => ({
  name: 'S',
  state: 'visible',
  merges: [],
  rows: rows.map((r) => r.map((v): Cell | undefined => (v === null ? undefined : typeof v === 'number' ? { v, k: 'n' } : { v, k: 's' }))),
});
const layout = (rows: (string | number | null)[][]) => findTable(sheetText(grid(rows), []));

describe('findTable header search', () => {
  it('finds headers in plain capitals and in Vietnamese among rows of numbers', () => {
    const numbers = [
      ['2024', '15/7/2024', 12, 3.5],
      ['(1)', '(2)', '(3)', '(4)'],
      ['1.234.567', '-', '%', '#'],
    ];
    for (const header of [
      ['STT', 'NOI DUNG', 'DVT', 'KET QUA'],
      ['TT', 'Nội dung', 'Đơn vị tính', 'Kết quả thực hiện'],
      ['STT', 'NỘI DUNG', 'ĐVT', 'SỐ LƯỢNG'],
    ]) {
      const t = layout([...numbers, header, [1, 'Số buổi tuyên truyền', 'buổi', 12], [2, 'Số người tham gia', 'người', 340]]);
      expect(t?.headerTop).toBe(3);
      expect(t?.columns.label).toBe(1);
      expect(t?.columns.value).toBe(3);
      expect(t?.dataStart).toBe(4);
    }
  });

  it('finds no header in rows of numbers, dates and punctuation only', () => {
    expect(
      layout([
        ['1', '2', '3'],
        ['(1)', '(2) = (1)', '15/7/2024'],
        [1, 2, 3],
      ]),
    ).toBeNull();
  });
});
