// Restore that never loses (issue: data safety, round two): restoring today's daily backup keeps it, an empty (0-byte)
// live file is damage and never taken as new, restore refuses files that are not our data before touching anything,
// an interrupted restore is recovered at the next start, and restore waits for other users of the data to go.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel, In, Out } from '../../src-main/contract/index';
import { dispatch } from '../../src-main/rpc/dispatch';
import { createContext, type RunningContext } from '../../src-main/runtime/create-context';
import { restoreFromFile } from '../../src-main/features/backup-restore';
import { checkDatabase } from '../../src-main/data-file/verified-copy';
import { listBackups } from '../../src-main/data-file/backup-store';
import { openTask } from '../../src-main/features/report-import/cancel';
import { asBeforeLastMigration } from '../helpers/older-schema';

const cleanups: (() => void)[] = [];
afterEach(() =>
  cleanups
    .splice(0)
    .reverse()
    .forEach((f) => f()),
);
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'danvan-rs-'));
  cleanups.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}
function open(dbFile: string, mode: RunningContext['mode'] = 'test', now?: () => Date): RunningContext {
  const ctx = createContext({ mode, dbFile, version: 't', now });
  cleanups.push(() => ctx.db.open && ctx.close());
  return ctx;
}
async function call<C extends Channel>(ctx: RunningContext, name: C, input: In<C>): Promise<Out<C>> {
  const res = await dispatch(name, input, ctx, { checkOutput: true });
  if (!res.ok) throw Object.assign(new Error(res.error.message), res.error);
  return res.data as Out<C>;
}
const unit = (code: string) => ({
  code,
  name: `Công đoàn ${code}`,
  kind: 'cdcs' as const,
  parentId: null,
  sector: null,
  members: null,
  chair: null,
  phone: null,
  email: null,
  address: null,
  note: null,
  aliases: [],
});
const codes = async (ctx: RunningContext) => (await call(ctx, 'units.list', { includeInactive: true })).map((u) => u.code).sort();

async function seeded(dir: string, n = 5): Promise<string> {
  const file = join(dir, 'dan-van.sqlite');
  const ctx = createContext({ mode: 'test', dbFile: file, version: 't' });
  for (let i = 1; i <= n; i++) await call(ctx, 'units.save', unit(`A${i}`));
  ctx.close();
  return file;
}

