// Backups at the edges: a PC clock that was (or is) wrong never makes the rotation delete the real history or the
// backup just made; a full disk is named as a full disk (not blamed on the USB); a `backup --out` killed at any
// moment leaves either no file or a whole verified one, and the temporary file it left is cleaned by the next run.
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupsToKeep, type RotationEntry } from '../../src-main/data-file/backup-rotation';
import { createBackupIn, listBackups } from '../../src-main/data-file/backup-store';
import { backupTo, checkDatabase } from '../../src-main/data-file/verified-copy';
import { seededContext } from '../helpers/seeded-db';
import { cliChild } from '../helpers/cli-child';

const dir = mkdtempSync(join(tmpdir(), 'danvan-be-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const day = (iso: string) => new Date(`${iso}T08:00:00`);
const daily = (iso: string): RotationEntry => ({ id: `d-${iso}`, at: day(iso), reason: 'daily' });

const seeded = (name: string, units = 50) => seededContext(dir, name, units);

describe('rotation when the clock was wrong', () => {
  it("backups dated in the future (clock ahead then) neither take the real days' places nor are deleted", () => {
    const future = ['2031-03-01', '2031-03-02', '2031-03-03', '2031-03-04', '2031-03-05', '2031-03-06'].map(daily);
    const real = [
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ].map(daily);
    const keep = backupsToKeep([...future, ...real], day('2026-12-06'));
    for (const f of future) expect(keep.has(f.id), f.id).toBe(true);
    // the seven newest real days are all kept
    for (const r of real.slice(-7)) expect(keep.has(r.id), r.id).toBe(true);
  });

  it('with the clock behind now (a reset PC), the backup just made is kept and no real backup is deleted', () => {
    const ctx = seeded('behind');
    const folder = join(dir, 'behind-bk');
    // a year of history (one backup a month), then nine days
    for (let m = 0; m < 13; m++) createBackupIn(ctx.db, { folder, reason: 'daily', now: new Date(2025, m, 15, 8), appVersion: 't' });
    for (let d = 1; d <= 9; d++) createBackupIn(ctx.db, { folder, reason: 'daily', now: new Date(2026, 10, 20 + d, 8), appVersion: 't' });
    const before = new Set(listBackups(folder).map((b) => b.name));
    const reset = createBackupIn(ctx.db, { folder, reason: 'daily', now: new Date(2000, 0, 1, 8), appVersion: 't' });
    const after = new Set(listBackups(folder).map((b) => b.name));
    expect(after.has(reset.name)).toBe(true);
    for (const n of before) expect(after.has(n), n).toBe(true);
    ctx.close();
  });
});

function mountTmpfs(path: string, size: string): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    mkdirSync(path, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', path], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const canMount = (() => {
  const p = join(dir, 'probe-mount');
  if (!mountTmpfs(p, '64k')) return false;
  execFileSync('umount', [p]);
  return true;
})();

describe.skipIf(!canMount)('a full disk (a real 1 MB file system; skipped where tmpfs cannot be mounted)', () => {
  it('a backup to a folder on a full disk says the disk is full, not that the USB is missing', () => {
    const ctx = seeded('full', 20);
    const mnt = join(dir, 'full-mnt');
    mountTmpfs(mnt, '1m');
    try {
      try {
        writeFileSync(join(mnt, 'filler'), Buffer.alloc(2 * 1024 * 1024));
      } catch {
        /* filled to the last byte */
      }
      let message = '';
      try {
        createBackupIn(ctx.db, { folder: join(mnt, 'backups'), reason: 'manual', now: new Date(), appVersion: 't' });
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toMatch(/đầy/);
      expect(message).not.toMatch(/USB đã cắm/);
    } finally {
      execFileSync('umount', [mnt]);
      ctx.close();
    }
  });
});

describe('an interrupted `backup --out`', () => {
  it('a temporary file left by a dead process beside the target is removed by the next backup there', async () => {
    const ctx = seeded('stale', 10);
    const outDir = join(dir, 'usb');
    mkdirSync(outDir, { recursive: true });
    const stale = join(outDir, '.tmp-999999-copy.sqlite');
    writeFileSync(stale, Buffer.alloc(4096));
    await backupTo(ctx.db, join(outDir, 'copy.sqlite'));
    expect(existsSync(stale)).toBe(false);
    expect(readdirSync(outDir)).toEqual(['copy.sqlite']);
    ctx.close();
  });

  const backupChild = (db: string, out: string, killAfterMs: number | null) =>
    cliChild(['backup', '--out', out, '--db', db, '--json'], killAfterMs);

  it.skipIf(process.platform === 'win32')(
    'killed at any moment: no file, or a whole verified copy — and no temporary file after the next run',
    async () => {
      const ctx = seeded('kill', 20000);
      ctx.close();
      const db = join(dir, 'kill.sqlite');
      const outDir = join(dir, 'kill-out');
      mkdirSync(outDir, { recursive: true });
      const out = join(outDir, 'copy.sqlite');
      const calib = await backupChild(db, out, null);
      expect(calib.code, calib.err).toBe(0);
      const problems: string[] = [];
      let killedRunning = 0;
      const t0 = Date.now();
      // the pace follows the machine: a run that finished before its kill sets it (a busy machine, then an idle one)
      let pace = calib.ms;
      for (let k = 0; k < 12 && killedRunning < 5 && Date.now() - t0 < 60_000; k++) {
        rmSync(out, { force: true });
        const delay = Math.round(pace * (0.4 + (0.5 * ((k * 7919) % 10)) / 10));
        const r = await backupChild(db, out, delay);
        if (r.killed) killedRunning++;
        else if (r.code !== 0) problems.push(`kill ${k}: failed without a kill: ${r.err}`);
        else pace = r.ms;
        if (existsSync(out)) {
          const c = checkDatabase(out);
          if (!c.ok) problems.push(`kill ${k} after ${delay} ms: a partial copy at the target: ${c.problems.join('; ')}`);
          else {
            const copy = new Database(out, { readonly: true });
            const n = (copy.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n;
            copy.close();
            if (n !== 20000) problems.push(`kill ${k}: copy holds ${n} units`);
          }
        }
      }
      const last = await backupChild(db, out, null);
      expect(last.code, last.err).toBe(0);
      expect(problems).toEqual([]);
      expect(killedRunning).toBeGreaterThanOrEqual(2);
      expect(readdirSync(outDir).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
    },
    120_000,
  );
});
