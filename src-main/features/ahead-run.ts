// Where a feature's work ahead and its file exports run: the app's connection and data file, and whether a worker
// may do it. Its own module, so a room that only passes it on (units, models, backups) loads neither the checks nor
// the worker with it.
import type { Db } from '../db/connection';
import type { AppContext } from '../handler/context';

export interface AheadRun {
  db: Db;
  dbFile: string;
  /** In a worker (the app, browser mode); in this thread for the CLI and tests, as before. */
  offThread: boolean;
}

/** The app's connection, in the worker except in unit tests. */
export const aheadRun = (ctx: AppContext): AheadRun => ({ db: ctx.db, dbFile: ctx.dbFile, offThread: ctx.mode !== 'test' });
