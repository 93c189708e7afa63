// `extract-plan` reads every plan document the app reads: a Word 97 .doc (made by LibreOffice at test time), a
// photo .jpg/.png and a scanned .pdf (rendered with pdftoppm at test time) by offline OCR. Stdout is the one JSON
// document of the contract; a scan's JSON says in `warnings` that it was read by OCR and is to be checked.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PlanExtract } from '../../src-main/contract/plan-extract';
import { findOffice } from '../helpers/office';
import { imageSize } from '../../src-main/docs/ocr/page-images';
import { cli, tempDirs } from '../helpers/cli';
import { buildPlanDocx, THANG_BINH_PLAN } from '../unit/docs/helpers/plan-docx';
import { hasPdftoppm, jpegPdf, renderPage } from '../unit/docs/helpers/scan-fixtures';

const tmp = tempDirs('danvan-cli-scan-');
const textPdf = fileURLToPath(new URL('../fixtures/plans/ke-hoach-thang-binh-text.pdf', import.meta.url));
const office = findOffice();

async function extract(path: string) {
  const r = await cli('extract-plan', path, '--json');
  expect(r.code, r.err).toBe(0);
  return PlanExtract.parse(JSON.parse(r.out));
}

describe.skipIf(!hasPdftoppm())('extract-plan on scans', () => {
  it('reads a .jpg photo and a scanned .pdf by OCR, saying so in warnings', async () => {
    const dir = tmp();
    const jpeg = renderPage(textPdf, 'jpeg', 150);
    writeFileSync(join(dir, 'anh.jpg'), jpeg);
    writeFileSync(join(dir, 'ban-quet.pdf'), jpegPdf([{ jpeg, ...(imageSize(jpeg) as { width: number; height: number }) }]));
    for (const name of ['anh.jpg', 'ban-quet.pdf']) {
      const x = await extract(join(dir, name));
      expect(x.number, name).toBe('15/KH-LĐLĐ');
      expect(x.reportDueOn, name).toBe('2019-07-31');
      expect(x.warnings[0]?.message, name).toMatch(/nhận dạng chữ \(OCR\)/);
      expect(x.warnings.find((w) => w.field === 'number')?.message, name).toMatch(/Cần kiểm tra/);
    }
  }, 180_000);
});

describe.skipIf(!office)('extract-plan on a .doc', () => {
  it('reads a Word 97–2003 plan like its .docx', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'ke-hoach.docx'), await buildPlanDocx(THANG_BINH_PLAN));
    execFileSync(
      office as string,
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'doc',
        '--outdir',
        dir,
        join(dir, 'ke-hoach.docx'),
      ],
      { timeout: 120_000, stdio: 'ignore' },
    );
    expect(readFileSync(join(dir, 'ke-hoach.doc')).length).toBeGreaterThan(0);
    const [doc, docx] = [await extract(join(dir, 'ke-hoach.doc')), await extract(join(dir, 'ke-hoach.docx'))];
    expect(doc).toEqual(docx);
  }, 150_000);
});
