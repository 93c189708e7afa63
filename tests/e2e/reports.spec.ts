// Reports e2e, the app's main job: download the per-unit templates with the button, units fill them in, then
// one drop of a mixed batch (filled templates, free-form and TCVN3 workbooks, a guessed unit, an unknown
// sender, a duplicate, a newer and an older version, broken files) -> preview statuses and issues -> confirm
// the guessed unit and mapping -> commit -> result -> list (on time / late) -> report detail (versions, diff,
// hand edit, held decision) -> undo the batch from the history and see the units back to "Chưa nộp".
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { call, iso, seed, seedEarlier, writeBatch, UNITS } from './report-batch';
import { makeReport } from '../fixtures/gen/report-workbooks';

const previewRow = (page: Page, file: string) => page.locator(`[data-testid="preview-row"][data-file="${file}"]`);
/** The preview is virtualised: narrow it to one file with its search box, then read that row. */
async function findFile(page: Page, file: string) {
  await page.getByPlaceholder('Tìm theo tên tệp, đơn vị…').fill(file);
  await expect(previewRow(page, file)).toBeVisible();
  return previewRow(page, file);
}
/** The colour rendered at one point of the page: a 1x1 screenshot; its only pixel follows the PNG filter byte. */
async function pixelAt(page: Page, x: number, y: number): Promise<[number, number, number]> {
  const png = await page.screenshot({ clip: { x: Math.round(x), y: Math.round(y), width: 1, height: 1 } });
  const data: Buffer[] = [];
  for (let o = 8; o + 8 <= png.length; o += 12 + png.readUInt32BE(o)) {
    if (png.toString('latin1', o + 4, o + 8) === 'IDAT') data.push(png.subarray(o + 8, o + 8 + png.readUInt32BE(o)));
  }
  const raw = inflateSync(Buffer.concat(data));
  return [raw[1] ?? 0, raw[2] ?? 0, raw[3] ?? 0];
}
const listRow = (page: Page, code: string) => page.locator(`[data-testid="report-row"][data-unit="${code}"]`);

