// App-level channels: what is running where (version, data folder, warnings) and the audit log.
import { z } from 'zod';
import { DataState } from './backups';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['electron', 'web', 'cli', 'test']),
  schemaVersion: z.number().int(),
  dataDir: z.string(),
  dbFile: z.string(),
  /** Vietnamese warnings to show on start (e.g. database in a OneDrive folder). */
  warnings: z.array(z.string()),
  /** Whether the database opened; when not 'ok' the renderer shows the recovery screen instead of the pages. */
  dataState: DataState,
});
export type AppInfo = z.infer<typeof AppInfo>;

export const AuditRow = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.number().int().nullable(),
  summary: z.string(),
});
export type AuditRow = z.infer<typeof AuditRow>;

export const appChannels = {
  'app.info': { input: z.object({}), output: AppInfo },
  'audit.list': { input: z.object({ limit: z.number().int().min(1).max(5000).default(500) }), output: z.array(AuditRow) },
};
