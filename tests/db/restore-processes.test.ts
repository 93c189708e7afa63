// Restore across processes: the CLI refuses to restore while another process (the app, browser mode) has the data
// open, naming who; and a CLI restore SIGKILLed at random moments always leaves either the old data or the restored
// data, whole, never an empty or half database.
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../src-main/rpc/dispatch';
import { createContext, type RunningContext } from '../../src-main/runtime/create-context';
import { cliChild } from '../helpers/cli-child';
import { backupTo } from '../../src-main/data-file/verified-copy';

const dir = mkdtempSync(join(tmpdir(), 'danvan-rp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const restoreChild = (db: string, source: string, killAfterMs: number | null) =>
  cliChild(['restore', source, '--db', db, '--json'], killAfterMs);

async function fill(ctx: RunningContext, prefix: string, n: number) {
  const ins = ctx.db.prepare("INSERT INTO units (code, name, search_key, created_at, updated_at) VALUES (?, ?, ?, 'x', 'x')");
  ctx.db.transaction(() => {
    for (let i = 1; i <= n; i++) ins.run(`${prefix}${i}`, `Công đoàn ${prefix}${i} ${'x'.repeat(200)}`, `${prefix}${i}`);
  })();
  const res = await dispatch('units.list', { includeInactive: true }, ctx);
  if (!res.ok) throw new Error(res.error.message);
}
const countIn = (file: string) => {
  const db = new Database(file);
  try {
    return (db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('restore and other processes', () => {
  it('the CLI refuses to restore while browser mode has the data open, and says who holds it', async () => {
    const db = join(dir, 'busy.sqlite');
    const ctx = createContext({ mode: 'web', dbFile: db, version: 't' });
    await fill(ctx, 'A', 10);
    const bk = join(dir, 'busy-bk.sqlite');
    await backupTo(ctx.db, bk);
    await fill(ctx, 'B', 5);
    const r = await restoreChild(db, bk, null);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/đang mở ở nơi khác.*trình duyệt \(PID \d+/);
    expect((await dispatch('units.list', { includeInactive: true }, ctx)).ok).toBe(true);
    expect(countIn(db)).toBe(15);
    ctx.close();
    // once browser mode is closed, the same restore goes through
    const again = await restoreChild(db, bk, null);
    expect(again.code).toBe(0);
    expect(countIn(db)).toBe(10);
  }, 60_000);

  it.skipIf(process.platform === 'win32')(
    'a restore killed at any moment leaves the old data or the new one, whole',
    async () => {
      const db = join(dir, 'kill.sqlite');
      const ctx = createContext({ mode: 'test', dbFile: db, version: 't' });
      await fill(ctx, 'A', 6000);
      const small = join(dir, 'small.sqlite');
      await backupTo(ctx.db, small);
      await fill(ctx, 'B', 6000);
      const big = join(dir, 'big.sqlite');
      await backupTo(ctx.db, big);
      ctx.close();
      const states = new Map([
        [6000, small],
        [12000, big],
      ]);
      const calib = await restoreChild(db, small, null);
      expect(calib.code).toBe(0);
      let current = countIn(db);
      expect(current).toBe(6000);
      let killedRunning = 0;
      const problems: string[] = [];
      const t0 = Date.now();
      for (let k = 0; k < 10 && Date.now() - t0 < 45_000; k++) {
        const target = current === 6000 ? big : small;
        const delay = Math.round(calib.ms * (0.55 + (0.5 * ((k * 7919) % 10)) / 10));
        const r = await restoreChild(db, target, delay);
        if (r.killed) killedRunning++;
        else if (r.code !== 0) problems.push(`kill ${k}: restore failed without a kill: ${r.err}`);
        const check = createContext({ mode: 'test', dbFile: db, version: 't' });
        if (check.dataState.status !== 'ok')
          problems.push(`kill ${k} after ${delay} ms: ${check.dataState.status} ${check.dataState.message}`);
        else {
          current = (check.db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n;
          if (!states.has(current)) problems.push(`kill ${k} after ${delay} ms: ${current} units, neither before nor after`);
          if (check.db.pragma('integrity_check', { simple: true }) !== 'ok') problems.push(`kill ${k}: integrity_check failed`);
        }
        check.close();
      }
      expect(problems).toEqual([]);
      expect(killedRunning).toBeGreaterThanOrEqual(3);
    },
    120_000,
  );
});
