// "Kiểm tra số liệu" while the checks run (issue #17: seconds on a province-sized plan, computed off the main thread):
// the tab says "Đang kiểm tra số liệu…" at once, the rest of the page stays usable (Tổng hợp opens meanwhile), and the
// warnings appear when the checks are done — the same ones the backend computes. The checks' answer is held back
// here by the test so the waiting state can be seen on a small database.
import type { Route } from '@playwright/test';
import { test, expect } from './fixtures';
import { call } from './report-batch';
import { buildMixedPlans } from '../helpers/mixed-plans';
import type { TestApp } from '../helpers/context';

test('the check tab shows its progress, the page stays usable, then the warnings appear', async ({ app, page }) => {
  test.setTimeout(120_000);
  const testApp = { ctx: app.ctx, dir: app.dir, call: (n, i) => call(app.ctx, n, i), close: () => undefined } as TestApp;
  const { plan } = await buildMixedPlans(testApp, 7, 3);
  const expected = (await call(app.ctx, 'checks.plan', { planId: plan.id })).warnings;
  expect(expected.length).toBeGreaterThan(0);

  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/rpc', async (route: Route) => {
    if (/"name":"checks\.plan"/.test(route.request().postData() ?? '')) await held;
    await route.continue();
  });

  await app.open(`#/reports?plan=${plan.id}&tab=kiem-tra`);
  await expect(page.getByTestId('checks-computing')).toHaveText('Đang kiểm tra số liệu…');
  await expect(page.getByTestId('checks-pending')).toContainText('vẫn có thể dùng các thẻ và trang khác');
  await expect(page.getByTestId('checks-open')).toHaveCount(0); // no "0 cảnh báo" before the checks are done
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `/tmp/shots-check-view/checks-pending-${w}x${h}.png` });
  }

  // usable meanwhile: the Tổng hợp tab opens with its totals while the checks are still held
  await page.getByRole('tab', { name: 'Theo dõi & tổng hợp' }).click();
  await expect(page.getByTestId('consolidation-panel')).toBeVisible();
  await page.getByRole('tab', { name: 'Kiểm tra số liệu' }).click();
  await expect(page.getByTestId('checks-computing')).toBeVisible();

  release();
  const open = expected.filter((w) => w.status === 'open').length;
  await expect(page.getByTestId('checks-open')).toHaveText(`${open} cảnh báo chưa xử lý`);
  await expect(page.getByTestId('checks-computing')).toHaveCount(0);
  await expect(page.getByTestId('checks-pending')).toHaveCount(0);
  await page.getByLabel('Chỉ chưa xử lý').uncheck();
  await expect(page.getByText(`/ ${expected.length} cảnh báo`)).toBeVisible();
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `/tmp/shots-check-view/checks-done-${w}x${h}.png` });
  }
});
