// The plain grid every workbook reader (fast scanner or exceljs fallback) produces, plus A1 address helpers.
// Cells are sparse rows of small objects; merges are kept as ranges and never materialised per cell.

type CellKind = 's' | 'n' | 'b' | 'e' | 'd';

export interface CellRun {
  text: string;
  /** Font name of this rich-text run when it is a legacy Vietnamese font (.VnTime, VNI-Times...), else null. */
  font: string | null;
}

export interface Cell {
  /** Text for 's' and 'e' (e.g. "#REF!") and 'd' (ISO text), number for 'n', boolean for 'b'; null = no value. */
  v: string | number | boolean | null;
  k: CellKind;
  /** Formula text (never evaluated), truncated; present when the cell holds a formula. */
  f?: string;
  /** The formula has no cached result (never calculated by the writer). */
  noCache?: true;
  /** Legacy Vietnamese font of the cell style or of its rich-text runs. */
  font?: string;
  /** Rich-text runs, kept only when some run uses a legacy font (so each run can be converted by its own font). */
  runs?: CellRun[];
  /** Number formatted as a date or time (serial in `v`, see WorkbookGrid.date1904). */
  date?: true;
  /** Number formatted as a percent ("0%", "0.0%"): 0.95 shows as 95%. */
  pct?: true;
  /** Text `v` is known to be left as it is by vi-text clean() (shared strings of a tidy part); absent: not known. */
  clean?: true;
}

export interface Range {
  /** 0-based, inclusive. */
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetGrid {
  name: string;
  state: SheetState;
  /** rows[r][c], 0-based; holes are empty cells. */
  rows: (Cell | undefined)[][];
  merges: Range[];
  /** Head scans only (see scanSheet): rows whose cells after the first few were not read. */
  cutRows?: number[];
  /** 0-based rows and columns hidden in the sheet (absent when none). */
  hiddenRows?: Set<number>;
  hiddenCols?: Set<number>;
  /** Text boxes drawn on the sheet (drawing shapes), in drawing order. */
  textBoxes?: TextBox[];
}

export interface TextBox {
  /** 0-based row of the box's top-left anchor; null when not anchored to a cell. */
  row: number | null;
  paragraphs: string[];
}

export interface ReaderIssue {
  sheet: string | null;
  cell: string | null;
  severity: 'fatal' | 'error' | 'warning';
  message: string;
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
  date1904: boolean;
  reader: 'fast' | 'exceljs';
  issues: ReaderIssue[];
}

/** 0-based column -> "A", "B", ..., "AA". */
export function colName(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based row/col -> "E12". */
export function a1(r: number, c: number): string {
  return `${colName(c)}${r + 1}`;
}

/** "E12" -> { r: 11, c: 4 }; "$E$12" accepted; null when malformed or absurd. */
export function parseA1(ref: string): { r: number; c: number } | null {
  let i = 0;
  let c = 0;
  const n = ref.length;
  if (ref.charCodeAt(i) === 36) i++;
  const c0 = i;
  while (i < n) {
    const ch = ref.charCodeAt(i) & ~32;
    if (ch < 65 || ch > 90) break;
    c = c * 26 + (ch - 64);
    i++;
  }
  if (i === c0 || i - c0 > 3) return null;
  if (ref.charCodeAt(i) === 36) i++;
  let r = 0;
  const r0 = i;
  while (i < n) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    r = r * 10 + d;
    i++;
  }
  if (i === r0 || i - r0 > 7 || r < 1) return null;
  return { r: r - 1, c: c - 1 };
}

/** "A1:C3" (or a single "B2") -> Range; null when malformed. */
export function parseRange(ref: string): Range | null {
  const colon = ref.indexOf(':');
  const a = parseA1(colon < 0 ? ref : ref.slice(0, colon));
  const b = colon < 0 ? a : parseA1(ref.slice(colon + 1));
  if (!a || !b) return null;
  return { r1: Math.min(a.r, b.r), c1: Math.min(a.c, b.c), r2: Math.max(a.r, b.r), c2: Math.max(a.c, b.c) };
}

/** Text of a cell as a trimmed string ('' when empty). Numbers use plain JS formatting. */
export function cellText(cell: Cell | undefined): string {
  if (!cell || cell.v === null) return '';
  return typeof cell.v === 'string' ? cell.v.trim() : String(cell.v);
}
