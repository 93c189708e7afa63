// mayHaveTable (sheet-choice.ts) passes over text without whitespace before folding: every hint is two words.
// Whitespace of any kind (no-break space, tab, line break) between the words still counts, as fold() makes it a space.
import { describe, expect, it } from 'vitest';
import { mayHaveTable } from '../../../src-main/excel/report/sheet-choice';
import type { Cell, SheetGrid } from '../../../src-main/excel/xlsx/grid';

const grid = (rows: (string | number)[][]): SheetGrid => ({
  name: 'S',
  state: 'visible',
  merges: [],
  rows: rows.map((r) => r.map((v): Cell => (typeof v === 'number' ? { v, k: 'n' } : { v, k: 's' }))),
});

describe('mayHaveTable', () => {
  it('finds a header whose words are parted by any whitespace', () => {
    expect(mayHaveTable(grid([['STT', 'Nội dung', 'Kết quả']]))).toBe(true);
    expect(mayHaveTable(grid([['STT', 'Nội\u00a0dung', 'Kết\tquả']]))).toBe(true);
    expect(mayHaveTable(grid([['Tên\nchỉ tiêu'], [], ['Nội\u2003dung', 'Số\nlượng']]))).toBe(true);
  });

  it('passes over rows whose cells have no whitespace, and lists of names and phone numbers', () => {
    expect(mayHaveTable(grid([['TT', 'Nộidung', 'Kếtquả']]))).toBe(false);
    expect(mayHaveTable(grid([['Nội-dung', 'Kết-quả']]))).toBe(false);
    const list = Array.from({ length: 30 }, (_, i) => [i + 1, 'Nguyễn Văn An', `09${String(i).padStart(8, '0')}`, 'Hội trường xã']);
    expect(mayHaveTable(grid([['TT', 'Họ tên', 'Điện thoại', 'Địa điểm'], ...list]))).toBe(false);
  });

  it('lets a legacy-font cell through whatever its text', () => {
    const g = grid([['Néi']]);
    const cell = g.rows[0]?.[0];
    if (cell) cell.font = '.VnTime';
    expect(mayHaveTable(g)).toBe(true);
  });
});
