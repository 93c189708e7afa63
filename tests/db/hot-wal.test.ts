// A crash (kill -9, power cut) leaves a WAL that needs recovery beside the database. The next start must recover it
// (the committed data is there) and open normally — not refuse with "chỉ đọc" because the read-only probe cannot
// run the recovery.
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext } from '../../src-main/runtime/create-context';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('start after a crash', () => {
  it('recovers a hot WAL left by a killed writer and opens with the committed data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'danvan-hotwal-'));
    dirs.push(dir);
    const file = join(dir, 'dan-van.sqlite');
    createContext({ mode: 'test', dbFile: file, version: 't' }).close();
    // a writer commits 200 units into the WAL (no checkpoint) and dies without closing
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(${JSON.stringify(file)});
      db.pragma('journal_mode = WAL'); db.pragma('wal_autocheckpoint = 0');
      const ins = db.prepare("INSERT INTO units (code, name, search_key, created_at, updated_at) VALUES (?, ?, ?, 'x', 'x')");
      db.transaction(() => { for (let i = 0; i < 200; i++) ins.run('K' + i, 'Công đoàn ' + i, 'k' + i); })();
      process.kill(process.pid, 'SIGKILL');`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT });
    expect(r.signal).toBe('SIGKILL');
    expect(existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0).toBe(true);
    const ctx = createContext({ mode: 'cli', dbFile: file, version: 't' });
    try {
      expect(ctx.dataState).toMatchObject({ status: 'ok' });
      expect((ctx.db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n).toBe(200);
    } finally {
      ctx.close();
    }
  });
});

describe('start after a crash, WAL without its index', () => {
  it('a WAL whose -shm is gone is recovered too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'danvan-hotwal-'));
    dirs.push(dir);
    const file = join(dir, 'dan-van.sqlite');
    createContext({ mode: 'test', dbFile: file, version: 't' }).close();
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(${JSON.stringify(file)});
      db.pragma('wal_autocheckpoint = 0');
      const ins = db.prepare("INSERT INTO units (code, name, search_key, created_at, updated_at) VALUES (?, ?, ?, 'x', 'x')");
      db.transaction(() => { for (let i = 0; i < 50; i++) ins.run('K' + i, 'Công đoàn ' + i, 'k' + i); })();
      require('fs').rmSync(${JSON.stringify(file)} + '-shm', { force: true });
      process.kill(process.pid, 'SIGKILL');`;
    spawnSync(process.execPath, ['-e', script], { cwd: ROOT });
    expect(existsSync(`${file}-shm`)).toBe(false);
    const ctx = createContext({ mode: 'cli', dbFile: file, version: 't' });
    try {
      expect(ctx.dataState).toMatchObject({ status: 'ok' });
      expect((ctx.db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n).toBe(50);
    } finally {
      ctx.close();
    }
  });
});
