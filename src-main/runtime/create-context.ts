// Building the AppContext that handlers run with: resolve paths, open (and migrate, after a verified backup) the
// database or start blocked when it is damaged, reopen it after a restore/move. Shared by Electron main, browser
// mode, the CLI and tests; no electron here.
import { readFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { dirname, join } from 'node:path';
import type { EventName, Events } from '../contract/index';
import type { AppContext } from '../handler/context';
import { createBackupIn, dailyBackupIfDue, dailyBackupIfDueOffThread, folderFromDb } from '../data-file/backup-store';
import { copiesOffThread } from '../data-file/copy-check';
import { AppError } from '../contract/errors';
import { registerUse, takeExclusive, waitUntilUnlocked } from '../data-file/lock';
import { openData, type OpenedData } from './open-data';
import { placeholderDb } from '../db/file-ops';
import { locationWarnings, resolveDataPaths } from '../data-file/paths';
import { userError } from '../handler/user-error';

/** The app's version from its package.json: two folders up in source and from out/main, three from out/main/chunks. */
export function appVersion(here = import.meta.url): string {
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, here), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'dan-van' && pkg.version) return pkg.version;
    } catch {
      // not here: try the next place
    }
  }
  return process.env.npm_package_version ?? '0.0.0';
}

interface ContextOptions {
  mode: AppContext['mode'];
  dbFile?: string | null;
  version?: string;
  now?: () => Date;
}

export interface RunningContext extends AppContext {
  events: EventEmitter;
  close: () => void;
}

export function createContext(opts: ContextOptions): RunningContext {
  const paths = resolveDataPaths(opts.dbFile);
  const events = new EventEmitter();
  const now = opts.now ?? (() => new Date());
  const version = opts.version ?? appVersion();

  let releaseUse = () => {};
  const open = (file: string, backupsDir: string): OpenedData => {
    releaseUse();
    // say we use the file before looking at the lock: a restore elsewhere then sees us, or we see its lock
    releaseUse = registerUse(file, opts.mode);
    let releaseMigrate = () => {};
    try {
      waitUntilUnlocked(file);
      return openData(file, {
        now: now(),
        beforeMigrate: (db) => {
          // one process migrates, alone; never without a verified copy of the old schema (a failed backup stops it)
          releaseMigrate = takeExclusive(file, opts.mode, 'migrate');
          createBackupIn(db, { folder: folderFromDb(db, backupsDir), reason: 'pre-migrate', now: now(), appVersion: version });
        },
      });
    } catch (err) {
      const message = err instanceof AppError ? err.message : (err as Error).message;
      return { db: placeholderDb(), state: { status: 'unavailable', message, setAsideFile: null }, created: false };
    } finally {
      releaseMigrate();
    }
  };

  const first = open(paths.dbFile, paths.backupsDir);
  const ctx: RunningContext = {
    db: first.db,
    dataState: first.state,
    mode: opts.mode,
    version,
    ...paths,
    warnings: [...locationWarnings(paths.dbFile), ...(first.notice ? [first.notice] : [])],
    events,
    emit: <E extends EventName>(event: E, payload: Events[E]) => void events.emit('event', event, payload),
    now,
    close: () => {
      ctx.db.close();
      releaseUse();
    },
    reopen: (dbFile?: string) => {
      if (ctx.db.open) ctx.db.close();
      if (dbFile && dbFile !== ctx.dbFile) {
        ctx.dbFile = dbFile;
        ctx.dataDir = dirname(dbFile);
        ctx.backupsDir = join(dirname(dbFile), 'backups');
        ctx.warnings = locationWarnings(dbFile);
      }
      const next = open(ctx.dbFile, ctx.backupsDir);
      ctx.db = next.db;
      ctx.dataState = next.state;
      if (next.notice) ctx.warnings = [...ctx.warnings, next.notice];
    },
  };
  // the desktop app and browser mode keep one automatic backup per day (not the CLI or tests; not a new, empty file);
  // a large database is copied off the main thread while the app starts (seconds per 100 MB)
  if ((opts.mode === 'electron' || opts.mode === 'web') && ctx.dataState.status === 'ok' && !first.created) {
    const failed = (err: unknown) => {
      ctx.warnings = [
        ...ctx.warnings,
        `Chưa tạo được bản sao lưu hằng ngày: ${userError(err, 'lỗi không mong muốn, hãy sao lưu bằng tay.').message}`,
      ];
    };
    if (copiesOffThread(ctx.db)) dailyBackupIfDueOffThread(ctx).catch(failed);
    else
      try {
        dailyBackupIfDue(ctx);
      } catch (err) {
        failed(err);
      }
  }
  return ctx;
}
