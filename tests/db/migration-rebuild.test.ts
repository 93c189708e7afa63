// A migration that rebuilds a table keeps the rows that depend on it: the obvious rebuild of `indicators` (create new,
// copy, DROP, RENAME) run with foreign keys on deletes every remembered label mapping through ON DELETE CASCADE while
// foreign_key_check still passes. The runner turns foreign keys off for it and checks them before committing.
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src-main/db/connection';
import { loadMigrations, migrate, rebuildsTables, schemaVersion, type Migration } from '../../src-main/db/migrate';

const dir = mkdtempSync(join(tmpdir(), 'danvan-mig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const real = loadMigrations();
const next = real.length + 1;
const rebuildIndicators = (extra = ''): Migration => ({
  version: next,
  name: `${String(next).padStart(4, '0')}_rebuild_indicators.sql`,
  sql: `
CREATE TABLE indicators_new (
  id INTEGER PRIMARY KEY, code TEXT NOT NULL, group_code TEXT NOT NULL, group_label TEXT NOT NULL, label TEXT NOT NULL,
  label_folded TEXT NOT NULL, unit TEXT, unit2 TEXT, aggregation TEXT NOT NULL DEFAULT 'sum', sort_order INTEGER NOT NULL DEFAULT 0,
  retired INTEGER NOT NULL DEFAULT 0, note TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  rule_min REAL, rule_max REAL, rule_integer INTEGER NOT NULL DEFAULT 0, rule_required INTEGER NOT NULL DEFAULT 0,
  unit_note TEXT
) STRICT;
INSERT INTO indicators_new (id, code, group_code, group_label, label, label_folded, unit, unit2, aggregation, sort_order, retired, note,
  created_at, updated_at, rule_min, rule_max, rule_integer, rule_required)
  SELECT id, code, group_code, group_label, label, label_folded, unit, unit2, aggregation, sort_order, retired, note,
  created_at, updated_at, rule_min, rule_max, rule_integer, rule_required FROM indicators ${extra};
DROP TABLE indicators;
ALTER TABLE indicators_new RENAME TO indicators;
CREATE UNIQUE INDEX indicators_code_uq ON indicators (code COLLATE NOCASE);
CREATE INDEX indicators_label_ix ON indicators (label_folded);
`,
});

function seeded(name: string): Database.Database {
  const file = join(dir, name);
  openDatabase(file).close(); // today's schema
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  const ind = db.prepare('SELECT id FROM indicators ORDER BY id LIMIT 2').all() as { id: number }[];
  const ins = db.prepare("INSERT INTO label_mappings (unit_id, label_key, indicator_id, updated_at) VALUES (0, ?, ?, 'x')");
  ins.run('hien mau nhan dao', ind[0]!.id);
  ins.run('tuyen truyen mieng', ind[1]!.id);
  return db;
}
const mappings = (db: Database.Database) => (db.prepare('SELECT count(*) AS n FROM label_mappings').get() as { n: number }).n;

describe('migrations that rebuild a table', () => {
  it('are recognised by their DROP TABLE / RENAME TO (not by a comment)', () => {
    expect(rebuildsTables(rebuildIndicators().sql)).toBe(true);
    expect(rebuildsTables('-- DROP TABLE x\nALTER TABLE plans ADD COLUMN y TEXT;')).toBe(false);
    expect(real.filter((m) => rebuildsTables(m.sql)).map((m) => m.name)).toEqual([]);
  });

  it('the obvious rebuild with foreign keys on loses the remembered mappings (why the runner exists)', () => {
    const db = seeded('naive.sqlite');
    expect(mappings(db)).toBe(2);
    db.transaction(() => db.exec(rebuildIndicators().sql))();
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(mappings(db)).toBe(0);
    db.close();
  });

  it('through the runner the rebuild keeps every dependent row, and foreign keys are on again after', () => {
    const db = seeded('runner.sqlite');
    migrate(db, [...real, rebuildIndicators()]);
    expect(schemaVersion(db)).toBe(next);
    expect(mappings(db)).toBe(2);
    expect(
      (db.prepare("SELECT count(*) AS n FROM pragma_table_info('indicators') WHERE name = 'unit_note'").get() as { n: number }).n,
    ).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('a rebuild that would leave orphans is rolled back whole, with a message naming the table', () => {
    const db = seeded('orphans.sqlite');
    const before = (db.prepare('SELECT count(*) AS n FROM indicators').get() as { n: number }).n;
    const firstId = (db.prepare('SELECT min(id) AS id FROM indicators').get() as { id: number }).id;
    expect(() => migrate(db, [...real, rebuildIndicators(`WHERE id <> ${firstId}`)])).toThrow(/label_mappings/);
    expect(schemaVersion(db)).toBe(real.length);
    expect((db.prepare('SELECT count(*) AS n FROM indicators').get() as { n: number }).n).toBe(before);
    expect(mappings(db)).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});
