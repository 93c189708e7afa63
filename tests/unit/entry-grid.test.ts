// The manual-entry grid's rules (src-renderer/lib/entry-grid.ts): Excel's clipboard text, where a paste lands,
// Enter/Tab moves, and a typed cell read the Vietnamese way.
import { describe, expect, it } from 'vitest';
import { nextCell, parseClipboardBlock, placeBlock, readCell } from '../../src-renderer/lib/entry-grid';

describe('parseClipboardBlock', () => {
  it('reads tab-separated rows with CR LF lines and the trailing line break Excel adds', () => {
    expect(parseClipboardBlock('12\t45,5\r\n1.234\t\r\n3\t7\r\n')).toEqual([
      ['12', '45,5'],
      ['1.234', ''],
      ['3', '7'],
    ]);
  });
  it('reads LF-only text, a single cell, and quoted cells holding a tab, a line break or a quote', () => {
    expect(parseClipboardBlock('1\n2')).toEqual([['1'], ['2']]);
    expect(parseClipboardBlock('1.234,5')).toEqual([['1.234,5']]);
    expect(parseClipboardBlock('"a\tb"\t"dòng 1\r\ndòng 2"\t"nói ""có"""\r\n')).toEqual([['a\tb', 'dòng 1\r\ndòng 2', 'nói "có"']]);
  });
});

describe('placeBlock', () => {
  const size = { rows: 4, cols: 2 };
  it('fills from the focused cell down and right, clipped to the grid, counting what fell outside', () => {
    const r = placeBlock(
      [
        ['1', '2'],
        ['3', '4'],
        ['5', '6'],
      ],
      { row: 2, col: 0 },
      size,
    );
    expect(r.cells).toEqual([
      { row: 2, col: 0, text: '1' },
      { row: 2, col: 1, text: '2' },
      { row: 3, col: 0, text: '3' },
      { row: 3, col: 1, text: '4' },
    ]);
    expect(r.dropped).toBe(2);
  });
  it('skips cells the row does not have (no second measure), counting them when they hold text', () => {
    const r = placeBlock(
      [
        ['1', '2'],
        ['3', ''],
      ],
      { row: 0, col: 0 },
      size,
      (p) => !(p.row === 0 && p.col === 1) && !(p.row === 1 && p.col === 1),
    );
    expect(r.cells.map((c) => c.text)).toEqual(['1', '3']);
    expect(r.dropped).toBe(1);
  });
});

describe('nextCell', () => {
  const size = { rows: 3, cols: 2 };
  it('Enter goes down the column, Shift+Enter up; none past the edge', () => {
    expect(nextCell('Enter', false, { row: 0, col: 1 }, size)).toEqual({ row: 1, col: 1 });
    expect(nextCell('Enter', true, { row: 1, col: 0 }, size)).toEqual({ row: 0, col: 0 });
    expect(nextCell('Enter', false, { row: 2, col: 0 }, size)).toBeNull();
  });
  it('Tab goes right then to the next row, Shift+Tab back; cells a row lacks are skipped', () => {
    expect(nextCell('Tab', false, { row: 0, col: 0 }, size)).toEqual({ row: 0, col: 1 });
    expect(nextCell('Tab', false, { row: 0, col: 1 }, size)).toEqual({ row: 1, col: 0 });
    expect(nextCell('Tab', true, { row: 1, col: 0 }, size)).toEqual({ row: 0, col: 1 });
    expect(nextCell('Tab', false, { row: 0, col: 0 }, size, (p) => p.col === 0)).toEqual({ row: 1, col: 0 });
    expect(nextCell('Enter', false, { row: 0, col: 1 }, size, (p) => p.row !== 1)).toEqual({ row: 2, col: 1 });
  });
});

describe('readCell', () => {
  it('reads numbers the Vietnamese way and the words offices write', () => {
    expect(readCell('1.234,5', true)).toEqual({ value: 1234.5, error: null });
    expect(readCell('45.500.000', true).value).toBe(45500000);
    expect(readCell('-', true).value).toBe(0);
    expect(readCell('x', true).value).toBe('không áp dụng');
    expect(readCell('  ', true)).toEqual({ value: null, error: null });
    expect(readCell('Bữa cơm công đoàn', false).value).toBe('Bữa cơm công đoàn');
  });
  it('says at the cell when the text is not a number', () => {
    expect(readCell('ba buổi', true).error).toMatch(/"ba buổi" không phải là số/);
    expect(readCell('12 triệu', true).error).toMatch(/không phải là số/);
    expect(readCell('-5', true)).toEqual({ value: -5, error: null }); // the value checks hold it (negative), as at import
  });
});
