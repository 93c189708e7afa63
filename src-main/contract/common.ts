// Schemas shared by many channels: trimmed NFC text, ISO dates, files passed in and out as bytes.
import { z } from 'zod';
import { MAX_FILE_BYTES, MAX_FILE_MB } from './limits';

/** Any text from a user or a file: NFC, white space folded, trimmed. */
export const Text = (max = 500) =>
  z
    .string()
    .max(max * 4)
    .transform((s) =>
      s
        .normalize('NFC')
        .replace(/[\u00a0\s]+/g, ' ')
        .trim(),
    )
    .pipe(z.string().max(max, { message: `Tối đa ${max} ký tự` }));

/** Optional text: '' and whitespace become null. */
export const OptText = (max = 500) =>
  z
    .union([z.string(), z.null()])
    .optional()
    .transform((s) => {
      const t = (s ?? '')
        .normalize('NFC')
        .replace(/[\u00a0\s]+/g, ' ')
        .trim();
      return t === '' ? null : t;
    })
    .pipe(
      z
        .string()
        .max(max, { message: `Tối đa ${max} ký tự` })
        .nullable(),
    );

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày không hợp lệ (cần dạng YYYY-MM-DD)' });
export const Id = z.number().int().positive();

export { MAX_FILE_BYTES } from './limits';

const Bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'Cần nội dung tệp (bytes)' });

/** A file handed over by the user (picked or dropped): its bytes, never a path. */
export const FileIn = z.object({
  name: Text(255).pipe(z.string().min(1)),
  /** File's modified time (ms since epoch) as the OS reports it; used as default received date. */
  lastModified: z.number().int().nonnegative().optional(),
  bytes: Bytes.refine((b) => b.byteLength <= MAX_FILE_BYTES, {
    message: `Tệp lớn hơn ${MAX_FILE_MB} MB, không thể nhận. Hãy mở tệp, xoá ảnh hoặc sheet không cần thiết, lưu lại rồi chọn lại`,
  }),
});
export type FileIn = z.infer<typeof FileIn>;

/** A file produced for the user to save. */
/** A produced file; `warnings` says what the document still lacks (e.g. no organisation name in Settings). */
export const FileOut = z.object({ name: z.string(), mime: z.string(), bytes: Bytes, warnings: z.array(z.string()).optional() });
export type FileOut = z.infer<typeof FileOut>;

/** A problem found in input, located as precisely as possible ("Sheet 'DS', ô B7"). */
export const Issue = z.object({
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  sheet: z.string().nullable().default(null),
  cell: z.string().nullable().default(null),
  row: z.number().int().nullable().default(null),
});
export type Issue = z.infer<typeof Issue>;

export const Empty = z.object({}).strict();
