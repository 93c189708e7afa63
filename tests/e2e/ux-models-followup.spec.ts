// "Dân vận khéo" follow-up (issue #14): the units with no model registered for the year are listed and get the
// công văn đôn đốc (official layout, downloaded as Word), the overview shows registrations, steps and recognitions
// of the year, and an award saved on a model is shown on it.
import { readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { test, expect } from './fixtures';
import { call } from './report-batch';
import { todayInVietnam } from '../../src-main/text/vi-date';

test('units not registered are listed and reminded by letter; overview and model show the year and the awards', async ({ app, page }) => {
  const year = Number(todayInVietnam().slice(0, 4));
  await call(app.ctx, 'settings.save', {
    ...(await call(app.ctx, 'settings.get', {})),
    ownOrg: 'LĐLĐ huyện Thăng Bình',
    placeName: 'Thăng Bình',
    signerName: 'Trần Văn Đông',
  });
  const a = await call(app.ctx, 'units.save', { code: 'GD01', name: 'Công đoàn Trường THCS Lê Lợi' });
  await call(app.ctx, 'units.save', { code: 'YT01', name: 'Công đoàn Trạm Y tế xã' });
  await call(app.ctx, 'units.save', { code: 'TM01', name: 'Công đoàn Chợ Hà Lam' });
  const m = await call(app.ctx, 'models.save', {
    unitId: a.id,
    year,
    name: 'Đoàn viên giúp nhau phát triển kinh tế',
    field: 'kinh_te',
    registeredOn: `${year}-01-01`,
    awards: [{ form: 'Giấy khen', by: 'LĐLĐ tỉnh', on: `${year}-01-20` }],
  });
  await call(app.ctx, 'models.advanceStep', { id: m.id, reachedOn: `${year}-01-01` });

  await app.open(`#/models?year=${year}&tab=tinh-hinh`);
  const tools = page.getByTestId('models-missing-tools');
  await expect(tools).toContainText('Chỉ hiện 2 đơn vị chưa đăng ký');
  await tools.getByRole('checkbox').check();
  await expect(page.getByTestId('coverage-row')).toHaveCount(2);
  await expect(page.getByTestId('coverage-row').filter({ hasText: 'Công đoàn Chợ Hà Lam' })).toContainText('Chưa đăng ký');
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `/tmp/shots-ux/models-coverage-${w}.png` });
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('models-reminder-letter').click()]);
  expect(download.suggestedFilename()).toBe(`cong-van-don-doc-dang-ky-dan-van-kheo-${year}.docx`);
  const text = (await mammoth.extractRawText({ buffer: readFileSync((await download.path())!) })).value.replace(/\s+/g, ' ');
  expect(text).toContain(`V/v đôn đốc đăng ký mô hình, điển hình "Dân vận khéo" năm ${year}`);
  expect(text).toContain('1/3 đơn vị; 2 đơn vị sau đây chưa đăng ký');
  expect(text).toContain('Công đoàn Chợ Hà Lam (mã TM01)');
  expect(text).toContain('Công đoàn Trạm Y tế xã (mã YT01)');
  await expect(page.getByText(/Đã tạo công văn đôn đốc 2 đơn vị chưa đăng ký/)).toBeVisible();

  // the model shows its award
  await app.open(`#/models?year=${year}&id=${m.id}`);
  await expect(page.getByTestId('model-award')).toHaveText(`Giấy khen – LĐLĐ tỉnh, 20/01/${year}`);
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `/tmp/shots-ux/model-detail-award-${w}.png` });
  }

  // the overview shows the year
  await app.open('#/overview');
  const card = page.getByTestId('overview-models');
  await expect(card.getByTestId('dvk-registered')).toHaveText('1/3');
  await expect(card).toContainText('2 chưa đăng ký');
  await expect(card.getByTestId('dvk-steps').locator('li').nth(1)).toContainText('1');
  await expect(card.getByTestId('dvk-awarded')).toHaveText('1');
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/shots-ux/overview-models-${w}.png` });
  }
});
