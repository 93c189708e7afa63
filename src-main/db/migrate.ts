// Numbered SQL migrations (db/migrations/NNNN_topic.sql) tracked by PRAGMA user_version.
// Each pending file runs in its own transaction; a database from a newer app version is refused untouched.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { AppError } from '../contract/errors';
import { writeTx } from './write-tx';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Where the .sql files are: beside this module in source, copied beside the bundle by the build (this code may sit in
 * out/main or in out/main/chunks, depending on how the bundler splits the entries).
 */
export function defaultMigrationsDir(here = import.meta.url): string {
  const dirs = ['./migrations/', '../migrations/'].map((rel) => fileURLToPath(new URL(rel, here)));
  return dirs.find((d) => existsSync(d)) ?? dirs[0]!;
}

export function loadMigrations(dir = defaultMigrationsDir()): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  const migrations = files.map((f) => ({ version: Number(f.slice(0, 4)), name: f, sql: readFileSync(join(dir, f), 'utf8') }));
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration numbering has a gap or duplicate at ${m.name}`);
  });
  return migrations;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export class NewerDatabaseError extends AppError {
  constructor(found: number, known: number) {
    super(
      'db_read_only',
      `Dữ liệu được tạo bởi phiên bản phần mềm mới hơn (lược đồ ${found}, phiên bản này biết đến ${known}). ` +
        'Vui lòng cập nhật phần mềm lên bản mới nhất; dữ liệu không bị thay đổi.',
    );
  }
}

/** Pending migrations for this database (throws NewerDatabaseError for a future schema). */
export function pendingMigrations(db: Database, migrations: Migration[]): Migration[] {
  const current = schemaVersion(db);
  const latest = migrations.length;
  if (current > latest) throw new NewerDatabaseError(current, latest);
  return migrations.slice(current);
}

/** Apply pending migrations, each atomically with its user_version bump. Returns how many ran. */
export function migrate(db: Database, migrations: Migration[], beforeFirst?: () => void): number {
  const pending = pendingMigrations(db, migrations);
  if (pending.length && beforeFirst) beforeFirst();
  for (const m of pending) {
    writeTx(db, () => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    });
  }
  if (pending.length) db.pragma('optimize');
  return pending.length;
}
