// Opening the app's database at start (and after a restore/move) without ever crashing: a damaged, empty (0-byte) or
// gutted file is set aside as *.corrupt-<ts> and the app runs blocked on an empty read-only placeholder; a newer one is
// refused untouched; a restore cut off by a crash is rolled back to the data as it was before, never to empty data.
import type Database from 'better-sqlite3';
import { SqliteDatabase } from '../db/sqlite-driver';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { DataState } from '../contract/backups';
import { AppError } from '../contract/errors';
import { openDatabase, type Db } from '../db/connection';
import { placeholderDb } from '../db/file-ops';
import { missingTables, sniffDataFile } from '../db/data-identity';
import { recoverInterruptedRestore, recoveryMarker, setAside } from '../data-file/restore-files';
import { loadMigrations, NewerDatabaseError } from '../db/migrate';
import { userError } from '../handler/user-error';

export interface OpenedData {
  db: Db;
  state: DataState;
  /** The file did not exist before: a brand-new, empty database. */
  created: boolean;
  /** Something the user must know about what happened at opening (an interrupted restore rolled back). */
  notice?: string | null;
}

const OK: DataState = { status: 'ok', message: null, setAsideFile: null };

function damagedMessage(aside: string): string {
  return (
    'Tệp dữ liệu bị hỏng nên phần mềm đã tạm khoá mọi thao tác ghi để không mất thêm dữ liệu. ' +
    `Tệp hỏng đã được giữ lại nguyên vẹn tại "${aside}". ` +
    'Hãy khôi phục từ bản sao lưu gần nhất trong danh sách dưới đây; các thay đổi sau thời điểm sao lưu cần nhập lại.'
  );
}

/** Read-only look at an existing SQLite file: does its schema version promise tables it lacks? (never writes a byte) */
function isGutted(dbFile: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new SqliteDatabase(dbFile, { readonly: true, fileMustExist: true });
    const { version, missing } = missingTables(db);
    return version > 0 && version <= loadMigrations().length && missing.length > 0; // a newer version's data is refused untouched below
  } catch {
    return false; // damage is found (and handled) by the normal open below
  } finally {
    db?.close();
  }
}

function damaged(dbFile: string, now: Date, created: boolean, notice: string | null): OpenedData {
  const aside = setAside(dbFile, now);
  writeFileSync(recoveryMarker(dbFile), JSON.stringify({ setAsideFile: aside, at: now.toISOString() }));
  return { db: placeholderDb(), state: { status: 'damaged', message: damagedMessage(aside), setAsideFile: aside }, created, notice };
}

interface OpenDataOptions {
  beforeMigrate?: (db: Db) => void;
  now: Date;
}

export function openData(dbFile: string, opts: OpenDataOptions): OpenedData {
  const marker = recoveryMarker(dbFile);
  if (!existsSync(dbFile) && existsSync(marker)) {
    try {
      const saved = JSON.parse(readFileSync(marker, 'utf8')) as { setAsideFile?: string };
      const aside = saved.setAsideFile ?? dbFile;
      return { db: placeholderDb(), state: { status: 'damaged', message: damagedMessage(aside), setAsideFile: aside }, created: false };
    } catch {
      rmSync(marker, { force: true });
    }
  }
  const notice = recoverInterruptedRestore(dbFile, opts.now);
  const kind = sniffDataFile(dbFile);
  const created = kind === 'missing';
  // a 0-byte file is damage (a crash or a bad disk), never a new database: migrating it would hide the loss
  if (kind === 'empty') return damaged(dbFile, opts.now, created, notice);
  // a file of ours whose schema says it has tables it lacks is damage too (a schema-0 file is migrated as before)
  if (kind === 'sqlite' && isGutted(dbFile)) return damaged(dbFile, opts.now, created, notice);
  try {
    return { db: openDatabase(dbFile, { beforeMigrate: opts.beforeMigrate }), state: OK, created, notice };
  } catch (err) {
    if (err instanceof NewerDatabaseError)
      return { db: placeholderDb(), state: { status: 'newer', message: err.message, setAsideFile: null }, created, notice };
    if (err instanceof AppError && err.code === 'db_corrupt' && existsSync(dbFile)) return damaged(dbFile, opts.now, created, notice);
    // Never SQLite's own English ("database or disk is full"): a known cause in Vietnamese, else a plain sentence.
    const message = userError(err, `Không mở được tệp dữ liệu "${dbFile}".`).message;
    return {
      db: placeholderDb(),
      state: {
        status: 'unavailable',
        message: `${message} Hãy đóng phần mềm, kiểm tra ổ đĩa rồi mở lại; nếu vẫn lỗi, hãy khôi phục từ bản sao lưu.`,
        setAsideFile: null,
      },
      created,
      notice,
    };
  }
}
