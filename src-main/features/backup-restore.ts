// Restoring a backup over the live database and moving the data to the default folder: verify a private copy, back up,
// keep the current file aside (never deleted), swap by one rename, reopen (checked again only when migrated), audit.
// Rolled back if not sound.
import { SqliteDatabase } from '../db/sqlite-driver';
import { copyFileSync, existsSync, linkSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { RestoreResult } from '../contract/backups';
import { checkpointTruncate, countRows } from '../db/file-ops';
import { AppError } from '../contract/errors';
import { addAudit } from '../db/audit';
import { dataVersion, fullCheck, type Db } from '../db/connection';
import { loadMigrations, NewerDatabaseError, schemaVersion } from '../db/migrate';
import type { AppContext } from '../handler/context';
import { missingTables, sniffDataFile } from '../db/data-identity';
import { takeExclusive } from '../data-file/lock';
import { beforeRestoreName, recoveryMarker, removeDataFile, restoreTempFile, setAside } from '../data-file/restore-files';
import { openTaskIds } from './report-import/cancel';
import { resolveDataPaths } from '../data-file/paths';
import { backupError, fsyncPath, type inspectCopy } from '../data-file/verified-copy';
import { inspectFileOffThread, migrateFileOffThread, writeVerifiedCopyOffThread } from '../data-file/copy-check';
import { backupFolder, createBackupOffThread } from '../data-file/backup-store';

/**
 * Check a file we are about to restore: our data (not empty, not another program's, no table missing), of a schema
 * this version knows, and with `full`, sound (checked in full off the main thread: seconds on a large file). Returns
 * its schema version.
 */
async function assertRestorable(file: string, label: string, full: boolean): Promise<number> {
  const kind = sniffDataFile(file);
  if (kind === 'missing') throw new AppError('not_found', `Không tìm thấy tệp sao lưu "${file}". Hãy kiểm tra đường dẫn.`);
  if (kind === 'empty')
    throw new AppError('bad_file', `Tệp "${label}" trống (0 byte), không phải bản sao lưu dùng được. Hãy chọn bản sao lưu khác.`);
  const notOurs = new AppError(
    'bad_file',
    `Tệp "${label}" không phải bản sao lưu dữ liệu Dân vận (hoặc đã hỏng). Hãy chọn bản sao lưu khác.`,
  );
  if (kind !== 'sqlite') throw notOurs;
  let tables: ReturnType<typeof missingTables>;
  try {
    const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    try {
      tables = missingTables(db);
    } finally {
      db.close();
    }
  } catch {
    throw notOurs;
  }
  const known = loadMigrations().length;
  if (tables.version > known) throw new NewerDatabaseError(tables.version, known);
  if (tables.version === 0) throw notOurs;
  if (tables.missing.length)
    throw new AppError(
      'bad_file',
      `Bản sao lưu "${label}" thiếu bảng dữ liệu (${tables.missing.join(', ')}), không dùng được. Hãy chọn bản sao lưu khác.`,
    );
  if (!full) return tables.version;
  let info: ReturnType<typeof inspectCopy>;
  try {
    info = await inspectFileOffThread(file); // the app keeps answering meanwhile
  } catch {
    throw notOurs;
  }
  if (info.problems.length)
    throw new AppError('bad_file', `Bản sao lưu "${label}" bị hỏng (${info.problems[0]}). Hãy chọn bản sao lưu khác.`);
  return info.schemaVersion;
}

/** Refuse while this process imports (an import writes between its groups and would write into the restored data). */
function assertIdle(): void {
  const running = openTaskIds();
  if (running.length)
    throw new AppError(
      'conflict',
      'Đang nhập hoặc xuất dữ liệu, chưa thể khôi phục. Hãy đợi việc đó xong (hoặc bấm Dừng) rồi khôi phục lại.',
    );
}

/**
 * Restore `source` over the live database. Never loses: the chosen file is first copied and verified beside the live
 * one (so the rotation of the pre-restore backup, or a USB stick pulled out, cannot take it away), the live data is
 * kept as `before-restore` (a hard link, or a copy), and the new file replaces the live one by one rename: a crash at
 * any moment leaves either the old data or the new, whole. Refused while another process uses the data.
 */
export async function restoreFromFile(ctx: AppContext, source: string, label = basename(source)): Promise<RestoreResult> {
  // what can be told at once is told before anything is copied; the full check is made once, on the private copy
  await assertRestorable(source, label, false);
  assertIdle();
  const dbFile = ctx.dbFile;
  const release = takeExclusive(dbFile, ctx.mode, 'restore');
  try {
    return await restoreLocked(ctx, source, label);
  } finally {
    release();
  }
}

async function restoreLocked(ctx: AppContext, source: string, label: string): Promise<RestoreResult> {
  const dbFile = ctx.dbFile;
  const tmp = restoreTempFile(dbFile);
  removeDataFile(tmp); // with what a restore cut off before may have left beside it
  let checkedVersion: number;
  try {
    copyFileSync(source, tmp);
    fsyncPath(tmp);
    checkedVersion = await assertRestorable(tmp, label, true);
    if (checkedVersion < loadMigrations().length) checkedVersion = await upgradeCopy(tmp, label);
  } catch (err) {
    removeDataFile(tmp);
    throw err instanceof AppError ? err : backupError(err, tmp);
  }
  const wasOk = ctx.dataState.status === 'ok';
  try {
    if (wasOk) await createBackupOffThread(ctx, 'pre-restore', `Trước khi khôi phục "${label}"`, [basename(source)]);
    // the checks and the backup above let this thread answer meanwhile: an import begun since must not write into
    // the restored data (from here to the reopen nothing waits)
    assertIdle();
  } catch (err) {
    removeDataFile(tmp);
    throw err;
  }
  const at = ctx.now();
  let aside: string | null = null;
  if (wasOk) checkpointTruncate(ctx.db); // everything in the main file before it is kept aside
  ctx.db.close();
  try {
    if (existsSync(dbFile) && wasOk) {
      aside = beforeRestoreName(dbFile, at);
      keepAside(dbFile, aside);
    }
    for (const ext of ['-wal', '-shm', '-journal']) rmSync(dbFile + ext, { force: true });
    renameSync(tmp, dbFile); // the one step that switches: atomic, the old data stays at `aside`
    fsyncPath(dbFile);
  } catch (err) {
    removeDataFile(tmp);
    ctx.reopen();
    throw new AppError('internal', `Không khôi phục được (${(err as Error).message}). Dữ liệu hiện tại được giữ nguyên; hãy thử lại.`);
  }
  ctx.reopen();
  const problems = ctx.dataState.status !== 'ok' ? [ctx.dataState.message ?? 'không mở được'] : checkedAfterReopen(ctx.db, checkedVersion);
  if (problems.length) {
    // put the old data back (it was whole when it was kept aside)
    if (ctx.db.open) ctx.db.close();
    if (aside) {
      for (const ext of ['-wal', '-shm']) rmSync(dbFile + ext, { force: true });
      renameSync(aside, dbFile);
    }
    ctx.reopen();
    throw new AppError(
      'db_corrupt',
      `Không khôi phục được: dữ liệu sau khi khôi phục không đạt kiểm tra (${problems[0]}). Dữ liệu hiện tại được giữ nguyên.`,
    );
  }
  rmSync(recoveryMarker(dbFile), { force: true });
  addAudit(
    ctx.db,
    {
      action: 'backup.restore',
      entity: 'database',
      summary: `Khôi phục dữ liệu từ bản sao lưu "${label}"${aside ? `; dữ liệu trước đó giữ tại "${basename(aside)}"` : ''}`,
      details: { source, beforeRestoreFile: aside },
    },
    ctx.now(),
  );
  ctx.emit('data.changed', { entity: 'all' });
  ctx.emit('data.changed', { entity: 'units' });
  const counts = inspectCounts(ctx);
  return { restoredFrom: label, beforeRestoreFile: aside, counts };
}

/**
 * A backup made by an earlier version: its private copy is brought up to this version's schema and checked in full
 * again before the swap, off the main thread when large (opening it after the swap would migrate it there, with a
 * backup of it first and a full check after: 13 s on 400 MB). The chosen backup itself is left as it was. Returns
 * the schema version reached.
 */
async function upgradeCopy(tmp: string, label: string): Promise<number> {
  let info: Awaited<ReturnType<typeof migrateFileOffThread>>;
  try {
    info = await migrateFileOffThread(tmp);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new AppError(
      'bad_file',
      `Không nâng cấp được bản sao lưu "${label}" (làm bởi phiên bản cũ hơn) lên phiên bản này (${why}). Dữ liệu hiện tại được giữ nguyên; hãy chọn bản sao lưu khác.`,
    );
  }
  if (info.problems.length)
    throw new AppError(
      'bad_file',
      `Bản sao lưu "${label}" không đạt kiểm tra sau khi nâng cấp (${info.problems[0]}). Hãy chọn bản sao lưu khác.`,
    );
  return info.schemaVersion;
}

/**
 * Problems of the restored data as reopened. Without a migration its content is the very file checked in full before
 * the swap (off the main thread; an earlier version's backup was migrated there first): checking it again would hold
 * the app for seconds on a large file (5 s on 400 MB) and could find nothing new. Had the reopen migrated it, its
 * content changed: it is checked in full again.
 */
function checkedAfterReopen(db: Db, checkedVersion: number): string[] {
  return schemaVersion(db) === checkedVersion ? [] : fullCheck(db);
}

/** Keep the (closed, checkpointed) live file at `aside` without moving it: a hard link where the disk allows, else a copy. */
function keepAside(dbFile: string, aside: string): void {
  try {
    linkSync(dbFile, aside);
  } catch {
    copyFileSync(dbFile, aside);
    fsyncPath(aside);
  }
  if (existsSync(`${dbFile}-wal`) && statSync(`${dbFile}-wal`).size > 0) copyFileSync(`${dbFile}-wal`, `${aside}-wal`);
}

function inspectCounts(ctx: AppContext): Record<string, number> {
  return countRows(ctx.db, ['units', 'audit_log']);
}

/** Restore one of the listed backups (by its file name in the backup folder). */
export function restoreByName(ctx: AppContext, folderFile: string): Promise<RestoreResult> {
  return restoreFromFile(ctx, folderFile, basename(folderFile));
}

/** Give up on a damaged database and start with an empty one (the damaged file stays set aside). */
export function startEmpty(ctx: AppContext): void {
  if (ctx.dataState.status !== 'damaged') throw new AppError('conflict', 'Dữ liệu đang bình thường, không cần bắt đầu lại.');
  rmSync(recoveryMarker(ctx.dbFile), { force: true });
  ctx.reopen();
  addAudit(
    ctx.db,
    { action: 'data.start_empty', entity: 'database', summary: 'Bắt đầu với dữ liệu trống sau khi tệp dữ liệu bị hỏng' },
    ctx.now(),
  );
}

/**
 * Move the database from a risky place (OneDrive, network) to the default folder of this computer and switch to it.
 * The backup and the copy (seconds each on a large database) are made and checked off this thread, which keeps
 * answering meanwhile; a write since the move began (here or by another program) is not in the copy, so the move is
 * then given up and said so, nothing switched. `offThreadFrom`: the size from which the copy is made off this thread.
 */
export async function moveToDefault(ctx: AppContext, offThreadFrom?: number): Promise<void> {
  if (ctx.dataState.status !== 'ok') throw new AppError('db_read_only', ctx.dataState.message ?? 'Dữ liệu đang bị khoá.');
  const target = resolveDataPaths(null, { ...process.env, DANVAN_DB: undefined }).dbFile;
  if (target === ctx.dbFile) throw new AppError('conflict', 'Dữ liệu đã ở thư mục mặc định của máy, không cần chuyển.');
  const from = ctx.dbFile;
  const db = ctx.db;
  const version = dataVersion(db);
  await createBackupOffThread(ctx, 'pre-move', `Trước khi chuyển dữ liệu về "${dirname(target)}"`);
  const folder = backupFolder(ctx);
  if (existsSync(target)) setAside(target, ctx.now(), 'before-move');
  await writeVerifiedCopyOffThread(ctx.db, target, offThreadFrom);
  // from here to the switch nothing waits: no write can come between this check and the reopen
  if (ctx.db !== db || ctx.dbFile !== from || !db.open || dataVersion(db) !== version) {
    removeDataFile(target);
    throw new AppError(
      'conflict',
      'Dữ liệu vừa thay đổi trong lúc chuyển nên chưa chuyển; phần mềm vẫn dùng tệp cũ, không mất gì. Hãy chuyển lại khi không nhập hay sửa dữ liệu.',
    );
  }
  ctx.db.close();
  ctx.reopen(target);
  if (ctx.dataState.status !== 'ok') {
    ctx.reopen(from);
    throw new AppError('internal', 'Không mở được dữ liệu ở thư mục mới; phần mềm vẫn dùng tệp cũ. Hãy thử lại.');
  }
  addAudit(
    ctx.db,
    {
      action: 'data.move',
      entity: 'database',
      summary: `Chuyển dữ liệu từ "${from}" về "${target}" (tệp cũ được giữ nguyên, có thể xoá sau khi kiểm tra)`,
      details: { from, to: target, backupFolder: folder },
    },
    ctx.now(),
  );
  ctx.emit('data.changed', { entity: 'all' });
}
