// The manual-entry grid's pure rules: a block copied from Excel (tab-separated, "\r\n" lines, quoted cells) read
// into rows of cells, where a paste lands (from the focused cell down/right, clipped to the grid), how Enter/Tab
// move (like Excel: Enter down the column, Tab to the right), and a typed cell read the Vietnamese way.
import { classifyBlankWord, NOT_APPLICABLE } from '../../src-main/text/blank-words';
import { parseViNumber } from '../../src-main/text/vi-number';

/** Excel's clipboard text: cells split by tabs, rows by CR LF (or LF), a cell with a tab or a line break in quotes. */
export function parseClipboardBlock(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  let atStart = true;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        i++;
        continue;
      }
      cell += c;
      i++;
      continue;
    }
    if (atStart && c === '"') {
      quoted = true;
      atStart = false;
      i++;
      continue;
    }
    atStart = false;
    if (c === '\t') {
      row.push(cell);
      cell = '';
      atStart = true;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atStart = true;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    cell += c;
    i++;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.map((r) => r.map((s) => s.normalize('NFC').trim()));
}

export interface Pos {
  row: number;
  col: number;
}

/**
 * Where each pasted cell goes, from `at` down and right; `usable(row, col)` says whether a grid cell takes a value
 * (an indicator without a second measure has no such cell). Cells that land outside or on an unusable cell are counted.
 */
export function placeBlock(
  block: string[][],
  at: Pos,
  size: { rows: number; cols: number },
  usable: (p: Pos) => boolean = () => true,
): { cells: (Pos & { text: string })[]; dropped: number } {
  const cells: (Pos & { text: string })[] = [];
  let dropped = 0;
  block.forEach((line, dr) =>
    line.forEach((text, dc) => {
      const p = { row: at.row + dr, col: at.col + dc };
      if (p.row >= size.rows || p.col >= size.cols || !usable(p)) {
        if (text !== '') dropped++;
        return;
      }
      cells.push({ ...p, text });
    }),
  );
  return { cells, dropped };
}

/** The cell Enter / Tab (Shift: back) moves to, skipping unusable cells; null when there is none that way. */
export function nextCell(
  key: 'Enter' | 'Tab',
  shift: boolean,
  from: Pos,
  size: { rows: number; cols: number },
  usable: (p: Pos) => boolean = () => true,
): Pos | null {
  const step = shift ? -1 : 1;
  let p = { ...from };
  for (let guard = 0; guard < size.rows * size.cols + 1; guard++) {
    if (key === 'Enter') p = { row: p.row + step, col: p.col };
    else {
      p = { row: p.row, col: p.col + step };
      if (p.col >= size.cols) p = { row: p.row + 1, col: 0 };
      if (p.col < 0) p = { row: p.row - 1, col: size.cols - 1 };
    }
    if (p.row < 0 || p.row >= size.rows) return null;
    if (usable(p)) return p;
  }
  return null;
}

/**
 * A typed cell: a number the Vietnamese way ("1.234,5"), "-" / "không" as 0, "x" as not applicable; else an error.
 * A negative number is read as typed: the value checks hold it at its cell (as at import) until corrected or confirmed.
 */
export function readCell(text: string, numeric: boolean): { value: number | string | null; error: string | null } {
  const t = text.normalize('NFC').trim();
  if (!t) return { value: null, error: null };
  if (!numeric) return { value: t, error: null };
  const word = classifyBlankWord(t);
  if (word === 'zero') return { value: 0, error: null };
  if (word === 'na') return { value: NOT_APPLICABLE, error: null };
  const p = parseViNumber(t);
  if (!p || p.suffix) return { value: null, error: `"${t}" không phải là số. Gõ chữ số, ví dụ 1.234,5; "x" nếu không áp dụng.` };
  return { value: p.value, error: null };
}
