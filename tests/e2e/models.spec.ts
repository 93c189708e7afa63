// E2E "Dân vận khéo": register two models for a unit, advance one through the steps with an evidence file, see
// coverage change, see the unit's models in the units editor, export the register and render it to PNG.
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';

const docsOut = fileURLToPath(new URL('../artifacts/docs-out/', import.meta.url));
const YEAR = String(new Date().getFullYear());

test('register two models, advance one with evidence, coverage changes, export the register', async ({ app, page }) => {
  const ins = app.ctx.db.prepare(
    "INSERT INTO units (code, name, sector, search_key, created_at, updated_at) VALUES (?, ?, ?, ?, 'x', 'x')",
  );
  ins.run('GD01', 'Công đoàn Trường THCS Lê Lợi', 'Giáo dục', 'gd01 cong doan truong thcs le loi');
  ins.run('YT01', 'Công đoàn Trạm Y tế xã Bình An', 'Y tế', 'yt01 cong doan tram y te xa binh an');
  await app.open('#/models');
  await expect(page.getByText(`Chưa có mô hình nào đăng ký năm ${YEAR}`)).toBeVisible();
  await page.getByRole('tab', { name: /Tình hình đăng ký/ }).click();
  await expect(page.getByTestId('models-coverage')).toContainText('0/2');

  const dialog = page.getByRole('dialog', { name: 'Đăng ký mô hình' });
  for (const [name, field] of [
    ['Đoàn viên giúp nhau phát triển kinh tế', 'Kinh tế'],
    ['Thư viện xanh trong nhà trường', 'Văn hóa – xã hội'],
  ] as const) {
    await page.getByRole('button', { name: '+ Đăng ký mô hình' }).click();
    await dialog.getByLabel('Đơn vị đăng ký').selectOption({ label: 'Công đoàn Trường THCS Lê Lợi (GD01)' });
    await dialog.getByLabel('Tên mô hình, điển hình').fill(name);
    await dialog.getByLabel('Lĩnh vực').selectOption({ label: field });
    await dialog.getByLabel('Ngày đăng ký (ngày nhận phiếu)').fill(`10/01/${YEAR}`);
    await dialog.getByLabel('Mục tiêu, tiêu chí').fill('100% đoàn viên khó khăn được hỗ trợ');
    await dialog.getByLabel('Người phụ trách').fill('Nguyễn Thị Hồng');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByText(`Đã lưu mô hình "${name}"`)).toBeVisible();
  }
  await expect(page.getByTestId('models-coverage')).toContainText('1/2');
  await expect(page.getByTestId('models-coverage')).toContainText('Kinh tế: 1 mới');
  await app.shot('models-coverage');

  await page.getByRole('tab', { name: /Danh sách mô hình/ }).click();
  await page.getByTestId('models-search').fill('doan vien giup nhau');
  await expect(page.getByTestId('models-count')).toContainText(`1 / 2 mô hình năm ${YEAR}`);
  await app.shot('models-list');
  await page.getByRole('button', { name: 'Đoàn viên giúp nhau phát triển kinh tế' }).click();
  const detail = page.getByRole('dialog', { name: 'Đoàn viên giúp nhau phát triển kinh tế' });
  const evidence = join(app.dir, 'bien-ban-trien-khai.pdf');
  writeFileSync(evidence, '%PDF-1.4 biên bản triển khai');
  await detail.getByLabel('Ngày').fill(`20/01/${YEAR}`);
  await detail.getByLabel('Nội dung, ghi chú').fill('Họp triển khai mô hình');
  await detail.getByTestId('evidence-input').setInputFiles(evidence);
  await detail.getByRole('button', { name: 'Chuyển bước' }).click();
  await expect(page.getByText('Đã chuyển sang bước 2.')).toBeVisible();
  await expect(detail.getByTestId('model-steps')).toContainText('bien-ban-trien-khai.pdf');
  await detail.getByLabel('Ngày').fill(`25/01/${YEAR}`);
  await detail.getByRole('button', { name: 'Chuyển bước' }).click();
  await expect(detail.getByTestId('model-steps')).toContainText(`25/01/${YEAR}`);
  await detail.getByLabel('Trạng thái mới').selectOption({ label: 'Đề nghị công nhận' });
  await detail.getByRole('button', { name: 'Cập nhật trạng thái' }).click();
  await expect(detail.getByText('Đề nghị công nhận', { exact: true })).toBeVisible();
  await app.shot('models-detail');
  const dl = page.waitForEvent('download');
  await detail.getByRole('button', { name: /bien-ban-trien-khai\.pdf/ }).click();
  expect((await dl).suggestedFilename()).toBe('bien-ban-trien-khai.pdf');
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`mo-hinh-dan-van-kheo-${YEAR}.xlsx`);
  mkdirSync(docsOut, { recursive: true });
  const xlsx = join(docsOut, 'models-register.xlsx');
  await file.saveAs(xlsx);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const texts: string[] = [];
  wb.worksheets[0]?.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
  expect(texts).toContain('I. Lĩnh vực kinh tế');
  expect(texts).toContain('Đề nghị công nhận');
  execFileSync('libreoffice', ['--headless', '--convert-to', 'pdf', '--outdir', docsOut, xlsx], { timeout: 90_000, stdio: 'ignore' });
  expect(existsSync(join(docsOut, 'models-register.pdf'))).toBe(true);
  execFileSync('pdftoppm', ['-png', '-r', '70', join(docsOut, 'models-register.pdf'), join(docsOut, 'models-register')]);

  await page.goto(`${app.server.url.split('?')[0]}#/units`);
  await page.getByRole('button', { name: 'Công đoàn Trường THCS Lê Lợi' }).click();
  await expect(page.getByTestId('unit-models')).toContainText('Thư viện xanh trong nhà trường');
  await app.shot('units-models-section');
});

