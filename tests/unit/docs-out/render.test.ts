// Renders the sample .docx and .xlsx through LibreOffice to PDF (and PNG when pdftoppm exists) into
// tests/artifacts/docs-out/render, and checks pages and text. Skipped when `libreoffice` is not on PATH.
import { onPath } from '../../helpers/office';
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { buildOfficialDocx } from '../../../src-main/docs/official-docx/index';
import { buildSampleWorkbook, letterDoc, reportDoc } from './samples';

const hasLibreOffice = onPath('libreoffice');
const hasPdfToText = onPath('pdftotext');
const hasPdfToPpm = onPath('pdftoppm');
if (!hasLibreOffice) {
  console.warn(
    '[docs-out/render] SKIPPED: `libreoffice` is not on PATH (install libreoffice-writer-nogui, libreoffice-calc-nogui, poppler-utils, fonts-liberation).',
  );
}
const outDir = join(process.cwd(), 'tests', 'artifacts', 'docs-out', 'render');

function toPdf(file: string): string {
  const profile = pathToFileURL(join(tmpdir(), `lo-profile-docs-out-${process.pid}`)).href;
  execFileSync('libreoffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, file], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  const pdf = file.replace(/\.(docx|xlsx)$/, '.pdf');
  if (!existsSync(pdf)) throw new Error(`LibreOffice produced no PDF for ${file}`);
  if (hasPdfToPpm) execFileSync('pdftoppm', ['-png', '-r', '80', pdf, pdf.replace(/\.pdf$/, '')], { stdio: 'pipe' });
  return pdf;
}
const pageCount = (pdf: string): number => (readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
const pdfText = (pdf: string, page?: number): string =>
  execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', pdf, '-'], {
    encoding: 'utf8',
  }).normalize('NFC');

describe.skipIf(!hasLibreOffice)('render through LibreOffice', () => {
  it('renders the báo cáo on 2+ pages with the header, page number on page 2 only, and signature', async () => {
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, 'report.docx');
    writeFileSync(file, await buildOfficialDocx(reportDoc));
    const pdf = toPdf(file);
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(2);
    if (!hasPdfToText) return console.warn('[docs-out/render] pdftotext missing: text checks skipped');
    const all = pdfText(pdf);
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 15/BC-LĐLĐ',
      'ngày 05 tháng 01 năm 2024',
      'BÁO CÁO',
      '45.500.000',
      'Nơi nhận:',
      'Nguyễn Thị Hồng Đào',
    ])
      expect(all).toContain(s);
    expect(pdfText(pdf, 2).trim().split('\n')[0]?.trim()).toBe('2');
    expect(pdfText(pdf, 1).trim().split('\n')[0]).toContain('LĐLĐ TỈNH TÂY NINH');
  }, 180_000);

  it('renders the công văn on one page', async () => {
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, 'letter.docx');
    writeFileSync(file, await buildOfficialDocx(letterDoc));
    const pdf = toPdf(file);
    expect(pageCount(pdf)).toBe(1);
    if (hasPdfToText) expect(pdfText(pdf)).toContain('V/v đôn đốc báo cáo');
  }, 180_000);

  it('renders the wide workbook on one landscape page with header, table and signature', async () => {
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, 'wide.xlsx');
    writeFileSync(file, (await buildSampleWorkbook(10)).buffer);
    const pdf = toPdf(file);
    expect(pageCount(pdf)).toBe(1);
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(readFileSync(pdf, 'latin1'));
    expect(Number(box?.[1])).toBeGreaterThan(Number(box?.[2])); // landscape
    if (!hasPdfToText) return;
    const text = pdfText(pdf);
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'BÁO CÁO TỔNG HỢP',
      'CĐCS Công ty CP Mía đường Tây Ninh',
      'Tổng cộng',
      'Nơi nhận:',
      'Nguyễn Thị Hồng Đào',
    ])
      expect(text).toContain(s);
  }, 180_000);
});
