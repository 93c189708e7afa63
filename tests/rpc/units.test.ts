import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeTestApp, workbookOf, type TestApp } from '../helpers/context';
import { matchesQuery } from '../../src-main/text/vi-text';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

const file = (bytes: Uint8Array, name = 'ds.xlsx') => ({ name, bytes });
const HEADER = ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Khối', 'Số đoàn viên', 'Chủ tịch', 'Mã đơn vị cấp trên'];

describe('units register', () => {
  it('adds, edits, deactivates and lists in Vietnamese order with a diacritic-free search key', async () => {
    await app.call('units.save', { code: 'B', name: 'Đống Đa' });
    const a = await app.call('units.save', { code: 'A', name: 'Công đoàn Trường THCS Lê Lợi', aliases: ['THCS Lê Lợi'] });
    await app.call('units.save', { code: 'C', name: 'Ân Thi' });
    expect((await app.call('units.list', {})).map((u) => u.name)).toEqual(['Ân Thi', 'Công đoàn Trường THCS Lê Lợi', 'Đống Đa']);
    expect(matchesQuery(a.searchKey, 'cong doan truong thcs')).toBe(true);
    const edited = await app.call('units.save', { ...a, members: 40, aliases: ['CĐ THCS LL'] });
    expect(edited.members).toBe(40);
    expect(edited.aliases).toEqual(['CĐ THCS LL']);
    const off = await app.call('units.setActive', { id: a.id, active: false });
    expect(off.active).toBe(false);
    expect(off.activeTo).not.toBeNull();
    expect((await app.call('units.list', { includeInactive: false })).map((u) => u.code)).not.toContain('A');
  });

  it('lists every unit with its own aliases, in Vietnamese order, and none for a unit without', async () => {
    await app.call('units.save', { code: 'A', name: 'Công đoàn Trường THCS Lê Lợi', aliases: ['THCS Lê Lợi', 'CĐ Lê Lợi', 'Ân Lợi'] });
    await app.call('units.save', { code: 'B', name: 'Đống Đa' });
    await app.call('units.save', { code: 'C', name: 'Trạm Y tế', aliases: ['Y tế xã'] });
    const listed = await app.call('units.list', {});
    expect(Object.fromEntries(listed.map((u) => [u.code, u.aliases]))).toEqual({
      A: ['Ân Lợi', 'CĐ Lê Lợi', 'THCS Lê Lợi'],
      B: [],
      C: ['Y tế xã'],
    });
    // the same as one unit read alone
    for (const u of listed) expect((await app.call('units.get', { id: u.id })).aliases).toEqual(u.aliases);
  });

  it('refuses a duplicate code (any case) and a parent cycle', async () => {
    const a = await app.call('units.save', { code: 'CD01', name: 'Một' });
    await expect(app.call('units.save', { code: 'cd01', name: 'Hai' })).rejects.toMatchObject({ code: 'conflict' });
    const b = await app.call('units.save', { code: 'CD02', name: 'Hai', parentId: a.id });
    await expect(app.call('units.save', { ...a, parentId: b.id })).rejects.toThrow(/vòng|chính nó|cấp dưới/);
  });

  it('deletes a unit without records but not one with children', async () => {
    const p = await app.call('units.save', { code: 'P', name: 'Cấp trên', kind: 'cap_tren' });
    await app.call('units.save', { code: 'K', name: 'Con', parentId: p.id });
    await expect(app.call('units.delete', { id: p.id })).rejects.toMatchObject({ code: 'conflict' });
    const lone = await app.call('units.save', { code: 'L', name: 'Lẻ' });
    await app.call('units.delete', { id: lone.id });
    expect((await app.call('units.list', {})).map((u) => u.code).sort()).toEqual(['K', 'P']);
    const audit = await app.call('audit.list', {});
    expect(audit.map((a) => a.action)).toContain('unit.delete');
  });
});

