// Backups feature handlers: list / create / restore backups, choose the backup folder, data status and moving the
// data out of a risky folder, audit export. The work itself lives in backup-store.ts and backup-restore.ts.
import { DataStatus } from '../contract/backups';
import { addAudit } from '../db/audit';
import type { AppContext } from '../handler/context';
import type { Handler } from '../handler/handler';
import { resolveDataPaths } from '../data-file/paths';
import { aheadRun } from './ahead-run';
import { makeFileOffThread } from './export-off-thread';
import { moveToDefault, restoreByName, startEmpty } from './backup-restore';
import { stopAheadWork } from './ahead-worker';
import { backupFolder, backupPath, createBackupOffThread, listBackups, setBackupFolder } from '../data-file/backup-store';

function dataStatus(ctx: AppContext): DataStatus {
  return {
    dbFile: ctx.dbFile,
    dataDir: ctx.dataDir,
    defaultDbFile: resolveDataPaths(null, { ...process.env, DANVAN_DB: undefined }).dbFile,
    backupFolder: backupFolder(ctx),
    warnings: ctx.warnings,
    state: ctx.dataState,
  };
}

type Names =
  | 'backups.list'
  | 'backups.create'
  | 'backups.restore'
  | 'backups.setFolder'
  | 'data.status'
  | 'data.move'
  | 'data.startEmpty'
  | 'audit.export';

export const backupsHandlers = {
  'backups.list': (_i, ctx) => {
    const folder = backupFolder(ctx);
    return { folder, defaultFolder: ctx.backupsDir, items: listBackups(folder) };
  },
  'backups.create': async (_i, ctx) => {
    const info = await createBackupOffThread(ctx, 'manual', 'Sao lưu ngay');
    addAudit(ctx.db, { action: 'backup.create', entity: 'database', summary: `Sao lưu dữ liệu: ${info.name}` }, ctx.now());
    return info;
  },
  // the work done ahead lets go of the data file first (on Windows an open file cannot be renamed over)
  'backups.restore': async ({ name }, ctx) => {
    await stopAheadWork();
    return restoreByName(ctx, backupPath(backupFolder(ctx), name));
  },
  'backups.setFolder': ({ folder }, ctx) => {
    const dir = setBackupFolder(ctx, folder);
    if (ctx.dataState.status === 'ok')
      addAudit(ctx.db, { action: 'backup.folder', entity: 'settings', summary: `Đổi thư mục sao lưu thành "${dir}"` }, ctx.now());
    return { folder: dir };
  },
  'data.status': (_i, ctx) => dataStatus(ctx),
  'data.move': async (_i, ctx) => {
    await stopAheadWork();
    await moveToDefault(ctx);
    return dataStatus(ctx);
  },
  'data.startEmpty': async (_i, ctx) => {
    await stopAheadWork();
    startEmpty(ctx);
    return dataStatus(ctx);
  },
  // seconds on years of history: made in the work-ahead worker (export-off-thread.ts)
  'audit.export': ({ format, limit }, ctx) => makeFileOffThread(aheadRun(ctx), { what: 'audit', format, limit, now: ctx.now() }),
} satisfies { [K in Names]: Handler<K> };
