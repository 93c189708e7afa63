// Numbered SQL migrations (db/migrations/NNNN_topic.sql) tracked by PRAGMA user_version. Each pending file runs in
// its own transaction; one that rebuilds a table (DROP TABLE / RENAME) runs with foreign keys off and must pass
// foreign_key_check before it commits (SQLite's 12-step procedure). A new database gets them all in one transaction:
// from the baseline (schema-NNNN.sql, the final statements of migrations 1…NNNN) when there is one for the latest.
// A database from a newer version is refused untouched.
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
  /** On the latest migration only: the baseline, the schema and seeded rows of migrations 1…this one as their final
   *  CREATE statements (schema-NNNN.sql, written by `npm run db:baseline`): what a new database runs instead of every
   *  file. A new database got its schema in 12–18 ms from the files (ALTER TABLE checks the whole schema each time)
   *  and in ~4 ms from the baseline. */
  baseline?: string;
}

/**
 * Where the .sql files are: beside this module in source, copied beside the bundle by the build (this code may sit in
 * out/main or in out/main/chunks, depending on how the bundler splits the entries).
 */
export function defaultMigrationsDir(here = import.meta.url): string {
  const dirs = ['./migrations/', '../migrations/'].map((rel) => fileURLToPath(new URL(rel, here)));
  return dirs.find((d) => existsSync(d)) ?? dirs[0]!;
}

/** The file of the baseline after migration `version` (schema-0015.sql), beside the migrations. */
export const baselineFile = (version: number): string => `schema-${String(version).padStart(4, '0')}.sql`;

const loaded = new Map<string, readonly Migration[]>();

/** The migrations in `dir`, read once per process (the files do not change while it runs). */
export function loadMigrations(dir = defaultMigrationsDir()): Migration[] {
  let migrations = loaded.get(dir);
  if (!migrations) {
    const names = readdirSync(dir);
    const list: Migration[] = names
      .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
      .sort()
      .map((f) => ({ version: Number(f.slice(0, 4)), name: f, sql: readFileSync(join(dir, f), 'utf8') }));
    list.forEach((m, i) => {
      if (m.version !== i + 1) throw new Error(`Migration numbering has a gap or duplicate at ${m.name}`);
    });
    const last = list.at(-1);
    if (last && names.includes(baselineFile(last.version))) last.baseline = readFileSync(join(dir, baselineFile(last.version)), 'utf8');
    loaded.set(dir, (migrations = list));
  }
  return [...migrations];
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

/**
 * Does this migration rebuild a table? With foreign keys on, `DROP TABLE t` deletes t's rows first, which cascades
 * to (or is refused by) every table that references t: the rebuild must run with foreign keys off.
 */
export function rebuildsTables(sql: string): boolean {
  const code = sql.replace(/--[^\n]*/g, '');
  return /\bDROP\s+TABLE\b/i.test(code) || /\bALTER\s+TABLE\s+\S+\s+RENAME\s+TO\b/i.test(code);
}

/** Run a table rebuild: foreign keys off (outside the transaction), then inside it: the SQL, foreign_key_check, bump. */
function runRebuild(db: Database, m: Migration): void {
  const wasOn = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF'); // a no-op inside a transaction: this runs before BEGIN
  try {
    writeTx(db, () => {
      db.exec(m.sql);
      const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
      if (broken.length) {
        const first = broken[0]!;
        throw new Error(
          `Migration ${m.name} would leave ${broken.length} rows of ${first.table} pointing at missing ${first.parent} rows; nothing was changed`,
        );
      }
      db.pragma(`user_version = ${m.version}`);
    });
  } finally {
    if (wasOn) db.pragma('foreign_keys = ON');
  }
}

/** Apply pending migrations, each atomically with its user_version bump. Returns how many ran. */
export function migrate(db: Database, migrations: Migration[], beforeFirst?: () => void): number {
  const pending = pendingMigrations(db, migrations);
  if (pending.length && beforeFirst) beforeFirst();
  const last = pending.at(-1);
  if (
    schemaVersion(db) === 0 &&
    last &&
    pending.length > 1 &&
    (last.baseline !== undefined || !pending.some((m) => rebuildsTables(m.sql)))
  ) {
    // a new database: one commit instead of one per file (its migrations in half the time: ~15 ms of a CLI command
    // on a new file), and all or nothing; from the baseline when there is one
    writeTx(db, () => {
      if (last.baseline !== undefined) db.exec(last.baseline);
      else for (const m of pending) db.exec(m.sql);
      db.pragma(`user_version = ${last.version}`);
    });
    return pending.length;
  }
  for (const m of pending) {
    if (rebuildsTables(m.sql)) {
      runRebuild(db, m);
      continue;
    }
    writeTx(db, () => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    });
  }
  return pending.length;
}

/**
 * Remove the query planner's statistics (sqlite_stat1, sqlite_stat4), if any; whether there were some. Earlier versions
 * ran PRAGMA optimize after migrating, whose sampled statistics misled the planner on skewed data (one indicator's total
 * read through every plan's values: the overview of a 5,000-unit database took 8 s). The app's queries are written for
 * the planner without statistics. A connection keeps what it loaded at open: reopen it after this.
 */
export function dropPlannerStatistics(db: Database): boolean {
  let had = false;
  for (const table of ['sqlite_stat1', 'sqlite_stat4']) {
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
    if (!exists) continue;
    had = db.prepare(`DELETE FROM ${table}`).run().changes > 0 || had;
  }
  return had;
}
