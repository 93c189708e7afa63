// Public entry of the low-level reader: pre-flight, then the fast scanner, then exceljs as a fallback for
// anything the scanner cannot handle. Fatal problems throw XlsxError with a Vietnamese message. openWorkbook is
// the lazy variant (sheets scanned on first use) for callers that may not need every sheet.
import type { ReaderIssue, SheetGrid, SheetState, WorkbookGrid } from './grid';
import { DEFAULT_LIMITS, Deadline, XlsxError, type ReadLimits } from '../../bytes/limits';
import { preflight } from './preflight';
import { openFast, readFast } from './fast-reader';
import { readWithExceljs } from './exceljs-reader';

export interface ReadOptions {
  timeoutMs?: number;
  /** Skip the fast scanner (tests, and files known to need the library). */
  forceExceljs?: boolean;
  limits?: Partial<ReadLimits>;
}

/** XlsxError codes after which trying exceljs is pointless or unsafe. */
export const FINAL = new Set([
  'empty',
  'too-large',
  'xls',
  'encrypted',
  'not-zip',
  'truncated',
  'not-xlsx',
  'too-many-entries',
  'bomb',
  'dtd',
  'timeout',
]);

export async function readWorkbook(bytes: Uint8Array, opts: ReadOptions = {}): Promise<WorkbookGrid> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const deadline = new Deadline(opts.timeoutMs);
  const zip = preflight(bytes, limits);
  if (!opts.forceExceljs) {
    try {
      return readFast(zip, deadline);
    } catch (e) {
      if (e instanceof XlsxError && FINAL.has(e.code)) throw e;
      // Anything else (odd XML, unexpected layout of parts): fall through to the library.
    }
  }
  const grid = await withTimeout(readWithExceljs({ ...zip, inflated: 0 }, deadline), deadline.remainingMs);
  if (!opts.forceExceljs) {
    grid.issues.unshift({
      sheet: null,
      cell: null,
      severity: 'warning',
      message: 'Tệp có cấu trúc khác thường – đã đọc bằng cách chậm hơn, hãy kiểm tra kỹ kết quả.',
    });
  }
  return grid;
}

export interface LazySheet {
  name: string;
  state: SheetState;
  /** The whole sheet (scanned on first call). */
  grid(): SheetGrid;
  /** At least each row's first cells (rows cut short are listed in cutRows); may be the whole sheet. */
  heads(rowChars: number): SheetGrid;
  /** At least the first `rows` rows (header search on sheets that may not be used); may be the whole sheet. */
  top(rows: number): SheetGrid;
}

export interface LazyWorkbook {
  sheets: LazySheet[];
  date1904: boolean;
  reader: WorkbookGrid['reader'];
  /** Reader issues; grows as sheets are scanned. */
  issues: ReaderIssue[];
}

/** Thrown by a lazy sheet the fast scanner cannot read (not a hostile-file error): read the file with exceljs. */
export class NeedsFallback extends Error {}

export function eager(grid: WorkbookGrid): LazyWorkbook {
  return { ...grid, sheets: grid.sheets.map((s) => ({ name: s.name, state: s.state, grid: () => s, heads: () => s, top: () => s })) };
}

/**
 * Lazy read: the fast reader's sheets are scanned when first asked for. A sheet that fails to scan throws the
 * XlsxError for final (hostile/corrupt) problems, else NeedsFallback (then use readWorkbook with forceExceljs).
 */
export async function openWorkbook(bytes: Uint8Array, opts: ReadOptions = {}): Promise<LazyWorkbook> {
  if (opts.forceExceljs) return eager(await readWorkbook(bytes, opts));
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const deadline = new Deadline(opts.timeoutMs);
  const zip = preflight(bytes, limits);
  let book: ReturnType<typeof openFast>;
  try {
    book = openFast(zip, deadline);
  } catch (e) {
    if (e instanceof XlsxError && FINAL.has(e.code)) throw e;
    return eager(await readWorkbook(bytes, { ...opts, forceExceljs: false }));
  }
  const guard = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof XlsxError && FINAL.has(e.code)) throw e;
      throw new NeedsFallback(e instanceof Error ? e.message : String(e));
    }
  };
  return {
    date1904: book.date1904,
    reader: 'fast',
    issues: book.issues,
    sheets: book.sheets.map((s) => ({
      name: s.name,
      state: s.state,
      grid: () => guard(() => s.grid()),
      heads: (n: number) => guard(() => s.heads(n)),
      top: (n: number) => guard(() => s.top(n)),
    })),
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  if (!Number.isFinite(ms)) return p;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new XlsxError('timeout', 'Đọc tệp quá thời gian cho phép – tệp quá lớn hoặc bất thường.')),
      Math.max(0, ms),
    );
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
