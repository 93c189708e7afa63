// Plan scans e2e: a photo of a plan page (rendered at test time from the committed text PDF) is read by offline OCR
// with progress, the editor opens with the fields filled and each marked "cần kiểm tra", the page image beside the
// form; saving keeps the photo as the plan's source document. "Dừng lại" stops a read and saves nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { hasPdftoppm, renderPage } from '../unit/docs/helpers/scan-fixtures';

test.skip(!hasPdftoppm(), 'pdftoppm (poppler-utils) không có: không tạo được ảnh trang để thử OCR');
test.afterEach(async ({ page }) => {
  await page.context().close();
});

const textPdf = fileURLToPath(new URL('../fixtures/plans/ke-hoach-thang-binh-text.pdf', import.meta.url));
const shots = `/tmp/shots-plandocs`;

async function pickScan(page: Page, file: string) {
  await page.getByRole('button', { name: 'Tạo từ văn bản' }).click();
  await page.getByRole('dialog', { name: 'Tạo kế hoạch từ văn bản' }).getByTestId('file-input').setInputFiles(file);
}

test('a photo of a plan is read by OCR, every field marked to check, the page beside the form', async ({ app, page }) => {
  test.setTimeout(180_000);
  mkdirSync(shots, { recursive: true });
  const file = join(app.dir, 'anh-ke-hoach-15.png');
  writeFileSync(file, renderPage(textPdf, 'png', 150));
  await app.open('#/plans');
  await pickScan(page, file);
  const dialog = page.getByRole('dialog', { name: 'Tạo kế hoạch từ văn bản' });
  await expect(dialog.getByTestId('intake-progress')).toBeVisible();
  await expect(dialog.getByRole('progressbar')).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: `${shots}/intake-progress-1366.png` });

  const editor = page.getByRole('dialog', { name: 'Kế hoạch mới từ văn bản' });
  await expect(editor.getByLabel('Số văn bản')).toHaveValue('15/KH-LĐLĐ', { timeout: 120_000 });
  await expect(editor.getByLabel('Ngày ban hành')).toHaveValue('05/07/2019');
  await expect(editor.getByLabel('Hạn báo cáo kết quả')).toHaveValue('31/07/2019');
  await expect(editor.getByLabel('Họ và tên người ký')).toHaveValue('Nguyễn Thị Hoa');
  await expect(editor.getByTestId('intake-summary')).toContainText('nhận dạng chữ (OCR)');
  // each field read carries the mark at the field; each target found too
  await expect(editor.getByText(/Cần kiểm tra với ảnh \(OCR\)/).first()).toBeVisible();
  expect(await editor.getByText(/Cần kiểm tra với ảnh \(OCR\)/).count()).toBeGreaterThanOrEqual(8);
  await expect(editor.getByTestId('target-check')).toHaveCount(2);
  // the page image beside the form, really decoded
  const img = editor.getByTestId('ocr-page-image');
  await expect(img).toBeVisible();
  expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 500)).toBe(true);
  const [form, pages] = await Promise.all([editor.locator('#plan-form').boundingBox(), editor.getByTestId('ocr-pages').boundingBox()]);
  expect(pages && form && pages.x > form.x + form.width - 1).toBe(true);
  await page.screenshot({ path: `${shots}/intake-ocr-1366.png` });
  // scrolled down to the targets, the page stays beside them
  await editor.getByTestId('extracted-targets').scrollIntoViewIfNeeded();
  await expect(img).toBeInViewport();
  await page.screenshot({ path: `${shots}/intake-ocr-targets-1366.png` });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: `${shots}/intake-ocr-1920.png` });

  await page.keyboard.press('Control+s');
  await expect(page.getByRole('dialog', { name: 'Kế hoạch 15/KH-LĐLĐ' })).toBeVisible();
  const doc = app.ctx.db.prepare('SELECT d.name FROM plans p JOIN documents d ON d.id = p.document_id').get() as { name: string };
  expect(doc.name).toBe('anh-ke-hoach-15.png');
});

test('"Dừng lại" stops reading a scan and nothing is saved', async ({ app, page }) => {
  test.setTimeout(120_000);
  const file = join(app.dir, 'ban-quet.png');
  writeFileSync(file, renderPage(textPdf, 'png', 150));
  await app.open('#/plans');
  await pickScan(page, file);
  const dialog = page.getByRole('dialog', { name: 'Tạo kế hoạch từ văn bản' });
  await expect(dialog.getByRole('progressbar')).toBeVisible({ timeout: 60_000 });
  await dialog.getByTestId('intake-cancel').click();
  await expect(dialog.getByTestId('intake-note')).toContainText('Đã dừng đọc "ban-quet.png"');
  await expect(page.getByRole('dialog', { name: 'Kế hoạch mới từ văn bản' })).toHaveCount(0);
  expect(app.ctx.db.prepare('SELECT COUNT(*) AS n FROM plans').get()).toEqual({ n: 0 });
});
