import { describe, expect, it } from 'vitest';
import { writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDirs } from '../helpers/cli';
import { workbookOf } from '../helpers/context';

const tmp = tempDirs('danvan-cli-');

describe('CLI', () => {
  it('imports units (dry run writes nothing), lists them, checks and backs up', async () => {
    const d = tmp();
    const db = join(d, 'x.sqlite');
    const xlsx = join(d, 'ds.xlsx');
    writeFileSync(
      xlsx,
      await workbookOf([
        ['Mã', 'Tên CĐCS'],
        ['A1', 'Công đoàn Một'],
        ['A2', 'Công đoàn Hai'],
      ]),
    );
    const dry = await cli('units', 'import', xlsx, '--dry-run', '--json', '--db', db);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ created: 2, updated: 0, issues: [] });
    expect(JSON.parse((await cli('units', 'list', '--json', '--db', db)).out)).toEqual([]);
    expect((await cli('units', 'import', xlsx, '--json', '--db', db)).code).toBe(0);
    const list = JSON.parse((await cli('units', 'list', '--json', '--db', db)).out) as { code: string }[];
    expect(list.map((u) => u.code)).toEqual(['A2', 'A1']);
    const check = await cli('check', '--json', '--db', db);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.out)).toMatchObject({ ok: true, problems: [] });
    const backup = await cli('backup', '--out', join(d, 'bk', 'b.sqlite'), '--json', '--db', db);
    expect(backup.code).toBe(0);
    expect(JSON.parse(backup.out)).toMatchObject({ verified: true });
    expect(existsSync(join(d, 'bk', 'b.sqlite'))).toBe(true);
    expect(JSON.parse((await cli('units', 'list', '--json', '--db', join(d, 'bk', 'b.sqlite'))).out)).toHaveLength(2);
  });

  it('exits 1 with a Vietnamese message on a bad file, 2 on usage errors', async () => {
    const d = tmp();
    const bad = join(d, 'bad.xlsx');
    writeFileSync(bad, 'not a workbook');
    const r = await cli('units', 'import', bad, '--json', '--db', join(d, 'x.sqlite'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/không phải tệp Excel/);
    expect(r.out).toBe('');
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('units', 'list', '--bogus')).code).toBe(2);
    expect((await cli('backup', '--db', join(d, 'x.sqlite'))).code).toBe(2);
  });

  it('check exits 1 on a damaged database', async () => {
    const d = tmp();
    const db = join(d, 'broken.sqlite');
    writeFileSync(db, Buffer.alloc(4096, 1));
    const r = await cli('check', '--json', '--db', db);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false });
  });
});
