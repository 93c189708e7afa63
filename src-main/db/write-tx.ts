// Every write transaction of the app: BEGIN IMMEDIATE takes the write lock up front, so a second writer (another
// import, the CLI beside the app) waits for the busy timeout instead of failing halfway with SQLITE_BUSY_SNAPSHOT.
import type { Database } from 'better-sqlite3';

/** Run `fn` in one write transaction (a savepoint when already inside one) and return its result. */
export function writeTx<T>(db: Database, fn: () => T): T {
  return db.transaction(fn).immediate();
}
