// A database file with `units` units whose names are long (~270 bytes each), for the backup tests: a copy of it has
// rows to count and pages to check.
import { join } from 'node:path';
import { createContext } from '../../src-main/runtime/create-context';

export function seededContext(dir: string, name: string, units: number) {
  const ctx = createContext({ mode: 'test', dbFile: join(dir, `${name}.sqlite`), version: 't' });
  const ins = ctx.db.prepare("INSERT INTO units (code, name, search_key, created_at, updated_at) VALUES (?, ?, ?, 'x', 'x')");
  ctx.db.exec('BEGIN IMMEDIATE');
  for (let i = 1; i <= units; i++) ins.run(`U${i}`, `Công đoàn U${i} ${'x'.repeat(250)}`, `u${i}`);
  ctx.db.exec('COMMIT');
  return ctx;
}
