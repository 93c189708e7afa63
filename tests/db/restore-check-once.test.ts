// A restore checks the restored data in full once: the copy is checked (off the main thread when large) before the
// swap, an earlier version's backup is brought up to date on that copy first, and the reopened file is not checked
// again. Before, the same bytes were checked twice, the second time holding the app ~5 s on a 400 MB file, and an
// earlier version's backup was migrated at the reopen (a backup of it, the migration and a full check: 13 s held).
import { afterAll, describe, expect, it, vi } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as connection from '../../src-main/db/connection';
import { createBackup, listBackups } from '../../src-main/data-file/backup-store';
import { restoreFromFile } from '../../src-main/features/backup-restore';
import { seededContext } from '../helpers/seeded-db';
import { asBeforeLastMigration } from '../helpers/older-schema';

// the real fullCheck, watched: which connections it checks
vi.mock('../../src-main/db/connection', async (original) => {
  const real = await original<typeof import('../../src-main/db/connection')>();
  return { ...real, fullCheck: vi.fn(real.fullCheck) };
});
const fullCheck = vi.mocked(connection.fullCheck);

const dir = mkdtempSync(join(tmpdir(), 'danvan-rco-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Full checks made on the live data file itself (the restored data as reopened), not on copies or the backup. */
const checksOfLive = (dbFile: string): number => fullCheck.mock.calls.filter(([db]) => db.name === dbFile && !db.readonly).length;

describe('a restore checks the restored data once', () => {
  it('a backup of this version: no second full check after the swap, the data is the backup’s', { timeout: 60_000 }, async () => {
    const ctx = seededContext(dir, 'same', 50);
    try {
      const backup = createBackup(ctx, 'manual', 'trước khi xoá');
      ctx.db.prepare("DELETE FROM units WHERE code <> 'U1'").run();
      fullCheck.mockClear();
      await restoreFromFile(ctx, join(ctx.backupsDir, backup.name));
      expect((ctx.db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n).toBe(50);
      expect(ctx.dataState.status).toBe('ok');
      expect(fullCheck).toHaveBeenCalled(); // the copy was checked before the swap (here: a small file)
      expect(checksOfLive(ctx.dbFile)).toBe(0);
      expect(readdirSync(dir).filter((n) => n.includes('tmp-restore'))).toEqual([]); // the private copy left nothing
    } finally {
      ctx.close();
    }
  });

  it(
    'companions a cut-off restore left beside its private copy are removed before the next copy is made',
    { timeout: 60_000 },
    async () => {
      const ctx = seededContext(dir, 'leftover', 20);
      try {
        const backup = createBackup(ctx, 'manual', 'trước khi xoá');
        ctx.db.prepare("DELETE FROM units WHERE code <> 'U1'").run();
        // a journal, WAL and index of an earlier private copy (a crash while it was being brought up to date): never to
        // meet the new copy, where SQLite would take them for its own
        for (const ext of ['-journal', '-wal', '-shm']) writeFileSync(`${ctx.dbFile}.tmp-restore${ext}`, '');
        await restoreFromFile(ctx, join(ctx.backupsDir, backup.name));
        expect((ctx.db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n).toBe(20);
        expect(readdirSync(dir).filter((n) => n.startsWith('leftover.sqlite.tmp-restore'))).toEqual([]);
      } finally {
        ctx.close();
      }
    },
  );

  it('a damaged backup is refused after its copy is checked: the data and the folder stay as they were', { timeout: 60_000 }, async () => {
    const ctx = seededContext(dir, 'damaged', 20);
    try {
      const backup = createBackup(ctx, 'manual', 'hỏng');
      const file = join(ctx.backupsDir, backup.name);
      // a value of a report that does not exist: only the full check (foreign_key_check) finds it
      const db = new Database(file);
      db.pragma('foreign_keys = OFF');
      db.prepare('INSERT INTO report_values (report_id, indicator_id, value_num) VALUES (424242, 424242, 1)').run();
      db.close();
      ctx.db.prepare("DELETE FROM units WHERE code <> 'U1'").run();
      const before = readdirSync(dir).sort();
      await expect(restoreFromFile(ctx, file)).rejects.toMatchObject({ code: 'bad_file', message: expect.stringContaining('bị hỏng') });
      expect((ctx.db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n).toBe(1);
      expect(readdirSync(dir).sort()).toEqual(before); // the private copy is gone
    } finally {
      ctx.close();
    }
  });

  it(
    'a backup of an earlier version is brought up to date on its copy before the swap, not at the reopen',
    { timeout: 60_000 },
    async () => {
      const ctx = seededContext(dir, 'older', 50);
      try {
        const backup = createBackup(ctx, 'manual', 'bản cũ');
        const file = join(ctx.backupsDir, backup.name);
        const latest = asBeforeLastMigration(file);
        ctx.db.prepare("DELETE FROM units WHERE code <> 'U1'").run();
        fullCheck.mockClear();
        await restoreFromFile(ctx, file);
        expect(ctx.db.pragma('user_version', { simple: true })).toBe(latest);
        expect((ctx.db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n).toBe(50);
        expect(checksOfLive(ctx.dbFile)).toBe(0); // checked on the copy, after its migration, before the swap
        // no backup of the restored data before a migration at the reopen: there was none
        const reasons = listBackups(ctx.backupsDir).map((b) => b.reason);
        expect(reasons).toContain('pre-restore');
        expect(reasons).not.toContain('pre-migrate');
        const chosen = new Database(file, { readonly: true });
        expect(chosen.pragma('user_version', { simple: true })).toBe(latest - 1); // the chosen backup is left as it was
        chosen.close();
        expect(readdirSync(dir).filter((n) => n.includes('tmp-restore'))).toEqual([]); // nor its WAL beside it
      } finally {
        ctx.close();
      }
    },
  );
});
