// "Kiểm tra số liệu" while the checks run (issue #17: seconds on a province-sized plan, computed off the main thread):
// the tab says "Đang kiểm tra số liệu…" at once, the rest of the page stays usable (Tổng hợp opens meanwhile); when the
// checks are done the counts and the first open warnings show while the whole list is on its way (filters wait for it),
// then everything — the same warnings the backend computes. The answers are held back here by the test so each state
// can be seen on a small database.
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

  let releaseReady: () => void = () => undefined;
  let releaseList: () => void = () => undefined;
  const ready = new Promise<void>((r) => (releaseReady = r));
  const list = new Promise<void>((r) => (releaseList = r));
  await page.route('**/rpc', async (route: Route) => {
    const body = route.request().postData() ?? '';
    if (/"name":"checks\.prepare"/.test(body)) await ready; // "not ready yet" until released
    if (/"name":"checks\.plan"/.test(body)) await list;
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

  releaseReady();
  const open = expected.filter((w) => w.status === 'open');
  await expect(page.getByTestId('checks-open')).toHaveText(`${open.length} cảnh báo chưa xử lý`);
  await expect(page.getByTestId('check-row')).toHaveCount(Math.min(open.length, 100));
  await expect(page.getByTestId('check-row').first()).toContainText(open[0]!.unitCode);
  await expect(page.getByTestId('checks-computing')).toHaveText('Đang tải cả danh sách để lọc và sắp xếp…');
  await expect(page.getByLabel('Chỉ chưa xử lý')).toBeDisabled();

  releaseList();
  await expect(page.getByLabel('Chỉ chưa xử lý')).toBeEnabled();
  await expect(page.getByTestId('checks-open')).toHaveText(`${open.length} cảnh báo chưa xử lý`);
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
