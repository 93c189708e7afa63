// Province e2e (issue #18): three district offices (six base unions each) send their upward packages; the province
// (browser mode, districts registered as "công đoàn cấp trên") imports them, sees each district's totals, % of its
// own targets and rank, and opens a district down to a base unit's value. Screenshots at 1366×768 and 1920×1080.
import { mkdirSync } from 'node:fs';
import { test, expect } from './fixtures';
import { dispatch } from '../../src-main/rpc/dispatch';
import { importHeadless } from '../../src-main/features/report-import/one-pass';
import { makeDistrict, setupProvince, unitValues, type District } from '../helpers/province-gen';
import type { TestApp } from '../helpers/context';
import { formatViNumber } from '../../src-main/text/vi-number';

const SHOTS = '/tmp/shots-province';

test("province: districts' packages imported, totals per district, drill-down to a base unit", async ({ app, page }) => {
  test.setTimeout(180_000);
  const districts: District[] = [];
  try {
    for (let d = 0; d < 3; d++) districts.push(await makeDistrict(d, 6));
    const call: TestApp['call'] = async (name, input) => {
      const r = await dispatch(name, input, app.ctx);
      if (!r.ok) throw new Error(r.error.message);
      return r.data as never;
    };
    const prov = await setupProvince(call, 3);
    // received on 13/12/2025, before the province's deadline of 15/12
    const res = await importHeadless(
      app.ctx,
      prov.planId,
      districts.map((d) => ({ ...d.pkg, lastModified: Date.parse('2025-12-13T09:00:00+07:00') })),
      false,
    );
    expect(res.files.map((f) => f.status)).toEqual(['imported', 'imported', 'imported']);

    await app.open(`#/reports?plan=${prov.planId}&tab=tong-hop`);
    const view = page.getByTestId('province-districts');
    await expect(view).toBeVisible({ timeout: 30_000 }); // reads the stored packages (exceljs loads on first use)
    await expect(view).toContainText('Cơ sở: 15/18 đơn vị đã nộp');
    const d1 = districts[1]!;
    const row = view.locator('tbody tr', { hasText: d1.name });
    await expect(row).toContainText(formatViNumber(d1.expect.CT01!));
    await expect(row).toContainText(formatViNumber(d1.expect['CT08#2']!));

    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: 1366, height: 768 });
    await view.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${SHOTS}/province-districts-1366.png` });

    await row.getByTestId('open-district').click();
    const units = page.getByTestId('district-units');
    await expect(units).toContainText(`${d1.name}: 6 đơn vị cơ sở`);
    const want = unitValues(1, 2);
    const unitRow = units.locator('tbody tr', { hasText: d1.unitCodes[2]! });
    await expect(unitRow).toContainText(formatViNumber(want['CT08#2']!));
    await expect(unitRow.locator('td').nth(1)).toContainText(formatViNumber(want.CT01!));
    await expect(units.locator('tbody tr', { hasText: d1.unitCodes[5]! })).toContainText('Chưa nộp');
    await units.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${SHOTS}/district-units-1366.png` });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await view.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${SHOTS}/province-districts-1920.png` });
    await page.locator('#cap-tren').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${SHOTS}/upward-1920.png` });
  } finally {
    for (const d of districts) d.app.close();
  }
});
