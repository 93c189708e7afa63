// Kill-9 loop (reliability.md §3.7): start the real CLI import as a child process, SIGKILL it at a random moment,
// reopen the database and check integrity, all-or-nothing per file, audit consistency and the listed backups.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { createContext } from '../../src-main/runtime/create-context';
import { listBackups } from '../../src-main/data-file/backup-store';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface KillLoopOptions {
  dir: string;
  kills: number;
  files: number;
  rowsPerFile: number;
  /** Stop early (with fewer kills) once this much time has passed. */
  budgetMs: number;
  seed?: number;
  log?: (s: string) => void;
}

export interface KillLoopResult {
  kills: number;
  /** Kills that landed while the child was still running (the others had already exited). */
  killedRunning: number;
  /** Files whose state flipped from absent to present across a kill (the kill came after the commit). */
  committedBeforeKill: number;
  ms: number;
  problems: string[];
}

async function unitsWorkbook(path: string, prefix: string, rows: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(['DANH SÁCH CÔNG ĐOÀN CƠ SỞ']);
  ws.addRow(['TT', 'Mã đơn vị', 'Tên CĐCS', 'Khối', 'Số đoàn viên', 'Chủ tịch', 'Địa chỉ']);
  for (let i = 1; i <= rows; i++)
    ws.addRow([
      i,
      `${prefix}-${i}`,
      `Công đoàn cơ sở ${prefix} số ${i}`,
      i % 2 ? 'Giáo dục' : 'Y tế',
      10 + (i % 90),
      `Nguyễn Văn ${i}`,
      `Thôn ${i}, xã Bình Minh`,
    ]);
  await wb.xlsx.writeFile(path);
}

