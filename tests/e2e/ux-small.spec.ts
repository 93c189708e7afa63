// Small things of issue #14: "Gửi cấp trên" scrolls inside the content panel (the sidebar stays full height, the
// window itself never scrolls), and a new plan is pre-filled from Settings (issuing body, place, signer).
import { test, expect } from './fixtures';
import { call, seed } from './report-batch';

test('the "Gửi cấp trên" jump scrolls the content panel only; the sidebar stays full height', async ({ app, page }) => {
  const { plan } = await seed(app.ctx);
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await app.open(`#/reports?plan=${plan.id}&tab=tong-hop`);
    await expect(page.getByTestId('consolidation-panel')).toBeVisible();
    await page.locator('nav.jump').getByRole('button', { name: 'Gửi cấp trên' }).click();
    await expect(page.locator('#h-up')).toBeInViewport();
    const m = await page.evaluate(() => {
      const side = document.querySelector('nav, aside, .sidebar')?.closest('aside, .sidebar, nav') as HTMLElement | null;
      const box = (document.querySelector('.shell > :first-child') as HTMLElement).getBoundingClientRect();
      return {
        winY: window.scrollY,
        docY: document.scrollingElement?.scrollTop ?? 0,
        appY: document.getElementById('app')?.scrollTop ?? 0,
        top: box.top,
        bottom: box.bottom,
        h: window.innerHeight,
        side: !!side,
      };
    });
    expect(m.winY).toBe(0);
    expect(m.docY).toBe(0);
    expect(m.appY).toBe(0);
    expect(m.top).toBe(0);
    expect(Math.round(m.bottom)).toBeGreaterThanOrEqual(h - 1);
    await page.screenshot({ path: `/tmp/shots-ux/upward-${w}.png` });
  }
});

test('a new plan is pre-filled from Settings', async ({ app, page }) => {
  const profile = await call(app.ctx, 'settings.get', {});
  await call(app.ctx, 'settings.save', {
    ...profile,
    ownOrg: 'LĐLĐ HUYỆN THĂNG BÌNH',
    parentOrg: 'LĐLĐ TỈNH QUẢNG NAM',
    placeName: 'Thăng Bình',
    signerTitle: 'PHÓ CHỦ TỊCH',
    signerName: 'Nguyễn Văn An',
  });
  await app.open('#/plans');
  await page.getByRole('button', { name: '+ Kế hoạch mới' }).click();
  const editor = page.getByRole('dialog', { name: 'Kế hoạch mới' });
  await expect(editor.locator('input[name="issuer"]')).toHaveValue('LĐLĐ HUYỆN THĂNG BÌNH');
  await expect(editor.locator('input[name="parentIssuer"]')).toHaveValue('LĐLĐ TỈNH QUẢNG NAM');
  await expect(editor.locator('input[name="place"]')).toHaveValue('Thăng Bình');
  await expect(editor.locator('input[name="signerTitle"]')).toHaveValue('PHÓ CHỦ TỊCH');
  await expect(editor.locator('input[name="signerName"]')).toHaveValue('Nguyễn Văn An');
  await expect(editor.locator('input[name="number"]')).toHaveValue('');
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `/tmp/shots-ux/plan-new-prefilled-${w}.png` });
  }
});
