// Start-up recovery: a damaged database (truncated, random bytes, stale -wal of another database) is set aside and
// the app starts blocked with a Vietnamese explanation and the verified backups to restore; a newer one is refused
// untouched; a database in a synced folder can be moved to the default folder.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync, statSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel, In, Out } from '../../src-main/contract/index';
import { dispatch } from '../../src-main/rpc/dispatch';
import { createContext, type RunningContext } from '../../src-main/runtime/create-context';
import { moveToDefault } from '../../src-main/features/backup-restore';

const cleanups: (() => void)[] = [];
afterEach(() =>
  cleanups
    .splice(0)
    .reverse()
    .forEach((f) => f()),
);
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'danvan-rec-'));
  cleanups.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}
function open(dbFile: string): RunningContext {
  const ctx = createContext({ mode: 'test', dbFile, version: 't' });
  cleanups.push(() => ctx.close());
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

/** A database with units A1..A<n> and one verified backup of it; returns the file, closed. */
async function seeded(dir: string, n = 200): Promise<{ file: string; backup: string }> {
  const file = join(dir, 'dan-van.sqlite');
  const ctx = createContext({ mode: 'test', dbFile: file, version: 't' });
  for (let i = 1; i <= n; i++) await call(ctx, 'units.save', unit(`A${i}`));
  const b = await call(ctx, 'backups.create', {});
  ctx.close();
  return { file, backup: b.name };
}

async function expectBlockedThenRestore(dir: string, file: string, backup: string) {
  const ctx = open(file);
  expect(ctx.dataState.status).toBe('damaged');
  expect(ctx.dataState.message).toMatch(/bị hỏng.*khôi phục từ bản sao lưu/);
  const aside = ctx.dataState.setAsideFile!;
  expect(aside).toMatch(/dan-van\.sqlite\.corrupt-\d{8}-\d{6}$/);
  expect(existsSync(aside)).toBe(true);
  // the app still answers what recovery needs, and refuses everything else with the explanation
  const info = await call(ctx, 'app.info', {});
  expect(info.dataState.status).toBe('damaged');
  await expect(call(ctx, 'units.list', { includeInactive: true })).rejects.toMatchObject({
    code: 'db_read_only',
    message: ctx.dataState.message,
  });
  await expect(call(ctx, 'units.save', unit('Z9'))).rejects.toMatchObject({ code: 'db_read_only' });
  const list = await call(ctx, 'backups.list', {});
  expect(list.items.map((i) => i.name)).toEqual([backup]);
  // a restart before restoring still shows the recovery screen (not an empty database)
  ctx.close();
  const again = open(file);
  expect(again.dataState.status).toBe('damaged');
  expect(again.dataState.setAsideFile).toBe(aside);
  const r = await call(again, 'backups.restore', { name: backup });
  expect(r.beforeRestoreFile).toBeNull(); // the damaged file was already set aside
  expect(again.dataState.status).toBe('ok');
  expect((await call(again, 'units.list', { includeInactive: true })).length).toBe(200);
  expect(again.db.pragma('integrity_check', { simple: true })).toBe('ok');
  again.close();
  expect(open(file).dataState.status).toBe('ok');
  expect(readdirSync(dir).some((f) => f.endsWith('.recovery.json'))).toBe(false);
}

describe('recovery at start', () => {
  it('a truncated database is set aside and the newest backup restored', async () => {
    const dir = tmp();
    const { file, backup } = await seeded(dir);
    truncateSync(file, Math.floor(statSync(file).size / 2));
    await expectBlockedThenRestore(dir, file, backup);
  });

  it('a file of random bytes is set aside and the newest backup restored', async () => {
    const dir = tmp();
    const { file, backup } = await seeded(dir);
    writeFileSync(file, randomBytes(64 * 1024));
    await expectBlockedThenRestore(dir, file, backup);
  });

  it('a stale -wal from another database is detected; both files are set aside together', async () => {
    const dir = tmp();
    const { file, backup } = await seeded(dir);
    // another Dân vận database with other data, whose uncheckpointed WAL (new table, new rows) lands beside ours
    const other = join(dir, 'other.sqlite');
    const o = createContext({ mode: 'test', dbFile: other, version: 't' });
    for (let i = 1; i <= 50; i++) await call(o, 'units.save', unit(`B${i}`));
    o.db.pragma('wal_checkpoint(TRUNCATE)');
    o.db.pragma('wal_autocheckpoint = 0');
    o.db.exec('CREATE TABLE big (x TEXT); CREATE INDEX big_x ON big (x);');
    const ins = o.db.prepare('INSERT INTO big VALUES (?)');
    o.db.transaction(() => {
      for (let i = 0; i < 2000; i++) ins.run(`${i}-${'y'.repeat(100)}`);
    })();
    o.db.exec("UPDATE units SET name = name || ' (khác)'");
    copyFileSync(`${other}-wal`, `${file}-wal`);
    o.close();
    await expectBlockedThenRestore(dir, file, backup);
    const aside = readdirSync(dir).filter((f) => f.includes('.corrupt-'));
    expect(aside.some((f) => f.endsWith('-wal'))).toBe(true);
  });

  it('offers to start with empty data when no backup helps; the damaged file stays aside', async () => {
    const dir = tmp();
    const file = join(dir, 'dan-van.sqlite');
    writeFileSync(file, randomBytes(8192));
    const ctx = open(file);
    expect((await call(ctx, 'backups.list', {})).items).toEqual([]);
    const st = await call(ctx, 'data.startEmpty', {});
    expect(st.state.status).toBe('ok');
    expect(await call(ctx, 'units.list', { includeInactive: true })).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.includes('.corrupt-'))).toHaveLength(1);
  });

  it('a database from a newer version is refused untouched and the app explains it instead of crashing', async () => {
    const dir = tmp();
    const file = join(dir, 'dan-van.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE keep (x INTEGER); INSERT INTO keep VALUES (1);');
    raw.pragma('user_version = 999');
    raw.close();
    const hash = () => createHash('sha256').update(readFileSync(file)).digest('hex');
    const before = hash();
    const ctx = open(file);
    expect(ctx.dataState.status).toBe('newer');
    expect((await call(ctx, 'app.info', {})).dataState.message).toMatch(/phiên bản phần mềm mới hơn.*cập nhật/);
    await expect(call(ctx, 'units.list', { includeInactive: true })).rejects.toMatchObject({
      code: 'db_read_only',
      message: expect.stringMatching(/mới hơn/),
    });
    ctx.close();
    expect(hash()).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['dan-van.sqlite']);
  });

  it('warns about a database in a synced folder and moves it to the default folder (backup first, old file kept)', async () => {
    const dir = tmp();
    const home = join(dir, 'LocalAppData');
    const saved = process.env.DANVAN_DATA_DIR;
    process.env.DANVAN_DATA_DIR = home;
    cleanups.push(() => (saved === undefined ? delete process.env.DANVAN_DATA_DIR : (process.env.DANVAN_DATA_DIR = saved)));
    const file = join(dir, 'OneDrive', 'Documents', 'dan-van.sqlite');
    const ctx = open(file);
    await call(ctx, 'units.save', unit('M1'));
    const st = await call(ctx, 'data.status', {});
    expect(st.warnings.join(' ')).toMatch(/OneDrive/);
    expect(st.defaultDbFile).toBe(join(home, 'dan-van.sqlite'));
    const moved = await call(ctx, 'data.move', {});
    expect(moved.dbFile).toBe(join(home, 'dan-van.sqlite'));
    expect(moved.warnings).toEqual([]);
    expect((await call(ctx, 'units.list', { includeInactive: true })).map((u) => u.code)).toEqual(['M1']);
    await call(ctx, 'units.save', unit('M2'));
    expect(existsSync(file)).toBe(true); // the old copy is left for the user to delete
    const old = new Database(file, { readonly: true });
    expect(old.prepare('SELECT count(*) AS n FROM units').get()).toEqual({ n: 1 });
    old.close();
    expect(readdirSync(join(dir, 'OneDrive', 'Documents', 'backups')).some((f) => f.includes('-pre-move-'))).toBe(true);
    await expect(call(ctx, 'data.move', {})).rejects.toMatchObject({ code: 'conflict' });
  });

  /** A database in a OneDrive folder, with the default folder of this computer under `dir` (DANVAN_DATA_DIR). */
  function inOneDrive(): { dir: string; file: string; target: string; ctx: RunningContext } {
    const dir = tmp();
    const saved = process.env.DANVAN_DATA_DIR;
    process.env.DANVAN_DATA_DIR = join(dir, 'LocalAppData');
    cleanups.push(() => (saved === undefined ? delete process.env.DANVAN_DATA_DIR : (process.env.DANVAN_DATA_DIR = saved)));
    const file = join(dir, 'OneDrive', 'dan-van.sqlite');
    return { dir, file, target: join(dir, 'LocalAppData', 'dan-van.sqlite'), ctx: open(file) };
  }

  it(
    'copies the data off the main thread when moving it: timers run meanwhile and the moved data is the same',
    { timeout: 60_000 },
    async () => {
      const { ctx, target } = inOneDrive();
      await call(ctx, 'units.save', unit('M1'));
      let ticks = 0;
      const timer = setInterval(() => ticks++, 1);
      try {
        await moveToDefault(ctx, 0); // copied and checked in the copy worker whatever its size
      } finally {
        clearInterval(timer);
      }
      expect(ticks).toBeGreaterThan(0);
      expect(ctx.dbFile).toBe(target);
      expect((await call(ctx, 'units.list', { includeInactive: true })).map((u) => u.code)).toEqual(['M1']);
    },
  );

  it(
    'gives the move up when the data changes while it is copied: nothing switched, nothing lost, and it can be moved again',
    { timeout: 60_000 },
    async () => {
      const { ctx, file, target } = inOneDrive();
      await call(ctx, 'units.save', unit('M1'));
      const moving = moveToDefault(ctx, 0);
      await call(ctx, 'units.save', unit('M2')); // saved while the worker copies: not in its copy
      await expect(moving).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/vừa thay đổi.*vẫn dùng tệp cũ/) });
      expect(ctx.dbFile).toBe(file);
      expect(existsSync(target)).toBe(false);
      expect((await call(ctx, 'units.list', { includeInactive: true })).map((u) => u.code).sort()).toEqual(['M1', 'M2']);
      await moveToDefault(ctx, 0);
      expect(ctx.dbFile).toBe(target);
      expect((await call(ctx, 'units.list', { includeInactive: true })).map((u) => u.code).sort()).toEqual(['M1', 'M2']);
    },
  );
});
