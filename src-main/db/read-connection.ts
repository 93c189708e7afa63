// A second, read-only connection to the data file for work done off the main thread (the value checks of a plan in
// a worker): no migration, no integrity check (the app's own connection did both), and a read snapshot so a
// computation made of several queries sees one state of the data even while the app writes.
import { SqliteDatabase } from './sqlite-driver';
import type { Db } from './connection';

export function openReadConnection(file: string): Db {
  const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  db.pragma('query_only = ON');
  return db;
}

/** `fn` inside one read transaction: every query it makes sees the same committed state (inside a transaction
 *  already under way, that one's). */
export function inReadSnapshot<T>(db: Db, fn: () => T): T {
  if (db.inTransaction) return fn();
  db.exec('BEGIN DEFERRED');
  try {
    return fn();
  } finally {
    db.exec('COMMIT');
  }
}

/** The same for work that awaits (a file built after its reads): the transaction stays open until `fn` settles. Only
 *  on a connection of its own (a worker's), where nothing else runs meanwhile. */
export async function inReadSnapshotAsync<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  if (db.inTransaction) return fn();
  db.exec('BEGIN DEFERRED');
  try {
    return await fn();
  } finally {
    db.exec('COMMIT');
  }
}
