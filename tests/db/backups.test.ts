// Backups through the real dispatch: verified copies listed with their contents, restore brings the old data back
// and keeps the pre-restore copy, pre-import and pre-migrate backups, the folder setting, disk full during import.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTestApp, workbookOf, type TestApp } from '../helpers/context';
import { createContext } from '../../src-main/runtime/create-context';
import { loadMigrations } from '../../src-main/db/migrate';

const apps: TestApp[] = [];
afterEach(() => apps.splice(0).forEach((a) => a.close()));
function app(): TestApp {
  const a = makeTestApp();
  apps.push(a);
  return a;
}
const unit = (code: string, name: string) => ({
  code,
  name,
  kind: 'cdcs' as const,
  parentId: null,
  sector: null,
  members: null,
  chair: null,
  phone: null,
  email: null,
  address: null,
  note: null,
  aliases: [],
});
const codes = async (a: TestApp) => (await a.call('units.list', { includeInactive: true })).map((u) => u.code).sort();

describe('backups', () => {
  it('creates a verified backup with a contents summary, lists it, and restores the old data keeping the current file aside', async () => {
    const a = app();
    await a.call('units.save', unit('A1', 'Công đoàn Một'));
    const b = await a.call('backups.create', {});
    expect(b.name).toMatch(/^dan-van-\d{8}-\d{6}-manual-v\d+\.sqlite$/);
    expect(b.counts.units).toBe(1);
    expect(b.schemaVersion).toBe(loadMigrations().length);
    const list = await a.call('backups.list', {});
    expect(list.folder).toBe(join(a.dir, 'backups'));
    expect(list.items.map((i) => i.name)).toEqual([b.name]);
    // the copy is a sound, independent database
    const copy = new Database(join(list.folder, b.name), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT code FROM units').all()).toEqual([{ code: 'A1' }]);
    copy.close();

    await a.call('units.save', unit('B2', 'Công đoàn Hai'));
    expect(await codes(a)).toEqual(['A1', 'B2']);
    const r = await a.call('backups.restore', { name: b.name });
    expect(r.beforeRestoreFile).toMatch(/test\.before-restore-\d{8}-\d{6}\.sqlite$/);
    expect(await codes(a)).toEqual(['A1']);
    // the pre-restore copy holds the data we replaced, and a pre-restore backup was listed too
    const before = new Database(r.beforeRestoreFile!, { readonly: true });
    expect((before.prepare('SELECT code FROM units ORDER BY code').all() as { code: string }[]).map((x) => x.code)).toEqual(['A1', 'B2']);
    before.close();
    const after = await a.call('backups.list', {});
    expect(after.items.map((i) => i.reason).sort()).toEqual(['manual', 'pre-restore']);
    expect(after.items.find((i) => i.reason === 'pre-restore')?.counts.units).toBe(2);
    // the restore is in the audit log of the restored database, and the database is still writable
    const audit = await a.call('audit.list', { limit: 5 });
    expect(audit[0]?.action).toBe('backup.restore');
    await a.call('units.save', unit('C3', 'Công đoàn Ba'));
    expect(await codes(a)).toEqual(['A1', 'C3']);
  });

  it('refuses names outside the list and damaged backups, leaving the data as it was', async () => {
    const a = app();
    await a.call('units.save', unit('A1', 'Một'));
    const b = await a.call('backups.create', {});
    await expect(a.call('backups.restore', { name: '../test.sqlite' })).rejects.toMatchObject({ code: 'invalid_input' });
    const file = join(a.dir, 'backups', b.name);
    writeFileSync(file, Buffer.alloc(4096, 1)); // damaged after it was listed
    await expect(a.call('backups.restore', { name: b.name })).rejects.toMatchObject({
      code: 'bad_file',
      message: expect.stringMatching(/chọn bản sao lưu khác/),
    });
    expect(await codes(a)).toEqual(['A1']);
    expect(readdirSync(a.dir).filter((f) => f.includes('before-restore'))).toEqual([]);
  });

  it('backs up before a units import batch (not for a dry run), named pre-import', async () => {
    const a = app();
    const file = {
      name: 'ds.xlsx',
      bytes: await workbookOf([
        ['Mã', 'Tên CĐCS'],
        ['A1', 'Công đoàn Một'],
      ]),
    };
    await a.call('units.import', { file, dryRun: true, skipInvalid: false });
    expect((await a.call('backups.list', {})).items).toEqual([]);
    await a.call('units.import', { file, dryRun: false, skipInvalid: false });
    const items = (await a.call('backups.list', {})).items;
    expect(items.map((i) => i.reason)).toEqual(['pre-import']);
    expect(items[0]?.counts.units).toBe(0); // taken before the write
    expect(items[0]?.note).toContain('ds.xlsx');
  });

  it('uses a chosen backup folder (validated writable) and can go back to the default', async () => {
    const a = app();
    const usb = join(a.dir, 'usb', 'sao-luu');
    expect((await a.call('backups.setFolder', { folder: usb })).folder).toBe(usb);
    const b = await a.call('backups.create', {});
    expect(existsSync(join(usb, b.name))).toBe(true);
    expect((await a.call('data.status', {})).backupFolder).toBe(usb);
    writeFileSync(join(a.dir, 'a-file'), 'x');
    await expect(a.call('backups.setFolder', { folder: join(a.dir, 'a-file', 'sub') })).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await a.call('backups.list', {})).folder).toBe(usb);
    expect((await a.call('backups.setFolder', { folder: null })).folder).toBe(join(a.dir, 'backups'));
    expect((await a.call('backups.list', {})).items).toEqual([]);
  });

  it('takes a verified pre-migrate backup of the old schema before migrating an existing database', () => {
    const a = app();
    const file = join(a.dir, 'old.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE legacy (x INTEGER); INSERT INTO legacy VALUES (42);');
    raw.close();
    const ctx = createContext({ mode: 'test', dbFile: file, version: 't' });
    try {
      expect(ctx.dataState.status).toBe('ok');
      const files = readdirSync(join(a.dir, 'backups')).filter((f) => f.endsWith('.sqlite'));
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/-pre-migrate-v0\.sqlite$/);
      const copy = new Database(join(a.dir, 'backups', files[0]!), { readonly: true });
      expect(copy.prepare('SELECT x FROM legacy').get()).toEqual({ x: 42 });
      expect(copy.pragma('user_version', { simple: true })).toBe(0);
      copy.close();
    } finally {
      ctx.close();
    }
  });

  it('disk full during an import: Vietnamese db_full error, nothing half-written, usable afterwards', async () => {
    const a = app();
    await a.call('units.save', unit('X0', 'Có sẵn'));
    const rows: (string | number)[][] = [['Mã', 'Tên CĐCS', 'Ghi chú']];
    for (let i = 0; i < 600; i++) rows.push([`M${i}`, `Công đoàn cơ sở số ${i}`, 'ghi chú dài '.repeat(40)]);
    const file = { name: 'lon.xlsx', bytes: await workbookOf(rows) };
    const pages = a.ctx.db.pragma('page_count', { simple: true }) as number;
    a.ctx.db.pragma(`max_page_count = ${pages + 5}`);
    const auditBefore = (await a.call('audit.list', { limit: 100 })).length;
    await expect(a.call('units.import', { file, dryRun: false, skipInvalid: false })).rejects.toMatchObject({
      code: 'db_full',
      message: expect.stringMatching(/Ổ đĩa đã đầy.*dữ liệu cũ vẫn an toàn/),
    });
    expect(await codes(a)).toEqual(['X0']);
    expect((await a.call('audit.list', { limit: 100 })).length).toBe(auditBefore);
    expect(a.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    a.ctx.db.pragma('max_page_count = 1073741823');
    await a.call('units.save', unit('Y1', 'Sau khi giải phóng dung lượng'));
    expect(await codes(a)).toEqual(['X0', 'Y1']);
  });
});
