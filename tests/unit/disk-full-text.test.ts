// "database or disk is full" never reaches the user in English: opening the data on a full disk, and the folder
// probe of backups leaves no ".ghi-thu-<pid>" file behind (stale ones from a crash are cleaned).
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src-main/db/connection';
import { loadMigrations } from '../../src-main/db/migrate';
import { openData } from '../../src-main/runtime/open-data';
import { assertWritableFolder } from '../../src-main/data-file/backup-store';
import { XlsxError } from '../../src-main/bytes/limits';
import { userError } from '../../src-main/handler/user-error';

const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'danvan-full-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('disk full in Vietnamese', () => {
  it('opening the data when the disk fills during a migration says so in Vietnamese, with what to do', () => {
    const file = join(tmp(), 'data.sqlite');
    openDatabase(file, { migrations: loadMigrations().slice(0, 1) }).close();
    const opened = openData(file, {
      now: new Date(),
      beforeMigrate: (db) => void db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`),
    });
    expect(opened.state.status).toBe('unavailable');
    expect(opened.state.message).not.toMatch(/database or disk is full/i);
    expect(opened.state.message).toMatch(/đầy/);
    expect(opened.state.message).toMatch(/giải phóng dung lượng/);
  });

  it('maps SQLite and file-system "full" errors, keeps AppErrors, hides unknown English', () => {
    expect(userError(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }), 'x').message).toMatch(/đầy/);
    expect(userError(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }), 'x').message).toMatch(/đầy/);
    expect(userError(new Error('something odd'), 'Không làm được việc này.').message).toBe('Không làm được việc này.');
    expect(userError(new XlsxError('bomb', 'Tệp nén bất thường – không đọc.'), 'x')).toMatchObject({
      code: 'bad_file',
      message: 'Tệp nén bất thường – không đọc.',
    });
    expect(userError(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }), 'x').message).toMatch(/khoá/);
  });
});

describe('backup folder probe', () => {
  it('removes stale ".ghi-thu-<pid>" files left by a crash, and leaves none of its own', () => {
    const dir = tmp();
    mkdirSync(dir, { recursive: true });
    const stale = join(dir, '.ghi-thu-99999');
    writeFileSync(stale, 'ok');
    const old = new Date(Date.now() - 60 * 60 * 1000);
    utimesSync(stale, old, old);
    assertWritableFolder(dir);
    expect(existsSync(stale)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith('.ghi-thu-'))).toEqual([]);
  });
});
