// A database file put back as the version before the last migration left it: the objects the last migration file
// creates (tables, indexes, triggers, added columns) removed and user_version lowered, so opening it migrates it
// again as an upgrade would. Test-only.
import Database from 'better-sqlite3';
import { loadMigrations } from '../../src-main/db/migrate';

export function asBeforeLastMigration(file: string): number {
  const last = loadMigrations().at(-1)!;
  const sql = last.sql.replace(/--[^\n]*/g, '');
  const db = new Database(file);
  try {
    db.pragma('foreign_keys = OFF');
    for (const [, name] of sql.matchAll(/CREATE\s+TRIGGER\s+(\w+)/gi)) db.exec(`DROP TRIGGER IF EXISTS ${name}`);
    for (const [, name] of sql.matchAll(/CREATE\s+(?:UNIQUE\s+)?INDEX\s+(\w+)/gi)) db.exec(`DROP INDEX IF EXISTS ${name}`);
    for (const [, name] of sql.matchAll(/CREATE\s+TABLE\s+(\w+)/gi)) db.exec(`DROP TABLE IF EXISTS ${name}`);
    for (const [, table, column] of sql.matchAll(/ALTER\s+TABLE\s+(\w+)\s+ADD\s+COLUMN\s+(\w+)/gi))
      db.exec(`ALTER TABLE ${table} DROP COLUMN ${column}`);
    db.pragma(`user_version = ${last.version - 1}`);
  } finally {
    db.close();
  }
  return last.version;
}
