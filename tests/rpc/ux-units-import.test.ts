// Units import that helps instead of refusing (issue #14): written codes are normalised ("CD 050" -> "CD050"), a row
// without a code gets a proposed code the user can change, a re-import shows old -> new for each changed field,
// and the user can keep a field as it is in the register (a manual edit).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeTestApp, workbookOf, type TestApp } from '../helpers/context';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());
const file = (bytes: Uint8Array) => ({ name: 'ds-don-vi.xlsx', bytes });

it('normalises codes, proposes codes for rows without one, and takes the user\'s code (a row named "Công đoàn…" without a code was dropped as a total line)', async () => {
  await app.call('units.save', { code: 'CD001', name: 'Công đoàn Trường Mầm non Hoa Sen' });
  await app.call('units.save', { code: 'CD002', name: 'Công đoàn Trạm Y tế xã' });
  const bytes = await workbookOf([
    ['Mã đơn vị', 'Tên đơn vị'],
    ['cd 049', 'Công đoàn Trường Tiểu học Kim Đồng'],
    ['', 'Công đoàn UBND xã Bàu Năng'],
    ['', 'Công đoàn Chi cục Thuế'],
    ['', 'Tổng cộng: 3'],
  ]);
  const dry = await app.call('units.import', { file: file(bytes), dryRun: true });
  expect(dry.rows.map((r) => [r.row, r.code, r.codeSource, r.action])).toEqual([
    [2, 'CD049', 'normalised', 'create'],
    [3, 'CD050', 'proposed', 'create'],
    [4, 'CD051', 'proposed', 'create'],
  ]);
  expect(dry.issues.filter((i) => i.severity === 'error')).toEqual([]);
  expect(dry.issues.map((i) => i.message).join('\n')).toMatch(/Dòng 3: chưa có mã, đề xuất mã "CD050"/);
  const done = await app.call('units.import', { file: file(bytes), dryRun: false, codes: [{ row: 4, code: 'th 07' }] });
  expect(done.created).toBe(3);
  const list = await app.call('units.list', {});
  expect(list.map((u) => u.code).sort()).toEqual(['CD001', 'CD002', 'CD049', 'CD050', 'TH07']);
  expect(list.find((u) => u.code === 'TH07')?.name).toBe('Công đoàn Chi cục Thuế');
});

it('a re-import shows old -> new per field and keeps the fields the user chose to keep', async () => {
  await app.call('units.save', { code: 'CD001', name: 'Công đoàn Trường Mầm non Hoa Sen', members: 40, phone: '0909 111 222' });
  const bytes = await workbookOf([
    ['Mã đơn vị', 'Tên đơn vị', 'Số đoàn viên', 'Điện thoại'],
    ['CD 001', 'Công đoàn Trường Mầm non Hoa Sen', 45, '0909 000 000'],
  ]);
  const dry = await app.call('units.import', { file: file(bytes), dryRun: true });
  expect(dry.rows[0]).toMatchObject({ action: 'update', code: 'CD001' });
  expect(dry.rows[0]?.diffs).toEqual([
    { field: 'members', label: 'số đoàn viên', before: '40', after: '45' },
    { field: 'phone', label: 'điện thoại', before: '0909 111 222', after: '0909 000 000' },
  ]);
  const keepPhone = await app.call('units.import', { file: file(bytes), dryRun: true, keep: [{ row: 2, field: 'phone' }] });
  expect(keepPhone.rows[0]?.diffs.map((d) => d.field)).toEqual(['members']);
  await app.call('units.import', { file: file(bytes), dryRun: false, keep: [{ row: 2, field: 'phone' }] });
  const u = (await app.call('units.list', {}))[0];
  expect(u).toMatchObject({ code: 'CD001', members: 45, phone: '0909 111 222' });
});
