// Verified copies of the database: VACUUM INTO a temporary file, integrity_check + foreign_key_check on the copy,
// fsync, then rename into place — a copy that fails anywhere is deleted, never left half-written. Also `check`.
import type Database from 'better-sqlite3';
import { SqliteDatabase } from '../db/sqlite-driver';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../contract/errors';
import { fullCheck, upgradeFile, type Db } from '../db/connection';
import { missingTables, sniffDataFile } from '../db/data-identity';
import { schemaVersion } from '../db/migrate';
import { countRows, vacuumInto } from '../db/file-ops';
import { resolveDataPaths } from './paths';

export interface BackupResult {
  file: string;
  bytes: number;
  schemaVersion: number;
  counts: Record<string, number>;
  verified: true;
}

/** Flush a file (and, where the OS allows, its folder entry) to disk. */
export function fsyncPath(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (process.platform !== 'win32') {
    try {
      const dfd = openSync(dirname(file), 'r');
      try {
        fsyncSync(dfd);
      } finally {
        closeSync(dfd);
      }
    } catch {
      /* some file systems cannot fsync a folder; the file itself is synced */
    }
  }
}

/** Vietnamese AppError for a failure while writing a backup copy (the live database is never touched). */
export function backupError(err: unknown, target: string): AppError {
  if (err instanceof AppError) return err;
  const code = String((err as { code?: unknown }).code ?? '');
  if (/^SQLITE_(FULL|IOERR_WRITE|IOERR_FSYNC|IOERR_TRUNCATE)$/.test(code) || code === 'ENOSPC' || code === 'EFBIG' || code === 'EDQUOT')
    return new AppError(
      'db_full',
      'Không ghi được bản sao lưu: ổ đĩa đích đã đầy hoặc không ghi thêm được. Bản sao dở dang đã được xoá, dữ liệu hiện tại không bị ảnh hưởng. Hãy giải phóng dung lượng hoặc chọn ổ/thư mục khác rồi sao lưu lại.',
    );
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY'))
    return new AppError(
      'bad_file',
      `Không ghi được vào "${dirname(target)}" (không có quyền ghi hoặc ổ chỉ đọc). Hãy chọn thư mục khác để sao lưu.`,
    );
  return new AppError('internal', `Không sao lưu được vào "${target}". Hãy thử lại hoặc chọn thư mục khác.`);
}

/**
 * Bring a private copy of an earlier version's data (a backup about to be restored) up to this version's schema, then
 * inspect it as inspectCopy does. No backup is made first: the copy's source is left as it was.
 */
export function migrateAndInspect(file: string): ReturnType<typeof inspectCopy> {
  upgradeFile(file);
  return inspectCopy(file);
}

