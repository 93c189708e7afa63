// Error codes that cross the IPC boundary, and the AppError that features throw to produce them.
// Messages are Vietnamese, addressed to office staff, and say what to do next.

export const ERROR_CODES = [
  'invalid_input', // input failed the contract schema
  'unknown_channel', // no such rpc name
  'forbidden', // sender/token not allowed
  'not_found',
  'conflict', // duplicate code, unit in use...
  'bad_file', // a file from outside cannot be used
  'db_busy', // locked by another program / antivirus
  'db_full', // disk full
  'db_corrupt',
  'db_read_only', // writes blocked (damaged db, newer version)
  'cancelled',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Field-level messages for forms: path -> Vietnamese message. */
  fields?: Record<string, string>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
  toBody(): ErrorBody {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
