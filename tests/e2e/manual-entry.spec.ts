// Manual entry e2e: a paper report of a unit that has not reported is typed in from the tracking board — a block
// pasted from Excel (tabs, CR LF, Vietnamese numbers) fills the cells down/right, Enter moves down the column —
// and the unit becomes "Đã nộp" with channel "Giấy"; "Sửa bằng tay" then makes version 2 from it, prefilled.
import { mkdirSync } from 'node:fs';
import { test, expect } from './fixtures';
import { call, iso } from './report-batch';

const SHOTS = '/tmp/shots-entry';

test('a paper report typed in with a paste from Excel makes the unit "Đã nộp" with channel giấy', async ({ app, page }) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  const a = await call(app.ctx, 'units.save', { code: 'GD01', name: 'Công đoàn Trường THCS Lê Lợi' });
  await call(app.ctx, 'units.save', { code: 'YT01', name: 'Công đoàn Trạm Y tế xã Bình An' });
  const cat = await call(app.ctx, 'indicators.list', {});
  const id = (c: string) => cat.find((i) => i.code === c)!.id;
  const plan = await call(app.ctx, 'plans.save', {
    title: 'Phối hợp làm công tác dân vận năm 2026',
    status: 'dang_thuc_hien',
    reportDueOn: iso(10),
    periodLabel: 'Năm 2026',
    targets: [
      { indicatorId: id('CT01'), min: 2 },
      { indicatorId: id('CT08'), min: 1 },
      { indicatorId: id('CT21'), min: 50 },
    ],
    assignment: 'all_base',
  });

  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open(`#/reports?plan=${plan.id}&tab=tong-hop`);
  const row = page.locator('[data-testid="track-row"][data-unit="GD01"]');
  await expect(row).toHaveAttribute('data-state', 'missing');
  await row.getByTestId('track-enter').click();
  const form = page.getByRole('dialog', { name: /Nhập tay báo cáo: Công đoàn Trường THCS Lê Lợi/ });
  await expect(form.getByTestId('entry-row')).toHaveCount(3);
  const cell = (code: string, col: 0 | 1) => form.locator(`[data-testid="entry-row"][data-code="${code}"] input`).nth(col);
  await expect(cell('CT01', 0)).toBeFocused();

  // A block copied from Excel: value and trị giá of three rows, Vietnamese numbers, CR LF lines.
  await cell('CT01', 0).evaluate((el, text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, '3\t\r\n1\t45,5\r\n60\t1.234,5\r\n');
  await expect(cell('CT01', 0)).toHaveValue('3');
  await expect(cell('CT08', 0)).toHaveValue('1');
  await expect(cell('CT08', 1)).toHaveValue('45,5');
  await expect(cell('CT21', 0)).toHaveValue('60');
  await expect(cell('CT21', 1)).toHaveValue('1.234,5');
  // CT01 has no second measure: its cell is not there, the empty pasted cell is simply skipped
  await expect(form.locator('[data-testid="entry-row"][data-code="CT01"] input')).toHaveCount(1);

  // Keyboard like Excel: Enter goes down the column, Tab to the right.
  await cell('CT01', 0).focus();
  await page.keyboard.press('Enter');
  await expect(cell('CT08', 0)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(cell('CT08', 1)).toBeFocused();
  await page.keyboard.type('50,25');
  await page.keyboard.press('Enter');
  await expect(cell('CT21', 1)).toBeFocused();
  await expect(cell('CT08', 1)).toHaveValue('50,25');

  await form.getByLabel('Nội dung mục Đánh giá chung').fill('Đơn vị hoàn thành các chỉ tiêu đề ra.');
  await expect(form.getByTestId('entry-via')).toHaveValue('paper');
  await page.screenshot({ path: `${SHOTS}/entry-form-1366x768.png` });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: `${SHOTS}/entry-form-1920x1080.png` });

  await form.getByTestId('entry-save').click();
  await expect(form).toBeHidden();
  await expect(row).toHaveAttribute('data-state', 'on_time');
  await expect(row.getByTestId('track-channel')).toHaveText('Giấy (nhập tay)');
  await expect(row).toContainText('Đúng hạn');
  await page.screenshot({ path: `${SHOTS}/tracking-1920x1080.png`, fullPage: true });

  const list = await call(app.ctx, 'reports.list', { planId: plan.id });
  const rep = list.find((r) => r.unit.id === a.id)!.report!;
  expect(rep).toMatchObject({ channel: 'manual', receivedVia: 'paper', version: 1 });
  const detail = await call(app.ctx, 'reports.get', { reportId: rep.id });
  expect(detail.values.map((v) => [v.code, v.value, v.value2])).toEqual([
    ['CT01', 3, null],
    ['CT08', 1, 50.25],
    ['CT21', 60, 1234.5],
  ]);
  expect(detail.narrative).toEqual([{ heading: 'Đánh giá chung', text: 'Đơn vị hoàn thành các chỉ tiêu đề ra.' }]);

  // "Sửa bằng tay": a new version from the current one, prefilled.
  await page.setViewportSize({ width: 1366, height: 768 });
  await row.getByTestId('track-enter').click();
  const edit = page.getByRole('dialog', { name: /Sửa bằng tay: Công đoàn Trường THCS Lê Lợi \(bản mới từ bản 1\)/ });
  await expect(edit.locator('[data-testid="entry-row"][data-code="CT21"] input').nth(1)).toHaveValue('1.234,5');
  const ct01 = edit.locator('[data-testid="entry-row"][data-code="CT01"] input').first();
  await ct01.fill('4');
  await ct01.press('Enter');
  // 45.500 suất against a target of 50: the checks hold it at its cell until it is corrected or a reason is given
  const ct21 = edit.locator('[data-testid="entry-row"][data-code="CT21"] input').first();
  await ct21.fill('45.500');
  await ct21.press('Enter');
  await edit.getByTestId('entry-save').click();
  await expect(edit.getByTestId('entry-error')).toContainText('1 giá trị bất thường');
  await expect(edit.locator('[data-testid="entry-findings"][data-code="CT21"]')).toContainText('gấp 910 lần chỉ tiêu');
  await expect(edit.locator('[data-reason]')).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/entry-held-1366x768.png` });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await edit.locator('[data-reason]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/entry-held-1920x1080.png` });
  await edit.locator('[data-reason]').fill('Đã gọi điện xác nhận: quà của doanh nghiệp tài trợ');
  await edit.getByTestId('entry-save').click();
  await expect(edit).toBeHidden();
  await expect(row.locator('td').nth(3)).toHaveText('2');
  const v2 = await call(app.ctx, 'reports.get', {
    reportId: (await call(app.ctx, 'reports.list', { planId: plan.id })).find((r) => r.unit.id === a.id)!.report!.id,
  });
  expect(v2.values.map((v) => [v.code, v.value])).toEqual([
    ['CT01', 4],
    ['CT08', 1],
    ['CT21', 45500],
  ]);
  expect(v2.issues.some((i) => /CT21.*Đã xác nhận khi nhập tay, lý do: Đã gọi điện/.test(i.message))).toBe(true);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('tab', { name: 'Tình hình nộp' }).click();
  const listed = page.locator('[data-testid="report-row"][data-unit="GD01"]');
  await expect(listed).toHaveAttribute('data-state', 'on_time');
  const chan = page.locator('[data-testid="report-row"][data-unit="GD01"] ~ .c-chan');
  await expect(chan).toHaveText('Giấy');
  await expect(chan).toHaveAttribute('title', 'Giấy (nhập tay)');
  await expect(page.locator('[data-testid="report-enter"][data-unit="YT01"]')).toHaveText('Nhập tay');
  await expect(page.locator('[data-testid="report-enter"][data-unit="GD01"]')).toHaveText('Sửa bằng tay');
  await page.screenshot({ path: `${SHOTS}/report-list-1366x768.png` });

  // The unit's report: received via paper, typed in; its versions say so where an imported one names its file.
  await page.locator('[data-testid="report-row"][data-unit="GD01"]').getByRole('button').click();
  const detailDialog = page.getByRole('dialog', { name: /Công đoàn Trường THCS Lê Lợi/ });
  await expect(detailDialog).toContainText('qua Giấy (nhập tay)');
  await expect(detailDialog.getByRole('cell', { name: 'Giấy (nhập tay)' })).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/report-detail-1366x768.png` });
  await detailDialog.getByRole('button', { name: 'Đóng', exact: true }).first().click();
  await expect(detailDialog).toBeHidden();

  // From the report list: typed values are never thrown away silently when the form is closed.
  await page.locator('[data-testid="report-enter"][data-unit="YT01"]').click();
  const yt = page.getByRole('dialog', { name: /Nhập tay báo cáo: Công đoàn Trạm Y tế xã Bình An/ });
  await expect(yt.locator('[data-testid="entry-row"][data-code="CT01"] input')).toBeFocused();
  await page.keyboard.type('5');
  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await yt.getByRole('button', { name: 'Huỷ' }).click();
  await expect(yt).toBeVisible();
  expect(asked).toEqual(['Bỏ báo cáo đang nhập dở? Các số đã gõ sẽ không được lưu.']);
  page.once('dialog', (d) => void d.accept());
  await yt.getByRole('button', { name: 'Huỷ' }).click();
  await expect(yt).toBeHidden();
  await expect(page.locator('[data-testid="report-row"][data-unit="YT01"]')).toHaveAttribute('data-state', 'missing');
  // ... and a report phoned in goes in from the list, which updates at once
  await page.locator('[data-testid="report-enter"][data-unit="YT01"]').click();
  await expect(yt.locator('[data-testid="entry-row"][data-code="CT01"] input')).toBeFocused();
  await page.keyboard.type('2');
  await yt.getByTestId('entry-via').selectOption('phone');
  await yt.getByTestId('entry-save').click();
  await expect(yt).toBeHidden();
  await expect(page.locator('[data-testid="report-row"][data-unit="YT01"]')).toHaveAttribute('data-state', 'on_time');
  await expect(page.locator('[data-testid="report-row"][data-unit="YT01"] ~ .c-chan')).toHaveText('Điện thoại');
  await page.getByRole('tab', { name: 'Theo dõi & tổng hợp' }).click();
  await expect(page.locator('[data-testid="track-row"][data-unit="YT01"] [data-testid="track-channel"]')).toHaveText(
    'Điện thoại (nhập tay)',
  );
  await page.screenshot({ path: `${SHOTS}/tracking-1366x768.png` });
});