/** Open a database file read-only and run the full check; returns problems, schema version and row counts. */
export function inspectCopy(file: string): { problems: string[]; schemaVersion: number; counts: Record<string, number> } {
  const copy = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const problems = fullCheck(copy);
    return { problems, schemaVersion: schemaVersion(copy), counts: problems.length ? {} : countRows(copy) };
  } finally {
    copy.close();
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/** Temporary copies (and their journals) for the same target left by a killed process (its pid is gone, or a day old). */
function removeDeadCopies(file: string): void {
  const base = basename(file);
  let names: string[];
  try {
    names = readdirSync(dirname(file));
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^\.tmp-(\d+)-/.exec(name);
    const rest = m ? name.slice(m[0].length) : '';
    if (!m || (rest !== base && rest !== `${base}-journal` && rest !== `${base}-wal` && rest !== `${base}-shm`)) continue;
    const pid = Number(m[1]);
    const p = join(dirname(file), name);
    try {
      if (pid === process.pid || (processAlive(pid) && Date.now() - statSync(p).mtimeMs < 24 * 3600 * 1000)) continue;
      rmSync(p, { force: true });
    } catch {
      /* already gone */
    }
  }
}

/** The temporary file beside `target` a verified copy is first written to (its folder made, leftovers removed). */
export function tempFor(target: string): { file: string; tmp: string } {
  const file = resolve(target);
  const tmp = join(dirname(file), `.tmp-${process.pid}-${basename(file)}`);
  try {
    mkdirSync(dirname(file), { recursive: true });
    removeDeadCopies(file);
    rmSync(tmp, { force: true });
    return { file, tmp };
  } catch (err) {
    dropCopy(tmp, file, err);
  }
}

/** The temporary copy, once checked (`info`), flushed and renamed into place; refused when the check found problems. */
export function keepCopy(tmp: string, file: string, info: ReturnType<typeof inspectCopy>): BackupResult {
  try {
    if (info.problems.length)
      throw new AppError(
        'db_corrupt',
        `Bản sao lưu không đạt kiểm tra (${info.problems[0]}). Bản sao đã bị huỷ; dữ liệu hiện tại có thể đang hỏng, hãy chạy "Kiểm tra dữ liệu".`,
      );
    fsyncPath(tmp);
    renameSync(tmp, file);
    return { file, bytes: statSync(file).size, schemaVersion: info.schemaVersion, counts: info.counts, verified: true };
  } catch (err) {
    dropCopy(tmp, file, err);
  }
}

/** A copy that failed anywhere is deleted, never left half-written; the error is said in Vietnamese. */
export function dropCopy(tmp: string, file: string, err: unknown): never {
  rmSync(tmp, { force: true });
  throw backupError(err, file);
}

/**
 * Write a verified, compacted copy of the open database to `target` (replaced atomically if it exists). Synchronous so it
 * can run before migrations (copy-check.ts has the one that checks the copy off this thread). On any failure the
 * temporary file is removed and an AppError is thrown.
 */
export function writeVerifiedCopy(db: Db, target: string): BackupResult {
  const { file, tmp } = tempFor(target);
  let info: ReturnType<typeof inspectCopy>;
  try {
    vacuumInto(db, tmp);
    info = inspectCopy(tmp);
  } catch (err) {
    dropCopy(tmp, file, err);
  }
  return keepCopy(tmp, file, info);
}

/** `backup --out FILE`: a verified copy at a path of the user's choice. */
export async function backupTo(db: Db, target: string): Promise<BackupResult> {
  return writeVerifiedCopy(db, target);
}

interface CheckResult {
  ok: boolean;
  file: string;
  schemaVersion: number | null;
  problems: string[];
}

/** Read-only integrity check of a database file (default: the app's own). Never modifies the file. */
export function checkDatabase(dbFile?: string | null): CheckResult {
  const file = resolveDataPaths(dbFile).dbFile;
  const kind = sniffDataFile(file);
  if (kind === 'missing') throw new AppError('not_found', `Không tìm thấy tệp dữ liệu "${file}".`);
  if (kind === 'empty')
    return {
      ok: false,
      file,
      schemaVersion: null,
      problems: ['Tệp dữ liệu trống (0 byte): dữ liệu đã mất ở tệp này, hãy khôi phục từ bản sao lưu.'],
    };
  if (kind === 'not-sqlite')
    return { ok: false, file, schemaVersion: null, problems: ['Tệp không phải cơ sở dữ liệu SQLite (hỏng hoặc nhầm tệp).'] };
  let db: Database.Database | undefined;
  try {
    db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    const problems = fullCheck(db);
    const { version, missing } = missingTables(db);
    if (version === 0) problems.push('Tệp không phải dữ liệu Dân vận (không có phiên bản lược đồ).');
    else if (missing.length) problems.push(`Thiếu bảng dữ liệu: ${missing.join(', ')}.`);
    return { ok: problems.length === 0, file, schemaVersion: schemaVersion(db), problems };
  } catch (err) {
    return { ok: false, file, schemaVersion: null, problems: [(err as Error).message] };
  } finally {
    db?.close();
  }
}
