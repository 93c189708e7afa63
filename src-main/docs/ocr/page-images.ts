// Page images for OCR: a photo/scan (.png/.jpg) is checked for its pixel size before anything decodes it, and a
// scanned PDF (no text layer) is rendered page by page to PNG with pdf.js (its Node canvas), at most MAX_OCR_PAGES
// pages at ~200 dpi. The same images are shown beside the form so the user can check what OCR read.
import { AppError } from '../../contract/errors';

/** Plans are a few pages; a scan of more is read up to here (the user is told). */
export const MAX_OCR_PAGES = 10;
/** Largest image OCR decodes (a 300 dpi A4 scan is ~8.7 megapixels). */
const MAX_OCR_PIXELS = 40_000_000;
const MAX_SIDE = 12_000;
/** Width a PDF page is rendered at for OCR (A4 at ~200 dpi). */
const RENDER_WIDTH = 1654;

export interface PageImage {
  bytes: Uint8Array;
  mime: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

const bad = (message: string): AppError => new AppError('bad_file', message);

/** Width and height from a PNG's IHDR or a JPEG's SOF marker; null when the header cannot be read. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0x89 && bytes[1] === 0x50) {
    if (bytes.length < 24) return null;
    return { width: dv.getUint32(16), height: dv.getUint32(20) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) {
        i++;
        continue;
      }
      const marker = bytes[i + 1] ?? 0;
      if (marker === 0xff) {
        i++;
        continue;
      }
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: dv.getUint16(i + 7), height: dv.getUint16(i + 5) };
      }
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        i += 2;
        continue;
      }
      i += 2 + dv.getUint16(i + 2);
    }
  }
  return null;
}

/** The image itself as the one page to read, after checking its size. */
export function photoPage(label: string, bytes: Uint8Array, mime: PageImage['mime']): PageImage {
  const size = imageSize(bytes);
  if (!size || size.width < 1 || size.height < 1) {
    throw bad(`Ảnh "${label}" bị hỏng hoặc không đọc được. Hãy chụp/quét lại văn bản rồi chọn lại.`);
  }
  if (size.width > MAX_SIDE || size.height > MAX_SIDE || size.width * size.height > MAX_OCR_PIXELS) {
    throw bad(
      `Ảnh "${label}" quá lớn (${size.width}×${size.height} điểm ảnh). Hãy quét ở độ phân giải 200–300 dpi hoặc thu nhỏ ảnh rồi chọn lại.`,
    );
  }
  return { bytes, mime, ...size };
}

type PdfDoc = Awaited<ReturnType<typeof import('pdfjs-dist/legacy/build/pdf.mjs').getDocument>['promise']>;
interface NodeCanvas {
  width: number;
  height: number;
  toBuffer(mime: 'image/png'): Uint8Array;
}
interface CanvasFactory {
  create(width: number, height: number): { canvas: NodeCanvas; context: CanvasRenderingContext2D };
  destroy(c: { canvas: NodeCanvas; context: CanvasRenderingContext2D }): void;
}

/** Render the first pages of an opened PDF to PNG (white background). */
export async function renderPdfPages(doc: PdfDoc, maxPages = MAX_OCR_PAGES): Promise<PageImage[]> {
  const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
  const out: PageImage[] = [];
  for (let p = 1; p <= Math.min(doc.numPages, maxPages); p++) {
    const page = await doc.getPage(p);
    const base = page.getViewport({ scale: 1 });
    let scale = Math.min(4, RENDER_WIDTH / Math.max(1, base.width));
    if (base.width * base.height * scale * scale > MAX_OCR_PIXELS) scale = Math.sqrt(MAX_OCR_PIXELS / (base.width * base.height));
    const viewport = page.getViewport({ scale });
    const width = Math.max(1, Math.min(MAX_SIDE, Math.ceil(viewport.width)));
    const height = Math.max(1, Math.min(MAX_SIDE, Math.ceil(viewport.height)));
    const target = factory.create(width, height);
    try {
      target.context.fillStyle = '#ffffff';
      target.context.fillRect(0, 0, width, height);
      await page.render({ canvasContext: target.context, viewport, canvas: target.canvas as unknown as HTMLCanvasElement }).promise;
      out.push({ bytes: new Uint8Array(target.canvas.toBuffer('image/png')), mime: 'image/png', width, height });
    } finally {
      factory.destroy(target);
      page.cleanup();
    }
  }
  return out;
}
