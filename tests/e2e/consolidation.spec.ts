// Tracking & consolidation e2e: 12 units and a plan (report-batch seed), reports imported through dispatch
// (6 on time, 1 late, 5 missing) plus an earlier campaign for the trend; the "Theo dõi & tổng hợp" tab:
// counts and a total, reminder letter (.docx) + Zalo text + recorded reminder, Excel/Word/PDF exports, the
// upward package, the province workbook filled by a cell map; the documents rendered to PDF and PNG with
// LibreOffice + pdftoppm as artifacts; then the Overview charts (canvas drawn, table toggle shows numbers).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Download, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { call, fillTemplate, iso, seed, templateOf } from './report-batch';
import { PROFILE } from '../rpc/consolidation-fixture';

const shotsDir = fileURLToPath(new URL('../artifacts/screenshots/', import.meta.url));
const V = (a: number, b: number, c: number) => ({
  'Số buổi': a,
  'Băng rôn': b,
  'Nhà "Mái ấm': c,
  'Sửa chữa nhà': 1,
  'Quà tặng': 5,
  'Chiếu phim': 2,
});
/** Số buổi per unit: U01..U06 on time, U07 late; CT01 total = 23. */
const SENT: [string, number, string][] = [
  ['U01', 3, iso(-2)],
  ['U02', 5, iso(-1)],
  ['U03', 4, iso(0)],
  ['U04', 2, iso(0)],
  ['U05', 1, iso(-3)],
  ['U06', 6, iso(0)],
  ['U07', 2, iso(12)],
];

/** Narrative paragraphs into the template's "Thuyết minh" sheet (rows 4 results, 7 practices, 10 limits, 13 proposals). */
async function withNarrative(bytes: Uint8Array, text: Partial<Record<4 | 7 | 10 | 13, string>>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  for (const [row, t] of Object.entries(text)) wb.getWorksheet('Thuyết minh')!.getCell(Number(row), 1).value = t;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
const NARRATIVE: Record<string, Partial<Record<4 | 7 | 10 | 13, string>>> = {
  U01: {
    4: 'Tổ chức 3 buổi tuyên truyền pháp luật cho phụ huynh học sinh, thu hút 240 lượt người dự.',
    10: 'Kinh phí hoạt động còn hạn chế.',
  },
  U02: {
    7: 'Mô hình "Bữa sáng yêu thương" cho trẻ khó khăn, duy trì hằng tuần.',
    13: 'Đề nghị LĐLĐ huyện hỗ trợ kinh phí sửa chữa nhà cho đoàn viên.',
  },
  U04: {
    4: 'Phối hợp với chủ doanh nghiệp tặng 5 suất quà cho công nhân có hoàn cảnh khó khăn.',
    10: 'Công nhân làm ca, khó tập trung đông.',
  },
};

/** Close the corner messages so a screenshot shows the page. */
async function closeToasts(page: Page) {
  const close = page.getByRole('button', { name: 'Đóng thông báo' });
  for (let i = 0; i < 20 && (await close.count()) > 0; i++)
    await close
      .first()
      .click({ timeout: 1000 })
      .catch(() => {});
}

/** Scroll a section of the tab to the top of the view and take the fixture's screenshot. */
async function shotOf(app: { shot: (n: string) => Promise<void> }, page: Page, id: string, name: string) {
  await closeToasts(page);
  await page.locator(`#${id}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await app.shot(name);
}

async function save(page: Page, click: () => Promise<void>, dir: string): Promise<{ name: string; path: string }> {
  const [d]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(dir, d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), path };
}

/** .docx/.xlsx → PDF (LibreOffice, throw-away profile) → PNG pages at 60 dpi under tests/artifacts/screenshots. */
function render(file: string, name: string, outDir: string): string[] {
  const profile = `file:///tmp/lo-${Math.random().toString(36).slice(2)}`;
  execFileSync('libreoffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, file], {
    timeout: 120_000,
    stdio: 'ignore',
  });
  rmSync(fileURLToPath(profile), { recursive: true, force: true });
  const pdf = join(
    outDir,
    file
      .split('/')
      .pop()!
      .replace(/\.(docx|xlsx)$/, '.pdf'),
  );
  expect(existsSync(pdf), `${pdf} rendered`).toBe(true);
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(outDir, name)]);
  return readdirSync(outDir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => {
      copyFileSync(join(outDir, f), join(shotsDir, f));
      return f;
    });
}

