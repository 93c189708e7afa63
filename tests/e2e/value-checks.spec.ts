// Value checks e2e: a unit typed đồng into a triệu đồng cell; the preview flags it at its row and holds the file
// until a reason is given; after the commit the "Kiểm tra số liệu" tab lists it (confirmed) and another unit's value
// far above target (open); the consolidation says how many warnings are open and asks before exporting; the report
// is sent back with a letter; a hand edit to an odd value asks for a reason.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { call, fillTemplate, iso } from './report-batch';
import { MONEY_INDICATOR } from '../helpers/test-plans';

test('a đồng/triệu đồng mistake is flagged, confirmed with a reason, listed, and announced before export', async ({ app, page }) => {
  test.setTimeout(120_000);
  const a = await call(app.ctx, 'units.save', { code: 'GD01', name: 'Công đoàn Trường THCS Lê Lợi' });
  const b = await call(app.ctx, 'units.save', { code: 'YT01', name: 'Công đoàn Trạm Y tế xã Bình An' });
  const money = await call(app.ctx, 'indicators.save', MONEY_INDICATOR);
  const ct01 = (await call(app.ctx, 'indicators.list', {})).find((i) => i.code === 'CT01')!;
  const plan = await call(app.ctx, 'plans.save', {
    title: 'Kế hoạch kiểm tra số liệu',
    status: 'dang_thuc_hien',
    reportDueOn: iso(10),
    periodLabel: 'Năm 2026',
    targets: [
      { indicatorId: ct01.id, min: 2 },
      { indicatorId: money.id, min: 50 },
    ],
    assignment: 'all_base',
  });
  const write = async (unitId: number, code: string, kp: number) => {
    const tpl = (await call(app.ctx, 'reports.templates', { planId: plan.id, unitIds: [unitId], zip: false })).bytes;
    const path = join(app.dir, `bao-cao-${code}.xlsx`);
    writeFileSync(path, await fillTemplate(tpl, { 'Số buổi': 3, 'Kinh phí vận động': kp }));
    return path;
  };
  const files = [await write(a.id, 'GD01', 45_500_000), await write(b.id, 'YT01', 600)];

  await app.open(`#/reports?plan=${plan.id}&tab=nhap`);
  await page.getByTestId('file-input').setInputFiles(files);
  const flagged = page.locator('[data-testid="preview-row"][data-file="bao-cao-GD01.xlsx"]');
  await expect(flagged).toHaveAttribute('data-ready', 'needs');
  await expect(flagged).toContainText('giá trị bất thường');
  await expect(page.getByTestId('commit')).toHaveText('Nhập 1 tệp');
  await app.shot('value-checks-preview');

  await flagged.getByRole('button', { name: 'bao-cao-GD01.xlsx' }).click();
  const panel = page.getByRole('dialog', { name: 'Tệp "bao-cao-GD01.xlsx"' });
  await expect(panel.getByTestId('value-check')).toContainText('đồng vào ô tính bằng triệu đồng');
  await expect(panel.getByTestId('confirm-file')).toBeDisabled();
  await expect(panel.getByTestId('missing-reasons')).toContainText('1 giá trị bất thường');
  await app.shot('value-checks-panel');
  await panel.getByTestId('check-reason').fill('Đơn vị xác nhận qua điện thoại: số tiền đúng');
  await panel.getByTestId('confirm-file').click();
  await expect(panel).toBeHidden();
  await expect(page.getByTestId('commit')).toHaveText('Nhập 2 tệp');
  await page.getByTestId('commit').click();
  await expect(page.getByText(/Đã nhập|vào dữ liệu/).first()).toBeVisible();

  await page.getByRole('tab', { name: 'Kiểm tra số liệu' }).click();
  await expect(page.getByTestId('checks-open')).toHaveText('1 cảnh báo chưa xử lý');
  await expect(page.getByTestId('check-row')).toHaveCount(1);
  await expect(page.getByTestId('check-row')).toContainText('YT01');
  await expect(page.getByTestId('check-row')).toContainText('Vượt xa chỉ tiêu');
  await page.getByLabel('Chỉ chưa xử lý').uncheck();
  await expect(page.getByTestId('check-row')).toHaveCount(2);
  await expect(page.getByTestId('check-row').filter({ hasText: 'GD01' })).toContainText('Đã xác nhận');
  await app.shot('value-checks-tab');

  await page.getByRole('tab', { name: 'Theo dõi & tổng hợp' }).click();
  await expect(page.getByTestId('open-warnings')).toContainText('1 cảnh báo số liệu chưa xử lý');
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await page.getByTestId('export-xlsx').click();
  await expect.poll(() => asked).toMatch(/Còn 1 cảnh báo số liệu chưa xử lý[\s\S]*YT01, CT|YT01, KP01/);

  // a hand edit is checked too: an odd value asks for a reason before it is stored
  await page.getByRole('tab', { name: 'Kiểm tra số liệu' }).click();
  await page.getByTestId('check-row').filter({ hasText: 'YT01' }).click();
  const detail = page.getByRole('dialog').filter({ has: page.getByTestId('values-table') });
  // send it back: the letter is downloaded, the Zalo text shown, and the report says it was asked to correct
  const [letter] = await Promise.all([page.waitForEvent('download'), detail.getByTestId('send-back').click()]);
  expect(letter.suggestedFilename()).toMatch(/^cong-van-de-nghi-sua-yt01-.*\.docx$/);
  await expect(detail.getByTestId('send-back-text').getByRole('textbox')).toHaveValue(
    /KP01 – Kinh phí vận động xã hội hóa.*cao gấp 12 lần/,
  );
  await expect(detail.getByTestId('detail-correction-requested')).toContainText('Đã đề nghị sửa ngày');
  await app.shot('value-checks-send-back');
  await detail.getByRole('button', { name: 'Sửa Kinh phí vận động xã hội hóa' }).click();
  await detail.getByLabel('Giá trị mới cho Kinh phí vận động xã hội hóa').fill('60.000.000');
  await detail.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(detail.getByTestId('edit-check')).toContainText('lý do xác nhận');
  await app.shot('value-checks-edit-reason');
  await detail.getByLabel('Lý do xác nhận').fill('Đơn vị gửi lại công văn xác nhận');
  await detail.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(detail.locator('[data-testid="value-row"][data-code="KP01"]')).toContainText('60.000.000');
  await expect(detail.locator('[data-testid="value-row"][data-code="KP01"]').getByTestId('edited')).toHaveText('đã sửa tay');
});
