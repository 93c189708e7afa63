// Backup, restore and data-location channels, and the state of the database the app opened (ok, damaged,
// from a newer version, unavailable) that the renderer shows as a blocking recovery screen.
import { z } from 'zod';
import { FileOut } from './common';

const BACKUP_REASONS = ['manual', 'daily', 'pre-migrate', 'pre-import', 'pre-restore', 'pre-move'] as const;
export const BackupReason = z.enum(BACKUP_REASONS);
export type BackupReason = z.infer<typeof BackupReason>;

export const BackupInfo = z.object({
  /** File name inside the backup folder (the handle used to restore; never a full path). */
  name: z.string(),
  createdAt: z.string(),
  reason: BackupReason,
  note: z.string().nullable(),
  bytes: z.number().int().nonnegative(),
  schemaVersion: z.number().int(),
  /** Row counts of the main tables (contents summary), table -> rows. */
  counts: z.record(z.string(), z.number().int()),
  appVersion: z.string(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const DataState = z.object({
  status: z.enum(['ok', 'damaged', 'newer', 'unavailable']),
  /** Vietnamese explanation when status is not ok. */
  message: z.string().nullable(),
  /** Where the damaged file was set aside (so nothing is lost). */
  setAsideFile: z.string().nullable(),
});
export type DataState = z.infer<typeof DataState>;

export const BackupList = z.object({ folder: z.string(), defaultFolder: z.string(), items: z.array(BackupInfo) });
export type BackupList = z.infer<typeof BackupList>;

export const DataStatus = z.object({
  dbFile: z.string(),
  dataDir: z.string(),
  defaultDbFile: z.string(),
  backupFolder: z.string(),
  warnings: z.array(z.string()),
  state: DataState,
});
export type DataStatus = z.infer<typeof DataStatus>;

export const RestoreResult = z.object({
  restoredFrom: z.string(),
  beforeRestoreFile: z.string().nullable(),
  counts: z.record(z.string(), z.number().int()),
});
export type RestoreResult = z.infer<typeof RestoreResult>;

/** Channels that still answer while the database is blocked (damaged / newer version): what recovery needs. */
export const CHANNELS_WHEN_BLOCKED: readonly string[] = [
  'app.info',
  'backups.list',
  'backups.restore',
  'backups.setFolder',
  'data.status',
  'data.startEmpty',
];

export const backupsChannels = {
  'backups.list': { input: z.object({}), output: BackupList },
  'backups.create': { input: z.object({}), output: BackupInfo },
  'backups.restore': { input: z.object({ name: z.string().min(1).max(255) }), output: RestoreResult },
  'backups.setFolder': {
    input: z.object({ folder: z.string().max(1000).nullable() }),
    output: z.object({ folder: z.string() }),
  },
  'data.status': { input: z.object({}), output: DataStatus },
  'data.move': { input: z.object({}), output: DataStatus },
  'data.startEmpty': { input: z.object({}), output: DataStatus },
  'audit.export': {
    input: z.object({ format: z.enum(['xlsx', 'csv']), limit: z.number().int().min(1).max(100_000).default(20_000) }),
    output: FileOut,
  },
};
