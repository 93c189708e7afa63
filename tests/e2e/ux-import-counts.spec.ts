// Import results that stay true (issue #14): after a mixed drop the result counts every dropped file (a duplicate,
// a broken file and a photo left out at preview are counted and listed with why, not "0 trùng / 0 lỗi"), and an
// undo from "Lịch sử nhập" turns the result view to "Đã hoàn tác" instead of "Tất cả các tệp đã vào dữ liệu".
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { call, fillTemplate, iso, seed, templateOf } from './report-batch';
import { makeHostile } from '../fixtures/gen/report-workbooks';

const V = { 'Số buổi': 3, 'Băng rôn': 2, 'Nhà "Mái ấm': 1, 'Sửa chữa nhà': 1, 'Quà tặng': 5, 'Chiếu phim': 2 };

test('a mixed drop is counted file by file, and an undo from the history is shown on the result', async ({ app, page }) => {
  test.setTimeout(90_000);
  const { plan, ids } = await seed(app.ctx);
  const zip = (await call(app.ctx, 'reports.templates', { planId: plan.id, unitIds: [ids.get('U01')!, ids.get('U04')!], zip: true })).bytes;
  const put = (name: string, bytes: Uint8Array) => {
    const path = join(app.dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const u01 = await fillTemplate(templateOf(zip, 'U01'), V);
  const files = [
    put('bao-cao-U01.xlsx', u01),
    put('bao-cao-U04.xlsx', await fillTemplate(templateOf(zip, 'U04'), V)),
    put('U01 gui lai.xlsx', u01),
    put('hong.xlsx', await makeHostile('truncated', 3)),
    put('anh-chup-bao-cao.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])),
  ];
  await app.open(`#/reports?plan=${plan.id}&tab=nhap`);
  await page.getByTestId('file-input').setInputFiles(files);
  await expect(page.getByRole('heading', { name: 'Xem trước 4 tệp' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('commit')).toHaveText('Nhập 2 tệp');
  await page.getByTestId('commit').click();

  const result = page.getByTestId('import-result');
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(result.getByTestId('result-title')).toHaveText('Đã xử lý 5 tệp: 2 tệp vào dữ liệu');
  await expect(result.getByTestId('result-imported')).toContainText('2');
  await expect(result.getByTestId('result-duplicate')).toContainText('1');
  await expect(result.getByTestId('result-error')).toContainText('1');
  await expect(result.getByTestId('result-left')).toContainText('1');
  const left = result.getByTestId('left-row');
  await expect(left).toHaveCount(3);
  await expect(left.filter({ hasText: 'anh-chup-bao-cao.jpg' })).toContainText('Không phải bảng tính');
  await expect(left.filter({ hasText: 'U01 gui lai.xlsx' })).toContainText('Trùng');
  await expect(left.filter({ hasText: 'hong.xlsx' })).toContainText('Lỗi');
  await expect(result).not.toContainText('Tất cả các tệp đã vào dữ liệu');
  await app.shot('ux-import-result-mixed');
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `/tmp/shots-ux/import-result-mixed-${w}.png` });
  }

  // Undo from the history tab, then back to the import tab: the result says so.
  page.on('dialog', (d) => void d.accept());
  await page.getByRole('tab', { name: 'Lịch sử nhập' }).click();
  await page.getByTestId('batch-row').getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(page.getByTestId('batch-row')).toContainText('Đã hoàn tác');
  await page.getByRole('tab', { name: 'Nhập báo cáo' }).click();
  await expect(result.getByTestId('result-title')).toHaveText('Đã hoàn tác lần nhập này');
  await expect(result.getByTestId('result-undone')).toContainText('2 báo cáo đã bị huỷ');
  await expect(result.getByTestId('undo-batch')).toHaveCount(0);
  await expect(result).not.toContainText('đã vào dữ liệu');
  await app.shot('ux-import-result-undone');
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `/tmp/shots-ux/import-result-undone-${w}.png` });
  }
});

test('versions read plainly: "Bản 2, thay bản 1 nhận ngày …"', async ({ app, page }) => {
  const { plan, ids } = await seed(app.ctx);
  const zip = (await call(app.ctx, 'reports.templates', { planId: plan.id, unitIds: [ids.get('U01')!], zip: true })).bytes;
  const unitId = ids.get('U01')!;
  await call(app.ctx, 'reports.commit', {
    planId: plan.id,
    files: [{ file: { name: 'lan-1.xlsx', bytes: await fillTemplate(templateOf(zip, 'U01'), V) }, unitId, receivedOn: iso(-3) }],
  });
  await call(app.ctx, 'reports.commit', {
    planId: plan.id,
    files: [
      {
        file: { name: 'lan-2.xlsx', bytes: await fillTemplate(templateOf(zip, 'U01'), { ...V, 'Số buổi': 5 }) },
        unitId,
        receivedOn: iso(-1),
      },
    ],
  });
  await app.open(`#/reports?plan=${plan.id}`);
  await page.locator('[data-testid="report-row"][data-unit="U01"]').getByRole('button').click();
  const lines = page.getByRole('dialog').getByTestId('version-line');
  await expect(lines.filter({ hasText: 'Bản 2' })).toHaveText(`Bản 2, thay bản 1 nhận ngày ${iso(-3).split('-').reverse().join('/')}`);
  await expect(lines.filter({ hasText: /^Bản 1$/ })).toHaveCount(1);
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `/tmp/shots-ux/report-versions-${w}.png` });
  }
});
