// SQL the data-file lifecycle needs: a compacted copy (VACUUM INTO), folding the WAL into the main file, the row
// counts that summarise a backup, and the query-only stand-in database used while the real one is blocked.
import { SqliteDatabase } from './sqlite-driver';
import { openDatabase, type Db } from './connection';

/** Main tables whose row counts summarise a backup's contents (those that exist in its schema). */
const SUMMARY_TABLES = ['units', 'plans', 'indicators', 'reports', 'import_batches', 'models', 'audit_log'];

export function countRows(db: Db, tables: readonly string[] = SUMMARY_TABLES): Record<string, number> {
  const present = new Set(
    (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name),
  );
  const counts: Record<string, number> = {};
  for (const t of tables) if (present.has(t)) counts[t] = (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n;
  return counts;
}

/** A compacted, consistent copy of the open database written to `file` (which must not exist). */
export function vacuumInto(db: Db, file: string): void {
  db.prepare('VACUUM INTO ?').run(file);
}

/** The same copy made from the file through a read-only connection of its own (a worker thread's): one consistent
 *  snapshot of what is committed. Not query_only: SQLite counts VACUUM INTO as a write there. */
export function vacuumFileInto(source: string, file: string): void {
  const db = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    vacuumInto(db, file);
  } finally {
    db.close();
  }
}

/** Everything in the WAL written into the main file, and the WAL emptied (before the file is copied or moved). */
export function checkpointTruncate(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** An empty, migrated, query-only in-memory database handlers can hold while the real one is blocked. */
export function placeholderDb(): Db {
  const db = openDatabase(':memory:');
  db.pragma('query_only = ON');
  return db;
}