describe('units import', () => {
  const rows = [
    ['DANH SÁCH CÔNG ĐOÀN CƠ SỞ'],
    [],
    HEADER,
    [1, 'CD001', 'Công đoàn Trường THCS Lê Lợi', 'Giáo dục', '1.250', 'Nguyễn Văn A', null],
    [2, 'CD002', 'Công đoàn Trạm Y tế', 'Y tế', 12, 'Trần Thị B', 'LD01'],
    [3, 'LD01', 'Công đoàn Khối Y tế', 'Y tế', null, null, null],
  ];

  it('previews without writing, then imports with parents resolved from the same file', async () => {
    const bytes = await workbookOf(rows);
    const dry = await app.call('units.import', { file: file(bytes), dryRun: true });
    expect(dry).toMatchObject({ headerRow: 3, created: 3, updated: 0, skipped: 0 });
    expect(await app.call('units.list', {})).toEqual([]);
    const done = await app.call('units.import', { file: file(bytes), dryRun: false });
    expect(done.created).toBe(3);
    const list = await app.call('units.list', {});
    const parent = list.find((u) => u.code === 'LD01');
    expect(list.find((u) => u.code === 'CD002')?.parentId).toBe(parent?.id);
    expect(list.find((u) => u.code === 'CD001')?.members).toBe(1250);
    const again = await app.call('units.import', { file: file(bytes), dryRun: true });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it('reports a bad row precisely and writes nothing unless told to skip it', async () => {
    const bytes = await workbookOf([
      HEADER,
      [1, 'A1', 'Đơn vị Một', null, 'nhiều', null, null],
      [2, 'A2', 'Đơn vị Hai', null, 5, null, null],
    ]);
    const dry = await app.call('units.import', { file: file(bytes), dryRun: true });
    expect(dry.issues).toEqual([
      expect.objectContaining({ severity: 'error', row: 2, message: expect.stringMatching(/Dòng 2: số đoàn viên "nhiều"/) }),
    ]);
    await expect(app.call('units.import', { file: file(bytes), dryRun: false })).rejects.toMatchObject({ code: 'bad_file' });
    expect(await app.call('units.list', {})).toEqual([]);
    const done = await app.call('units.import', { file: file(bytes), dryRun: false, skipInvalid: true });
    expect(done).toMatchObject({ created: 1, skipped: 1 });
  });

  it('reports duplicate codes and same names within the file', async () => {
    const bytes = await workbookOf([
      HEADER,
      [1, 'X', 'Tên A', null, null, null, null],
      [2, 'x', 'Tên B', null, null, null, null],
      [3, 'Y', 'tên a', null, null, null, null],
    ]);
    const dry = await app.call('units.import', { file: file(bytes), dryRun: true });
    expect(dry.issues.map((i) => [i.severity, i.row])).toEqual([
      ['error', 3],
      ['warning', 4],
    ]);
    expect(dry.issues[0]?.message).toMatch(/trùng với dòng 2/);
  });

  it.each([
    ['not excel', new TextEncoder().encode('hello, this is text'), /không phải tệp Excel/],
    ['empty', new Uint8Array(0), /rỗng/],
    ['xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /\.xls/],
    ['truncated zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /hỏng/],
  ])('refuses %s with a Vietnamese message and leaves the database unchanged', async (_n, bytes, msg) => {
    await expect(app.call('units.import', { file: file(bytes), dryRun: false })).rejects.toMatchObject({
      code: 'bad_file',
      message: expect.stringMatching(msg),
    });
    expect(await app.call('units.list', {})).toEqual([]);
  });

  it('refuses an empty sheet and a sheet without recognisable headers', async () => {
    await expect(app.call('units.import', { file: file(await workbookOf([])), dryRun: true })).rejects.toThrow(/không có dữ liệu/);
    await expect(
      app.call('units.import', {
        file: file(
          await workbookOf([
            ['Họ tên', 'Tuổi'],
            ['An', 3],
          ]),
        ),
        dryRun: true,
      }),
    ).rejects.toThrow(/Không tìm thấy dòng tiêu đề/);
  });

  it('round-trips through export: exported workbook imports back unchanged', async () => {
    await app.call('units.import', { file: file(await workbookOf(rows)), dryRun: false });
    const out = await app.call('units.export', {});
    expect(out.name).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.bytes) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const row = [7, 8, 9].find((r) => ws.getCell(r, 2).value === 'CD001')!;
    expect(ws.getCell(row, 7).value).toBe(1250);
    expect(ws.getRow(6).getCell(2).font?.name).toBe('Times New Roman');
    const back = await app.call('units.import', { file: file(out.bytes, out.name), dryRun: true });
    expect(back).toMatchObject({ created: 0, updated: 0, unchanged: 3, skipped: 0 });
  });
});
