// Manual mapping e2e: a unit's own layout whose rows match no indicator, under "Kết quả thực hiện" split into Quý I..IV |
// Cả năm for a plan of a round (the reader cannot tell the column): the mapping screen opens by itself, the user picks
// the column and maps the rows by hand, imports; the same unit's next file imports without asking anything.
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { call, iso } from './report-batch';

const SHOTS = '/tmp/shots-mapping';
const ROWS = ['Họp mặt phổ cập quy định mới cho anh chị em', 'Trang trí khẩu ngữ mừng Xuân'];

/** Row k of quarter q holds shift + 10k + q; the "Cả năm" column 1000k. */
async function ownQuarterBook(shift: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Biểu 01');
  ws.addRow(['Công đoàn cơ sở: Trạm Y tế xã Bình An']);
  ws.addRow(['BÁO CÁO KẾT QUẢ ĐỢT II NĂM 2023']);
  ws.addRow([]);
  ws.addRow(['TT', 'Nội dung', 'ĐVT', 'Kết quả thực hiện', null, null, null, null, 'Ghi chú']);
  ws.addRow([null, null, null, 'Quý I', 'Quý II', 'Quý III', 'Quý IV', 'Cả năm', null]);
  for (const m of ['D4:H4', 'A4:A5', 'B4:B5', 'C4:C5', 'I4:I5']) ws.mergeCells(m);
  ROWS.forEach((label, k) =>
    ws.addRow([String(k + 1), label, 'lần', ...[1, 2, 3, 4].map((q) => shift + 10 * (k + 1) + q), 1000 * (k + 1), '']),
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test('rows that match nothing are mapped by hand with the value column picked once; the next file imports without asking', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  await call(app.ctx, 'units.save', { code: 'YT01', name: 'Công đoàn Trạm Y tế xã Bình An' });
  const cat = await call(app.ctx, 'indicators.list', {});
  const ind = (c: string) => cat.find((i) => i.code === c)!;
  const plan = await call(app.ctx, 'plans.save', {
    title: 'Phối hợp làm công tác dân vận đợt II/2023',
    periodLabel: 'Đợt II/2023',
    status: 'dang_thuc_hien',
    reportDueOn: iso(10),
    assignment: 'all_base',
    targets: ['CT01', 'CT05', 'CT11'].map((c) => ({ indicatorId: ind(c).id, min: 1 })),
  });
  const write = async (name: string, shift: number, daysAgo: number) => {
    const path = join(app.dir, name);
    writeFileSync(path, await ownQuarterBook(shift));
    const { utimesSync } = await import('node:fs');
    const t = new Date(Date.parse(`${iso(-daysAgo)}T05:00:00Z`));
    utimesSync(path, t, t);
    return path;
  };
  const stored = () =>
    new Map(
      (
        app.ctx.db
          .prepare(
            "SELECT i.code, v.value_num FROM report_values v JOIN reports r ON r.id = v.report_id JOIN indicators i ON i.id = v.indicator_id WHERE r.status = 'active'",
          )
          .all() as { code: string; value_num: number }[]
      ).map((r) => [r.code, r.value_num]),
    );

  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open(`#/reports?plan=${plan.id}&tab=nhap`);
  await page.getByTestId('file-input').setInputFiles([await write('yt-dot-2.xlsx', 0, 2)]);

  // the mapping screen opens by itself: nothing matched, and the column is in doubt
  const panel = page.getByRole('dialog', { name: 'Tệp "yt-dot-2.xlsx"' });
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('no-match')).toContainText('chưa nhận ra dòng nào');
  await expect(panel.getByTestId('value-column')).toHaveAttribute('data-sure', 'false');
  await expect(panel.getByTestId('confirm-file')).toBeDisabled();
  await page.screenshot({ path: join(SHOTS, 'mapping-screen-1366.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: join(SHOTS, 'mapping-screen-1920.png') });
  await page.setViewportSize({ width: 1366, height: 768 });
  // closed, the file waits in the list with its way back to the mapping screen
  await panel.getByRole('button', { name: 'Huỷ' }).click();
  const row = page.locator('[data-testid="preview-row"][data-file="yt-dot-2.xlsx"]');
  await expect(row).toHaveAttribute('data-ready', 'needs');
  await expect(row).toContainText('Không tìm thấy dòng nào khớp');
  await expect(page.getByTestId('commit')).toBeDisabled();
  await page.screenshot({ path: join(SHOTS, 'preview-waiting-1366.png') });
  await page.getByRole('button', { name: 'Ghép chỉ tiêu…' }).click();
  await expect(panel).toBeVisible();

  // pick Quý III: the file is read again and its values shown
  await panel.getByTestId('value-column-select').selectOption({ label: 'Cột F · Kết quả thực hiện / Quý III' });
  await expect(panel.getByTestId('value-column')).toHaveAttribute('data-sure', 'true');
  await expect(panel.getByTestId('mapping-row').nth(0)).toContainText('13');
  await expect(panel.getByTestId('mapping-row').nth(1)).toContainText('23');
  await expect(panel.getByTestId('confirm-file')).toBeDisabled(); // no row mapped yet
  await panel.getByLabel('Chỉ tiêu cho dòng 1').selectOption(String(ind('CT01').id));
  await panel.getByLabel('Chỉ tiêu cho dòng 2').selectOption(String(ind('CT05').id));
  await expect(panel.getByTestId('uncovered')).toContainText('CT11');
  await page.screenshot({ path: join(SHOTS, 'mapping-screen-mapped-1366.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: join(SHOTS, 'mapping-screen-mapped-1920.png') });
  await page.setViewportSize({ width: 1366, height: 768 });
  await panel.getByTestId('confirm-file').click();
  await expect(panel).toBeHidden();
  await expect(page.locator('[data-testid="preview-row"][data-file="yt-dot-2.xlsx"]')).toHaveAttribute('data-ready', 'ready');
  await page.getByTestId('commit').click();
  await expect(page.getByRole('button', { name: 'Nhập thêm tệp' })).toBeVisible();
  expect(stored()).toEqual(
    new Map([
      ['CT01', 13],
      ['CT05', 23],
    ]),
  );

  // the same unit's next file: mapped and read from the same column without asking
  await page.getByRole('button', { name: 'Nhập thêm tệp' }).click();
  await page.getByTestId('file-input').setInputFiles([await write('yt-dot-2-bo-sung.xlsx', 100, 1)]);
  const next = page.locator('[data-testid="preview-row"][data-file="yt-dot-2-bo-sung.xlsx"]');
  await expect(next).toHaveAttribute('data-ready', 'ready');
  await expect(next).toHaveAttribute('data-status', 'replace');
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.screenshot({ path: join(SHOTS, 'next-file-preview-1366.png') });
  await next.getByRole('button', { name: 'yt-dot-2-bo-sung.xlsx' }).click();
  const again = page.getByRole('dialog', { name: 'Tệp "yt-dot-2-bo-sung.xlsx"' });
  await expect(again.getByTestId('value-column')).toContainText('Như lần trước của đơn vị này');
  await expect(again.getByTestId('mapping-row').nth(0)).toContainText('Đã ghi nhớ');
  await page.screenshot({ path: join(SHOTS, 'next-file-detail-1366.png') });
  await again.getByRole('button', { name: 'Huỷ' }).click();
  await page.getByTestId('commit').click();
  await expect(page.getByRole('button', { name: 'Nhập thêm tệp' })).toBeVisible();
  expect(stored()).toEqual(
    new Map([
      ['CT01', 113],
      ['CT05', 123],
    ]),
  );
});