test('import a mixed batch of unit reports, review, commit, inspect and undo', async ({ app, page }) => {
  test.setTimeout(150_000);
  const { ids, plan } = await seed(app.ctx);
  await app.open('#/reports');
  await expect(page.getByTestId('plan-select')).toHaveValue(String(plan.id));
  await expect(page.getByTestId('reports-stats')).toContainText('12 chưa nộp');
  await expect(page.getByTestId('plan-submitted')).toHaveText('0/12');

  // 1. templates: one per unit, zipped, through the button
  await page.getByTestId('open-templates').click();
  const dialog = page.getByRole('dialog', { name: 'Tải mẫu báo cáo cho đơn vị' });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('download-templates').click()]);
  expect(download.suggestedFilename()).toMatch(/^mau-bao-cao-.*\.zip$/);
  const zip = new Uint8Array(readFileSync((await download.path())!));
  expect(Object.keys(unzipSync(zip)).sort()).toEqual(
    UNITS.map(([code]) => expect.stringMatching(new RegExp(`^bao-cao-${code}-.*\\.xlsx$`))),
  );
  await expect(dialog).toBeHidden();
  const generic = (await call(app.ctx, 'reports.templates', { planId: plan.id, unitIds: null, zip: false })).bytes;

  // earlier reports of U02 and U03 (another day's import), then the drop
  await seedEarlier(app.ctx, plan.id, ids, zip);
  await expect(page.getByTestId('plan-submitted')).toHaveText('2/12');
  const batch = await writeBatch(app.dir, plan.id, zip, generic);
  expect(batch.length).toBe(17);

  await page.getByRole('tab', { name: 'Nhập báo cáo' }).click();
  await expect(page).toHaveURL(new RegExp(`#/reports\\?plan=${plan.id}&tab=nhap$`));
  await page.getByTestId('file-input').setInputFiles(batch.map((f) => f.path));
  await expect(page.getByRole('heading', { name: 'Xem trước 17 tệp' })).toBeVisible({ timeout: 60_000 });

  // 2. preview: counts per status, and each file's status as expected
  const chip = (s: string) => page.locator(`[data-testid="preview-summary"] [data-status="${s}"]`);
  await expect(chip('duplicate')).toContainText('1');
  await expect(chip('replace')).toContainText('1');
  await expect(chip('held')).toContainText('1');
  await expect(chip('error')).toContainText('3');
  await expect(chip('confirm')).toContainText('2');
  await expect(chip('new')).toContainText('9');
  for (const f of batch) {
    const row = await findFile(page, f.name);
    const status = await row.getAttribute('data-status');
    expect([f.expect].flat(), `${f.name} is ${status}`).toContain(status);
  }
  await expect(await findFile(page, 'U01 (gui lai qua Zalo).xlsx')).toContainText('trùng nội dung');
  await expect(await findFile(page, 'bao cao cu.xls')).toContainText('Excel cũ (.xls)');
  await expect(await findFile(page, 'bao-cao-U03-ban-cu.xlsx')).toContainText('cũ hơn bản đang dùng');
  await page.getByPlaceholder('Tìm theo tên tệp, đơn vị…').fill('');
  await expect(page.getByTestId('commit-summary')).toContainText('11 tệp sẵn sàng');
  await expect(page.getByTestId('commit-summary')).toContainText('2 tệp chờ bạn xác nhận');
  await app.shot('reports-preview');

  // received date by hand: U04's file came in after the deadline
  await findFile(page, 'bao-cao-U04.xlsx');
  await page.getByLabel('Ngày nhận bao-cao-U04.xlsx').fill(iso(12));
  await page.getByLabel('Ngày nhận bao-cao-U04.xlsx').blur();

  // 3. the guessed unit and guessed row: open the file, read its issue, confirm
  const thcs = await findFile(page, 'KQ dan van THCS.xlsx');
  await expect(thcs.locator('..').locator('[data-testid="status-badge"]')).toHaveText('Cần xác nhận');
  await page.getByRole('button', { name: 'Xác nhận…' }).click();
  const panel = page.getByRole('dialog', { name: 'Tệp "KQ dan van THCS.xlsx"' });
  await expect(panel.getByTestId('file-issues')).toContainText("Sheet 'Báo cáo', ô D8: không đọc được số '12,,5'");
  await expect(panel.getByTestId('unit-current')).toContainText('Công đoàn Trường THCS Nguyễn Du');
  await expect(panel.getByRole('option', { name: /Công đoàn Trường THCS Nguyễn Du \(U10\) — \d+%/ })).toHaveCount(1);
  const guessRow = panel.getByTestId('mapping-row').filter({ hasText: 'Nhà mái ấm công đoàn được xây' });
  await expect(guessRow).toHaveClass(/guess/);
  await expect(guessRow).toContainText('Phỏng đoán');
  await expect(guessRow.getByRole('combobox').locator('option:checked')).toContainText('CT08');
  // the unit search ignores diacritics
  await panel.getByTestId('unit-search').fill('nguyen du');
  await expect(panel.getByTestId('unit-list').locator('option')).toHaveCount(1);
  await panel.getByTestId('unit-list').selectOption({ label: 'Công đoàn Trường THCS Nguyễn Du (U10)' });
  await app.shot('reports-mapping-panel');
  await panel.getByTestId('confirm-file').click();
  await expect(panel).toBeHidden();
  await expect((await findFile(page, 'KQ dan van THCS.xlsx')).locator('..').locator('[data-testid="status-badge"]')).toHaveText(
    'Đã xác nhận',
  );
  await page.getByPlaceholder('Tìm theo tên tệp, đơn vị…').fill('');
  await expect(page.getByTestId('commit-summary')).toContainText('12 tệp sẵn sàng');
  await expect(page.getByTestId('commit-summary')).toContainText('1 tệp chờ bạn xác nhận');

  // everything came by Zalo
  await page.getByLabel('Kênh nhận cho tất cả').selectOption('zalo');
  await page.getByRole('button', { name: 'Áp dụng cho tất cả' }).click();

  // 4. commit
  await page.getByTestId('commit').click();
  const result = page.getByTestId('import-result');
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result.getByTestId('result-imported')).toContainText('10');
  await expect(result.getByTestId('result-superseded')).toContainText('1');
  await expect(result.getByTestId('result-held')).toContainText('1');
  // every dropped file is counted: the 3 broken files and the duplicate the preview left out, the one still waiting
  await expect(result.getByTestId('result-error')).toContainText('3');
  await expect(result.getByTestId('result-duplicate')).toContainText('1');
  await expect(result.getByTestId('result-left')).toContainText('1');
  await expect(result).toContainText('bao-cao-U03-ban-cu.xlsx');
  await app.shot('reports-result');

  // 5. the list: everyone reported, U04 late, U03 has a held version; search without diacritics
  await result.getByRole('button', { name: 'Xem tình hình nộp báo cáo' }).click();
  await expect(page.getByTestId('plan-submitted')).toHaveText('12/12');
  await expect(page.getByTestId('reports-stats')).toContainText('11 đúng hạn');
  await expect(page.getByTestId('reports-stats')).toContainText('1 trễ hạn');
  await expect(listRow(page, 'U04')).toHaveAttribute('data-state', 'late');
  await expect(listRow(page, 'U03').locator('..')).toContainText('1 bản chờ quyết định');
  await expect(listRow(page, 'U10').locator('..')).toContainText('Zalo');
  await app.shot('reports-list');
  await page.getByTestId('reports-search').fill('kim dong');
  await expect(page.getByTestId('report-row')).toHaveCount(1);
  await expect(page.getByTestId('report-row')).toContainText('Kim Đồng');
  await page.getByTestId('reports-search').fill('');

  // 6. U02's report: version 2 against targets, diff with version 1, a value corrected by hand
  await listRow(page, 'U02').getByRole('button').click();
  const detail = page.getByRole('dialog', { name: 'Báo cáo của Công đoàn Trường Mầm non Hoa Sen' });
  await expect(detail.getByTestId('report-head')).toContainText('Bản 2');
  const ct01 = detail.locator('[data-testid="value-row"][data-code="CT01"]');
  await expect(ct01).toContainText('≥ 2');
  await expect(ct01).toContainText('Đạt');
  await expect(detail.locator('[data-testid="value-row"][data-code="CT08"]')).toContainText('Đạt');
  await detail.getByLabel('So sánh với bản').selectOption({ label: `Bản 1 (${iso(-5).split('-').reverse().join('/')})` });
  await expect(detail.getByTestId('version-diff').locator('tr.changed')).toHaveCount(3);
  await expect(detail.getByTestId('version-diff')).toContainText('+4');
  await detail.getByRole('button', { name: 'Sửa Băng rôn, pa nô, khẩu hiệu' }).click();
  await detail.getByLabel('Giá trị mới cho Băng rôn, pa nô, khẩu hiệu').fill('7');
  await detail.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(detail.locator('[data-testid="value-row"][data-code="CT05"]')).toContainText('7');
  await expect(detail.locator('[data-testid="value-row"][data-code="CT05"]').getByTestId('edited')).toHaveText('đã sửa tay');
  // The confirmation is seen above the open dialog and its backdrop, not hidden behind them.
  const saved = page.getByRole('status').filter({ hasText: 'Đã sửa số liệu' });
  await expect(saved).toBeVisible();
  // Hit testing skips content outside a modal dialog (inert), so the check reads the rendered pixel instead.
  const box = await saved.boundingBox();
  if (!box) throw new Error('toast has no box');
  // The toast's own green (#14532d), neither white (under the dialog) nor dimmed (under the backdrop).
  const [r, g, b] = await pixelAt(page, box.x + 4, box.y + box.height / 2);
  expect(
    [Math.abs(r - 0x14), Math.abs(g - 0x53), Math.abs(b - 0x2d)].every((d) => d <= 6),
    `pixel ${r},${g},${b}`,
  ).toBe(true);
  await app.shot('reports-detail');
  await detail.getByTestId('version-diff').scrollIntoViewIfNeeded();
  await app.shot('reports-detail-versions');
  await detail.getByRole('button', { name: 'Xem bản 1' }).click();
  await expect(detail.getByTestId('report-head')).toContainText('Đã thay thế');
  await detail.getByRole('button', { name: 'Đóng', exact: true }).last().click();

  // 7. U03: the older file was held; use it instead of the current one
  await listRow(page, 'U03').getByRole('button').click();
  const d3 = page.getByRole('dialog', { name: 'Báo cáo của Công đoàn Trung tâm Y tế huyện' });
  await expect(d3.getByTestId('versions')).toContainText('Chờ quyết định');
  await d3.getByRole('button', { name: 'Xem bản 2' }).click();
  await expect(d3.getByTestId('held-box')).toBeVisible();
  await app.shot('reports-detail-held');
  await d3.getByRole('button', { name: 'Dùng bản này thay bản đang dùng' }).click();
  await expect(d3.getByTestId('report-head')).toContainText('Đang dùng');
  await expect(d3.getByTestId('held-box')).toHaveCount(0);
  await d3.getByRole('button', { name: 'Đóng', exact: true }).last().click();
  await expect(listRow(page, 'U03').locator('..')).not.toContainText('chờ quyết định');

  // 8. undo the whole batch from the history: units back to "Chưa nộp", the earlier reports stay
  await page.getByRole('tab', { name: 'Lịch sử nhập' }).click();
  await expect(page.getByTestId('batch-row')).toHaveCount(2);
  await expect(page.getByTestId('batch-row').first()).toContainText('12');
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('batch-row').first().getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(page.getByTestId('batch-row').first()).toContainText('Đã hoàn tác');
  await app.shot('reports-history');
  await page.getByRole('tab', { name: 'Tình hình nộp' }).click();
  await expect(page.getByTestId('plan-submitted')).toHaveText('2/12');
  await expect(page.getByTestId('reports-stats')).toContainText('10 chưa nộp');
  for (const code of ['U01', 'U04', 'U10']) await expect(listRow(page, code)).toHaveAttribute('data-state', 'missing');
  await expect(listRow(page, 'U02')).toHaveAttribute('data-state', 'on_time');
  await expect(listRow(page, 'U03')).toHaveAttribute('data-state', 'on_time');
});

