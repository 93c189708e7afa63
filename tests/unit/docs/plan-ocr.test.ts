// Offline OCR of scanned plans. A page of the committed Thăng Bình text PDF is rendered at test time (pdftoppm) to
// a PNG, and its JPEG wrapped in an image-only PDF (a scan). OCR must give the same fields as the text intake of the
// same plan, with OCR noise allowed only where we decided:
//   exact: number, issuedOn, place, issuer, title, basis numbers/dates, period, reportDueOn, signer, and each
//          target's min, max and unit;
//   near:  a target's sentence and parentIssuer (a diacritic misread: "quả" for "quà", "TĨNH" for "TỈNH"): at most 2
//          characters off; recipients: as many as in the text, all but one within 2 characters (the last line
//          "- Lưu: VT." is small print, read as "bưu: VỊ" or worse: the user checks it against the page).
// Nothing is fetched: tesseract's files are local paths, and the test runs with fetch stubbed to throw.
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../src-main/contract/errors';
import type { PlanExtract } from '../../../src-main/contract/plan-extract';
import { extractPlan } from '../../../src-main/docs/extract-plan/index';
import { imageSize, MAX_OCR_PAGES, photoPage, renderPdfPages } from '../../../src-main/docs/ocr/page-images';
import { ocrPaths, ocrWorkerOptions, unpacked } from '../../../src-main/docs/ocr/ocr-options';
import { readPlanSource, type SourceProgress } from '../../../src-main/docs/plan-source';
import { readDocumentText } from '../../../src-main/docs/read-document';
import { hasPdftoppm, jpegPdf, renderPage } from './helpers/scan-fixtures';

const textPdf = fileURLToPath(new URL('../../fixtures/plans/ke-hoach-thang-binh-text.pdf', import.meta.url));
const canRender = hasPdftoppm();
if (!canRender) console.warn('plan-ocr: pdftoppm (poppler-utils) không có trên máy này — bỏ qua các phép thử OCR trên trang quét.');

