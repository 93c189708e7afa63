// "Xuất PDF" on the consolidation tab with no LibreOffice anywhere (the server's PATH emptied): the download is
// a PDF of the báo cáo with its header, place–date line and signature, fonts embedded; screenshots of the tab's
// export buttons at 1366×768 and 1920×1080 under /tmp/shots-pdf/.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download } from '@playwright/test';
import { test, expect } from './fixtures';
import { call, fillTemplate, iso, seed, templateOf } from './report-batch';
import { PROFILE } from '../rpc/consolidation-fixture';
import { embeddedFonts, readPdfPages } from '../unit/docs-pdf/pdf-read';

const SHOTS = '/tmp/shots-pdf';

test('the báo cáo exports to PDF without LibreOffice', async ({ app, page }) => {
  test.setTimeout(120_000);
  await call(app.ctx, 'settings.save', { ...PROFILE, modelRegistrationDeadline: '03-13' });
  const { ids, plan } = await seed(app.ctx);
  const zip = (await call(app.ctx, 'reports.templates', { planId: plan.id, unitIds: [...ids.values()], zip: true })).bytes;
  const files = [];
  for (const [code, n] of [
    ['U01', 3],
    ['U02', 5],
    ['U03', 4],
  ] as const) {
    files.push({
      file: { name: `bao-cao-${code}.xlsx`, bytes: await fillTemplate(templateOf(zip, code), { 'Số buổi': n }) },
      unitId: ids.get(code)!,
      receivedOn: iso(-1),
    });
  }
  await call(app.ctx, 'reports.commit', { planId: plan.id, files });

  const path = process.env.PATH;
  process.env.PATH = ''; // the server runs in this process: nothing it could spawn is found
  try {
    await app.open(`#/reports?plan=${plan.id}&tab=tong-hop`);
    const button = page.getByTestId('export-pdf');
    await expect(button).toBeVisible();
    const [d]: [Download, void] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(d.suggestedFilename()).toMatch(/^bao-cao-.*\.pdf$/);
    // said at once (the message goes after 6 s; reading the PDF below took longer on a busy machine)
    await expect(page.getByText(`Đã tải xuống ${d.suggestedFilename()}`)).toBeVisible();
    const file = join(app.dir, d.suggestedFilename());
    await d.saveAs(file);
    const bytes = new Uint8Array(readFileSync(file));
    const text = (await readPdfPages(bytes))
      .map((p) => p.text)
      .join('\n')
      .replace(/\s+/g, ' ');
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'LĐLĐ TỈNH QUẢNG NAM',
      'Số:',
      'Thăng Bình, ngày',
      'BÁO CÁO',
      'Nơi nhận:',
      'Nguyễn Thị Hồng Đào',
    ])
      expect(text).toContain(s);
    const fonts = embeddedFonts(bytes);
    expect(fonts.fontFiles).toBe(fonts.descriptors);
    await expect(page.getByTestId('pdf-note')).toHaveCount(0);
  } finally {
    process.env.PATH = path;
  }
  mkdirSync(SHOTS, { recursive: true });
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.getByTestId('export-pdf').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: join(SHOTS, `consolidation-export-${w}x${h}.png`) });
  }
});
