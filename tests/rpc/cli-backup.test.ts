// CLI `restore FILE` (brings the backup back, keeps the replaced file, works on a damaged database) and a backup
// that runs out of disk space (file-size limit on the child process): clean Vietnamese error, nothing left behind.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli, tempDirs } from '../helpers/cli';
import { workbookOf } from '../helpers/context';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const tmp = tempDirs('danvan-clib-');
const codesIn = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT code FROM units ORDER BY code').all() as { code: string }[]).map((r) => r.code);
  } finally {
    db.close();
  }
};

describe('CLI backup and restore', () => {
  it('restore FILE brings the backup back and keeps the replaced database aside', async () => {
    const d = tmp();
    const db = join(d, 'x.sqlite');
    const one = join(d, 'one.xlsx');
    const two = join(d, 'two.xlsx');
    writeFileSync(
      one,
      await workbookOf([
        ['Mã', 'Tên CĐCS'],
        ['A1', 'Công đoàn Một'],
      ]),
    );
    writeFileSync(
      two,
      await workbookOf([
        ['Mã', 'Tên CĐCS'],
        ['B1', 'Công đoàn Hai'],
      ]),
    );
    expect((await cli('units', 'import', one, '--db', db)).code).toBe(0);
    const bk = join(d, 'usb', 'bk.sqlite');
    expect((await cli('backup', '--out', bk, '--db', db)).code).toBe(0);
    expect((await cli('units', 'import', two, '--db', db)).code).toBe(0);
    expect(codesIn(db)).toEqual(['A1', 'B1']);
    const r = await cli('restore', bk, '--json', '--db', db);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.out) as { beforeRestoreFile: string; counts: { units: number } };
    expect(res.counts.units).toBe(1);
    expect(codesIn(db)).toEqual(['A1']);
    expect(codesIn(res.beforeRestoreFile)).toEqual(['A1', 'B1']);
    // a damaged database can be restored too (it was set aside on open)
    writeFileSync(db, Buffer.alloc(10_000, 9));
    expect((await cli('units', 'list', '--json', '--db', db)).code).toBe(1);
    expect((await cli('restore', bk, '--db', db)).code).toBe(0);
    expect(codesIn(db)).toEqual(['A1']);
    expect(readdirSync(d).some((f) => f.startsWith('x.sqlite.corrupt-'))).toBe(true);
    // not a backup: refused, data unchanged
    writeFileSync(join(d, 'junk.sqlite'), 'junk');
    const bad = await cli('restore', join(d, 'junk.sqlite'), '--db', db);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/không phải bản sao lưu/);
    expect(codesIn(db)).toEqual(['A1']);
    expect((await cli('restore', '--db', db)).code).toBe(2);
  });

  it.skipIf(process.platform === 'win32')(
    'a backup that hits a full disk fails cleanly: no partial file, live data untouched',
    async () => {
      const d = tmp();
      const db = join(d, 'x.sqlite');
      const rows: (string | number)[][] = [['Mã', 'Tên CĐCS', 'Ghi chú']];
      for (let i = 0; i < 800; i++) rows.push([`M${i}`, `Công đoàn số ${i}`, 'ghi chú '.repeat(60)]);
      const xlsx = join(d, 'ds.xlsx');
      writeFileSync(xlsx, await workbookOf(rows));
      expect((await cli('units', 'import', xlsx, '--db', db)).code).toBe(0);
      const out = join(d, 'usb', 'bk.sqlite');
      // the child may write at most 256 KiB per file: the ~500 KB copy cannot fit (like a full USB stick)
      const script = `ulimit -f 256 && exec "${process.execPath}" --import tsx src-main/cli.ts backup --out "${out}" --db "${db}"`;
      const r = spawnSync('sh', ['-c', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/ổ đĩa đích đã đầy.*dữ liệu hiện tại không bị ảnh hưởng/);
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(join(d, 'usb'))).toEqual([]); // no temporary copy left either
      expect(codesIn(db)).toHaveLength(800);
      expect((await cli('check', '--db', db)).code).toBe(0);
    },
  );
});
