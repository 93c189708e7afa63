// Curating the báo cáo's narrative in the "Theo dõi & tổng hợp" tab: the proposed sentences are shown with their
// units, the user unticks one, edits one, moves one up and adds one of their own; the list is saved; the Word export contains the edited
// sentence in the new order and not the unticked one. Screenshots at 1366×768 and 1920×1080.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import type { Download } from '@playwright/test';
import { test, expect } from './fixtures';
import { call } from './report-batch';
import type { TestApp } from '../helpers/context';
import { setupPlan } from '../rpc/consolidation-fixture';

const shots = '/tmp/shots-report';

test('untick, edit and reorder the proposed sentences, then the Word report prints them that way', async ({ app, page }) => {
  test.setTimeout(120_000);
  mkdirSync(shots, { recursive: true });
  const t = { call: (name, input) => call(app.ctx, name, input) } as Pick<TestApp, 'call'> as TestApp;
  const f = await setupPlan(t);
  await f.submit(
    0,
    '2023-12-30',
    { CT01: 3 },
    {
      4: 'Tổ chức 3 buổi tuyên truyền pháp luật cho 150 công nhân khu trọ thôn 2, xã Bình An. Trao 20 suất quà cho đoàn viên khó khăn tại xã Bình An.',
    },
  );
  await f.submit(
    1,
    '2023-12-31',
    { CT01: 5 },
    {
      4: 'Vận động 45 đoàn viên hiến máu tình nguyện tại Trung tâm Y tế huyện, thu được 45 đơn vị máu.',
      13: 'Đề nghị LĐLĐ huyện mở lớp tập huấn cho 30 cán bộ công đoàn cơ sở.',
    },
  );

  await app.open(`#/reports?plan=${f.plan.id}&tab=tong-hop`);
  const results = page.locator('[data-testid="curation-section"][data-key="results"]');
  await expect(results.getByTestId('curation-item')).toHaveCount(3);
  await expect(page.getByTestId('curation-state')).toHaveText('Đang dùng đề xuất của phần mềm');
  const texts = results.getByTestId('curation-text');
  const first = await texts.nth(0).inputValue();
  const second = await texts.nth(1).inputValue();
  const third = await texts.nth(2).inputValue();
  await expect(results.getByTestId('curation-units').nth(0)).toContainText('CĐCS');

  // untick the first, edit the third, move the third up above the second
  await results.getByTestId('curation-tick').nth(0).uncheck();
  await texts.nth(2).fill(`${third.replace(/\.$/, '')}, đạt 100% kế hoạch.`);
  await results.getByTestId('curation-up').nth(2).click();
  // a sentence of the office's own, left empty first: told at the field, nothing saved until it is filled
  await page.locator('[data-testid="curation-section"][data-key="proposals"]').getByTestId('curation-add').click();
  const own = page.locator('[data-testid="curation-section"][data-key="proposals"]').getByTestId('curation-text').last();
  await expect(own).toHaveAttribute('aria-invalid', 'true');
  await own.fill('Đề nghị LĐLĐ tỉnh tổ chức sơ kết mô hình "Dân vận khéo" trong khối doanh nghiệp.');
  await expect(page.getByTestId('curation-status')).toHaveText(/Đã lưu/);
  await expect(page.getByTestId('curation-state')).toHaveText('Đã chọn cho kế hoạch này');
  await expect(texts.nth(1)).toHaveValue(/đạt 100% kế hoạch\.$/);

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.locator('#thuyet-minh').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(shots, 'curation-1366.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.locator('#thuyet-minh').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(shots, 'curation-1920.png') });

  // the list survives a reload
  await page.reload();
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  await expect(results.getByTestId('curation-text').nth(1)).toHaveValue(/đạt 100% kế hoạch\.$/);
  await expect(results.getByTestId('curation-tick').nth(0)).not.toBeChecked();

  // an edit of the sentence now last, followed at once by the export: leaving the field saves it first
  await expect(results.getByTestId('curation-text').nth(2)).toHaveValue(second);
  await results.getByTestId('curation-text').nth(2).fill('Vận động 46 đoàn viên hiến máu tình nguyện tại Trung tâm Y tế huyện.');
  const [d]: [Download, void] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
  const path = join(app.dir, d.suggestedFilename());
  await d.saveAs(path);
  const doc = (await mammoth.extractRawText({ path })).value.normalize('NFC').replace(/\s+/g, ' ');
  const edited = doc.indexOf(`${third.replace(/\.$/, '')}, đạt 100% kế hoạch (CĐCS`);
  const kept = doc.indexOf('Vận động 46 đoàn viên hiến máu tình nguyện tại Trung tâm Y tế huyện (CĐCS Trạm Y tế xã Bình An).');
  expect(edited, 'the edited sentence is in the report').toBeGreaterThan(0);
  expect(kept, 'the edited sentence now comes first').toBeGreaterThan(edited);
  expect(doc.slice(0, doc.indexOf('Nơi nhận')), 'the unticked sentence is left out').not.toContain(first.replace(/\.$/, ''));
  expect(doc, 'the last edit, made just before the export, replaced the proposal').not.toContain(second.replace(/\.$/, ''));
  expect(doc, 'the office’s own sentence, without a unit').toContain(
    '- Đề nghị LĐLĐ tỉnh tổ chức sơ kết mô hình "Dân vận khéo" trong khối doanh nghiệp. ',
  );
});
