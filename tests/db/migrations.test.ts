import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPragmas, openDatabase } from '../../src-main/db/connection';
import { loadMigrations, migrate, schemaVersion } from '../../src-main/db/migrate';

const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'danvan-db-'));
  dirs.push(d);
  return d;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('database connection', () => {
  it('opens with WAL, synchronous=FULL, foreign keys, temp_store=MEMORY and the vn_fold function', () => {
    const db = openDatabase(join(tmp(), 'a.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('temp_store', { simple: true })).toBe(2); // savepoint journals in memory, not temp files
    expect(db.prepare("SELECT vn_fold('Công Đoàn') AS f").get()).toEqual({ f: 'cong doan' });
    expect(schemaVersion(db)).toBe(loadMigrations().length);
    db.close();
  });

  it('numbers migrations contiguously from 1', () => {
    const ms = loadMigrations();
    expect(ms.length).toBeGreaterThan(0);
    ms.forEach((m, i) => expect(m.version).toBe(i + 1));
  });

  it('refuses a database from a newer version and leaves it untouched', () => {
    const file = join(tmp(), 'future.sqlite');
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.exec('CREATE TABLE keep (x INTEGER)');
    raw.close();
    expect(() => openDatabase(file)).toThrow(/phiên bản phần mềm mới hơn/);
    const again = new Database(file, { readonly: true });
    expect(again.pragma('user_version', { simple: true })).toBe(999);
    expect(again.prepare("SELECT name FROM sqlite_master WHERE name = 'units'").get()).toBeUndefined();
    again.close();
  });

  it('rolls a failing migration back entirely (no half-applied schema, version unchanged)', () => {
    const db = new Database(':memory:');
    applyPragmas(db);
    const good = loadMigrations();
    const bad = [
      ...good,
      { version: good.length + 1, name: 'broken', sql: 'CREATE TABLE t_new (x INTEGER); SELECT * FROM no_such_table;' },
    ];
    migrate(db, good);
    expect(() => migrate(db, bad)).toThrow();
    expect(schemaVersion(db)).toBe(good.length);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 't_new'").get()).toBeUndefined();
    db.close();
  });

  it('builds a new database in one transaction: the same schema as file by file, and nothing when one fails', () => {
    const schema = (db: Database.Database) => db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    const good = loadMigrations();
    const byFile = new Database(':memory:');
    applyPragmas(byFile);
    for (let i = 1; i <= good.length; i++) migrate(byFile, good.slice(0, i)); // one migration at a time, as an upgrade runs
    const whole = new Database(':memory:');
    applyPragmas(whole);
    expect(migrate(whole, good)).toBe(good.length);
    expect(schema(whole)).toEqual(schema(byFile));
    expect(schemaVersion(whole)).toBe(good.length);
    byFile.close();
    whole.close();

    const fresh = new Database(':memory:');
    applyPragmas(fresh);
    const bad = [...good, { version: good.length + 1, name: 'broken', sql: 'SELECT * FROM no_such_table;' }];
    expect(() => migrate(fresh, bad)).toThrow();
    expect(schemaVersion(fresh)).toBe(0); // all or nothing: not the first migrations kept without the last
    expect(fresh.prepare("SELECT name FROM sqlite_master WHERE name = 'units'").get()).toBeUndefined();
    fresh.close();
  });

  it('calls the before-migrate hook (backup) only for an existing database with pending migrations', () => {
    const file = join(tmp(), 'b.sqlite');
    const calls: number[] = [];
    const first = loadMigrations().slice(0, 1);
    openDatabase(file, { migrations: first, beforeMigrate: () => calls.push(1) }).close();
    expect(calls).toEqual([]); // new database: nothing to protect
    const extra = [...first, { version: 2, name: '0002_x.sql', sql: 'CREATE TABLE extra (x INTEGER) STRICT;' }];
    openDatabase(file, { migrations: extra, beforeMigrate: () => calls.push(2) }).close();
    expect(calls).toEqual([2]);
    openDatabase(file, { migrations: extra, beforeMigrate: () => calls.push(3) }).close();
    expect(calls).toEqual([2]);
  });

  it('rejects a file that is not a database with a Vietnamese message', () => {
    const file = join(tmp(), 'garbage.sqlite');
    writeFileSync(file, Buffer.alloc(8192, 7));
    expect(() => openDatabase(file)).toThrow(/hỏng/);
  });

  it('keeps the audit log append-only', () => {
    const db = openDatabase(':memory:');
    db.prepare("INSERT INTO audit_log (at, actor, action, entity, summary) VALUES ('x','a','b','c','d')").run();
    expect(() => db.prepare('UPDATE audit_log SET summary = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.close();
  });
});
