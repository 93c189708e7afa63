// Hard limits for reading untrusted workbooks and the error type that carries a Vietnamese reason.
// Every cap here is checked on real bytes/counts, never trusted from the file's own claims.
import { MAX_FILE_BYTES } from '../contract/limits';

export interface ReadLimits {
  /** Largest file accepted (bytes). */
  maxFileBytes: number;
  /** Most ZIP entries (real Excel files have 10–40). */
  maxEntries: number;
  /** Largest inflated size of one entry (bytes). */
  maxEntryBytes: number;
  /** Largest total inflated size of the entries we read (bytes). */
  maxTotalBytes: number;
  /** Sheet rows and columns read; cells beyond are skipped with a warning. */
  maxRows: number;
  maxCols: number;
  /** Most non-empty cells per workbook. */
  maxCells: number;
  /** Most merged ranges per sheet. */
  maxMerges: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: MAX_FILE_BYTES,
  maxEntries: 2000,
  maxEntryBytes: 50 * 1024 * 1024,
  maxTotalBytes: 100 * 1024 * 1024,
  maxRows: 20_000,
  maxCols: 200,
  maxCells: 500_000,
  maxMerges: 10_000,
};

type XlsxErrorCode =
  | 'empty'
  | 'too-large'
  | 'xls'
  | 'encrypted'
  | 'not-zip'
  | 'truncated'
  | 'not-xlsx'
  | 'too-many-entries'
  | 'bomb'
  | 'zip-unsupported'
  | 'dtd'
  | 'malformed'
  | 'timeout';

/** A problem that stops reading one file. `message` is Vietnamese and shown to the user as is. */
export class XlsxError extends Error {
  constructor(
    readonly code: XlsxErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'XlsxError';
  }
}

/** Cooperative deadline: pure code cannot be pre-empted, so long loops call check() now and then. */
export class Deadline {
  private readonly at: number;
  constructor(ms: number | undefined) {
    this.at = ms && ms > 0 ? Date.now() + ms : Number.POSITIVE_INFINITY;
  }
  check(): void {
    if (Date.now() > this.at) throw new XlsxError('timeout', 'Đọc tệp quá thời gian cho phép – tệp quá lớn hoặc bất thường.');
  }
  get remainingMs(): number {
    return this.at - Date.now();
  }
}
