// The backup before a report import checks its copy (integrity_check, foreign_key_check: seconds on a large database)
// in a worker thread, so the app's main thread keeps answering meanwhile (issue #17); the copy is the same verified
// one, and a copy that fails the check is still refused and removed.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copiesOffThread, writeVerifiedCopyOffThread } from '../../src-main/data-file/copy-check';
import { createBackupInOffThread, listBackups } from '../../src-main/data-file/backup-store';
import { createContext } from '../../src-main/runtime/create-context';
import { seededContext } from '../helpers/seeded-db';

const dir = mkdtempSync(join(tmpdir(), 'danvan-bot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const seeded = (name: string, units = 200) => seededContext(dir, name, units);

/** How often a 1 ms timer fired while `work` ran: never when it held this thread from start to end. */
async function ticksDuring<T>(work: () => Promise<T>): Promise<{ value: T; ticks: number }> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  try {
    const value = await work();
    return { value, ticks };
  } finally {
    clearInterval(timer);
  }
}

describe('the check of a backup copy off the main thread', () => {
  it('gives the same verified copy, and this thread keeps running while the worker checks it', { timeout: 60_000 }, async () => {
    const ctx = seeded('same');
    try {
      const off = await ticksDuring(() => writeVerifiedCopyOffThread(ctx.db, join(dir, 'off.sqlite'), 0));
      const here = await ticksDuring(() => writeVerifiedCopyOffThread(ctx.db, join(dir, 'here.sqlite'), Infinity));
      expect(off.value.verified).toBe(true);
      expect(off.value.counts).toEqual(here.value.counts);
      expect(off.value.counts.units).toBe(200);
      expect(off.value.schemaVersion).toBe(here.value.schemaVersion);
      expect(off.ticks).toBeGreaterThan(0); // checked in a worker: timers ran meanwhile
      expect(here.ticks).toBe(0); // a small copy is checked here, in one go
    } finally {
      ctx.close();
    }
  });

  it('refuses a copy that fails the check and leaves no file behind', { timeout: 60_000 }, async () => {
    const ctx = seeded('broken', 5);
    try {
      // a value of a report that does not exist: the copy keeps it, foreign_key_check finds it
      ctx.db.pragma('foreign_keys = OFF');
      ctx.db.prepare('INSERT INTO report_values (report_id, indicator_id, value_num) VALUES (424242, 424242, 1)').run();
      ctx.db.pragma('foreign_keys = ON');
      const folder = join(dir, 'broken-bk');
      await expect(
        createBackupInOffThread(ctx.db, { folder, reason: 'pre-import', now: new Date(2026, 11, 7, 9), appVersion: 't' }),
      ).rejects.toMatchObject({ code: 'db_corrupt' });
      expect(readdirSync(folder)).toEqual([]);
      await expect(writeVerifiedCopyOffThread(ctx.db, join(dir, 'broken-copy.sqlite'), 0)).rejects.toMatchObject({ code: 'db_corrupt' });
      expect(readdirSync(dir).filter((n) => n.includes('broken-copy'))).toEqual([]);
    } finally {
      ctx.close();
    }
  });

  it('records the backup with its sidecar like every other backup', { timeout: 60_000 }, async () => {
    const ctx = seeded('listed', 20);
    try {
      const folder = join(dir, 'listed-bk');
      const info = await createBackupInOffThread(ctx.db, {
        folder,
        reason: 'pre-import',
        now: new Date(2026, 11, 7, 9),
        appVersion: 't',
        note: 'Trước khi nhập 3 báo cáo',
      });
      expect(listBackups(folder).map((b) => [b.name, b.note, b.counts.units])).toEqual([[info.name, 'Trước khi nhập 3 báo cáo', 20]]);
    } finally {
      ctx.close();
    }
  });

  it('the daily backup of a large database is made while the app starts, not before it', { timeout: 90_000 }, async () => {
    const dbFile = join(dir, 'large.sqlite');
    const first = createContext({ mode: 'test', dbFile, version: 't' });
    const ins = first.db.prepare("INSERT INTO documents (name, mime, size, sha256, bytes, created_at) VALUES (?, 'x', ?, ?, ?, 'x')");
    first.db.exec('BEGIN IMMEDIATE');
    for (let i = 0; i < 20; i++) ins.run(`d${i}.bin`, 1 << 20, `h${i}`, randomBytes(1 << 20)); // 20 MB
    first.db.exec('COMMIT');
    first.close();
    const ctx = createContext({ mode: 'web', dbFile, version: 't' }); // a second start: the day's backup is due
    try {
      expect(copiesOffThread(ctx.db)).toBe(true);
      expect(listBackups(ctx.backupsDir).filter((b) => b.reason === 'daily')).toEqual([]); // not made before starting
      const until = Date.now() + 60_000;
      while (!listBackups(ctx.backupsDir).some((b) => b.reason === 'daily') && Date.now() < until)
        await new Promise((r) => setTimeout(r, 50));
      const daily = listBackups(ctx.backupsDir).filter((b) => b.reason === 'daily');
      expect(daily).toHaveLength(1);
      expect(daily[0]!.bytes).toBeGreaterThan(20 << 20);
      expect(ctx.warnings.filter((w) => w.includes('sao lưu'))).toEqual([]);
    } finally {
      ctx.close();
    }
  });
});
