// Two writers on one database: every write transaction takes the write lock at BEGIN (IMMEDIATE), so a second
// connection that writes meanwhile waits instead of invalidating our snapshot (SQLITE_BUSY_SNAPSHOT halfway through
// an import). A worker thread plays the other process; a scan keeps every write in src-main on writeTx.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { openDatabase } from '../../src-main/db/connection';
import { writeTx } from '../../src-main/db/write-tx';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The other writer: on the signal it inserts one unit in its own connection (waiting up to 5 s for the lock). */
const OTHER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require('better-sqlite3');
const flags = new Int32Array(workerData.sab);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
Atomics.wait(flags, 0, 0);
try {
  db.prepare("INSERT INTO units (code, name, search_key, created_at, updated_at) VALUES ('W1', 'khác', 'w1', 'x', 'x')").run();
  Atomics.store(flags, 1, 1);
} catch (e) { Atomics.store(flags, 1, 2); parentPort.postMessage(String(e.code)); }
Atomics.notify(flags, 1);
db.close();
`;

describe('one writer at a time', () => {
  it('a write transaction that reads first is not broken by another connection writing meanwhile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'danvan-lock-'));
    dirs.push(dir);
    const file = join(dir, 'd.sqlite');
    const db = openDatabase(file);
    const sab = new SharedArrayBuffer(8);
    const flags = new Int32Array(sab);
    const worker = new Worker(OTHER, { eval: true, workerData: { file, sab } });
    const online = new Promise((r) => worker.once('online', r));
    await online;
    await new Promise((r) => setTimeout(r, 200)); // let the worker open its connection and wait
    let before = -1;
    writeTx(db, () => {
      before = (db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n; // our snapshot
      Atomics.store(flags, 0, 1);
      Atomics.notify(flags, 0);
      Atomics.wait(flags, 1, 0, 400); // the other writer runs now (with IMMEDIATE it must wait for us)
      db.prepare("INSERT INTO units (code, name, search_key, created_at, updated_at) VALUES ('M1', 'của ta', 'm1', 'x', 'x')").run();
    });
    Atomics.wait(flags, 1, 0, 5000);
    await worker.terminate();
    expect(before).toBe(0);
    expect(Atomics.load(flags, 1)).toBe(1); // the other writer waited, then wrote
    const codes = (db.prepare('SELECT code FROM units ORDER BY code').all() as { code: string }[]).map((r) => r.code);
    expect(codes).toEqual(['M1', 'W1']);
    db.close();
  });

  it('every write transaction in src-main goes through writeTx (BEGIN IMMEDIATE)', () => {
    const offenders: string[] = [];
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        const p = join(d, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|svelte)$/.test(name) && !p.endsWith(join('db', 'write-tx.ts')) && /\.transaction\(/.test(readFileSync(p, 'utf8')))
          offenders.push(p);
      }
    };
    walk(join(__dirname, '../../src-main'));
    expect(offenders).toEqual([]);
  });
});