test('tracking board, reminders, consolidated exports, upward workbook, and overview charts', async ({ app, page }) => {
  test.setTimeout(180_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await call(app.ctx, 'settings.save', { ...PROFILE, modelRegistrationDeadline: '03-13' });
  const { ids, plan, ind } = await seed(app.ctx);
  const zip = (await call(app.ctx, 'reports.templates', { planId: plan.id, unitIds: [...ids.values()], zip: true })).bytes;
  const files = [];
  for (const [code, a, day] of SENT)
    files.push({
      file: {
        name: `bao-cao-${code}.xlsx`,
        bytes: await withNarrative(await fillTemplate(templateOf(zip, code), V(a, 1, 1)), NARRATIVE[code] ?? {}),
      },
      unitId: ids.get(code)!,
      receivedOn: day,
    });
  const res = await call(app.ctx, 'reports.commit', { planId: plan.id, files });
  expect(res.files.map((f) => f.status)).toEqual(SENT.map(() => 'imported'));
  // An earlier, closed campaign with the same indicator, for the trend chart.
  const earlier = await call(app.ctx, 'plans.save', {
    title: 'Phối hợp làm công tác dân vận đợt I',
    periodLabel: 'Đợt I',
    status: 'da_tong_ket',
    startsOn: iso(-200),
    reportDueOn: iso(-170),
    assignment: 'all_base',
    targets: [{ indicatorId: ind('CT01').id, min: 10 }],
  });
  const tpl1 = (await call(app.ctx, 'reports.templates', { planId: earlier.id, unitIds: [ids.get('U01')!], zip: false })).bytes;
  await call(app.ctx, 'reports.commit', {
    planId: earlier.id,
    files: [
      { file: { name: 'dot1.xlsx', bytes: await fillTemplate(tpl1, { 'Số buổi': 14 }) }, unitId: ids.get('U01')!, receivedOn: iso(-171) },
    ],
  });

  // 1. the board
  await app.open(`#/reports?plan=${plan.id}&tab=tong-hop`);
  await expect(page.getByRole('tab', { name: 'Theo dõi & tổng hợp' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('kpi-expected')).toHaveText('12');
  await expect(page.getByTestId('kpi-on-time')).toHaveText('6');
  await expect(page.getByTestId('kpi-late')).toHaveText('1');
  await expect(page.getByTestId('kpi-missing')).toHaveText('5');
  await expect(page.getByTestId('kpi-completeness')).toHaveText('58,3%');
  await expect(page.locator('[data-testid="total-row"][data-code="CT01"] [data-testid="total-value"]')).toHaveText('23');
  await expect(page.getByTestId('totals-footnote')).toContainText('Công đoàn Trường THPT Dương Minh Châu');
  await page.getByTestId('track-filter-late').click();
  await expect(page.getByTestId('track-row')).toHaveCount(1);
  await expect(page.getByTestId('track-row')).toHaveAttribute('data-unit', 'U07');
  await page.getByTestId('track-filter-missing').click();
  await expect(page.getByTestId('track-row')).toHaveCount(5);
  await page.getByTestId('track-filter-all').click();
  await app.shot('consolidation-board');

  const dir = join(app.dir, 'downloads');
  mkdirSync(dir, { recursive: true });
  // 2. reminders: letter (.docx, recorded), Zalo text, then a Zalo reminder recorded by hand
  const letter = await save(page, () => page.getByTestId('reminder-letter').click(), dir);
  expect(letter.name).toMatch(/^cong-van-don-doc-.*\.docx$/);
  await expect(page.getByTestId('reminder-text')).toHaveValue(/Kính gửi BCH .*Công đoàn Bệnh viện Đa khoa huyện/);
  await expect(page.getByTestId('reminder-history').locator('tbody tr')).toHaveCount(5);
  await page.getByTestId('reminder-record').click();
  await expect(page.getByTestId('reminder-history').locator('tbody tr')).toHaveCount(10);
  await expect(page.locator('[data-testid="track-row"][data-unit="U08"]')).toContainText('2 lần');
  await page.getByTestId('history-unit').selectOption({ label: 'Công đoàn Bệnh viện Đa khoa huyện (2)' });
  await expect(page.getByTestId('reminder-history').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('reminder-history').locator('tbody tr').nth(1)).toContainText('Công văn');
  await shotOf(app, page, 'don-doc', 'consolidation-reminders');

  // 3. exports
  const xlsx = await save(page, () => page.getByTestId('export-xlsx').click(), dir);
  expect(xlsx.name).toMatch(/^tong-hop-.*\.xlsx$/);
  const docx = await save(page, () => page.getByTestId('export-docx').click(), dir);
  expect(docx.name).toMatch(/^bao-cao-.*\.docx$/);
  const missing = await save(page, () => page.getByTestId('export-missing').click(), dir);
  expect(missing.name).toMatch(/^chua-nop-nop-tre-.*\.xlsx$/);
  const pdf = await save(page, () => page.getByTestId('export-pdf').click(), dir); // rendered in the app, no LibreOffice
  expect(pdf.name).toMatch(/\.pdf$/);
  const pack = await save(page, () => page.getByTestId('upward-package').click(), dir);
  expect(pack.name).toMatch(/^bao-cao-.*\.xlsx$/);

  // 4. province workbook by cell map: CT01 total → 'Biểu 01'!C5, submitted units → C6
  const up = page.locator('#cap-tren');
  await up.getByTestId('cell-map-add').click();
  await up.getByLabel('Chỉ tiêu dòng 1').selectOption('CT01');
  await up.getByLabel('Sheet dòng 1').fill('Biểu 01');
  await up.getByLabel('Ô dòng 1').fill('c5');
  await up.getByTestId('cell-map-add').click();
  await up.getByLabel('Chỉ tiêu dòng 2').selectOption('#submitted');
  await up.getByLabel('Ô dòng 2').fill('C6');
  await up.getByTestId('cell-map-save').click();
  await expect(up.getByLabel('Ô dòng 1')).toHaveValue('C5');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Biểu 01').getCell('A5').value = 'Số buổi tuyên truyền';
  const provPath = join(dir, 'mau-tinh.xlsx');
  await wb.xlsx.writeFile(provPath);
  const filled = await save(page, () => up.getByTestId('file-input').setInputFiles(provPath), dir);
  await expect(up.getByTestId('fill-result')).toContainText('Đã điền 2 ô');
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(filled.path);
  expect(back.getWorksheet('Biểu 01')!.getCell('C5').value).toBe(23);
  expect(back.getWorksheet('Biểu 01')!.getCell('C6').value).toBe(7);
  await shotOf(app, page, 'tong-hop', 'consolidation-totals');
  await shotOf(app, page, 'bang-chi-tiet', 'consolidation-matrix');
  await expect(page.getByTestId('narrative')).toContainText('Bữa sáng yêu thương');
  await shotOf(app, page, 'thuyet-minh', 'consolidation-narrative');
  await shotOf(app, page, 'cap-tren', 'consolidation-upward');

  // 5. the documents as a reader sees them
  if (spawnSync('sh', ['-c', 'command -v libreoffice']).status !== 0) {
    console.log('LibreOffice (libreoffice) không có trên PATH: bỏ qua bước chuyển tài liệu sang PDF/PNG (CI có cài).');
  } else {
    const out = join(tmpdir(), `danvan-render-${Date.now()}`);
    mkdirSync(out, { recursive: true });
    mkdirSync(shotsDir, { recursive: true });
    expect(render(letter.path, 'consolidation-render-letter', out).length).toBeGreaterThan(0);
    expect(render(docx.path, 'consolidation-render-docx', out).length).toBeGreaterThan(0);
    expect(render(xlsx.path, 'consolidation-render-xlsx', out).length).toBeGreaterThan(0);
    rmSync(out, { recursive: true, force: true });
  }

  // 6. overview charts: three canvases drawn, each readable as a table
  await app.open('#/overview');
  const dash = page.getByTestId('dashboard');
  await expect(dash.locator('canvas')).toHaveCount(3);
  for (const c of ['chart-completeness', 'chart-targets', 'chart-trend']) {
    const box = await dash.getByTestId(c).locator('canvas').boundingBox();
    expect(box?.height ?? 0, `${c} has a size`).toBeGreaterThan(100);
  }
  await app.shot('overview-charts');
  await dash.getByTestId('chart-completeness-toggle').click();
  const table = dash.getByTestId('chart-completeness-table');
  await expect(table.locator('tbody tr').filter({ hasText: 'Đợt II' })).toContainText(/12\s*7\s*6\s*58,3%/);
  await dash.getByTestId('chart-targets-toggle').click();
  await expect(dash.getByTestId('chart-targets-table').locator('tr').filter({ hasText: 'Số buổi' })).toContainText('23');
  await dash.getByTestId('chart-trend-toggle').click();
  await expect(dash.getByTestId('chart-trend-table')).toContainText('14');
  await expect(dash.getByTestId('chart-trend-table')).toContainText('23');
  await app.shot('overview-charts-tables');
});
