// Shared styling for official worksheets: Times New Roman fonts, borders, per-sheet layout state (width in
// columns, next free row, table header row), wrapped-row height estimates, and the NĐ 30/2020 page setup.
import type { Alignment, Borders, Cell, Font, Style, Worksheet } from 'exceljs';

export const FONT_NAME = 'Times New Roman';
/** Column widths above this total (Excel width units) switch the sheet to landscape. */
export const LANDSCAPE_ABOVE = 100;
const MM_PER_INCH = 25.4;

export interface SheetState {
  widthCols: number;
  leftCols: number;
  /** Next free row (1-based). */
  next: number;
  tableHeaderRow?: number;
  wrapped: { row: number; from: number; to: number; text: string; pt: number; bold: boolean }[];
  /** Re-lays the header block once column widths are known (set by addOfficialHeader). */
  refitHeader?: () => void;
}
const states = new WeakMap<Worksheet, SheetState>();

/** The sheet's layout state; `widthCols` sets the width when the sheet has none yet, or when `resize` is true. */
export function sheetState(ws: Worksheet, widthCols?: number, resize = false): SheetState {
  let st = states.get(ws);
  if (!st) {
    const w = Math.max(2, widthCols ?? ws.columnCount ?? 2);
    st = { widthCols: w, leftCols: splitLeft(w), next: ws.rowCount + 1, wrapped: [] };
    states.set(ws, st);
  } else if (resize && widthCols !== undefined) {
    st.widthCols = Math.max(2, widthCols);
    st.leftCols = splitLeft(st.widthCols);
  }
  return st;
}

/** Columns given to the left (organisation / Nơi nhận) block: about 40%, at least 1, leaving at least 1. */
const splitLeft = (w: number): number => Math.min(w - 1, Math.max(1, Math.round(w * 0.4)));

export function font(size: number, extra: Partial<Font> = {}): Partial<Font> {
  return { name: FONT_NAME, size, family: 1, ...extra };
}

export const THIN: Partial<Borders> = {
  top: { style: 'thin' },
  bottom: { style: 'thin' },
  left: { style: 'thin' },
  right: { style: 'thin' },
};

export function put(cell: Cell, value: Cell['value'], f: Partial<Font>, align: Partial<Alignment> = {}): void {
  cell.value = value;
  cell.font = f;
  cell.alignment = { vertical: 'middle', wrapText: true, ...align };
}

/**
 * One style object per look, for the cells of a large table: exceljs writes each distinct style object once (it
 * remembers them by identity), so cells that hold the same object cost nothing more when the file is written; a new
 * object per cell made that 37 % of a 4,461-unit consolidated export. A look is `base` (what a new cell of that column
 * has) with the font, alignment (as put() sets it), thin borders and the number format. The objects are shared:
 * replace a cell's style whole (cell.style = ...), never change one in place (cell.font = ... would change them all).
 */
export function styleLooks(): (
  base: Partial<Style>,
  key: string,
  f: Partial<Font>,
  align: Partial<Alignment>,
  numFmt?: string,
) => Partial<Style> {
  const looks = new Map<string, Partial<Style>>();
  return (base, key, f, align, numFmt) => {
    let s = looks.get(key);
    if (!s) {
      s = { ...base, font: f, alignment: { vertical: 'middle', wrapText: true, ...align }, border: THIN };
      if (numFmt !== undefined) s.numFmt = numFmt;
      looks.set(key, s);
    }
    return s;
  };
}

/** Merge columns from..to on one row (no-op for a single column) and return the top-left cell. */
export function mergeRow(ws: Worksheet, row: number, from: number, to: number): Cell {
  if (to > from) ws.mergeCells(row, from, row, to);
  return ws.getCell(row, from);
}

/** Set every used column's default font so cells typed later in Excel are Times New Roman too. */
export function defaultColumnFonts(ws: Worksheet, cols: number, size = 12): void {
  for (let c = 1; c <= cols; c++) ws.getColumn(c).font = font(size);
}

const widthOf = (ws: Worksheet, c: number): number => ws.getColumn(c).width ?? 9;

/** Printed width in twips of columns from..to (Excel: a width unit is 7 px at the default font, plus 5 px padding). */
export function colsWidthTwip(ws: Worksheet, from: number, to: number): number {
  let px = 0;
  for (let c = from; c <= to; c++) px += Math.trunc(widthOf(ws, c) * 7 + 5);
  return (px - 6) * 15;
}

/**
 * Excel does not grow merged rows to fit wrapped text; estimate the lines (Times New Roman ≈ 0.42 em per
 * character, 0.52 em bold; one width unit ≈ 7 px) and set the row height.
 */
export function fitWrappedRows(ws: Worksheet): void {
  const st = sheetState(ws);
  st.refitHeader?.();
  for (const w of st.wrapped) {
    let units = 0;
    for (let c = w.from; c <= w.to; c++) units += widthOf(ws, c);
    const px = units * 7 - 6;
    const charPx = ((w.pt * 96) / 72) * (w.bold ? 0.52 : 0.42);
    const lines = w.text.split('\n').reduce((n, t) => n + Math.max(1, Math.ceil((t.length * charPx) / Math.max(px, 1))), 0);
    const row = ws.getRow(w.row);
    row.height = Math.max(row.height ?? 0, Math.ceil(lines * w.pt * 1.3 + 2));
  }
}

/** A4, ND 30/2020 margins, fit to one page wide, print titles, page number top-centre from page 2. */
export function applyPageSetup(ws: Worksheet, landscape: boolean, printTitleRow?: number): void {
  const inch = (mm: number): number => Math.round((mm / MM_PER_INCH) * 1000) / 1000;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { top: inch(20), bottom: inch(20), left: inch(30), right: inch(15), header: inch(10), footer: inch(10) },
    ...(printTitleRow ? { printTitlesRow: `${printTitleRow}:${printTitleRow}` } : {}),
  };
  ws.headerFooter = {
    ...ws.headerFooter,
    differentFirst: true,
    firstHeader: '',
    oddHeader: `&C&"${FONT_NAME},Regular"&13&P`,
  };
}
