import { test, expect } from './fixtures';

const pages = [
  ['overview', 'Tổng quan'],
  ['plans', 'Kế hoạch'],
  ['reports', 'Báo cáo đơn vị'],
  ['models', 'Mô hình Dân vận khéo'],
  ['units', 'Đơn vị'],
  ['settings', 'Cài đặt'],
] as const;

test('every page opens from the sidebar and is screenshotted', async ({ app, page }) => {
  await app.open();
  for (const [id, title] of pages) {
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: title, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#/${id}`));
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page).toHaveTitle(`${title} – Dân vận`);
    await app.shot(`page-${id}`);
  }
});

test('settings: the organisation profile is saved and required fields are enforced', async ({ app, page }) => {
  await app.open('#/settings');
  await page.getByLabel('Tên cơ quan (dòng 2, in đậm)').fill('LĐLĐ HUYỆN THĂNG BÌNH');
  await page.getByLabel('Địa danh (ghi trước ngày tháng)').fill('Thăng Bình');
  await page.getByLabel('Họ và tên').fill('Nguyễn Văn Minh');
  await page.getByRole('button', { name: 'Lưu thông tin' }).click();
  await expect(page.getByText('Đã lưu thông tin cơ quan.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Địa danh (ghi trước ngày tháng)')).toHaveValue('Thăng Bình');
  await page.getByLabel('Tên cơ quan (dòng 2, in đậm)').fill('');
  await page.getByRole('button', { name: 'Lưu thông tin' }).click();
  await expect(page.getByText('Cần nhập tên cơ quan').first()).toBeVisible();
  await app.shot('settings');
});

test('the app refuses calls without the token', async ({ app, page }) => {
  await app.open();
  app.allowConsole(/status of 401/);
  const status = await page.evaluate(async () => {
    const r = await fetch('/rpc', { method: 'POST', body: JSON.stringify({ name: 'units.list', input: {} }) });
    return r.status;
  });
  expect(status).toBe(401);
});