test('?plan= from another page selects the plan; a plan without targets cannot make templates', async ({ app, page }) => {
  const { plan } = await seed(app.ctx);
  const bare = await call(app.ctx, 'plans.save', { title: 'Kế hoạch chưa có chỉ tiêu', status: 'du_thao', assignment: 'all_base' });
  await app.open(`#/reports?plan=${bare.id}`);
  await expect(page.getByTestId('plan-select')).toHaveValue(String(bare.id));
  await page.getByTestId('open-templates').click();
  const dialog = page.getByRole('dialog', { name: 'Tải mẫu báo cáo cho đơn vị' });
  await expect(dialog.getByRole('alert')).toContainText('chưa có chỉ tiêu');
  await expect(dialog.getByTestId('download-templates')).toBeDisabled();
  await dialog.getByRole('button', { name: 'Huỷ' }).click();
  await page.getByTestId('plan-select').selectOption(String(plan.id));
  await expect(page).toHaveURL(new RegExp(`#/reports\\?plan=${plan.id}$`));
  await expect(page.getByTestId('plan-submitted')).toHaveText('0/12');
  // an address naming a plan that is gone (deleted since): the page moves to a plan that exists, no error is shown
  await app.open('#/reports?plan=987654');
  await expect(page.getByTestId('plan-select')).not.toHaveValue('987654');
  await expect(page.getByTestId('plan-submitted')).toBeVisible();
  await expect(page.locator('.toast.error')).toHaveCount(0);
});

