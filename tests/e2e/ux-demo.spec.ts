// Try it in one minute (issue #14): on first start "Dùng thử với dữ liệu mẫu" opens a separate sample database
// (units, a plan, imported reports, models) with a banner on every page, and one click goes back to the real,
// still empty data; the sample file lives beside the real one and the real one is never written.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';

test('demo database round trip from the first-start choice', async ({ app, page }) => {
  test.setTimeout(90_000);
  await app.open('#/overview');
  const first = page.getByTestId('first-start');
  await expect(first).toBeVisible();
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `/tmp/shots-ux/first-start-${w}.png` });
  }
  await first.getByTestId('demo-enter').click();

  const banner = page.getByTestId('demo-banner');
  await expect(banner).toBeVisible({ timeout: 60_000 });
  await expect(banner).toContainText('Đang dùng dữ liệu mẫu');
  await expect(page.getByTestId('kpi-units')).toHaveText('12');
  await expect(page.getByTestId('first-start')).toHaveCount(0);
  expect(existsSync(join(app.dir, 'e2e-demo.sqlite'))).toBe(true);
  expect(app.ctx.db.prepare('SELECT COUNT(*) AS n FROM units').get()).toEqual({ n: 12 });
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `/tmp/shots-ux/demo-overview-${w}.png` });
  }

  // click through: reports of the sample plan, the banner stays on every page
  await page.getByRole('link', { name: 'Báo cáo đơn vị' }).click();
  await expect(page.getByTestId('plan-submitted')).toHaveText('8/12');
  await expect(banner).toBeVisible();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: '/tmp/shots-ux/demo-reports-1366.png' });
  await page.getByRole('link', { name: 'Mô hình Dân vận khéo' }).click();
  await expect(page.getByTestId('models-count')).toContainText('8 / 8 mô hình');

  // one click back to the real (empty) data
  await banner.getByTestId('demo-leave').click();
  await expect(page.getByTestId('first-start')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  await expect(page.getByTestId('kpi-units')).toHaveText('0');
  expect(app.ctx.dbFile).toBe(join(app.dir, 'e2e.sqlite'));
  expect(app.ctx.db.prepare('SELECT COUNT(*) AS n FROM units').get()).toEqual({ n: 0 });
});
