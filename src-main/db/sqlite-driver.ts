// The better-sqlite3 constructor, loaded with require rather than import: importing a CommonJS package from ES modules
// makes Node pre-parse its files for their export names (~10 ms of every CLI start on this VM). Types still come from
// `import type ... from 'better-sqlite3'`.
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

export const SqliteDatabase = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
