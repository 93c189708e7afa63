// Reading a table from any workbook layout (pure): sniff the bytes, load with exceljs (heavy parts ignored),
// find the first sheet whose header row matches the spec by its labels, and return each data row's fields
// (Excel row numbers kept for messages) up to the end of the table. Shared by the units, models and plans imports.
import ExcelJS from 'exceljs';
import { plainText } from './cell-value';
import { findHeaderRow, isTableEnd, type HeaderSpec } from './header-row';
import { whyNotXlsx } from './sniff';

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
  /** The loaded workbook (for extra sheets such as a form's hidden metadata), null when it could not be read. */
  workbook: ExcelJS.Workbook | null;
}

export interface TableOptions {
  maxRows: number;
  maxCols: number;
  /** Sheets never searched for the table (e.g. a hidden metadata sheet). */
  skipSheets?: readonly string[];
  /** What to say when sheets have data but no header row: which columns are needed. */
  needColumns: string;
}

export async function readLabelledTable<F extends string>(bytes: Uint8Array, fileName: string, spec: HeaderSpec<F>, opts: TableOptions): Promise<LabelledTable<F>> {
  const none = { sheet: null, headerRow: null, rows: [] };
  const why = whyNotXlsx(bytes, fileName);
  if (why) return { ...none, fatal: why, workbook: null };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer, {
      ignoreNodes: ['dataValidations', 'conditionalFormatting', 'hyperlinks', 'picture', 'drawing'],
    } as never);
  } catch {
    return { ...none, fatal: `Tệp "${fileName}" bị hỏng hoặc không đọc được. Hãy mở bằng Excel, lưu lại thành .xlsx rồi chọn lại.`, workbook: null };
  }
  let sawData = false;
  for (const ws of wb.worksheets) {
    if (opts.skipSheets?.includes(ws.name)) continue;
    const lastRow = Math.min(ws.actualRowCount ? ws.rowCount : 0, opts.maxRows);
    if (lastRow === 0) continue;
    sawData = true;
    const grid: string[][] = [];
    for (let r = 1; r <= lastRow; r++) {
      const row = ws.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= Math.min(ws.columnCount, opts.maxCols); c++) cells.push(plainText(row.getCell(c).value));
      grid.push(cells);
    }
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
    return { sheet: ws.name, headerRow: header.rowIndex + 1, rows, fatal: null, workbook: wb };
  }
  return {
    ...none,
    workbook: wb,
    fatal: sawData
      ? `Không tìm thấy dòng tiêu đề trong "${fileName}". Bảng cần có ${opts.needColumns}.`
      : `Tệp "${fileName}" không có dữ liệu (các sheet đều trống).`,
  };
}
