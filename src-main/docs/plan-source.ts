// A plan document's text for the intake, whatever it is: .docx/.doc/.txt/text PDF read as text (read-document.ts),
// a scanned PDF rendered to page images and a photo/scan (.png/.jpg) read by offline Vietnamese OCR. OCR results
// carry their page images and confidence, so the intake can mark every field "cần kiểm tra" and show the page.
import { AppError } from '../contract/errors';
import { MAX_FILE_BYTES, MAX_FILE_MB } from '../contract/limits';
import { sniff } from '../bytes/file-sniff';
import { MAX_OCR_PAGES, photoPage, renderPdfPages, type PageImage } from './ocr/page-images';
import { recognisePages } from './ocr/recognise';
import { normaliseText, readDocumentText, type PdfDoc, type ReadOptions } from './read-document';

export interface OcrPage extends PageImage {
  /** Mean word confidence of the page, 0–100. */
  confidence: number;
}

export interface PlanSource {
  text: string;
  /** Set when the text came from OCR. */
  ocr: { pages: OcrPage[]; confidence: number; pagesInFile: number } | null;
}

/** What the intake reports while it works: pages read so far, and (once) the OCR budget it needs. */
export interface SourceProgress {
  done: number;
  total: number;
  message: string;
  /** Sent once when OCR starts: how long it may take (the gate extends its hard deadline by this). */
  ocrBudgetMs?: number;
}

/** Time allowed for OCR: start-up plus each page (a page takes ~2–10 s on an office PC). */
export const ocrBudgetMs = (pages: number): number => 30_000 + pages * 40_000;

interface SourceOptions extends ReadOptions {
  onProgress?: (p: SourceProgress) => void;
}

/** Below this mean confidence a page is a smudge, not text: refused rather than half-read. */
const MIN_OCR_CONFIDENCE = 40;

/**
 * The pages' text as one document. OCR reads Vietnamese Đ/đ as the look-alike Icelandic Ð/ð (U+00D0/U+00F0), which
 * Vietnamese never uses: they are put right so "CĐCS", "LĐLĐ" match like typed text.
 */
const join = (texts: string[]): string =>
  normaliseText(texts.join('\n\n'))
    .replace(/\u00d0/g, 'Đ')
    .replace(/\u00f0/g, 'đ');

/** Rendering a scanned PDF's pages before OCR (a few seconds each on a slow PC). */
const RENDER_MS_PER_PAGE = 5_000;

/** OCR of the pages; `announce`: this call tells the gate its budget (a scanned PDF announced it before rendering). */
async function ocr(
  label: string,
  pages: PageImage[],
  pagesInFile: number,
  onProgress: (p: SourceProgress) => void,
  announce = true,
): Promise<PlanSource> {
  const start = { done: 0, total: pages.length, message: `Đang nhận dạng chữ (OCR) "${label}"…` };
  onProgress(announce ? { ...start, ocrBudgetMs: ocrBudgetMs(pages.length) } : start);
  let read;
  try {
    read = await recognisePages(
      pages.map((p) => p.bytes),
      ({ page, pages: n, fraction }) =>
        onProgress({ done: page - 1 + fraction, total: n, message: `Đang nhận dạng chữ trang ${page}/${n}…` }),
    );
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(
      'bad_file',
      `Không nhận dạng được chữ trong "${label}". Hãy quét/chụp lại rõ hơn, hoặc dùng bản .docx/.pdf có chữ của văn bản.`,
    );
  }
  const text = join(read.map((r) => r.text));
  if (text.replace(/\s+/g, '').length < 20) {
    throw new AppError(
      'bad_file',
      `Không đọc được chữ nào trong "${label}" (ảnh mờ, nghiêng hoặc không phải văn bản). Hãy quét/chụp lại thẳng, rõ nét rồi chọn lại.`,
    );
  }
  const ocrPages = pages.map((p, i) => ({ ...p, confidence: Math.round(read[i]?.confidence ?? 0) }));
  const confidence = Math.round(ocrPages.reduce((s, p) => s + p.confidence, 0) / Math.max(1, ocrPages.length));
  if (confidence < MIN_OCR_CONFIDENCE) {
    throw new AppError(
      'bad_file',
      `Ảnh trong "${label}" quá mờ hoặc quá nhỏ để đọc chữ (độ tin cậy ${confidence}%). Hãy quét lại ở 200–300 dpi hoặc chụp thẳng, rõ nét rồi chọn lại.`,
    );
  }
  return { text, ocr: { pages: ocrPages, confidence, pagesInFile } };
}

export async function readPlanSource(name: string, bytes: Uint8Array, options: SourceOptions = {}): Promise<PlanSource> {
  const label = name.trim() || 'Tệp';
  const onProgress = options.onProgress ?? (() => undefined);
  const kind = bytes.byteLength > 0 ? sniff(bytes) : 'binary';
  if (kind === 'png' || kind === 'jpg') {
    if (bytes.byteLength > MAX_FILE_BYTES)
      throw new AppError('bad_file', `Ảnh "${label}" lớn hơn ${MAX_FILE_MB} MB. Hãy chụp/quét ở độ phân giải thấp hơn rồi chọn lại.`);
    const page = photoPage(label, bytes, kind === 'png' ? 'image/png' : 'image/jpeg');
    return ocr(label, [page], 1, onProgress);
  }
  let scanned: PlanSource | null = null;
  const text = await readDocumentText(name, bytes, {
    ...options,
    onScannedPdf: async (doc: PdfDoc) => {
      const n = Math.min(doc.numPages, MAX_OCR_PAGES);
      // The budget is announced before rendering, so the gate's deadline covers rendering and OCR together.
      onProgress({
        done: 0,
        total: n,
        message: `"${label}" là bản quét: đang chuyển các trang thành ảnh…`,
        ocrBudgetMs: ocrBudgetMs(n) + n * RENDER_MS_PER_PAGE,
      });
      const pages = await renderPdfPages(doc, MAX_OCR_PAGES);
      scanned = await ocr(label, pages, doc.numPages, onProgress, false);
      return scanned.text;
    },
  });
  return scanned ?? { text, ocr: null };
}
