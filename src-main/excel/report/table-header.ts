// Locating the result table in a sheet: the header row by its labels (findHeaderRow), multi-row headers
// (a merged group like "Kết quả" over "Số lượng | Trị giá"), and the column-number row "(1) (2) ...".
import { findHeaderRow, type HeaderSpec } from '../header-row';
import { cachedFoldKey as foldKey } from './fold-cache';
import type { SheetText } from './sheet-text';

export type Field = 'stt' | 'label' | 'unit' | 'target' | 'value' | 'note';

const BASE: Record<Field, string[]> = {
  stt: ['stt', 'tt', 'so tt', 'so thu tu'],
  label: [
    'noi dung',
    'noi dung cong viec',
    'noi dung chi tieu',
    'ten chi tieu',
    'hang muc',
    'cac chi tieu',
    'dien giai',
    'noi dung hoat dong',
    'cac noi dung',
  ],
  unit: ['don vi tinh', 'dvt', 'don vi', 'd v t'],
  target: ['chi tieu', 'ke hoach', 'chi tieu ke hoach', 'chi tieu giao', 'so dang ky', 'dang ky', 'muc tieu'],
  value: ['ket qua', 'ket qua thuc hien', 'so luong', 'thuc hien', 'so lieu', 'ket qua dat duoc', 'gia tri', 'tong so'],
  note: ['ghi chu'],
};

function spec(labelIsChiTieu: boolean): HeaderSpec<Field> {
  return {
    stt: { aliases: BASE.stt },
    label: { aliases: labelIsChiTieu ? [...BASE.label, 'chi tieu'] : BASE.label, required: true },
    unit: { aliases: BASE.unit },
    target: { aliases: labelIsChiTieu ? BASE.target.filter((a) => a !== 'chi tieu') : BASE.target },
    value: { aliases: BASE.value, required: true },
    note: { aliases: BASE.note },
  };
}

/** Built once (findHeaderRow caches alias fits per spec object). */
const SPEC = spec(false);
const SPEC_CHI_TIEU = spec(true);

export interface TableLayout {
  /** First and last header rows (0-based). */
  headerTop: number;
  headerBottom: number;
  /** First data row. */
  dataStart: number;
  columns: Partial<Record<Field, number>>;
  /** Other value columns in the same merged group as `value` (header text per column). */
  extra: { col: number; header: string }[];
  /** The merged group over the value column ("Kết quả thực hiện" over Quý I..Cả năm), visible sub-columns only. */
  group: { row: number; col: number; cols: { col: number; header: string; sub: string }[] } | null;
  /** Hidden columns with a header inside the table's header rows (never read; see value-column.ts). */
  hidden: { col: number; row: number; header: string }[];
  /** The header was only found by reading hidden columns too. */
  usesHidden: boolean;
}

/** "(1)", "5", "(A)", and column formulas "(6)=(5)/(4)", "(7) = (5) - (4)", "8=6x100/7". */
const COLUMN_NUMBER = /^\(?\s*(?:\d{1,2}|[A-Z])\s*\)?(?:\s*[-=+*/x×:]\s*\(?\s*(?:\d{1,2}|[A-Z])\s*\)?)*$/;
const isColumnNumber = (s: string): boolean => COLUMN_NUMBER.test(s);

/** The row of column numbers under a header (also met again further down, e.g. after a page break). */
export function isColumnNumberRow(row: readonly string[]): boolean {
  const cells = row.filter((s) => s !== '');
  return cells.length >= 3 && cells.every(isColumnNumber);
}

const HINT = /noi dung|chi tieu|ket qua|so luong|thuc hien|so lieu|gia tri|tong so|hang muc|dien giai/;
const HIDDEN_HINT =
  /noi dung|chi tieu|ket qua|so luong|thuc hien|so lieu|gia tri|tong so|hang muc|dien giai|ke hoach|ghi chu|don vi|dvt|ty le|nam \d{4}|quy |thang /;

/**
 * Whether `t` has a character from 'A' (65) up: below it are only digits, spaces and punctuation, which fold to no
 * letter, so numbers and dates never need folding to know they hold no header word.
 */
function hasLetter(t: string): boolean {
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) >= 65) return true;
  return false;
}

/**
 * Only rows that could be (part of) a header are handed to findHeaderRow; the others become empty rows,
 * so the search costs a few folds instead of folding every cell of the top 40 rows twice. Cells are passed
 * already folded; only the column indices of the match are used.
 */
