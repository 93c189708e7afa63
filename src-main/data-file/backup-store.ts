// The backup folder: naming (dan-van-YYYYMMDD-HHMMSS-<reason>-v<schema>.sqlite), a JSON sidecar written only
// after verification, listing, rotation, the folder setting, and the automatic backups (daily, before a batch).
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { BackupInfo, type BackupReason } from '../contract/backups';
import { AppError } from '../contract/errors';
import type { Db } from '../db/connection';
import { getSetting, putSetting } from '../db/settings';
import type { DataState } from '../contract/backups';
import { backupsToKeep } from './backup-rotation';
import { fsyncPath, writeVerifiedCopy, type BackupResult } from './verified-copy';
import { writeVerifiedCopyOffThread } from './copy-check';
import { schemaVersion } from '../db/migrate';

const NAME_RE = /^dan-van-(\d{8})-(\d{6})-([a-z-]+)-v(\d+)(?:-(\d+))?\.sqlite$/;
const FOLDER_KEY = 'backup_folder';
/** Mirror of the folder setting beside the database, readable when the database itself is damaged. */
const FOLDER_FILE = 'dan-van.backup-folder.json';

/** What the backup store needs from the running app (the handler context has all of it). */
interface BackupContext {
  db: Db;
  dataDir: string;
  backupsDir: string;
  dataState: DataState;
  version: string;
  now: () => Date;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function backupFileName(at: Date, reason: BackupReason, schema: number, n = 1): string {
  const d = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  const t = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `dan-van-${d}-${t}-${reason}-v${schema}${n > 1 ? `-${n}` : ''}.sqlite`;
}

export function isBackupName(name: string): boolean {
  return NAME_RE.test(name);
}

// ---- the folder setting -------------------------------------------------------------------------------

function mirrorFile(ctx: Pick<BackupContext, 'dataDir'>): string {
  return join(ctx.dataDir, FOLDER_FILE);
}

function readMirror(ctx: Pick<BackupContext, 'dataDir'>): string | null {
  try {
    const v = (JSON.parse(readFileSync(mirrorFile(ctx), 'utf8')) as { folder?: unknown }).folder;
    return typeof v === 'string' && v ? v : null;
  } catch {
    return null;
  }
}

/** The folder backups go to: the setting, else (damaged database) its mirror file, else <dataDir>/backups. */
export function backupFolder(ctx: Pick<BackupContext, 'db' | 'dataDir' | 'backupsDir' | 'dataState'>): string {
  if (ctx.dataState.status === 'ok') {
    const v = getSetting(ctx.db, FOLDER_KEY);
    return typeof v === 'string' && v ? v : ctx.backupsDir;
  }
  return readMirror(ctx) ?? ctx.backupsDir;
}

/** Folder setting read straight from a database connection (used before migrations, when ctx is not built). */
export function folderFromDb(db: Db, fallback: string): string {
  try {
    const v = getSetting(db, FOLDER_KEY);
    return typeof v === 'string' && v ? v : fallback;
  } catch {
    return fallback; // no settings table yet
  }
}

/** Check that a folder exists (or can be created) and accepts a file; throws a Vietnamese AppError if not. */
export function assertWritableFolder(folder: string): string {
  const dir = resolve(folder);
  const probe = join(dir, `${PROBE_PREFIX}${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    removeStaleProbes(dir);
    writeFileSync(probe, 'ok');
    return dir;
  } catch (err) {
    const code = String((err as { code?: unknown }).code ?? '');
    if (code === 'ENOSPC' || code === 'EDQUOT')
      throw new AppError(
        'db_full',
        `Ổ đĩa chứa thư mục "${dir}" đã đầy, không ghi thêm được. Hãy xoá bớt tệp trên ổ đó hoặc chọn thư mục ở ổ khác rồi sao lưu lại; dữ liệu hiện tại không bị ảnh hưởng.`,
        {
          folder: 'Ổ đĩa đã đầy',
        },
      );
    throw new AppError(
      'invalid_input',
      `Không ghi được vào thư mục "${dir}". Hãy kiểm tra ổ đĩa/USB đã cắm và có quyền ghi, hoặc chọn thư mục khác.`,
      {
        folder: 'Thư mục không ghi được',
      },
    );
  } finally {
    // Also when the write failed half-way (disk full): the probe never stays behind.
    try {
      rmSync(probe, { force: true });
    } catch {
      /* the folder itself is unusable: nothing was written */
    }
  }
}

const PROBE_PREFIX = '.ghi-thu-';

/** Probes left by a run that crashed between writing and removing them (older than 10 minutes). */
function removeStaleProbes(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(PROBE_PREFIX)) continue;
    try {
      if (Date.now() - statSync(join(dir, name)).mtimeMs > 10 * 60 * 1000) rmSync(join(dir, name), { force: true });
    } catch {
      /* already gone */
    }
  }
}

/** Save the folder (null: back to the default). Stored in settings and mirrored beside the database. */
export function setBackupFolder(ctx: BackupContext, folder: string | null): string {
  const dir = folder && folder.trim() ? assertWritableFolder(folder.trim()) : assertWritableFolder(ctx.backupsDir);
  const value = dir === resolve(ctx.backupsDir) ? null : dir;
  if (ctx.dataState.status === 'ok') putSetting(ctx.db, FOLDER_KEY, value ?? '');
  writeFileSync(mirrorFile(ctx), JSON.stringify({ folder: value }));
  return dir;
}

// ---- listing and rotation ------------------------------------------------------------------------------

/** Verified backups in `folder` (those with a valid sidecar), newest first. Unverified or foreign files are ignored. */
export function listBackups(folder: string): BackupInfo[] {
  if (!existsSync(folder)) return [];
  const items: BackupInfo[] = [];
  for (const name of readdirSync(folder)) {
    if (!NAME_RE.test(name) || !existsSync(join(folder, `${name}.json`))) continue;
    try {
      const meta = BackupInfo.parse({ ...JSON.parse(readFileSync(join(folder, `${name}.json`), 'utf8')), name });
      items.push({ ...meta, bytes: statSync(join(folder, name)).size });
    } catch {
      /* unreadable sidecar: not listed as a verified backup */
    }
  }
  return items.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** Delete what the rotation does not keep (never a `protect`ed name: the backup being restored), and temporary files left by an interrupted backup. */
function pruneBackups(folder: string, now: Date, protect: readonly string[] = []): string[] {
  const items = listBackups(folder);
  const keep = backupsToKeep(
    items.map((i) => ({ id: i.name, at: new Date(i.createdAt), reason: i.reason })),
    now,
  );
  for (const name of protect) keep.add(name);
  const removed: string[] = [];
  for (const i of items) {
    if (keep.has(i.name)) continue;
    rmSync(join(folder, `${i.name}.json`), { force: true });
    rmSync(join(folder, i.name), { force: true });
    removed.push(i.name);
  }
  for (const name of readdirSync(folder)) {
    if (!name.startsWith('.tmp-')) continue;
    const p = join(folder, name);
    try {
      if (now.getTime() - statSync(p).mtimeMs > 10 * 60 * 1000) rmSync(p, { force: true });
    } catch {
      /* already gone */
    }
  }
  return removed;
}

// ---- creating -------------------------------------------------------------------------------------------

interface CreateOptions {
  folder: string;
  reason: BackupReason;
  now: Date;
  appVersion: string;
  note?: string | null;
  /** Backup names the rotation must not delete this time (the one about to be restored). */
  protect?: readonly string[];
}

/**
 * The first free name `nameOf(1)`, `nameOf(2)`, … claimed by creating it empty and exclusively: two processes backing
 * up in the same second (the app and a CLI import) get two names instead of writing over each other.
 */
function reserveName(folder: string, nameOf: (n: number) => string): string {
  for (let n = 1; ; n++) {
    const name = nameOf(n);
    try {
      closeSync(openSync(join(folder, name), 'wx'));
      return name;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || n > 999) throw err;
    }
  }
}

/** Write a verified backup into the folder with its sidecar, then apply the rotation. */
export function createBackupIn(db: Db, o: CreateOptions): BackupInfo {
  const { folder, name } = reserve(db, o);
  let copy: BackupResult;
  try {
    copy = writeVerifiedCopy(db, join(folder, name));
  } catch (err) {
    rmSync(join(folder, name), { force: true }); // the reserved name, still empty
    throw err;
  }
  return record(folder, name, o, copy);
}

/** The same, the check of the copy off this thread (seconds on a large database): the app keeps answering meanwhile. */
export async function createBackupInOffThread(db: Db, o: CreateOptions): Promise<BackupInfo> {
  const { folder, name } = reserve(db, o);
  let copy: BackupResult;
  try {
    copy = await writeVerifiedCopyOffThread(db, join(folder, name));
  } catch (err) {
    rmSync(join(folder, name), { force: true }); // the reserved name, still empty
    throw err;
  }
  return record(folder, name, o, copy);
}

function reserve(db: Db, o: CreateOptions): { folder: string; name: string } {
  const folder = assertWritableFolder(o.folder);
  const schema = schemaVersion(db);
  return { folder, name: reserveName(folder, (n) => backupFileName(o.now, o.reason, schema, n)) };
}

/** The sidecar of a verified copy, then the rotation. */
function record(folder: string, name: string, o: CreateOptions, copy: BackupResult): BackupInfo {
  const info: BackupInfo = {
    name,
    createdAt: o.now.toISOString(),
    reason: o.reason,
    note: o.note ?? null,
    bytes: copy.bytes,
    schemaVersion: copy.schemaVersion,
    counts: copy.counts,
    appVersion: o.appVersion,
  };
  const sidecar = join(folder, `${name}.json`);
  const tmp = `${sidecar}.${process.pid}.tmp`; // two processes backing up in the same second never share a temp file
  try {
    writeFileSync(tmp, JSON.stringify(info, null, 2));
    fsyncPath(tmp);
    renameSync(tmp, sidecar);
  } catch (err) {
    rmSync(tmp, { force: true });
    rmSync(join(folder, name), { force: true });
    throw new AppError(
      'db_full',
      'Không ghi được thông tin bản sao lưu (ổ đĩa đầy hoặc không ghi được). Bản sao đã được xoá; hãy giải phóng dung lượng hoặc chọn thư mục khác.',
    );
  }
  // The backup just made always stays, even when the clock says it is older than the rest (a PC whose date was reset).
  pruneBackups(folder, o.now, [...(o.protect ?? []), name]);
  return info;
}

/** A backup of the context's database into its backup folder. */
export function createBackup(
  ctx: BackupContext,
  reason: BackupReason,
  note: string | null = null,
  protect: readonly string[] = [],
): BackupInfo {
  if (ctx.dataState.status !== 'ok') throw new AppError('db_read_only', ctx.dataState.message ?? 'Dữ liệu đang bị khoá.');
  return createBackupIn(ctx.db, { folder: backupFolder(ctx), reason, now: ctx.now(), appVersion: ctx.version, note, protect });
}

/** createBackup with a large database copied and checked off the main thread (the app keeps answering meanwhile). */
export async function createBackupOffThread(
  ctx: BackupContext,
  reason: BackupReason,
  note: string | null = null,
  protect: readonly string[] = [],
): Promise<BackupInfo> {
  if (ctx.dataState.status !== 'ok') throw new AppError('db_read_only', ctx.dataState.message ?? 'Dữ liệu đang bị khoá.');
  return createBackupInOffThread(ctx.db, { folder: backupFolder(ctx), reason, now: ctx.now(), appVersion: ctx.version, note, protect });
}

/** Import features call this before writing a batch: a verified backup, or an AppError that stops the import. */
export function backupBeforeBatch(ctx: BackupContext, reason: string): BackupInfo {
  return createBackup(ctx, 'pre-import', reason);
}

/** The same for the report imports (app and CLI), the copy checked off the main thread. */
export function backupBeforeBatchOffThread(ctx: BackupContext, reason: string): Promise<BackupInfo> {
  return createBackupOffThread(ctx, 'pre-import', reason);
}

/** On the first start of a day: a 'daily' backup unless one (of any kind) was already made today. */
export function dailyBackupIfDue(ctx: BackupContext): BackupInfo | null {
  return dailyDue(ctx) ? createBackup(ctx, 'daily') : null;
}

/** The same, a large database copied and checked off the main thread: the app starts without waiting for it. */
export async function dailyBackupIfDueOffThread(ctx: BackupContext): Promise<BackupInfo | null> {
  return dailyDue(ctx) ? createBackupOffThread(ctx, 'daily') : null;
}

function dailyDue(ctx: BackupContext): boolean {
  const today = backupFileName(ctx.now(), 'daily', 0).slice(8, 16);
  return !listBackups(backupFolder(ctx)).some((b) => backupFileName(new Date(b.createdAt), 'daily', 0).slice(8, 16) === today);
}

export function backupPath(folder: string, name: string): string {
  if (basename(name) !== name || !NAME_RE.test(name))
    throw new AppError('invalid_input', 'Tên bản sao lưu không hợp lệ. Hãy chọn lại từ danh sách.');
  const file = join(folder, name);
  if (!existsSync(file) || !existsSync(`${file}.json`))
    throw new AppError('not_found', 'Không tìm thấy bản sao lưu này (có thể đã bị xoá). Hãy tải lại danh sách.');
  return file;
}
