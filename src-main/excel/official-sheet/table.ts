// The bordered data table of an official worksheet: bold centred header row (repeated on every printed page,
// frozen), optional group rows with subtotals, a total row; numbers stay numbers (#,##0), dates real dates.
import type { Worksheet } from 'exceljs';
import { inertText } from './inert';
import { LANDSCAPE_ABOVE, THIN, applyPageSetup, fitWrappedRows, font, mergeRow, put, sheetState, styleLooks } from './style';

export type SheetValue = string | number | Date | null | undefined;
export type SheetRow = Record<string, SheetValue>;

export interface SheetColumn {
  header: string;
  key: string;
  /** Excel width units (≈ characters). Default 12. */
  width?: number;
  /** Number format for numeric cells; default '#,##0' (and '#,##0.0#' for fractional values). */
  numFmt?: string;
  align?: 'left' | 'center' | 'right';
  /** 'date' turns ISO strings into real dates (dd/mm/yyyy); 'number' marks the column for totals. */
  kind?: 'text' | 'number' | 'date';
  /** Text written by us (catalog labels): kept verbatim. Default false: text is passed through inertText. */
  trusted?: boolean;
}

export interface SheetGroup {
  /** e.g. "I. Khối doanh nghiệp" — bold row above the group's rows. */
  label: string;
  rows: SheetRow[];
  /** Put the group's sums of number columns on the label row. */
  subtotal?: boolean;
}

export interface SheetTableSpec {
  columns: SheetColumn[];
  rows?: SheetRow[];
  groups?: SheetGroup[];
  /** true → "Tổng cộng"; a string → that label. Sums every number column. */
  totalRow?: boolean | string;
  /** Column whose cell carries group and total labels; default the first column. */
  labelKey?: string;
  /** Default 'auto': landscape when the column widths add up to more than LANDSCAPE_ABOVE. */
  landscape?: boolean | 'auto';
  fontSize?: number;
}

export interface TableResult {
  headerRow: number;
  firstDataRow: number;
  lastRow: number;
  landscape: boolean;
}

const DATE_FMT = 'dd/mm/yyyy';
const isoToDate = (s: string): Date | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
};
const round = (n: number): number => Math.round(n * 1e6) / 1e6;

function sums(columns: SheetColumn[], rows: SheetRow[]): SheetRow {
  const out: SheetRow = {};
  for (const c of columns) {
    const nums = rows.map((r) => r[c.key]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    if (c.kind === 'number' || (c.kind === undefined && nums.length > 0)) out[c.key] = round(nums.reduce((a, b) => a + b, 0));
  }
  return out;
}

export function addTable(ws: Worksheet, spec: SheetTableSpec): TableResult {
  const st = sheetState(ws, Math.max(spec.columns.length, 2));
  const cols = spec.columns;
  const size = spec.fontSize ?? 12;
  const labelKey = spec.labelKey ?? cols[0]?.key ?? '';
  const labelIdx = Math.max(
    0,
    cols.findIndex((c) => c.key === labelKey),
  );
  cols.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width ?? 12;
  });

  const headerRow = st.next;
  cols.forEach((c, i) => {
    const cell = ws.getCell(headerRow, i + 1);
    put(cell, c.header, font(size, { bold: true }), { horizontal: 'center' });
    cell.border = THIN;
  });
  st.wrapped.push(...cols.map((c, i) => ({ row: headerRow, from: i + 1, to: i + 1, text: c.header, pt: size, bold: true })));

  let r = headerRow + 1;
  // the data cells share one style object per column and look (styleLooks: the file is written much faster)
  const look = styleLooks();
  const writeRow = (row: SheetRow, bold: boolean): void => {
    cols.forEach((c, i) => {
      const cell = ws.getCell(r, i + 1);
      const v = row[c.key];
      const key = (kind: string, horizontal: string, numFmt = '') => `${i}|${bold ? 1 : 0}|${kind}|${horizontal}|${numFmt}`;
      if (typeof v === 'number' && Number.isFinite(v)) {
        const numFmt = c.numFmt ?? (Number.isInteger(v) ? '#,##0' : '#,##0.0#');
        const horizontal = c.align ?? 'right';
        cell.value = v;
        cell.style = look(cell.style, key('n', horizontal, numFmt), font(size, { bold }), { horizontal }, numFmt);
      } else if (v instanceof Date || (c.kind === 'date' && typeof v === 'string' && isoToDate(v))) {
        const numFmt = c.numFmt ?? DATE_FMT;
        const horizontal = c.align ?? 'center';
        cell.value = v instanceof Date ? v : isoToDate(v as string);
        cell.style = look(cell.style, key('d', horizontal, numFmt), font(size, { bold }), { horizontal }, numFmt);
      } else {
        const text = typeof v === 'string' ? (c.trusted ? v.normalize('NFC') : inertText(v)) : '';
        const horizontal = c.align ?? 'left';
        cell.value = text;
        cell.style = look(cell.style, key('t', horizontal), font(size, { bold }), { horizontal });
        if (text) st.wrapped.push({ row: r, from: i + 1, to: i + 1, text, pt: size, bold });
      }
    });
    r += 1;
  };
  const labelRow = (label: string, values: SheetRow | null): void => {
    if (values) {
      writeRow({ ...values, [labelKey]: label }, true);
      return;
    }
    for (let i = 1; i <= cols.length; i++) ws.getCell(r, i).border = THIN;
    const cell = mergeRow(ws, r, labelIdx + 1, cols.length);
    put(cell, inertText(label), font(size, { bold: true }), { horizontal: 'left' });
    cell.border = THIN;
    r += 1;
  };

  const all: SheetRow[] = [];
  for (const g of spec.groups ?? []) {
    labelRow(g.label, g.subtotal ? sums(cols, g.rows) : null);
    g.rows.forEach((row) => writeRow(row, false));
    all.push(...g.rows);
  }
  (spec.rows ?? []).forEach((row) => writeRow(row, false));
  all.push(...(spec.rows ?? []));
  if (spec.totalRow) labelRow(typeof spec.totalRow === 'string' ? spec.totalRow : 'Tổng cộng', sums(cols, all));

  const totalWidth = cols.reduce((a, c) => a + (c.width ?? 12), 0);
  const landscape = spec.landscape === 'auto' || spec.landscape === undefined ? totalWidth > LANDSCAPE_ABOVE : spec.landscape;
  applyPageSetup(ws, landscape, headerRow);
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  st.tableHeaderRow = headerRow;
  st.next = r;
  fitWrappedRows(ws);
  return { headerRow, firstDataRow: headerRow + 1, lastRow: r - 1, landscape };
}
