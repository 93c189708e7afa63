// Catalog rules e2e: staff give an indicator a maximum and "whole numbers only"; a maximum below the minimum is refused
// at the field with a Vietnamese message and nothing is saved; the saved rules come back when the indicator is opened.
import { test, expect } from './fixtures';

test('indicator rules: set, refused when min > max, saved and shown again', async ({ app, page }) => {
  await app.open('#/plans?tab=chi-tieu');
  await page.getByRole('button', { name: '+ Thêm chỉ tiêu' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm chỉ tiêu' });
  await dialog.getByLabel('Nội dung chỉ tiêu').fill('Số buổi sinh hoạt chuyên đề');
  await dialog.getByLabel('Đơn vị tính (ĐVT)').fill('buổi');
  await dialog.getByLabel('Giá trị tối thiểu').fill('10');
  await dialog.getByLabel('Giá trị tối đa').fill('5');
  await dialog.getByLabel('Chỉ nhận số nguyên').check();
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog.getByText('Giá trị tối đa phải lớn hơn hoặc bằng giá trị tối thiểu')).toBeVisible();
  expect(app.ctx.db.prepare("SELECT count(*) AS n FROM indicators WHERE label = 'Số buổi sinh hoạt chuyên đề'").get()).toEqual({ n: 0 });
  await app.shot('indicator-rules-refused');
  await dialog.getByLabel('Giá trị tối đa').fill('50');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText(/Đã lưu chỉ tiêu CT53/)).toBeVisible();
  expect(app.ctx.db.prepare("SELECT rule_min, rule_max, rule_integer, rule_required FROM indicators WHERE code = 'CT53'").get()).toEqual({
    rule_min: 10,
    rule_max: 50,
    rule_integer: 1,
    rule_required: 0,
  });
  await page.getByTestId('indicators-search').fill('sinh hoat chuyen de');
  await page.getByTestId('indicator-row').first().getByRole('button', { name: /Sửa/ }).click();
  const edit = page.getByRole('dialog', { name: /chỉ tiêu/ });
  await expect(edit.getByLabel('Giá trị tối đa')).toHaveValue('50');
  await expect(edit.getByLabel('Chỉ nhận số nguyên')).toBeChecked();
});
