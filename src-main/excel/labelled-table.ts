// Reading a table from any workbook layout (pure): the bytes go through the same gate as reports (pre-flight of
// size, zip entries, inflated size and type, then the bounded reader with a deadline), then the first sheet whose
// header row matches the spec by its labels gives each data row's fields (Excel row numbers kept for messages) up
// to the end of the table. Shared by the units, models and plans-register imports.
import { findHeaderRow, isTableEnd, type HeaderSpec } from './header-row';
import type { Cell, WorkbookGrid } from './xlsx/grid';
import { DEFAULT_LIMITS, XlsxError } from '../bytes/limits';
import { readWorkbook } from './xlsx/read-workbook';
import { convertedWarning, toXlsxBytes } from './legacy/convert';

export interface TableRow<F extends string> {
  /** 1-based Excel row number. */
  row: number;
  fields: Partial<Record<F, string>>;
}

export interface LabelledTable<F extends string> {
  sheet: string | null;
  headerRow: number | null;
  rows: TableRow<F>[];
  /** Fatal problem: the file cannot be used at all (Vietnamese, says what to do). */
  fatal: string | null;
  /** Text grids of the sheets named in TableOptions.keepSheets that exist (e.g. a form's hidden metadata). */
  kept: Record<string, string[][]>;
  /** Warning to show when the file was an .xls/.ods/.csv converted to be read (legacy/convert.ts), else null. */
  converted: string | null;
}

interface TableOptions {
  maxRows: number;
  maxCols: number;
  /** Sheets never searched for the table (e.g. a hidden metadata sheet). */
  skipSheets?: readonly string[];
  /** Sheets whose text is returned as is in `kept`. */
  keepSheets?: readonly string[];
  /** What to say when sheets have data but no header row: which columns are needed. */
  needColumns: string;
  /** Cooperative reading deadline (ms). */
  timeoutMs?: number;
}

const WHAT_NEXT: Partial<Record<XlsxError['code'], string>> = {
  'not-zip': ' Hãy chọn đúng tệp bảng tính (.xlsx, .xls, .ods hoặc .csv).',
  'not-xlsx': ' Hãy chọn đúng tệp bảng tính (.xlsx, .xls, .ods hoặc .csv).',
  empty: ' Hãy kiểm tra lại tệp gốc rồi chọn lại.',
  'too-large': ' Hãy chỉ giữ bảng cần nhập rồi chọn lại.',
};

/** Excel date serial → dd/mm/yyyy (what the exceljs-based reader gave for date cells). */
function serialDate(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - 25_569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const iso = new Date(ms).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** A cell as trimmed display text ('' for empty, errors and formulas never calculated). */
export function cellText(c: Cell | undefined, date1904: boolean): string {
  if (!c || c.v === null || c.k === 'e') return '';
  if (c.k === 'n' && c.date && typeof c.v === 'number' && Number.isFinite(c.v)) return serialDate(c.v, date1904);
  const s = typeof c.v === 'string' ? c.v.normalize('NFC') : String(c.v);
  return s.replace(/[\u00a0\s]+/g, ' ').trim();
}

function textGrid(rows: (Cell | undefined)[][], maxCols: number, date1904: boolean): string[][] {
  const width = Math.min(
    maxCols,
    rows.reduce((w, r) => Math.max(w, r?.length ?? 0), 0),
  );
  const out: string[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const cells: string[] = [];
    for (let c = 0; c < width; c++) cells.push(cellText(row?.[c], date1904));
    out.push(cells);
  }
  return out;
}

export async function readLabelledTable<F extends string>(
  bytes: Uint8Array,
  fileName: string,
  spec: HeaderSpec<F>,
  opts: TableOptions,
): Promise<LabelledTable<F>> {
  let converted: string | null = null;
  const none = { sheet: null, headerRow: null, rows: [], kept: {}, converted: null };
  let book: WorkbookGrid;
  try {
    const started = Date.now();
    // One row past the cap, so a longer table is refused rather than cut short without a word.
    const limits = { ...DEFAULT_LIMITS, maxRows: opts.maxRows + 1, maxCols: opts.maxCols };
    const xlsx = await toXlsxBytes(bytes, fileName, limits);
    converted = xlsx.format ? convertedWarning(xlsx.format) : null;
    const timeoutMs = opts.timeoutMs && xlsx.format ? Math.max(1, opts.timeoutMs - (Date.now() - started)) : opts.timeoutMs;
    book = await readWorkbook(xlsx.bytes, { timeoutMs, limits });
  } catch (e) {
    if (e instanceof XlsxError) {
      const why = e.message.charAt(0).toLocaleLowerCase('vi') + e.message.slice(1);
      return { ...none, fatal: `Tệp "${fileName}": ${why}${WHAT_NEXT[e.code] ?? ''}` };
    }
    return { ...none, fatal: `Tệp "${fileName}" bị hỏng hoặc không đọc được. Hãy mở bằng Excel, lưu lại rồi chọn lại.` };
  }
  const kept: Record<string, string[][]> = {};
  for (const s of book.sheets) if (opts.keepSheets?.includes(s.name)) kept[s.name] = textGrid(s.rows, opts.maxCols, book.date1904);
  let sawData = false;
  for (const ws of book.sheets) {
    if (opts.skipSheets?.includes(ws.name)) continue;
    if (ws.rows.length > opts.maxRows) {
      return {
        ...none,
        kept,
        fatal: `Sheet "${ws.name}" trong "${fileName}" có hơn ${opts.maxRows.toLocaleString('vi-VN')} dòng – quá nhiều để nhập một lần. Hãy chỉ giữ bảng cần nhập (xoá các dòng thừa) rồi chọn lại.`,
      };
    }
    const grid = textGrid(ws.rows, opts.maxCols, book.date1904);
    if (!grid.some((r) => r.some((c) => c !== ''))) continue;
    sawData = true;
    const header = findHeaderRow(grid, spec);
    if (!header) continue;
    const rows: TableRow<F>[] = [];
    for (let i = header.rowIndex + 1; i < grid.length; i++) {
      const cells = grid[i] ?? [];
      if (cells.every((c) => c === '')) continue;
      if (isTableEnd(cells)) break;
      const fields: Partial<Record<F, string>> = {};
      for (const [f, col] of Object.entries(header.columns) as [F, number][]) fields[f] = cells[col] ?? '';
      rows.push({ row: i + 1, fields });
    }
    return { sheet: ws.name, headerRow: header.rowIndex + 1, rows, fatal: null, kept, converted };
  }
  return {
    ...none,
    kept,
    fatal: sawData
      ? `Không tìm thấy dòng tiêu đề trong "${fileName}". Bảng cần có ${opts.needColumns}.`
      : `Tệp "${fileName}" không có dữ liệu (các sheet đều trống).`,
  };
}
