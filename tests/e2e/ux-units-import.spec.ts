// Units import that helps instead of refusing (issue #14): a row without a code gets a proposed code the user can
// change (an empty or wrong code disables the import button, which says why), "cd049" is read as CD049, and a
// re-imported unit shows old -> new for each changed field with "Giữ như cũ" to keep a manual edit.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { call } from './report-batch';

test('proposed codes, normalised codes and old -> new with kept manual edits', async ({ app, page }) => {
  await call(app.ctx, 'units.save', { code: 'CD001', name: 'Công đoàn Trường Mầm non Hoa Sen', members: 40, phone: '0909 111 222' });
  await call(app.ctx, 'units.save', { code: 'CD048', name: 'Công đoàn Trạm Y tế xã' });
  const path = join(app.dir, 'danh-sach-cdcs.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  ws.addRow(['Mã đơn vị', 'Tên đơn vị', 'Số đoàn viên', 'Điện thoại']);
  ws.addRow(['CD 001', 'Công đoàn Trường Mầm non Hoa Sen', 45, '0909 000 000']);
  ws.addRow(['cd049', 'Công đoàn Trường Tiểu học Kim Đồng', 20, '']);
  ws.addRow(['', 'Công đoàn UBND xã Bàu Năng', 12, '']);
  await wb.xlsx.writeFile(path);

  await app.open('#/units');
  await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhập danh sách đơn vị từ Excel' });
  await dialog.getByTestId('file-input').setInputFiles(path);
  await expect(dialog.getByTestId('import-summary')).toContainText('2 thêm mới');
  await expect(dialog.getByTestId('import-summary')).toContainText('1 cập nhật');
  const row = (n: number) => dialog.locator(`[data-testid="unit-import-row"][data-row="${n}"]`);
  await expect(row(3)).toContainText('CD049');
  await expect(row(3)).toContainText('đã chuẩn hoá');
  const proposed = row(4).getByTestId('proposed-code');
  await expect(proposed).toHaveValue('CD050');
  await expect(row(2).locator('[data-testid="diff"][data-field="members"]')).toContainText('số đoàn viên: 40 → 45');
  await expect(row(2).locator('[data-testid="diff"][data-field="phone"]')).toContainText('điện thoại: 0909 111 222 → 0909 000 000');
  await app.shot('ux-units-import-preview');
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `/tmp/shots-ux/units-import-preview-${w}.png` });
  }

  // an emptied code blocks the import, and the button says why
  const commit = dialog.getByRole('button', { name: /^Nhập 3 đơn vị/ });
  await proposed.fill('');
  await expect(commit).toBeDisabled();
  await expect(dialog.getByTestId('import-why')).toContainText('mã đề xuất đang trống hoặc sai');
  await proposed.fill('xa 01');
  await expect(commit).toBeEnabled();
  await row(2).locator('[data-testid="diff"][data-field="phone"]').getByLabel('Giữ như cũ').check();
  await commit.click();
  await expect(page.getByText('Đã nhập: thêm 2, cập nhật 1.')).toBeVisible();

  const units = await call(app.ctx, 'units.list', {});
  expect(units.map((u) => u.code).sort()).toEqual(['CD001', 'CD048', 'CD049', 'XA01']);
  expect(units.find((u) => u.code === 'CD001')).toMatchObject({ members: 45, phone: '0909 111 222' });
  expect(units.find((u) => u.code === 'XA01')?.name).toBe('Công đoàn UBND xã Bàu Năng');
});

test('an import held by rows with errors says why its button is disabled', async ({ app, page }) => {
  const path = join(app.dir, 'ds-loi.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  ws.addRow(['Mã đơn vị', 'Tên đơn vị', 'Số đoàn viên']);
  ws.addRow(['GD01', 'Công đoàn Trường Tiểu học Kim Đồng', 'ba mươi']);
  ws.addRow(['GD02', 'Công đoàn Trường Mầm non Hoa Sen', 28]);
  await wb.xlsx.writeFile(path);
  await app.open('#/units');
  await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhập danh sách đơn vị từ Excel' });
  await dialog.getByTestId('file-input').setInputFiles(path);
  const commit = dialog.getByRole('button', { name: /^Nhập 1 đơn vị/ });
  await expect(commit).toBeDisabled();
  await expect(dialog.getByTestId('import-why')).toHaveText('Còn 1 lỗi: sửa trong tệp rồi chọn lại, hoặc đánh dấu "Bỏ qua các dòng lỗi".');
  await dialog.getByLabel('Bỏ qua các dòng lỗi và nhập phần còn lại').check();
  await expect(commit).toBeEnabled();
  await expect(dialog.getByTestId('import-why')).toHaveCount(0);
});