function headerCandidates(grid: readonly string[][], scan: number, hidden?: ReadonlySet<number>): string[][] {
  const out: string[][] = [];
  const keep = new Set<number>();
  for (let r = 0; r < Math.min(grid.length, scan); r++) {
    const row = grid[r] ?? [];
    let hit = false;
    for (const t of row) {
      if (t && t.length < 80 && hasLetter(t) && HINT.test(foldKey(t))) {
        hit = true;
        break;
      }
    }
    if (hit) for (const k of [r - 1, r, r + 1]) keep.add(k);
  }
  // Pre-folded (foldKey is idempotent), so the matcher's own folding is cheap on plain ASCII.
  for (let r = 0; r < Math.min(grid.length, scan); r++)
    out.push(keep.has(r) ? (grid[r] ?? []).map((t, c) => (t && !hidden?.has(c) ? foldKey(t) : '')) : []);
  return out;
}

export function findTable(st: SheetText): TableLayout | null {
  const grid = st.filled;
  const hiddenCols = st.sheet.hiddenCols;
  // Hidden columns are left out of the header search, so a visible column of the same meaning wins; only a table
  // that cannot be found without them is read from them (and flagged by the caller).
  let usesHidden = false;
  const find = (hidden?: ReadonlySet<number>) => {
    const cand = headerCandidates(grid, 40, hidden);
    return findHeaderRow(cand, SPEC, 40) ?? findHeaderRow(cand, SPEC_CHI_TIEU, 40);
  };
  let match = find(hiddenCols);
  if (!match && hiddenCols) {
    match = find();
    usesHidden = !!match;
  }
  if (!match) return null;
  const isHidden = (c: number): boolean => !usesHidden && !!hiddenCols?.has(c);
  const cols = match.columns;
  let top = match.rowIndex;
  const labelCol = cols.label ?? 0;
  const valueCol = cols.value ?? 0;
  // The matched row may be the lower row of a two-row header; the group row above shares the label cell.
  if (top > 0 && grid[top - 1]?.[labelCol] === grid[top]?.[labelCol] && grid[top]?.[labelCol]) top--;
  let bottom = match.rowIndex;
  // Extend down over continuation rows: the label cell repeats (vertical merge) and nothing looks like data.
  for (let r = bottom + 1; r < Math.min(grid.length, bottom + 4); r++) {
    const row = grid[r] ?? [];
    const same = row[labelCol] !== '' && row[labelCol] === grid[bottom]?.[labelCol];
    if (!same) break;
    bottom = r;
  }
  let dataStart = bottom + 1;
  while (dataStart < grid.length && isColumnNumberRow(grid[dataStart] ?? [])) dataStart++;

  const headerOf = (c: number): string => {
    const parts: string[] = [];
    for (let r = top; r <= bottom; r++) {
      const t = grid[r]?.[c] ?? '';
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    return parts.join(' / ');
  };
  const extra: { col: number; header: string }[] = [];
  const columns = { ...cols };
  let groupInfo: TableLayout['group'] = null;
  if (bottom > top) {
    // A merged group over the value column: its first sub-column is the value, the others are extras
    // (value-column.ts may pick another sub-column when they are periods).
    const group = grid[top]?.[valueCol] ?? '';
    // Sub-columns that are another field ("Năm 2024" over "Kế hoạch | Thực hiện": the plan) are never the value.
    const otherFields = new Set(
      Object.entries(cols)
        .filter(([f]) => f !== 'value')
        .map(([, c]) => c),
    );
    const groupCols: number[] = [];
    for (let c = 0; c < st.width; c++)
      if ((grid[top]?.[c] ?? '') === group && group && !isHidden(c) && !otherFields.has(c)) groupCols.push(c);
    const mapped = new Set(Object.values(columns));
    const first = groupCols[0];
    if (groupCols.length > 1 && first !== undefined) {
      columns.value = first;
      for (const c of groupCols.slice(1)) if (!mapped.has(c) || c === valueCol) extra.push({ col: c, header: headerOf(c) });
      const from = st.mergedFrom.get(top * 16384 + first);
      groupInfo = {
        row: from ? from[0] : top,
        col: from ? from[1] : first,
        cols: groupCols.map((c) => ({ col: c, header: headerOf(c), sub: grid[bottom]?.[c] ?? '' })),
      };
    }
  }
  // Hidden columns whose header names table content (a hidden helper column of codes is not flagged).
  const hidden: TableLayout['hidden'] = [];
  if (hiddenCols && !usesHidden) {
    for (const c of hiddenCols) {
      for (let r = top; r <= bottom; r++) {
        const t = st.text[r]?.[c];
        if (t) {
          const header = headerOf(c);
          if (HIDDEN_HINT.test(foldKey(header))) hidden.push({ col: c, row: r, header });
          break;
        }
      }
    }
  }
  // Two different columns for the same meaning cannot both be the value: keep the mapped one only.
  const used = new Set(Object.values(columns));
  for (let i = extra.length - 1; i >= 0; i--) {
    const e = extra[i];
    if (e && used.has(e.col)) extra.splice(i, 1);
  }
  return { headerTop: top, headerBottom: bottom, dataStart, columns, extra, group: groupInfo, hidden, usesHidden };
}

/** Folded key of a header cell (exported for tests and diagnostics). */
