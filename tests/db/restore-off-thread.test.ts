// A restore checks the chosen backup and its private copy, and makes the pre-restore backup, off the main thread when
// they are large (seconds each on a 400 MB file): the app keeps answering meanwhile, the check finds the same
// problems, and the restore ends with the same data.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectFileOffThread } from '../../src-main/data-file/copy-check';
import { createBackup, listBackups } from '../../src-main/data-file/backup-store';
import { restoreFromFile } from '../../src-main/features/backup-restore';
import { createContext } from '../../src-main/runtime/create-context';
import { seededContext } from '../helpers/seeded-db';

const dir = mkdtempSync(join(tmpdir(), 'danvan-rot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** How often a 1 ms timer fired while `work` ran: never when it held this thread from start to end. */
async function ticksDuring<T>(work: () => Promise<T>): Promise<{ value: T; ticks: number }> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  try {
    return { value: await work(), ticks };
  } finally {
    clearInterval(timer);
  }
}

describe('a restore off the main thread', () => {
  it('checks a file in a worker with the same result as here, a damaged one too', { timeout: 60_000 }, async () => {
    const ctx = seededContext(dir, 'inspect', 300);
    try {
      const file = join(dir, 'inspect.sqlite');
      const off = await ticksDuring(() => inspectFileOffThread(file, 0));
      const here = await ticksDuring(() => inspectFileOffThread(file, Infinity));
      expect(off.value).toEqual(here.value);
      expect(off.value.problems).toEqual([]);
      expect(off.value.counts.units).toBe(300);
      expect(off.ticks).toBeGreaterThan(0);
      expect(here.ticks).toBe(0);
      // a value of a report that does not exist: foreign_key_check finds it, in the worker as here
      ctx.db.pragma('foreign_keys = OFF');
      ctx.db.prepare('INSERT INTO report_values (report_id, indicator_id, value_num) VALUES (424242, 424242, 1)').run();
      ctx.db.pragma('foreign_keys = ON');
      ctx.db.pragma('wal_checkpoint(TRUNCATE)');
      const bad = await inspectFileOffThread(file, 0);
      expect(bad.problems.length).toBeGreaterThan(0);
      expect(bad).toEqual(await inspectFileOffThread(file, Infinity));
    } finally {
      ctx.close();
    }
  });

  it('restores a large backup while timers keep running, with the backup’s data', { timeout: 120_000 }, async () => {
    const dbFile = join(dir, 'large.sqlite');
    const ctx = createContext({ mode: 'test', dbFile, version: 't' });
    try {
      const ins = ctx.db.prepare("INSERT INTO documents (name, mime, size, sha256, bytes, created_at) VALUES (?, 'x', ?, ?, ?, 'x')");
      ctx.db.exec('BEGIN IMMEDIATE');
      for (let i = 0; i < 20; i++) ins.run(`d${i}.bin`, 1 << 20, `h${i}`, randomBytes(1 << 20)); // 20 MB
      ctx.db.exec('COMMIT');
      const backup = createBackup(ctx, 'manual', 'trước khi xoá');
      ctx.db.prepare("DELETE FROM documents WHERE name <> 'd0.bin'").run();
      const docs = () => (ctx.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
      expect(docs()).toBe(1);
      const { value, ticks } = await ticksDuring(() => restoreFromFile(ctx, join(ctx.backupsDir, backup.name)));
      expect(docs()).toBe(20);
      expect(value.beforeRestoreFile).not.toBeNull();
      expect(ticks).toBeGreaterThan(0); // the checks and the pre-restore backup ran in a worker
      expect(
        listBackups(ctx.backupsDir)
          .map((b) => b.reason)
          .sort(),
      ).toEqual(['manual', 'pre-restore']);
    } finally {
      ctx.close();
    }
  });
});
