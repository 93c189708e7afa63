// Renders the consolidated workbook, the Word report and the reminder letter through LibreOffice to PDF and
// PNG (kept in tests/artifacts/consolidation/ to look at), and checks page text. Runs only when `libreoffice` is on PATH.
import { onPath } from '../helpers/office';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { makeTestApp, type TestApp } from '../helpers/context';
import { setupPlan, submitS1 } from './consolidation-fixture';

const hasLibreOffice = onPath('libreoffice');
const outDir = join(process.cwd(), 'tests', 'artifacts', 'consolidation');

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

function render(name: string, bytes: Uint8Array): { pdf: string; text: string; pages: number } {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, name);
  writeFileSync(file, bytes);
  const profile = pathToFileURL(join(tmpdir(), `lo-profile-consolidation-${process.pid}`)).href;
  execFileSync('libreoffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, file], {
    stdio: 'pipe',
    timeout: 150_000,
  });
  const pdf = file.replace(/\.(docx|xlsx)$/, '.pdf');
  expect(existsSync(pdf)).toBe(true);
  if (onPath('pdftoppm')) execFileSync('pdftoppm', ['-png', '-r', '70', pdf, pdf.replace(/\.pdf$/, '')], { stdio: 'pipe' });
  const text = onPath('pdftotext') ? execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).normalize('NFC') : '';
  const pages = (readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  return { pdf, text, pages };
}

describe.skipIf(!hasLibreOffice)('consolidation renders through LibreOffice', () => {
  it('renders the consolidated workbook, the Word report and the công văn đôn đốc', async () => {
    const f = await setupPlan(app);
    await submitS1(f);
    const date = '2024-01-06';
    const xlsx = render('tong-hop.xlsx', (await app.call('consolidation.exportXlsx', { planId: f.plan.id, date })).bytes);
    expect(xlsx.pages).toBeGreaterThanOrEqual(4);
    if (xlsx.text)
      for (const s of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BÁO CÁO TỔNG HỢP KẾT QUẢ', 'Tỷ lệ đạt', 'Nơi nhận:', 'PHỤ LỤC 1'])
        expect(xlsx.text).toContain(s);
    const docx = render('bao-cao.docx', (await app.call('consolidation.exportDocx', { planId: f.plan.id, date })).bytes);
    expect(docx.pages).toBeGreaterThanOrEqual(2);
    if (docx.text) expect(docx.text.replace(/\s+/g, ' ')).toContain('Có 4/5 CĐCS báo cáo');
    const letter = render('cong-van-don-doc.docx', (await app.call('reminders.letter', { planId: f.plan.id, date })).file.bytes);
    expect(letter.pages).toBe(1);
    if (letter.text) expect(letter.text).toContain('V/v đôn đốc báo cáo');
    const pdf = await app.call('consolidation.exportPdf', { planId: f.plan.id, date, from: 'docx' });
    expect(new TextDecoder().decode(pdf.bytes.subarray(0, 5))).toBe('%PDF-');
  }, 300_000);
});
