// Any error on its way to a person, in Vietnamese with what to do next: AppErrors as they are, SQLite and
// file-system "disk full / no permission" mapped, and nothing else's English ("database or disk is full") shown.
import { AppError } from '../contract/errors';
import { sqliteErrorToApp } from '../db/connection';
import { XlsxError } from '../bytes/limits';

const DISK_FULL_MESSAGE =
  'Ổ đĩa đã đầy, không ghi được dữ liệu. Hãy giải phóng dung lượng ổ đĩa (xoá tệp không cần, dọn thùng rác) rồi thử lại; dữ liệu cũ vẫn an toàn.';

/** The Vietnamese AppError for `err`; `fallback` is said when the error is not one we can explain. */
export function userError(err: unknown, fallback: string): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof XlsxError) return new AppError('bad_file', err.message); // the reader's own Vietnamese reason
  const mapped = sqliteErrorToApp(err);
  if (mapped) return mapped;
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  if (
    code === 'ENOSPC' ||
    code === 'EDQUOT' ||
    code === 'EFBIG' ||
    /database or disk is full/i.test((err as Error | null)?.message ?? '')
  ) {
    return new AppError('db_full', DISK_FULL_MESSAGE);
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError(
      'db_read_only',
      'Không có quyền ghi vào thư mục dữ liệu (hoặc ổ chỉ đọc). Hãy kiểm tra quyền ghi, hoặc chuyển dữ liệu về một thư mục trên máy.',
    );
  }
  return new AppError('internal', fallback);
}
