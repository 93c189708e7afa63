// Opening the SQLite database safely: durable pragmas (WAL, synchronous=FULL, foreign keys) set and read
// back, a quick_check, the vn_fold() SQL function, then migrations. Pure Node: no electron here.
import type Database from 'better-sqlite3';
import { SqliteDatabase } from './sqlite-driver';
import type { Database as Db } from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../contract/errors';
import { fold } from '../text/vi-text';
import { dropPlannerStatistics, loadMigrations, migrate, pendingMigrations, type Migration } from './migrate';

export type { Db };

interface OpenOptions {
  /** Run before applying pending migrations on an existing database (e.g. take a verified backup). */
  beforeMigrate?: (db: Db) => void;
  migrations?: Migration[];
  readonly?: boolean;
}

/** Set the pragmas every connection needs and verify SQLite really applied them. */
export function applyPragmas(db: Db): void {
  if (!db.readonly) {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal' && db.name !== ':memory:') throw new Error(`journal_mode is ${String(mode)}, expected wal`);
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('trusted_schema = OFF');
  db.pragma('busy_timeout = 5000');
  // Statement journals (the per-file savepoints of an import) and temp b-trees in memory: with the default they
  // spill to temp files, measured at ~77 extra pwrite calls per imported file. Durability is the WAL's job and is
  // unaffected; these journals only serve a rollback inside an open transaction.
  db.pragma('temp_store = MEMORY');
  if (db.pragma('foreign_keys', { simple: true }) !== 1) throw new Error('foreign_keys could not be enabled');
  if (db.pragma('synchronous', { simple: true }) !== 2) throw new Error('synchronous=FULL could not be set');
  db.function('vn_fold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? fold(s) : null));
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>();
/** A prepared statement cached per connection, for hot paths (imports) that run the same SQL thousands of times. */
export function stmt(db: Db, sql: string): Database.Statement {
  let m = statements.get(db);
  if (!m) statements.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}

/** Changes whenever this connection wrote a row or another connection committed: a key for results computed from
 *  the data (PRAGMA data_version alone does not see this connection's own writes; total_changes() does). */
export function dataVersion(db: Db): string {
  const r = stmt(db, 'SELECT total_changes() AS n').get() as { n: number };
  return `${String(db.pragma('data_version', { simple: true }))}:${r.n}`;
}

/** WAL pages allowed between automatic checkpoints during a long write (see deferCheckpoints): ~256 MB of 4 KB pages. */
const LONG_WRITE_CHECKPOINT_PAGES = 65_536;

/**
 * For a long series of write transactions (an import batch): copy the WAL into the database file rarely and once at
 * the end (the returned `done`, idempotent), instead of after nearly every commit (SQLite's default is every 1,000
 * pages, which a group of imported files passes each time: each commit then rewrote the same index pages into the
 * database file and synced it again). Every commit stays durable in the WAL (synchronous=FULL) and is replayed
 * after a crash. A connection already deferring (or with checkpoints off) is left as it is.
 * `done({ later: true })` puts the setting back at once and copies the WAL on the next turn of the event loop, so
 * the caller's result goes out first (3,000 files: ~120 MB of WAL, ~0.2 s); a crash before the copy loses nothing.
 */
export function deferCheckpoints(db: Db): (opts?: { later?: boolean }) => void {
  const before = Number(db.pragma('wal_autocheckpoint', { simple: true }));
  if (db.readonly || before <= 0 || before >= LONG_WRITE_CHECKPOINT_PAGES) return () => {};
  db.pragma(`wal_autocheckpoint = ${LONG_WRITE_CHECKPOINT_PAGES}`);
  let open = true;
  // PASSIVE: never waits for readers; what it cannot copy now (or on a failure: a full disk) stays safe in the
  // WAL and goes with the next automatic checkpoint (or when the connection closes)
  const copy = () => {
    if (!db.open) return;
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      /* nothing lost: see above */
    }
  };
  return (opts = {}) => {
    if (!open || !db.open) return;
    open = false;
    db.pragma(`wal_autocheckpoint = ${before}`);
    if (opts.later) setTimeout(copy, 0);
    else copy();
  };
}

/** quick_check: 'ok' or the first problems SQLite reports. */
function quickCheck(db: Db): string[] {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const msgs = rows.map((r) => r.quick_check);
  return msgs.length === 1 && msgs[0] === 'ok' ? [] : msgs;
}

/** Full check for backups and `check`: integrity_check + foreign_key_check. */
export function fullCheck(db: Db): string[] {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  const problems = integrity.length === 1 && integrity[0] === 'ok' ? [] : integrity;
  const fk = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  for (const f of fk) problems.push(`Khóa ngoại hỏng: bảng ${f.table}, dòng ${f.rowid} -> ${f.parent}`);
  return problems;
}

/** Map a low-level SQLite error to a Vietnamese AppError, or return null when it is not one we know. */
export function sqliteErrorToApp(err: unknown): AppError | null {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_FULL'))
    return new AppError(
      'db_full',
      'Ổ đĩa đã đầy, không ghi được dữ liệu. Hãy giải phóng dung lượng ổ đĩa rồi thử lại; dữ liệu cũ vẫn an toàn.',
    );
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code.startsWith('SQLITE_IOERR'))
    return new AppError('db_busy', 'Tệp dữ liệu đang bị khoá (phần mềm khác hoặc phần mềm diệt virus). Hãy đợi một lát rồi thử lại.');
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return new AppError('db_corrupt', 'Tệp dữ liệu bị hỏng. Hãy đóng phần mềm và khôi phục từ bản sao lưu gần nhất.');
  if (code.startsWith('SQLITE_READONLY'))
    return new AppError('db_read_only', 'Không ghi được vào tệp dữ liệu (chỉ đọc). Kiểm tra quyền ghi của thư mục dữ liệu.');
  if (code.startsWith('SQLITE_CONSTRAINT'))
    return new AppError('conflict', 'Dữ liệu trùng hoặc đang được sử dụng ở nơi khác, không thể lưu.');
  return null;
}

/** Read-only look at an existing database: schema version known to us, quick_check ok. */
/** Whether it ran quick_check (then the read-write open need not run it again: ~1.2 s per 400 MB at every start). */
function probeReadOnly(file: string, migrations: Migration[]): boolean {
  let ro: Db | undefined;
  try {
    ro = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    pendingMigrations(ro, migrations);
    const problems = quickCheck(ro);
    if (problems.length) throw new AppError('db_corrupt', `Tệp dữ liệu bị hỏng (${problems[0]}). Hãy khôi phục từ bản sao lưu gần nhất.`);
    return true;
  } catch (err) {
    if (err instanceof AppError) throw err;
    // A read-only connection cannot recover a WAL left by a crashed writer (SQLITE_READONLY_RECOVERY / _CANTINIT /
    // _CANTLOCK): that is no damage. The read-write open that follows recovers it and runs quick_check itself.
    const code = String((err as { code?: unknown }).code ?? '');
    if (/^SQLITE_READONLY_(RECOVERY|CANTINIT|CANTLOCK)$/.test(code)) return false;
    throw sqliteErrorToApp(err) ?? err;
  } finally {
    ro?.close();
  }
}

/**
 * Bring a database file nothing else has open (a private copy of a backup) up to this version's schema, and leave it
 * in rollback-journal mode: a read-only opening of it then makes no -wal/-shm files beside it, which would be left
 * behind when the file is renamed (the app's own opening turns WAL on again).
 */
export function upgradeFile(file: string): void {
  const db = openDatabase(file);
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/**
 * Open (creating if needed) the app database at `file`, check it and bring its schema up to date.
 * Throws AppError('db_corrupt') when the file is damaged and NewerDatabaseError for a future schema.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const isNew = file === ':memory:' || !existsSync(file);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const migrations = opts.migrations ?? loadMigrations();
  // an existing file is first checked read-only: a newer or damaged database is refused before a write
  // connection could change a byte of it (journal_mode, or checkpointing a stale -wal into it on close)
  const checked = !isNew && !opts.readonly && probeReadOnly(file, migrations);
  let db: Db | undefined;
  try {
    db = new SqliteDatabase(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
    applyPragmas(db);
    const problems = checked ? [] : quickCheck(db);
    if (problems.length) throw new AppError('db_corrupt', `Tệp dữ liệu bị hỏng (${problems[0]}). Hãy khôi phục từ bản sao lưu gần nhất.`);
    if (!opts.readonly) {
      const conn = db;
      const ran = migrate(conn, migrations, isNew ? undefined : () => opts.beforeMigrate?.(conn));
      // statistics an earlier version left are dropped once, at an upgrade; the planner forgets them only on a new
      // connection
      if (ran && dropPlannerStatistics(conn)) {
        conn.close();
        db = new SqliteDatabase(file);
        applyPragmas(db);
      }
    }
    return db;
  } catch (err) {
    db?.close();
    if (err instanceof AppError) throw err;
    throw sqliteErrorToApp(err) ?? err;
  }
}
