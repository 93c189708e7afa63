// Sorting table rows: Vietnamese collation, numbers as numbers, empties last, stable.
import { describe, expect, it } from 'vitest';
import { compareCells, sortRows } from '../../src-renderer/components/ui/table-sort';

describe('table-sort', () => {
  const names = ['Công đoàn Trường Tiểu học', 'CĐCS Công ty TNHH May mặc 10', 'Ánh Dương', 'CĐCS Công ty TNHH May mặc 2', 'Bình An'];
  it('orders Vietnamese text by the Vietnamese alphabet, with numbers inside text as numbers', () => {
    expect(sortRows(names, (s) => s, 'asc')).toEqual([
      'Ánh Dương',
      'Bình An',
      'CĐCS Công ty TNHH May mặc 2',
      'CĐCS Công ty TNHH May mặc 10',
      'Công đoàn Trường Tiểu học',
    ]);
  });
  it('orders numbers as numbers and keeps empty cells last in both directions', () => {
    const rows = [{ n: 9 }, { n: null }, { n: 100 }, { n: 20 }];
    expect(sortRows(rows, (r) => r.n, 'asc').map((r) => r.n)).toEqual([9, 20, 100, null]);
    expect(sortRows(rows, (r) => r.n, 'desc').map((r) => r.n)).toEqual([100, 20, 9, null]);
  });
  it('is stable and compares cells', () => {
    const rows = [
      { k: 'b', i: 1 },
      { k: 'a', i: 2 },
      { k: 'b', i: 3 },
    ];
    expect(sortRows(rows, (r) => r.k, 'desc').map((r) => r.i)).toEqual([1, 3, 2]);
    expect(compareCells('Đà Nẵng', 'Dung')).toBeGreaterThan(0); // đ comes after d
    expect(compareCells('', 'a')).toBeGreaterThan(0);
  });
});