test('an award added to a model is saved and shown again', async ({ app, page }) => {
  app.ctx.db
    .prepare(
      "INSERT INTO units (code, name, search_key, created_at, updated_at) VALUES ('GD01', 'Công đoàn Trường THCS Lê Lợi', 'gd01', 'x', 'x')",
    )
    .run();
  await app.open('#/models');
  const dialog = page.getByRole('dialog', { name: 'Đăng ký mô hình' });
  await page.getByRole('button', { name: '+ Đăng ký mô hình' }).click();
  await dialog.getByLabel('Đơn vị đăng ký').selectOption({ label: 'Công đoàn Trường THCS Lê Lợi (GD01)' });
  await dialog.getByLabel('Tên mô hình, điển hình').fill('Bữa cơm công đoàn');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu mô hình "Bữa cơm công đoàn"')).toBeVisible();
  await page.getByRole('button', { name: 'Bữa cơm công đoàn' }).click();
  await page.getByRole('button', { name: 'Sửa thông tin đăng ký' }).click();
  const edit = page.getByRole('dialog').filter({ has: page.getByText('Khen thưởng') });
  await edit.getByRole('button', { name: '+ Thêm khen thưởng' }).click();
  await edit.getByLabel('Hình thức').fill('Giấy khen');
  await edit.getByLabel('Cấp khen').fill('LĐLĐ tỉnh');
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu mô hình "Bữa cơm công đoàn"').last()).toBeVisible();
  // the first save's toast may still be up, so the one above can be that one: wait for the stored awards themselves
  const awards = () =>
    JSON.parse(
      (app.ctx.db.prepare("SELECT awards FROM models WHERE name = 'Bữa cơm công đoàn'").get() as { awards: string } | undefined)?.awards ??
        '[]',
    ) as unknown;
  await expect.poll(awards).toEqual([expect.objectContaining({ form: 'Giấy khen', by: 'LĐLĐ tỉnh' })]);
});