describe('restore never loses', () => {
  it("restoring this morning's daily backup brings it back and keeps it in the list", async () => {
    const dir = tmp();
    const file = await seeded(dir);
    const ctx = open(file, 'web'); // the second start of the day makes the daily backup
    const daily = listBackups(ctx.backupsDir).find((b) => b.reason === 'daily');
    expect(daily).toBeDefined();
    await call(ctx, 'units.save', unit('B1')); // the mistake to undo
    const r = await call(ctx, 'backups.restore', { name: daily!.name });
    expect(r.restoredFrom).toBe(daily!.name);
    expect(await codes(ctx)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
    expect(listBackups(ctx.backupsDir).map((b) => b.name)).toContain(daily!.name);
    expect(existsSync(join(ctx.backupsDir, daily!.name))).toBe(true);
  });

  it('a backup made by an earlier version (an older schema) is restored and brought up to date', async () => {
    const dir = tmp();
    const file = await seeded(dir);
    const ctx = open(file);
    const backup = (await call(ctx, 'backups.create', {})).name;
    const latest = asBeforeLastMigration(join(ctx.backupsDir, backup)); // the backup as the version before made it
    await call(ctx, 'units.save', unit('B1'));
    const r = await call(ctx, 'backups.restore', { name: backup });
    expect(r.restoredFrom).toBe(backup);
    expect(ctx.dataState.status).toBe('ok');
    expect(await codes(ctx)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
    expect(ctx.db.pragma('user_version', { simple: true })).toBe(latest);
  });

  it('a second restore asked while one runs is refused, the first one completes', async () => {
    const dir = tmp();
    const file = await seeded(dir);
    const ctx = open(file);
    const backup = (await call(ctx, 'backups.create', {})).name;
    await call(ctx, 'units.save', unit('B1'));
    const first = call(ctx, 'backups.restore', { name: backup });
    await expect(call(ctx, 'backups.restore', { name: backup })).rejects.toMatchObject({ code: 'db_busy' });
    await first;
    expect(await codes(ctx)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
  });

  it('a 0-byte live database is damage: set aside, recovery offered, the good backup kept', async () => {
    const dir = tmp();
    const file = await seeded(dir);
    const first = open(file, 'web');
    const good = listBackups(first.backupsDir).map((b) => b.name);
    expect(good.length).toBe(1);
    first.close();
    writeFileSync(file, '');
    expect(checkDatabase(file).ok).toBe(false);
    const ctx = open(file, 'web', () => new Date(Date.now() + 24 * 3600 * 1000)); // next day: a daily backup would be due
    expect(ctx.dataState.status).toBe('damaged');
    expect(ctx.dataState.setAsideFile).toMatch(/dan-van\.sqlite\.corrupt-/);
    expect(statSync(ctx.dataState.setAsideFile!).size).toBe(0);
    expect(listBackups(ctx.backupsDir).map((b) => b.name)).toEqual(good);
    await call(ctx, 'backups.restore', { name: good[0]! });
    expect(ctx.dataState.status).toBe('ok');
    expect(await codes(ctx)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
  });

  it('restore refuses a 0-byte file, a foreign SQLite file and one missing our tables, before touching the data', async () => {
    const dir = tmp();
    const file = await seeded(dir);
    const empty = join(dir, 'empty.sqlite');
    writeFileSync(empty, '');
    const foreign = join(dir, 'foreign.sqlite');
    const f = new Database(foreign);
    f.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('x');");
    f.close();
    const gutted = join(dir, 'gutted.sqlite');
    copyFileSync(file, gutted);
    const g = new Database(gutted);
    g.pragma('foreign_keys = OFF');
    g.exec('DROP TABLE report_values; DROP TABLE report_narrative; DROP TABLE reports;');
    g.close();
    const ctx = open(file);
    for (const bad of [empty, foreign, gutted]) {
      await expect(restoreFromFile(ctx, bad)).rejects.toThrow(/không phải bản sao lưu|trống|thiếu/);
      expect(ctx.dataState.status).toBe('ok');
      expect(await codes(ctx)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
    }
    expect(readdirSync(dir).filter((n) => n.includes('before-restore'))).toEqual([]);
    expect(existsSync(ctx.backupsDir) ? listBackups(ctx.backupsDir) : []).toEqual([]); // not even the pre-restore backup
  });

  it('a restore interrupted after the live file was moved aside is recovered at the next start, not replaced by empty data', async () => {
    const dir = tmp();
    const file = await seeded(dir);
    // the state a crash left with the old order of steps: live file renamed aside, the new one not yet in place
    const aside = join(dir, 'dan-van.before-restore-20261206-101010.sqlite');
    renameSync(file, aside);
    writeFileSync(`${file}.tmp-restore`, 'half a copy');
    const ctx = open(file);
    expect(ctx.dataState.status).toBe('ok');
    expect(await codes(ctx)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
    expect(ctx.warnings.join(' ')).toMatch(/gián đoạn|trước khi khôi phục/);
    expect(existsSync(`${file}.tmp-restore`)).toBe(false);
  });

  it('an empty live file beside a before-restore file gets the before-restore data back; the empty file is kept aside', async () => {
    const dir = tmp();
    const file = await seeded(dir);
    copyFileSync(file, join(dir, 'dan-van.before-restore-20261206-101010.sqlite'));
    writeFileSync(file, '');
    const ctx = open(file);
    expect(ctx.dataState.status).toBe('ok');
    expect(await codes(ctx)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
    expect(readdirSync(dir).some((n) => n.startsWith('dan-van.sqlite.empty-'))).toBe(true);
  });

  it('restore is refused while an import runs in this process', async () => {
    const dir = tmp();
    const file = await seeded(dir);
    const ctx = open(file);
    const bk = await call(ctx, 'backups.create', {});
    const task = openTask('reports.commit');
    try {
      await expect(call(ctx, 'backups.restore', { name: bk.name })).rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(/đang nhập/i),
      });
    } finally {
      task.close();
    }
    await call(ctx, 'backups.restore', { name: bk.name });
  });
});
