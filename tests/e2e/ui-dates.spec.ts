// Date fields typed the Vietnamese way whatever the browser locale: dd/mm/yyyy (and d/m/yyyy, dd-mm-yyyy,
// dd.mm.yyyy, the calendar pop-up) is stored as ISO; an impossible day is refused at the field in dd/mm/yyyy terms.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { todayInVietnam } from '../../src-main/text/vi-date';

test.afterEach(async ({ page }) => {
  await page.context().close();
});

async function newPlan(page: Page) {
  await page.getByRole('button', { name: '+ Kế hoạch mới' }).click();
  const editor = page.getByRole('dialog', { name: 'Kế hoạch mới' });
  await editor.getByLabel('Trích yếu').fill('Phối hợp làm công tác dân vận đợt I/2024');
  return editor;
}

for (const locale of ['en-US', 'vi-VN']) {
  test.describe(`browser locale ${locale}`, () => {
    test.use({ locale });

    test('dates typed day first are saved as that day', async ({ app, page }) => {
      await app.open('#/plans');
      const editor = await newPlan(page);
      await editor.getByLabel('Ngày ban hành').fill('10/01/2024');
      await editor.getByLabel('Từ ngày').fill('1/2/2024');
      await editor.getByLabel('Đến ngày').fill('15-02-2024');
      await editor.getByLabel('Hạn báo cáo kết quả').fill('31.12.2024');
      await editor.getByLabel('Hạn báo cáo kết quả').blur();
      await expect(editor.getByLabel('Hạn báo cáo kết quả')).toHaveValue('31/12/2024');
      await expect(editor.getByLabel('Từ ngày')).toHaveValue('01/02/2024');
      await editor.getByRole('button', { name: 'Lưu kế hoạch' }).click();
      await expect(editor).toBeHidden();
      expect(app.ctx.db.prepare('SELECT issued_on, starts_on, ends_on, report_due_on FROM plans').get()).toEqual({
        issued_on: '2024-01-10',
        starts_on: '2024-02-01',
        ends_on: '2024-02-15',
        report_due_on: '2024-12-31',
      });
    });

    test('31/02 is refused at the field with a dd/mm/yyyy message and nothing is saved', async ({ app, page }) => {
      await app.open('#/plans');
      const editor = await newPlan(page);
      await editor.getByLabel('Ngày ban hành').fill('31/02/2024');
      await editor.getByLabel('Ngày ban hành').blur();
      await expect(editor.getByRole('alert').filter({ hasText: 'Ngày 31/02/2024 không có' })).toContainText('tháng 2/2024 chỉ có 29 ngày');
      await expect(editor.getByLabel('Ngày ban hành')).toHaveAttribute('aria-invalid', 'true');
      await editor.getByRole('button', { name: 'Lưu kế hoạch' }).click();
      await expect(editor).toBeVisible();
      expect(app.ctx.db.prepare('SELECT COUNT(*) AS n FROM plans').get()).toEqual({ n: 0 });
      // corrected, it saves
      await editor.getByLabel('Ngày ban hành').fill('29/02/2024');
      await editor.getByRole('button', { name: 'Lưu kế hoạch' }).click();
      await expect(editor).toBeHidden();
      expect(app.ctx.db.prepare('SELECT issued_on FROM plans').get()).toEqual({ issued_on: '2024-02-29' });
    });
  });
}

test('Ctrl+S while a wrong date is still being typed saves nothing and says why at the field', async ({ app, page }) => {
  await app.open('#/plans');
  const editor = await newPlan(page);
  await editor.getByLabel('Hạn báo cáo kết quả').fill('31/12/2024');
  await editor.getByLabel('Hạn báo cáo kết quả').fill('31/02/2024'); // retyped, still focused: no change event yet
  await page.keyboard.press('Control+s');
  await expect(editor.getByRole('alert').filter({ hasText: 'Ngày 31/02/2024 không có' })).toBeVisible();
  await page.waitForTimeout(300); // a save, were one started, would have reached the database by now
  expect(app.ctx.db.prepare('SELECT COUNT(*) AS n FROM plans').get()).toEqual({ n: 0 });
});

test('a model step with a day that does not exist is refused at the field', async ({ app, page }) => {
  const year = todayInVietnam().slice(0, 4);
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
  await detail.getByLabel('Ngày', { exact: true }).fill(`30/02/${year}`);
  await detail.getByRole('button', { name: 'Chuyển bước' }).click();
  await expect(detail.getByRole('alert').filter({ hasText: `Ngày 30/02/${year} không có` })).toBeVisible();
  await page.waitForTimeout(300);
  expect(app.ctx.db.prepare('SELECT step FROM models').get()).toEqual({ step: 1 });
});

test('the calendar pop-up picks a day and shows it day first', async ({ app, page }) => {
  await app.open('#/plans');
  const editor = await newPlan(page);
  await editor.getByLabel('Ngày ban hành').fill('10/01/2024');
  await editor.getByRole('button', { name: 'Mở lịch' }).first().click();
  const cal = page.getByRole('dialog', { name: 'Lịch chọn ngày' });
  await expect(cal).toContainText('Tháng 1/2024');
  await cal.getByRole('button', { name: 'Tháng sau' }).click();
  await cal.getByRole('button', { name: '05/02/2024' }).click();
  await expect(editor.getByLabel('Ngày ban hành')).toHaveValue('05/02/2024');
  await editor.getByRole('button', { name: 'Lưu kế hoạch' }).click();
  await expect(editor).toBeHidden();
  expect(app.ctx.db.prepare('SELECT issued_on FROM plans').get()).toEqual({ issued_on: '2024-02-05' });
});

test('the yearly Dân vận khéo deadline is typed as 13/3 in Settings', async ({ app, page }) => {
  await app.open('#/settings');
  const field = page.getByTestId('model-deadline');
  await expect(field).toHaveValue('13/03');
  await field.fill('31/4');
  await field.blur();
  await expect(page.getByRole('alert').filter({ hasText: 'tháng 4 chỉ có 30 ngày' })).toBeVisible();
  await field.fill('20/3');
  await field.blur();
  await expect(page.getByText('Hằng năm: ngày 20 tháng 3')).toBeVisible();
  await page.getByRole('button', { name: 'Lưu thông tin' }).click();
  await expect(page.getByText('Đã lưu thông tin cơ quan.')).toBeVisible();
  const rows = app.ctx.db.prepare('SELECT value FROM settings').all() as { value: string }[];
  expect(rows.map((r) => r.value).join('\n')).toContain('"modelRegistrationDeadline":"03-20"');
});
