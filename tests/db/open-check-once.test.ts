// Opening the data file checks it once (issue #17: quick_check reads the whole file, ~1.2 s per 400 MB, and ran twice at
// every start and every CLI command): in the read-only probe, or, when the probe cannot read a WAL left by a crash,
// after the read-write open has recovered it. A damaged file is still refused.
import { afterEach, describe, expect, it, vi } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src-main/db/connection';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

function existing(): string {
  const dir = mkdtempSync(join(tmpdir(), 'danvan-open-'));
  dirs.push(dir);
  const file = join(dir, 'dan-van.sqlite');
  const db = openDatabase(file);
  db.prepare("INSERT INTO units (code, name, search_key, created_at, updated_at) VALUES ('A1', 'Công đoàn A', 'a', 'x', 'x')").run();
  db.close();
  return file;
}

/** How many times quick_check ran while `fn` did. */
function quickChecks(fn: () => void): number {
  const pragma = Database.prototype.pragma;
  let n = 0;
  vi.spyOn(Database.prototype, 'pragma').mockImplementation(function (
    this: Database.Database,
    source: string,
    options?: Database.PragmaOptions,
  ) {
    if (/^\s*quick_check/i.test(source)) n++;
    return pragma.call(this, source, options);
  });
  fn();
  return n;
}

describe('opening an existing data file', () => {
  it('runs quick_check once, and the data is there', () => {
    const file = existing();
    let units = 0;
    expect(
      quickChecks(() => {
        const db = openDatabase(file);
        units = (db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n;
        db.close();
      }),
    ).toBe(1);
    expect(units).toBe(1);
  });

  it('still refuses a damaged file', () => {
    const file = existing();
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096, bytes.length); // every page after the first overwritten
    writeFileSync(file, bytes);
    expect(() => openDatabase(file)).toThrow();
  });
});
