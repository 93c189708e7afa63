// Restoring a backup over the live database and moving the data to the default folder: back up first, close,
// set the current file aside (never deleted), copy in, reopen, check, audit. Rolled back if the result is not sound.
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { RestoreResult } from '../contract/backups';
import { AppError } from '../contract/errors';
import { addAudit } from '../db/audit';
import { fullCheck } from '../db/connection';
import { loadMigrations, NewerDatabaseError } from '../db/migrate';
import type { AppContext } from '../rpc/context';
import { recoveryMarker, setAside, stamp } from '../runtime/open-data';
import { resolveDataPaths } from '../runtime/paths';
import { fsyncPath, inspectCopy, writeVerifiedCopy } from './backup';
import { backupFolder, createBackup } from './backup-store';
import { userError } from '../runtime/error-text';

/** Check a file we are about to restore: a sound database of a schema this version knows. */
function assertRestorable(file: string): void {
  if (!existsSync(file)) throw new AppError('not_found', `Không tìm thấy tệp sao lưu "${file}". Hãy kiểm tra đường dẫn.`);
  let info: ReturnType<typeof inspectCopy>;
  try {
    info = inspectCopy(file);
  } catch {
    throw new AppError('bad_file', `Tệp "${basename(file)}" không phải bản sao lưu dữ liệu Dân vận (hoặc đã hỏng). Hãy chọn bản sao lưu khác.`);
  }
  if (info.problems.length) throw new AppError('bad_file', `Bản sao lưu "${basename(file)}" bị hỏng (${info.problems[0]}). Hãy chọn bản sao lưu khác.`);
  const known = loadMigrations().length;
  if (info.schemaVersion > known) throw new NewerDatabaseError(info.schemaVersion, known);
}

/** Copy `source` over the context's database file (which must be closed and absent), flushed to disk. */
function copyIn(source: string, dbFile: string): void {
  const tmp = `${dbFile}.tmp-restore`;
  rmSync(tmp, { force: true });
  copyFileSync(source, tmp);
  fsyncPath(tmp);
  for (const ext of ['-wal', '-shm', '-journal']) rmSync(dbFile + ext, { force: true });
  renameSync(tmp, dbFile);
}

export function restoreFromFile(ctx: AppContext, source: string, label = basename(source)): RestoreResult {
  assertRestorable(source);
  const wasOk = ctx.dataState.status === 'ok';
  if (wasOk) createBackup(ctx, 'pre-restore', `Trước khi khôi phục "${label}"`);
  const dbFile = ctx.dbFile;
  const at = ctx.now();
  // work on a private copy: the source may be in the folder the rotation prunes, or on a USB stick
  ctx.db.close();
  let aside: string | null = null;
  if (existsSync(dbFile)) {
    aside = join(dirname(dbFile), `${basename(dbFile).replace(/\.sqlite$/, '')}.before-restore-${stamp(at)}.sqlite`);
    renameSync(dbFile, aside);
    for (const ext of ['-wal', '-shm']) if (existsSync(dbFile + ext)) renameSync(dbFile + ext, aside + ext); // keep the pair together
  }
  try {
    copyIn(source, dbFile);
    ctx.reopen();
    if (ctx.dataState.status !== 'ok') throw new AppError('db_corrupt', ctx.dataState.message ?? 'Bản sao lưu không mở được.');
    const problems = fullCheck(ctx.db);
    if (problems.length) throw new AppError('db_corrupt', `Dữ liệu sau khi khôi phục không đạt kiểm tra (${problems[0]}).`);
  } catch (err) {
    // put things back as they were
    if (ctx.db.open) ctx.db.close();
    rmSync(dbFile, { force: true });
    for (const ext of ['-wal', '-shm']) rmSync(dbFile + ext, { force: true });
    if (aside) {
      renameSync(aside, dbFile);
      for (const ext of ['-wal', '-shm']) if (existsSync(aside + ext)) renameSync(aside + ext, dbFile + ext);
    }
    ctx.reopen();
    const msg = userError(err, 'lỗi không mong muốn.').message;
    throw new AppError('db_corrupt', `Không khôi phục được: ${msg} Dữ liệu hiện tại được giữ nguyên.`);
  }
  rmSync(recoveryMarker(dbFile), { force: true });
  addAudit(ctx.db, {
    action: 'backup.restore', entity: 'database',
    summary: `Khôi phục dữ liệu từ bản sao lưu "${label}"${aside ? `; dữ liệu trước đó giữ tại "${basename(aside)}"` : ''}`,
    details: { source, beforeRestoreFile: aside },
  }, ctx.now());
  ctx.emit('data.changed', { entity: 'all' });
  ctx.emit('data.changed', { entity: 'units' });
  const counts = inspectCounts(ctx);
  return { restoredFrom: label, beforeRestoreFile: aside, counts };
}

function inspectCounts(ctx: AppContext): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of ['units', 'audit_log']) out[t] = (ctx.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return out;
}

/** Restore one of the listed backups (by its file name in the backup folder). */
export function restoreByName(ctx: AppContext, folderFile: string): RestoreResult {
  return restoreFromFile(ctx, folderFile, basename(folderFile));
}

/** Give up on a damaged database and start with an empty one (the damaged file stays set aside). */
export function startEmpty(ctx: AppContext): void {
  if (ctx.dataState.status !== 'damaged') throw new AppError('conflict', 'Dữ liệu đang bình thường, không cần bắt đầu lại.');
  rmSync(recoveryMarker(ctx.dbFile), { force: true });
  ctx.reopen();
  addAudit(ctx.db, { action: 'data.start_empty', entity: 'database', summary: 'Bắt đầu với dữ liệu trống sau khi tệp dữ liệu bị hỏng' }, ctx.now());
}

/** Move the database from a risky place (OneDrive, network) to the default folder of this computer and switch to it. */
export function moveToDefault(ctx: AppContext): void {
  if (ctx.dataState.status !== 'ok') throw new AppError('db_read_only', ctx.dataState.message ?? 'Dữ liệu đang bị khoá.');
  const target = resolveDataPaths(null, { ...process.env, DANVAN_DB: undefined }).dbFile;
  if (target === ctx.dbFile) throw new AppError('conflict', 'Dữ liệu đã ở thư mục mặc định của máy, không cần chuyển.');
  createBackup(ctx, 'pre-move', `Trước khi chuyển dữ liệu về "${dirname(target)}"`);
  const folder = backupFolder(ctx);
  const from = ctx.dbFile;
  if (existsSync(target)) setAside(target, ctx.now(), 'before-move');
  writeVerifiedCopy(ctx.db, target);
  ctx.db.close();
  ctx.reopen(target);
  if (ctx.dataState.status !== 'ok') {
    ctx.reopen(from);
    throw new AppError('internal', 'Không mở được dữ liệu ở thư mục mới; phần mềm vẫn dùng tệp cũ. Hãy thử lại.');
  }
  addAudit(ctx.db, {
    action: 'data.move', entity: 'database',
    summary: `Chuyển dữ liệu từ "${from}" về "${target}" (tệp cũ được giữ nguyên, có thể xoá sau khi kiểm tra)`,
    details: { from, to: target, backupFolder: folder },
  }, ctx.now());
  ctx.emit('data.changed', { entity: 'all' });
}
