import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { call } from './report-batch';

async function unitsWorkbook(path: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(['LIÊN ĐOÀN LAO ĐỘNG HUYỆN THĂNG BÌNH']);
  ws.addRow(['DANH SÁCH CÔNG ĐOÀN CƠ SỞ NĂM 2026']);
  ws.addRow([]);
  ws.addRow(['TT', 'Mã ĐV', 'Tên CĐCS', 'Khối', 'Số đoàn viên', 'Chủ tịch CĐCS', 'Điện thoại']);
  ws.addRow([1, 'GD01', 'Công đoàn Trường Tiểu học Kim Đồng', 'Giáo dục', 32, 'Lê Thị Hoa', '0905 111 222']);
  ws.addRow([2, 'GD02', 'Công đoàn Trường Mầm non Hoa Sen', 'Giáo dục', '28', 'Phạm Văn Nam', '']);
  ws.addRow([3, 'YT01', 'Công đoàn Trung tâm Y tế huyện', 'Y tế', 'một trăm', 'Trần Văn Bình', '']);
  await wb.xlsx.writeFile(path);
}

test('add a unit and find it by a search without diacritics', async ({ app, page }) => {
  await app.open('#/units');
  await expect(page.getByText('Chưa có đơn vị nào')).toBeVisible();
  await page.getByRole('button', { name: '+ Thêm đơn vị' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
  await dialog.getByLabel('Mã đơn vị').fill('CD001');
  await dialog.getByLabel('Tên đơn vị').fill('Công đoàn Trường THCS Nguyễn Du');
  await dialog.getByLabel('Số đoàn viên').fill('45');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu đơn vị "Công đoàn Trường THCS Nguyễn Du"')).toBeVisible();
  await page.getByRole('button', { name: '+ Thêm đơn vị' }).click();
  await dialog.getByLabel('Mã đơn vị').fill('CD002');
  await dialog.getByLabel('Tên đơn vị').fill('Công đoàn Bệnh viện Đa khoa');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByTestId('units-count')).toContainText('2 / 2 đơn vị');

  await page.getByTestId('units-search').fill('cong doan truong thcs');
  await expect(page.getByTestId('units-count')).toContainText('1 / 2 đơn vị');
  await expect(page.getByRole('button', { name: 'Công đoàn Trường THCS Nguyễn Du' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Công đoàn Bệnh viện Đa khoa' })).toHaveCount(0);

  // a duplicate code is refused with a message beside the field
  await page.getByRole('button', { name: '+ Thêm đơn vị' }).click();
  await dialog.getByLabel('Mã đơn vị').fill('cd001');
  await dialog.getByLabel('Tên đơn vị').fill('Trùng mã');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog.getByText('Mã đã tồn tại')).toBeVisible();
  await dialog.getByRole('button', { name: 'Huỷ' }).click();
  await app.shot('units-search');
});

test('import a units workbook with one bad row: the error is shown, nothing written until confirmed', async ({ app, page }) => {
  const file = join(app.dir, 'danh-sach.xlsx');
  await unitsWorkbook(file);
  await app.open('#/units');
  await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhập danh sách đơn vị từ Excel' });
  await dialog.getByTestId('file-input').setInputFiles(file);
  await expect(dialog.getByTestId('import-summary')).toContainText('2 thêm mới');
  await expect(dialog.getByTestId('import-issues')).toContainText('Dòng 7: số đoàn viên "một trăm" không phải số nguyên');
  const commit = dialog.getByRole('button', { name: /^Nhập 2 đơn vị/ });
  await expect(commit).toBeDisabled();
  await app.shot('units-import-preview');
  expect(app.ctx.db.prepare('SELECT COUNT(*) AS n FROM units').get()).toEqual({ n: 0 });
  await dialog.getByLabel('Bỏ qua các dòng lỗi và nhập phần còn lại').check();
  await commit.click();
  await expect(page.getByText('Đã nhập: thêm 2, cập nhật 0, bỏ qua 1 dòng lỗi.')).toBeVisible();
  await expect(page.getByTestId('units-count')).toContainText('2 / 2 đơn vị');
});

test('a file that is not Excel gets a clear message and changes nothing', async ({ app, page }) => {
  const file = join(app.dir, 'ghi-chu.xlsx');
  writeFileSync(file, 'đây không phải là tệp Excel');
  await app.open('#/units');
  await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
  await page.getByTestId('file-input').setInputFiles(file);
  await expect(page.getByTestId('import-error')).toContainText('không phải tệp Excel (.xlsx)');
  expect(app.ctx.db.prepare('SELECT COUNT(*) AS n FROM units').get()).toEqual({ n: 0 });
});

test('deactivate with undo, and export to Excel', async ({ app, page }) => {
  app.ctx.db
    .prepare(
      "INSERT INTO units (code, name, search_key, created_at, updated_at) VALUES ('A1', 'Công đoàn Xã Bình An', 'a1 cong doan xa binh an', 'x', 'x')",
    )
    .run();
  await app.open('#/units');
  await page.getByRole('button', { name: 'Công đoàn Xã Bình An' }).click();
  await page.getByRole('button', { name: 'Ngừng theo dõi' }).click();
  await expect(page.getByTestId('units-count')).toContainText('0 / 1 đơn vị');
  await page.getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(page.getByTestId('units-count')).toContainText('1 / 1 đơn vị');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^danh-sach-don-vi-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await file.path());
  expect(wb.worksheets[0]?.getCell('C7').value).toBe('Công đoàn Xã Bình An');
});

test('5,000 units stay smooth: only visible rows are in the page and search still works', async ({ app, page }) => {
  const ins = app.ctx.db.prepare(
    "INSERT INTO units (code, name, sector, members, search_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'x', 'x')",
  );
  app.ctx.db.transaction(() => {
    for (let i = 1; i <= 5000; i++)
      ins.run(`U${i}`, `Công đoàn Đơn vị số ${i}`, i % 2 ? 'Giáo dục' : 'Doanh nghiệp', i % 90, `u${i} cong doan don vi so ${i}`);
  })();
  await app.open('#/units');
  await expect(page.getByTestId('units-count')).toContainText('5.000 / 5.000 đơn vị');
  expect(await page.locator('.vrow').count()).toBeLessThan(60);
  await page.getByRole('listbox', { name: 'Danh sách đơn vị' }).focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('button', { name: 'Công đoàn Đơn vị số 5000', exact: true })).toBeVisible();
  await page.getByTestId('units-search').fill('don vi so 4999');
  await expect(page.getByTestId('units-count')).toContainText('1 / 5.000 đơn vị');
  await app.shot('units-5000');
});

test('the editor offers "Xoá" only for a unit no record refers to, and deleting it can be undone', async ({ app, page }) => {
  const listed = await call(app.ctx, 'units.save', { code: 'KH01', name: 'Công đoàn xã An Hòa' });
  await call(app.ctx, 'plans.save', { title: 'Kế hoạch có đơn vị KH01', status: 'dang_thuc_hien', assignment: 'all_base' });
  await call(app.ctx, 'units.save', { code: 'MOI01', name: 'Công đoàn xã Bình Minh' }); // after the plan: in no list
  expect((await call(app.ctx, 'units.get', { id: listed.id })).recordCount).toBeGreaterThan(0);
  await app.open('#/units');
  await page.getByRole('button', { name: 'Công đoàn xã An Hòa' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sửa đơn vị' });
  await expect(dialog.getByRole('button', { name: 'Ngừng theo dõi' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Xoá' })).toHaveCount(0); // in a plan's list: stop following it instead
  await dialog.getByRole('button', { name: 'Huỷ' }).click();
  await page.getByRole('button', { name: 'Công đoàn xã Bình Minh' }).click();
  page.once('dialog', (d) => void d.accept());
  await dialog.getByRole('button', { name: 'Xoá' }).click();
  await expect(page.getByText('Đã xoá "Công đoàn xã Bình Minh"')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Công đoàn xã Bình Minh' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(page.getByRole('button', { name: 'Công đoàn xã Bình Minh' })).toBeVisible();
});
