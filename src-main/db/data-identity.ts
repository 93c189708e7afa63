// Is a file on disk our data? Its header (empty, not SQLite) and the tables a Dân vận database of its schema version
// has (read from the migrations), so restore, check and start-up never take a 0-byte file, another program's SQLite
// or a gutted copy for ours.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { loadMigrations, type Migration } from './migrate';

type FileKind = 'missing' | 'empty' | 'not-sqlite' | 'sqlite';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** The tables a database of ours has at schema `version`, read from the migrations themselves (created, dropped, renamed). */
function expectedTables(version: number, migrations: Migration[] = loadMigrations()): Set<string> {
  const tables = new Set<string>();
  const re = /\b(CREATE TABLE(?: IF NOT EXISTS)?|DROP TABLE(?: IF EXISTS)?|ALTER TABLE)\s+"?(\w+)"?(?:\s+RENAME TO\s+"?(\w+)"?)?/gi;
  for (const m of migrations.slice(0, version)) {
    for (const [, verb, name, renamed] of m.sql.matchAll(re)) {
      const v = verb!.toUpperCase();
      if (v.startsWith('CREATE')) tables.add(name!);
      else if (v.startsWith('DROP')) tables.delete(name!);
      else if (renamed) {
        tables.delete(name!);
        tables.add(renamed);
      }
    }
  }
  return tables;
}

/** What the file is, from its size and first 16 bytes (never opens it as a database). */
export function sniffDataFile(file: string): FileKind {
  if (!existsSync(file)) return 'missing';
  if (statSync(file).size === 0) return 'empty';
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return head.equals(MAGIC) ? 'sqlite' : 'not-sqlite';
}

/** Tables that a database of ours at its schema version must have but this one lacks (schema 0: not ours at all). */
export function missingTables(db: Database): { version: number; missing: string[] } {
  const version = db.pragma('user_version', { simple: true }) as number;
  const present = new Set(
    (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name),
  );
  const expected = expectedTables(version);
  return { version, missing: [...expected].filter((t) => !present.has(t)) };
}