test('a long preview shows progress and can be stopped; the files read so far stay reviewable', async ({ app, page }) => {
  test.setTimeout(240_000);
  const { plan } = await seed(app.ctx);
  const bytes = (await makeReport({ seed: 21, unitName: 'Bệnh viện Đa khoa huyện', planId: String(plan.id) })).bytes;
  const paths = Array.from({ length: 500 }, (_, i) => {
    const p = join(app.dir, `bao-cao-${String(i + 1).padStart(3, '0')}.xlsx`);
    writeFileSync(p, bytes);
    return p;
  });
  await app.open(`#/reports?plan=${plan.id}&tab=nhap`);
  // Every text the progress line shows is recorded in the page, so a fast server phase cannot slip between polls.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const t = document.querySelector('[data-testid="progress-text"]')?.textContent ?? '';
      if (t && seen[seen.length - 1] !== t) seen.push(t);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByTestId('file-input').setInputFiles(paths);
  const bar = page.getByRole('progressbar', { name: 'Tiến độ' });
  await expect(bar).toBeVisible();
  // Two phases: the browser reads the files from disk, then the server checks them and reports each file read.
  // A slow or busy machine may spend long in either; the server's own count must reach the page.
  await page.waitForFunction(
    () => (window as unknown as { progressSeen: string[] }).progressSeen.some((t) => /Đã đọc \d+\/500 tệp/.test(t)),
    null,
    { timeout: 150_000, polling: 50 },
  );
  await app.shot('reports-progress');
  // The click races the reading itself (a fast machine may finish first); cancellation as such is tested
  // deterministically in tests/rpc/reports-versions.test.ts. Here: progress shows, Stop works when it is in time,
  // and whatever was read stays reviewable.
  const cancelled = await page
    .getByTestId('cancel-task')
    .click({ timeout: 2_000 })
    .then(
      () => true,
      () => false,
    );
  const heading = page.getByRole('heading', { name: /^Xem trước \d+ tệp$/ });
  await expect(heading).toBeVisible({ timeout: 60_000 });
  const n = Number((await heading.textContent())?.match(/\d+/)?.[0]);
  expect(n).toBeGreaterThan(0);
  if (cancelled && n < 500)
    await expect(page.getByRole('status').filter({ hasText: 'Đã dừng' })).toContainText(`${500 - n} tệp chưa được kiểm tra`);
  else expect(n).toBe(500);
  // the first copy is new, the rest are the same bytes again
  await expect(page.locator('[data-testid="preview-summary"] [data-status="duplicate"]')).toContainText(String(n - 1));
});

test('a file over the size limit is left out by name; the rest of the batch is still read', async ({ app, page }) => {
  const { plan } = await seed(app.ctx);
  const small = join(app.dir, 'bao-cao-nho.xlsx');
  writeFileSync(small, (await makeReport({ seed: 22, unitName: 'Bệnh viện Đa khoa huyện', planId: String(plan.id) })).bytes);
  const huge = join(app.dir, 'bao-cao-co-anh.xlsx');
  writeFileSync(huge, Buffer.alloc(21 * 1024 * 1024, 1));
  await app.open(`#/reports?plan=${plan.id}&tab=nhap`);
  await page.getByTestId('file-input').setInputFiles([small, huge]);
  await expect(page.getByRole('alert').filter({ hasText: 'bao-cao-co-anh.xlsx' })).toContainText('lớn hơn 20 MB');
  await expect(page.getByRole('heading', { name: 'Xem trước 1 tệp' })).toBeVisible({ timeout: 30_000 });
});