/** Edit distance (small strings). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  return (d[a.length] as number[])[b.length] as number;
}

function expectSameFields(ocr: PlanExtract, text: PlanExtract): void {
  for (const k of ['documentType', 'number', 'issuedOn', 'place', 'issuer', 'title', 'period', 'reportDueOn', 'signer'] as const) {
    expect(ocr[k], k).toEqual(text[k]);
  }
  expect(ocr.targets.map((t) => [t.min, t.max, t.unit])).toEqual(text.targets.map((t) => [t.min, t.max, t.unit]));
  ocr.targets.forEach((t, i) => expect(distance(t.text, text.targets[i]?.text ?? '')).toBeLessThanOrEqual(2));
  expect(ocr.basis.map((b) => [b.number, b.issuedOn])).toEqual(text.basis.map((b) => [b.number, b.issuedOn]));
  expect(distance(ocr.parentIssuer ?? '', text.parentIssuer ?? '')).toBeLessThanOrEqual(2);
  expect(ocr.recipients).toHaveLength(text.recipients.length);
  const near = ocr.recipients.filter((r, i) => distance(r, text.recipients[i] ?? '') <= 2).length;
  expect(near).toBeGreaterThanOrEqual(text.recipients.length - 1);
}

describe('OCR files are local', () => {
  it('points tesseract at files on disk, never a URL, and writes no cache', () => {
    const o = ocrWorkerOptions();
    for (const p of [o.langPath, o.workerPath, o.corePath]) {
      expect(isAbsolute(p)).toBe(true);
      expect(p).not.toMatch(/^[a-z]+:\/\//i);
      expect(existsSync(p)).toBe(true);
    }
    expect(existsSync(join(ocrPaths().langPath, 'vie.traineddata.gz'))).toBe(true);
    expect(o.cacheMethod).toBe('none');
  });

  it('uses the unpacked copy of files inside app.asar (worker threads and wasm need real files)', () => {
    expect(unpacked('C:\\App\\resources\\app.asar\\node_modules\\tesseract.js\\x.js')).toBe(
      'C:\\App\\resources\\app.asar.unpacked\\node_modules\\tesseract.js\\x.js',
    );
    expect(unpacked('/opt/dan-van/resources/app.asar/node_modules/a')).toBe('/opt/dan-van/resources/app.asar.unpacked/node_modules/a');
    expect(unpacked('/work/node_modules/a')).toBe('/work/node_modules/a');
  });
});

describe('image checks before decoding', () => {
  it('reads PNG and JPEG sizes from their headers and refuses a giant image', () => {
    const png = new Uint8Array(33);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(png.buffer).setUint32(16, 30_000);
    new DataView(png.buffer).setUint32(20, 30_000);
    expect(imageSize(png)).toEqual({ width: 30_000, height: 30_000 });
    expect(() => photoPage('anh.png', png, 'image/png')).toThrow(/quá lớn/);
    expect(() => photoPage('hong.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 2]), 'image/jpeg')).toThrow(/hỏng/);
  });
});

describe.skipIf(!canRender)('OCR of a scanned plan', () => {
  let text: PlanExtract;
  beforeAll(async () => {
    text = extractPlan(await readDocumentText('ke-hoach.pdf', new Uint8Array((await import('node:fs')).readFileSync(textPdf))));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('a photo (.png) of the page gives the fields of the text intake, with no network', async () => {
    vi.stubGlobal('fetch', () => {
      throw new Error('network used');
    });
    const progress: SourceProgress[] = [];
    const r = await readPlanSource('anh-ke-hoach.png', renderPage(textPdf, 'png', 150), { onProgress: (p) => progress.push(p) });
    expect(r.ocr?.pages).toHaveLength(1);
    expect(r.ocr?.pages[0]?.mime).toBe('image/png');
    expect(r.ocr?.confidence).toBeGreaterThan(60);
    expectSameFields(extractPlan(r.text), text);
    expect(progress[0]?.ocrBudgetMs).toBeGreaterThan(0);
    expect(progress.at(-1)?.message).toMatch(/trang 1\/1/);
  }, 120_000);

  it('a scanned PDF (images only) is rendered to page images and read the same way', async () => {
    const jpeg = renderPage(textPdf, 'jpeg', 150);
    const size = imageSize(jpeg) as { width: number; height: number };
    const progress: SourceProgress[] = [];
    const r = await readPlanSource('ban-quet.pdf', jpegPdf([{ jpeg, ...size }]), { onProgress: (p) => progress.push(p) });
    // The budget is announced once, before the pages are rendered, so the gate's deadline covers both.
    expect(progress[0]?.message).toMatch(/bản quét/);
    expect(progress.filter((p) => p.ocrBudgetMs).map((p) => p.message)).toEqual([progress[0]?.message]);
    expect(r.ocr?.pages).toHaveLength(1);
    expect(r.ocr?.pages[0]?.mime).toBe('image/png');
    expect(r.ocr?.pagesInFile).toBe(1);
    expectSameFields(extractPlan(r.text), text);
  }, 120_000);

  it('renders at most the page cap of a long scan, as PNG at about 200 dpi', async () => {
    const jpeg = renderPage(textPdf, 'jpeg', 50);
    const size = imageSize(jpeg) as { width: number; height: number };
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({
      data: jpegPdf(Array.from({ length: 3 }, () => ({ jpeg, ...size }))),
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
    try {
      const pages = await renderPdfPages(doc, 2);
      expect(pages).toHaveLength(2);
      expect(pages.every((p) => p.mime === 'image/png' && p.width === 1654 && p.height > 2000)).toBe(true);
      expect(MAX_OCR_PAGES).toBe(10);
    } finally {
      await doc.destroy();
    }
  });

  it('a smudged scan is refused, saying to scan again', async () => {
    const err = await readPlanSource(
      'trang-trang.pdf',
      jpegPdf([{ jpeg: renderPage(textPdf, 'jpeg', 20), width: 166, height: 234 }]),
    ).catch((e: unknown) => e);
    // At 20 dpi the page is a grey smudge: OCR finds letter-like noise at a low confidence, refused.
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/quá mờ.*quét lại/);
  }, 120_000);
});
