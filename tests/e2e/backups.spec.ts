// Backups end to end in Chromium: "Sao lưu ngay" from Settings, change the data, restore, see the old data; and a
// damaged database shows the blocking recovery screen, from which the newest backup is restored.
import { writeFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { dispatch } from '../../src-main/rpc/dispatch';

const unit = (code: string, name: string) => ({
  code,
  name,
  kind: 'cdcs',
  parentId: null,
  sector: null,
  members: 30,
  chair: null,
  phone: null,
  email: null,
  address: null,
  note: null,
  aliases: [],
});

test('back up from Settings, change data, restore, and the old data is back', async ({ app, page }) => {
  expect((await dispatch('units.save', unit('GD01', 'Công đoàn Trường Tiểu học Kim Đồng'), app.ctx)).ok).toBe(true);
  await app.open('#/settings');
  await expect(page.getByText('Chưa có bản sao lưu nào')).toBeVisible();
  await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
  await expect(page.getByText(/Đã sao lưu và kiểm tra/)).toBeVisible();
  const list = page.getByTestId('backup-list');
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list).toContainText('1 đơn vị');
  await expect(list).toContainText('Sao lưu thủ công');

  // change the data after the backup
  expect((await dispatch('units.save', unit('YT01', 'Công đoàn Trung tâm Y tế huyện'), app.ctx)).ok).toBe(true);
  await page.goto(`${app.server.url.split('?')[0]}#/units`);
  await expect(page.getByTestId('units-count')).toContainText('2 / 2 đơn vị');

  await page.getByRole('link', { name: 'Cài đặt' }).click();
  await expect(page.getByRole('heading', { name: 'Nhật ký thao tác' })).toBeVisible();
  await expect(page.getByTestId('audit-list')).toContainText('Sao lưu dữ liệu');
  await page.getByRole('button', { name: 'Đóng thông báo' }).click();
  await page
    .getByRole('heading', { name: 'Dữ liệu & sao lưu' })
    .evaluate((el) => el.closest('section')?.scrollIntoView({ block: 'start' }));
  await app.shot('settings-backups');
  await page
    .getByRole('button', { name: /^Khôi phục bản sao lưu/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: 'Khôi phục dữ liệu' });
  await expect(dialog).toContainText('1 đơn vị');
  await dialog.getByRole('button', { name: 'Khôi phục', exact: true }).click();
  await expect(page.getByText(/Đã khôi phục dữ liệu từ bản sao lưu/)).toBeVisible();
  // a pre-restore backup of the replaced data is now listed too
  await expect(list).toContainText('Trước khi khôi phục');
  await expect(list).toContainText('2 đơn vị');

  await page.getByRole('link', { name: 'Đơn vị', exact: true }).click();
  await expect(page.getByTestId('units-count')).toContainText('1 / 1 đơn vị');
  await expect(page.getByRole('button', { name: 'Công đoàn Trường Tiểu học Kim Đồng' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Công đoàn Trung tâm Y tế huyện' })).toHaveCount(0);
});

test('a damaged database: the server still runs and shows the recovery screen; restoring brings the app back', async ({ app, page }) => {
  expect((await dispatch('units.save', unit('GD01', 'Công đoàn Trường Tiểu học Kim Đồng'), app.ctx)).ok).toBe(true);
  expect((await dispatch('backups.create', {}, app.ctx)).ok).toBe(true);
  app.ctx.db.close();
  writeFileSync(app.ctx.dbFile, Buffer.alloc(32 * 1024, 0x5a)); // the file is destroyed
  app.ctx.reopen(); // what a restart does
  app.allowConsole(/./); // pages may log refused calls while blocked
  await app.open('#/units');
  const screen = page.getByTestId('recovery');
  await expect(screen.getByRole('heading', { name: 'Không mở được dữ liệu' })).toBeVisible();
  await expect(screen).toContainText('Tệp dữ liệu bị hỏng');
  await expect(screen).toContainText('mới nhất');
  await app.shot('recovery');
  page.once('dialog', (d) => void d.accept());
  await screen.getByRole('button', { name: 'Khôi phục bản này' }).click();
  await expect(screen).toHaveCount(0);
  await expect(page.getByTestId('units-count')).toContainText('1 / 1 đơn vị');
});
