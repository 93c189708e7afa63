// Every page at 1366×768 and 1920×1080 with long unit names: nothing wider than the window, the import
// preview's "Xác nhận…" button on screen, badges on one line. Screenshots go to /tmp/ui-shots/ for review.
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { call, seed, seedEarlier, writeBatch } from './report-batch';

test.afterEach(async ({ page }) => {
  await page.context().close();
});

const SHOTS = '/tmp/ui-shots';
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const LONG = 'CĐCS Công ty TNHH May mặc Xuất khẩu Thành Công Tây Ninh – Chi nhánh Khu công nghiệp Trảng Bàng số';

/** No horizontal scroll on the page itself. */
async function expectNoSideScroll(page: Page, what: string) {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scroll, `${what}: page wider than the window`).toBeLessThanOrEqual(client);
}
/** No table hides columns (and their buttons) behind a horizontal scroll; the units × indicators matrix may. */
async function expectNoHiddenColumns(page: Page, what: string) {
  const wide = await page.locator('table:visible').evaluateAll((els) =>
    els
      .filter((t) => !t.closest('[data-testid="matrix"]'))
      .filter((t) => {
        const box = t.parentElement!.getBoundingClientRect();
        return t.getBoundingClientRect().width > box.width + 1;
      })
      .map((t) => t.getAttribute('data-testid') ?? t.querySelector('th')?.textContent ?? 'table'),
  );
  expect(wide, `${what}: tables wider than their box`).toEqual([]);
}
/** Every badge on the page is one line high. */
async function expectBadgesOneLine(page: Page, what: string) {
  const tall = await page
    .locator('.badge:visible')
    .evaluateAll((els) =>
      els
        .filter((e) => e.getBoundingClientRect().height > parseFloat(getComputedStyle(e).lineHeight || '18') * 1.6 + 4)
        .map((e) => e.textContent),
    );
  expect(tall, `${what}: badges broken over two lines`).toEqual([]);
}

for (const size of SIZES) {
  test(`pages at ${size.width}×${size.height}`, async ({ app, page }) => {
    test.setTimeout(120_000);
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize(size);
    const { ids, plan } = await seed(app.ctx);
    for (const n of [2, 3]) app.ctx.db.prepare('UPDATE units SET name = ? WHERE code = ?').run(`${LONG} ${n}`, `U0${n}`);
    const tag = `${size.width}x${size.height}`;
    const pages = [
      ['#/overview', 'overview'],
      ['#/plans', 'plans'],
      ['#/plans?tab=chi-tieu', 'plans-catalog'],
      ['#/reports', 'reports'],
      ['#/reports?tab=lich-su', 'reports-history'],
      ['#/reports?tab=kiem-tra', 'reports-checks'],
      ['#/reports?tab=tong-hop', 'reports-tracking'],
      ['#/models', 'models'],
      ['#/models?tab=tinh-hinh', 'models-coverage'],
      ['#/units', 'units'],
      ['#/settings', 'settings'],
    ] as const;
    for (const [hash, name] of pages) {
      await app.open(hash);
      await page.waitForTimeout(300); // charts and lists settle before the picture
      await page.screenshot({ path: `${SHOTS}/${name}-${tag}.png` });
      await expectNoSideScroll(page, name);
      await expectBadgesOneLine(page, name);
      await expectNoHiddenColumns(page, name);
    }

    // the import preview of a mixed batch: its action buttons stay inside the window
    await app.open('#/reports');
    const zip = (await call(app.ctx, 'reports.templates', { planId: plan.id, unitIds: [...ids.values()], zip: true })).bytes;
    const generic = (await call(app.ctx, 'reports.templates', { planId: plan.id, unitIds: null, zip: false })).bytes;
    await seedEarlier(app.ctx, plan.id, ids, zip);
    const batch = await writeBatch(app.dir, plan.id, zip, generic);
    await page.getByRole('tab', { name: 'Nhập báo cáo' }).click();
    await page.getByTestId('file-input').setInputFiles(batch.map((f) => f.path));
    await expect(page.getByRole('heading', { name: /Xem trước \d+ tệp/ })).toBeVisible({ timeout: 60_000 });
    await page.screenshot({ path: `${SHOTS}/reports-preview-${tag}.png` });
    const confirm = page.getByRole('button', { name: 'Xác nhận…' }).first();
    await expect(confirm).toBeVisible();
    const box = await confirm.boundingBox();
    expect(box && box.x + box.width, 'the Xác nhận… button is inside the window').toBeLessThanOrEqual(size.width);
    await expectNoSideScroll(page, 'reports preview');
    await expectBadgesOneLine(page, 'reports preview');
    await page.getByRole('button', { name: 'Hiện đủ chữ' }).click();
    await page.screenshot({ path: `${SHOTS}/reports-preview-wrapped-${tag}.png` });
    await expectNoSideScroll(page, 'reports preview, wrapped');

    await app.open('#/units');
    await page.getByRole('button', { name: 'Hiện đủ chữ' }).click();
    await page.screenshot({ path: `${SHOTS}/units-wrapped-${tag}.png` });

    // the plan editor's date fields and the calendar pop-up
    await app.open('#/plans');
    await page.getByRole('button', { name: '+ Kế hoạch mới' }).click();
    const editor = page.getByRole('dialog', { name: 'Kế hoạch mới' });
    await editor.getByLabel('Ngày ban hành').fill('31/02/2024');
    await editor.getByLabel('Từ ngày').fill('16/7/2024');
    await editor.getByRole('button', { name: 'Mở lịch' }).nth(2).click();
    await expect(page.getByRole('dialog', { name: 'Lịch chọn ngày' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/plan-editor-dates-${tag}.png` });
    const cal = (await page.getByRole('dialog', { name: 'Lịch chọn ngày' }).boundingBox())!;
    expect(cal.y + cal.height, 'the calendar fits in the window').toBeLessThanOrEqual(size.height);
  });
}
