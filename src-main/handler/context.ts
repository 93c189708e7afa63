// What every handler receives besides its input: the open database, the data folders, an event emitter
// and a clock. Built once by Electron main, browser mode, the CLI or a test.
import type { Db } from '../db/connection';
import type { EventName, Events } from '../contract/index';
import type { DataState } from '../contract/backups';
import type { FileOut } from '../contract/common';

export interface AppContext {
  db: Db;
  mode: 'electron' | 'web' | 'cli' | 'test';
  version: string;
  dataDir: string;
  dbFile: string;
  backupsDir: string;
  warnings: string[];
  /** Whether the database could be opened ('ok'), or why not; handlers other than recovery are refused when not ok. */
  dataState: DataState;
  /** Close and open the database again (after a restore), or open another file (after moving the data). */
  reopen: (dbFile?: string) => void;
  emit: <E extends EventName>(event: E, payload: Events[E]) => void;
  now: () => Date;
  /** Open a file with the system's viewer (Electron only); without it, files are offered as downloads. */
  openFile?: (file: FileOut) => void;
}
