// The baseline a new database gets (src-main/db/migrations/schema-NNNN.sql): it is what the migrations make, a
// database made from it equals one made file by file (schema, seeded rows, version), and a new database uses it.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPragmas } from '../../src-main/db/connection';
import { baselineFile, defaultMigrationsDir, loadMigrations, migrate, schemaVersion } from '../../src-main/db/migrate';
import { baselineSql, fileByFile, STAMP_COLUMNS } from '../helpers/db-baseline';

const fresh = () => {
  const db = new Database(':memory:');
  applyPragmas(db);
  return db;
};

/** Every table's rows, stamp columns left out, in one order. */
function contents(db: Database.Database): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  for (const t of tables) {
    const cols = (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t) as string[]).filter((c) => !STAMP_COLUMNS.has(c));
    out[t] = db
      .prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${t}" ORDER BY 1, 2`)
      .raw(true)
      .all();
  }
  return out;
}
const schema = (db: Database.Database) => db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all();

describe('the baseline of a new database', () => {
  it('is what the migrations make now (else: npm run db:baseline)', () => {
    const ms = loadMigrations();
    const file = join(defaultMigrationsDir(), baselineFile(ms.length));
    expect(ms.at(-1)!.baseline, `${file} is missing: run npm run db:baseline`).toBeDefined();
    expect(readFileSync(file, 'utf8'), `${file} is out of date: run npm run db:baseline`).toBe(baselineSql(ms));
  });

  it('makes the same database as the files one by one: schema, seeded rows, version; its stamps are the time it ran', () => {
    const ms = loadMigrations();
    const byFile = fresh();
    migrate(byFile, fileByFile(ms));
    const from = fresh();
    const before = new Date().toISOString();
    expect(migrate(from, ms)).toBe(ms.length);
    const after = new Date().toISOString();
    expect(schema(from)).toEqual(schema(byFile));
    expect(contents(from)).toEqual(contents(byFile)); // the revision counters too: no trigger fired on the seeded rows
    expect(schemaVersion(from)).toBe(schemaVersion(byFile));
    expect(from.pragma('foreign_key_check')).toEqual([]);
    expect(from.pragma('integrity_check', { simple: true })).toBe('ok');
    const stamps = from.prepare('SELECT created_at AS c, updated_at AS u FROM indicators').all() as { c: string; u: string }[];
    expect(stamps.length).toBeGreaterThan(0);
    for (const s of stamps) for (const t of [s.c, s.u]) expect(t >= before.slice(0, 19) && t <= after).toBe(true);
    byFile.close();
    from.close();
  });

  it('is what a new database runs; an older list of migrations (no baseline) runs file by file', () => {
    const ms = loadMigrations();
    const marked = [...ms.slice(0, -1), { ...ms.at(-1)!, baseline: `${ms.at(-1)!.baseline!}\nCREATE TABLE from_baseline (x INTEGER);` }];
    const a = fresh();
    migrate(a, marked);
    expect(a.prepare("SELECT name FROM sqlite_master WHERE name = 'from_baseline'").get()).toBeDefined();
    const b = fresh();
    migrate(b, ms.slice(0, -1));
    expect(schemaVersion(b)).toBe(ms.length - 1);
    expect(b.prepare("SELECT name FROM sqlite_master WHERE name = 'from_baseline'").get()).toBeUndefined();
    a.close();
    b.close();
  });
});
