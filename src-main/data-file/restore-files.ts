// The data file's companions on disk: where a damaged file is set aside, where a restore keeps the data it replaced
// and its private copy, the recovery marker, and rolling back a restore that a crash cut off.
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { sniffDataFile } from '../db/data-identity';

export function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** Marker beside the database saying it was set aside as damaged, so a restart still shows recovery. */
export const recoveryMarker = (dbFile: string) => `${dbFile}.recovery.json`;

/** Move a damaged database and its -wal/-shm aside (nothing is deleted). Returns the new main file name. */
export function setAside(dbFile: string, now: Date, label = 'corrupt'): string {
  const aside = `${dbFile}.${label}-${stamp(now)}`;
  renameSync(dbFile, aside);
  for (const ext of ['-wal', '-shm', '-journal']) if (existsSync(dbFile + ext)) renameSync(dbFile + ext, aside + ext);
  return aside;
}

/** `dan-van.before-restore-<stamp>.sqlite`: where a restore keeps the data it replaced. */
export function beforeRestoreName(dbFile: string, at: Date): string {
  return join(dirname(dbFile), `${basename(dbFile).replace(/\.sqlite$/, '')}.before-restore-${stamp(at)}.sqlite`);
}
/** The private copy a restore makes of the chosen backup beside the live file, before swapping it in. */
export const restoreTempFile = (dbFile: string) => `${dbFile}.tmp-restore`;

/**
 * Remove a database file that holds nothing to keep (a restore's private copy, a move's unfinished target, a half-made
 * sample file) with its journal, WAL and index: left beside the next file of that name, SQLite would take them for its
 * own (a hot journal is played back into it).
 */
export function removeDataFile(file: string): void {
  for (const ext of ['', '-journal', '-wal', '-shm']) rmSync(file + ext, { force: true });
}

function newestBeforeRestore(dbFile: string): string | null {
  const prefix = `${basename(dbFile).replace(/\.sqlite$/, '')}.before-restore-`;
  const names = readdirSync(dirname(dbFile))
    .filter((n) => n.startsWith(prefix) && /-\d{8}-\d{6}\.sqlite$/.test(n))
    .sort();
  const newest = names.at(-1);
  return newest ? join(dirname(dbFile), newest) : null;
}

/**
 * A live file missing or empty beside a `before-restore` file is what a crash in the middle of a restore leaves (with
 * the order of steps of earlier versions): put the data from before the restore back instead of starting empty.
 * The empty file is kept aside; a leftover half copy of the backup is removed. Returns a notice for the user.
 */
export function recoverInterruptedRestore(dbFile: string, now: Date): string | null {
  rmSync(restoreTempFile(dbFile), { force: true });
  const kind = sniffDataFile(dbFile);
  if (kind !== 'missing' && kind !== 'empty') return null;
  if (!existsSync(dirname(dbFile))) return null;
  const before = newestBeforeRestore(dbFile);
  if (!before || sniffDataFile(before) !== 'sqlite') return null;
  if (kind === 'empty') setAside(dbFile, now, 'empty');
  for (const ext of ['-wal', '-shm', '-journal'])
    if (existsSync(dbFile + ext)) renameSync(dbFile + ext, `${dbFile}${ext}.stale-${stamp(now)}`);
  renameSync(before, dbFile);
  for (const ext of ['-wal', '-shm']) if (existsSync(before + ext)) renameSync(before + ext, dbFile + ext);
  return (
    'Lần khôi phục dữ liệu trước đã bị gián đoạn (máy tắt hoặc phần mềm bị đóng giữa chừng), nên tệp dữ liệu bị thiếu. ' +
    `Phần mềm đã đưa dữ liệu về như trước khi khôi phục (từ tệp "${basename(before)}"). Hãy kiểm tra lại, rồi khôi phục lần nữa nếu cần.`
  );
}
