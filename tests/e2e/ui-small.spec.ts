// Small things: an error toast never covers the page or the open dialog (they end above it); no English file
// button ("Choose File") anywhere: file pickers are Vietnamese buttons over a hidden input; the browser's own
// form checks (email) answer in Vietnamese and numbers are read the Vietnamese way even when Chromium runs in English.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures';
import { todayInVietnam } from '../../src-main/text/vi-date';

test.afterEach(async ({ page }) => {
  await page.context().close();
});

async function below(toast: Locator, content: Locator) {
  const t = (await toast.boundingBox())!;
  const c = (await content.boundingBox())!;
  const overlapX = t.x < c.x + c.width && c.x < t.x + t.width;
  const overlapY = t.y < c.y + c.height && c.y < t.y + t.height;
  return !(overlapX && overlapY);
}

test('an error toast on a page and over a dialog covers neither', async ({ app, page }) => {
  app.allowConsole(/400|Bad Request|validation/i);
  await app.open('#/settings');
  await page.getByText('Tên cơ quan (dòng 2, in đậm)').locator('..').getByRole('textbox').fill('');
  await page.getByRole('button', { name: 'Lưu thông tin' }).click();
  const toast = page.locator('.toast.error');
  await expect(toast).toBeVisible();
  await expect.poll(() => below(toast, page.locator('main.content'))).toBe(true);

  await page.getByRole('button', { name: 'Đóng thông báo' }).click();
  await app.open('#/units');
  await page.getByRole('button', { name: '+ Thêm đơn vị' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
  await dialog.locator('input[name="code"], input').first().fill('X1');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(toast).toBeVisible();
  await expect.poll(() => below(toast, dialog)).toBe(true);
  await expect(dialog.getByRole('button', { name: 'Lưu' })).toBeVisible();
});

test('the evidence file of a model step is picked with a Vietnamese button', async ({ app, page }) => {
  const year = todayInVietnam().slice(0, 4);
  mkdirSync('/tmp/ui-shots', { recursive: true });
  app.ctx.db
    .prepare(
      "INSERT INTO units (code, name, search_key, created_at, updated_at) VALUES ('GD01', 'Công đoàn Trường THCS Lê Lợi', 'gd01', 'x', 'x')",
    )
    .run();
  await app.open('#/models');
  await page.getByRole('button', { name: '+ Đăng ký mô hình' }).click();
  const dialog = page.getByRole('dialog', { name: 'Đăng ký mô hình' });
  await dialog.getByLabel('Đơn vị đăng ký').selectOption({ label: 'Công đoàn Trường THCS Lê Lợi (GD01)' });
  await dialog.getByLabel('Tên mô hình, điển hình').fill('Thư viện xanh');
  await dialog.getByLabel('Ngày đăng ký (ngày nhận phiếu)').fill(`10/01/${year}`);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await page.getByRole('button', { name: 'Thư viện xanh' }).click();
  const detail = page.getByRole('dialog', { name: 'Thư viện xanh' });
  await expect(detail.getByRole('button', { name: 'Chọn tệp…' })).toBeVisible();
  await expect(detail.getByText('Chưa chọn tệp')).toBeVisible();
  // the browser's own file input is never shown (its label is English in Chromium builds)
  for (const input of await page.locator('input[type="file"]').all()) {
    const box = await input.boundingBox();
    expect(box === null || (box.width <= 1 && box.height <= 1)).toBe(true);
  }
  const evidence = join(app.dir, 'bien-ban.pdf');
  writeFileSync(evidence, '%PDF-1.4 biên bản');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), detail.getByRole('button', { name: 'Chọn tệp…' }).click()]);
  await chooser.setFiles(evidence);
  await expect(detail.getByText('bien-ban.pdf')).toBeVisible();
  await page.screenshot({ path: '/tmp/ui-shots/model-detail-1366x820.png' });
  await detail.getByLabel('Ngày', { exact: true }).fill(`20/01/${year}`);
  await detail.getByRole('button', { name: 'Chuyển bước' }).click();
  await expect(page.getByText('Đã chuyển sang bước 2.')).toBeVisible();
  await expect(detail.getByText('Chưa chọn tệp')).toBeVisible();
});

test.describe('browser locale en-US', () => {
  test.use({ locale: 'en-US' });
  test("numbers are read the Vietnamese way, and the browser's own form checks speak Vietnamese", async ({ app, page }) => {
    await app.open('#/units');
    await page.getByRole('button', { name: '+ Thêm đơn vị' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
    await dialog.locator('input[name="code"]').fill('CD001');
    await dialog.locator('input[name="name"]').fill('Công đoàn Trường THCS Lê Lợi');
    await expect(dialog.locator('input[name="members"]')).toHaveAttribute('type', 'text');
    const members = dialog.locator('input[name="members"]');
    await members.fill('-5');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => members.evaluate((el: HTMLInputElement) => el.validationMessage)).toBe('Số phải từ 0 trở lên.');
    await expect(dialog.getByRole('alert').filter({ hasText: 'Số phải từ 0 trở lên.' })).toBeVisible();
    // typed the Vietnamese way: "1.200" is one thousand two hundred, not 1.2, even in an English browser
    await members.fill('1.200');
    const email = dialog.locator('input[name="email"]');
    await email.fill('congdoan.gmail.com');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => email.evaluate((el: HTMLInputElement) => el.validationMessage)).toContain('Địa chỉ email chưa đúng');
    expect(await members.evaluate((el: HTMLInputElement) => el.validationMessage)).toBe('');
    expect(app.ctx.db.prepare('SELECT COUNT(*) AS n FROM units').get()).toEqual({ n: 0 });
    await email.fill('congdoan@gmail.com');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(dialog).toBeHidden();
    expect(app.ctx.db.prepare('SELECT members, email FROM units').get()).toEqual({ members: 1200, email: 'congdoan@gmail.com' });
  });
});
