// Opening the app's database at start (and after a restore/move) without ever crashing: a damaged file is set
// aside as *.corrupt-<ts> and the app runs blocked on an empty read-only placeholder; a newer one is refused untouched.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { DataState } from '../contract/backups';
import { AppError } from '../contract/errors';
import { openDatabase, type Db } from '../db/connection';
import { NewerDatabaseError } from '../db/migrate';
import { userError } from './error-text';

export interface OpenedData {
  db: Db;
  state: DataState;
  /** The file did not exist before: a brand-new, empty database. */
  created: boolean;
}

const OK: DataState = { status: 'ok', message: null, setAsideFile: null };

export function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** Marker beside the database saying it was set aside as damaged, so a restart still shows recovery. */
export const recoveryMarker = (dbFile: string) => `${dbFile}.recovery.json`;

/** An empty, migrated, query-only in-memory database handlers can hold while the real one is blocked. */
export function placeholderDb(): Db {
  const db = openDatabase(':memory:');
  db.pragma('query_only = ON');
  return db;
}

/** Move a damaged database and its -wal/-shm aside (nothing is deleted). Returns the new main file name. */
export function setAside(dbFile: string, now: Date, label = 'corrupt'): string {
  const aside = `${dbFile}.${label}-${stamp(now)}`;
  renameSync(dbFile, aside);
  for (const ext of ['-wal', '-shm', '-journal']) if (existsSync(dbFile + ext)) renameSync(dbFile + ext, aside + ext);
  return aside;
}

function damagedMessage(aside: string): string {
  return (
    'Tệp dữ liệu bị hỏng nên phần mềm đã tạm khoá mọi thao tác ghi để không mất thêm dữ liệu. ' +
    `Tệp hỏng đã được giữ lại nguyên vẹn tại "${aside}". ` +
    'Hãy khôi phục từ bản sao lưu gần nhất trong danh sách dưới đây; các thay đổi sau thời điểm sao lưu cần nhập lại.'
  );
}

export interface OpenDataOptions {
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
  const created = !existsSync(dbFile);
  try {
    return { db: openDatabase(dbFile, { beforeMigrate: opts.beforeMigrate }), state: OK, created };
  } catch (err) {
    if (err instanceof NewerDatabaseError) return { db: placeholderDb(), state: { status: 'newer', message: err.message, setAsideFile: null }, created };
    if (err instanceof AppError && err.code === 'db_corrupt' && existsSync(dbFile)) {
      const aside = setAside(dbFile, opts.now);
      writeFileSync(marker, JSON.stringify({ setAsideFile: aside, at: opts.now.toISOString() }));
      return { db: placeholderDb(), state: { status: 'damaged', message: damagedMessage(aside), setAsideFile: aside }, created };
    }
    // Never SQLite's own English ("database or disk is full"): a known cause in Vietnamese, else a plain sentence.
    const message = userError(err, `Không mở được tệp dữ liệu "${dbFile}".`).message;
    return {
      db: placeholderDb(),
      state: { status: 'unavailable', message: `${message} Hãy đóng phần mềm, kiểm tra ổ đĩa rồi mở lại; nếu vẫn lỗi, hãy khôi phục từ bản sao lưu.`, setAsideFile: null },
      created,
    };
  }
}
