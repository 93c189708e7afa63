// App feature: what is running and where, and the audit log listing.
import { listAudit } from '../db/audit';
import { schemaVersion } from '../db/migrate';
import type { Handler } from '../handler/handler';

export const appHandlers: { 'app.info': Handler<'app.info'>; 'audit.list': Handler<'audit.list'> } = {
  'app.info': (_i, ctx) => ({
    name: 'Dân vận',
    version: ctx.version,
    mode: ctx.mode,
    schemaVersion: schemaVersion(ctx.db),
    dataDir: ctx.dataDir,
    dbFile: ctx.dbFile,
    warnings: ctx.warnings,
    dataState: ctx.dataState,
  }),
  'audit.list': ({ limit }, ctx) => listAudit(ctx.db, limit),
};