/** Small deterministic PRNG so a failing run can be repeated with the same seed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function runImport(db: string, file: string, killAfterMs: number | null): Promise<{ code: number | null; killed: boolean; ms: number }> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli.ts', 'units', 'import', file, '--db', db, '--json'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    let killed = false;
    const timer =
      killAfterMs === null
        ? null
        : setTimeout(() => {
            killed = child.kill('SIGKILL');
          }, killAfterMs);
    child.on('error', fail);
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      if (!killed && code !== 0) return fail(new Error(`import exited ${code}: ${err}`));
      done({ code, killed, ms: Date.now() - started });
    });
  });
}

interface Snapshot {
  perFile: number[];
  problems: string[];
}

function inspect(db: string, files: string[], prefixes: string[], rows: number, backups: string, deep: boolean): Snapshot {
  const problems: string[] = [];
  const conn = new Database(db); // read-write, as the app opens it: replays the WAL like a restart would
  try {
    const ic = conn.pragma('integrity_check', { simple: true });
    if (ic !== 'ok') problems.push(`integrity_check: ${String(ic)}`);
    if ((conn.pragma('foreign_key_check') as unknown[]).length) problems.push('foreign_key_check has rows');
    const perFile = prefixes.map(
      (p) => (conn.prepare('SELECT count(*) AS n FROM units WHERE code LIKE ?').get(`${p}-%`) as { n: number }).n,
    );
    const audits = conn.prepare("SELECT details FROM audit_log WHERE action = 'unit.import'").all() as { details: string }[];
    perFile.forEach((n, k) => {
      if (n !== 0 && n !== rows) problems.push(`file ${k}: ${n} of ${rows} units (half-imported)`);
      const name = files[k]!.split(/[\\/]/).pop();
      const creating = audits.filter((a) => {
        const d = JSON.parse(a.details) as { file: string; created: number };
        return d.file === name && d.created > 0;
      });
      if (creating.length !== (n === rows ? 1 : 0))
        problems.push(`file ${k}: ${n} units but ${creating.length} audit rows that created them`);
    });
    const listed = listBackups(backups);
    for (const b of deep ? listed : listed.slice(0, 1)) {
      const c = new Database(join(backups, b.name), { readonly: true });
      if (c.pragma('quick_check', { simple: true }) !== 'ok') problems.push(`backup ${b.name} is listed but damaged`);
      c.close();
    }
    return { perFile, problems };
  } finally {
    conn.close();
  }
}

export async function killLoop(o: KillLoopOptions): Promise<KillLoopResult> {
  const t0 = Date.now();
  const log = o.log ?? (() => {});
  const random = rng(o.seed ?? 20260501);
  mkdirSync(o.dir, { recursive: true });
  const db = join(o.dir, 'crash.sqlite');
  createContext({ mode: 'test', dbFile: db, version: 'crash' }).close();
  const prefixes = Array.from({ length: o.files }, (_, k) => `F${k}`);
  const files = prefixes.map((p) => join(o.dir, `don-vi-${p}.xlsx`));
  for (let k = 0; k < o.files; k++) await unitsWorkbook(files[k]!, prefixes[k]!, o.rowsPerFile);
  const backups = join(o.dir, 'backups');

  // calibrate on the last file: one complete import tells how long a run takes on this machine
  const first = await runImport(db, files[o.files - 1]!, null);
  let state = inspect(db, files, prefixes, o.rowsPerFile, backups, true);
  if (state.perFile[o.files - 1] !== o.rowsPerFile) state.problems.push('calibration import did not import the file');
  const problems = [...state.problems];
  // a complete import of a file the loop will kill, on a copy of the database in the same state
  const copy = join(o.dir, 'calibrate.sqlite');
  copyFileSync(db, copy);
  const full = await runImport(copy, files[0]!, null);
  rmSync(copy, { force: true });
  log(`calibration: importing a file takes ${first.ms} ms into an empty database, ${full.ms} ms into the loop's`);

  let kills = 0;
  let killedRunning = 0;
  let committedBeforeKill = 0;
  // adapt the kill moments so they keep straddling the commit: later after a run of kills that all came too early
  let scale = 1;
  let streak = 0;
  while (kills < o.kills && Date.now() - t0 < o.budgetMs && problems.length === 0) {
    const k = kills % Math.max(1, o.files - 1); // the calibrated file is already in; the others flip from 0 to all
    const delay = Math.round(full.ms * scale * (0.5 + 0.8 * random()));
    const before = state.perFile[k] ?? 0;
    const r = await runImport(db, files[k]!, delay);
    kills++;
    if (r.killed) killedRunning++;
    state = inspect(db, files, prefixes, o.rowsPerFile, backups, o.kills <= 50);
    const flipped = before === 0 && state.perFile[k] === o.rowsPerFile;
    if (flipped) committedBeforeKill++;
    if (flipped || !r.killed) {
      scale = Math.max(0.5, scale * 0.9);
      streak = 0;
    } else if (++streak >= 2) {
      scale *= 1.25;
      streak = 0;
    }
    log(
      `kill ${kills}: file ${k} after ${delay} ms (${r.killed ? 'running' : 'had exited'}), units of the file ${before} -> ${state.perFile[k]}`,
    );
    for (const p of state.problems) problems.push(`kill ${kills} after ${delay} ms: ${p}`);
    if (kills % 50 === 0) log(`${kills} kills, ${killedRunning} while running, ${committedBeforeKill} after commit`);
  }
  // afterwards the database is usable: every file imports completely
  if (problems.length === 0) {
    for (const f of files) await runImport(db, f, null);
    const end = inspect(db, files, prefixes, o.rowsPerFile, backups, false);
    problems.push(...end.problems);
    if (end.perFile.some((n) => n !== o.rowsPerFile)) problems.push(`final imports incomplete: ${end.perFile.join(', ')}`);
  }
  writeFileSync(join(o.dir, 'result.json'), JSON.stringify({ kills, killedRunning, committedBeforeKill, problems }, null, 2));
  return { kills, killedRunning, committedBeforeKill, ms: Date.now() - t0, problems };
}
