// Plan document intake: bytes of a .docx / text .pdf / .txt -> NFC plain text, by content sniffing, with size
// caps before anything is inflated (real inflated sizes of every .docx part, every compressed PDF stream), a page
// cap and a PDF time limit. Anything unusable is an AppError('bad_file') saying what to do. Run behind the gate
// (gate/isolated.ts: worker thread with a heap limit and a hard timeout).
import { AppError } from '../contract/errors';
import { MAX_FILE_BYTES, MAX_FILE_MB } from '../contract/limits';
import { DEFAULT_LIMITS, XlsxError, type ReadLimits } from '../bytes/limits';
import { guardXml } from '../bytes/xml';
import { openZip, readEntry } from '../bytes/zip';
import { sniff, startsWith } from '../bytes/file-sniff';
import { docxRawText } from './docx-text';
import { EncryptedWordDoc, wordDocText } from './doc-text';
import { checkPdfStreams } from './pdf-streams';

export interface ReadOptions {
  /** Give up on a PDF after this long (ms). */
  pdfTimeoutMs?: number;
  /** Read at most this many PDF pages (plans are a few pages; the rest is ignored). */
  maxPdfPages?: number;
  /**
   * A PDF without a text layer (a scan) is handed here, still open, instead of being refused: the plan intake
   * renders its pages and reads them by OCR (docs/plan-source.ts). Its own time limit applies, not pdfTimeoutMs.
   */
  onScannedPdf?: (doc: PdfDoc) => Promise<string>;
}

/** A .docx: parts as inflated (real bytes, never the declared sizes); document.xml of a long plan is ~1–2 MB. */
const DOCX_LIMITS: ReadLimits = {
  ...DEFAULT_LIMITS,
  maxFileBytes: MAX_FILE_BYTES,
  maxEntries: 2_000,
  maxEntryBytes: 40 * 1024 * 1024,
  maxTotalBytes: 120 * 1024 * 1024,
};
const MAX_DOCUMENT_XML_BYTES = 16 * 1024 * 1024;
const MAX_TEXT_BYTES = 10 * 1024 * 1024;
const MIN_PDF_TEXT_CHARS = 20;

const bad = (message: string): AppError => new AppError('bad_file', message);

export async function readDocumentText(name: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<string> {
  const label = name.trim() || 'Tệp';
  if (bytes.byteLength === 0) throw bad(`Tệp "${label}" rỗng (0 byte). Hãy mở lại văn bản gốc, lưu lại rồi chọn lại tệp.`);
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw bad(`Tệp "${label}" lớn hơn ${MAX_FILE_MB} MB. Hãy lưu văn bản không kèm ảnh, hoặc chỉ gửi phần chữ (.docx).`);
  }
  const kind = sniff(bytes);
  let text: string;
  switch (kind) {
    case 'docx':
      text = await readDocx(label, bytes);
      break;
    case 'pdf':
      text = await readPdf(label, bytes, options);
      break;
    case 'text':
      if (bytes.byteLength > MAX_TEXT_BYTES) throw bad(`Tệp văn bản "${label}" quá lớn để là một kế hoạch. Hãy kiểm tra lại tệp.`);
      text = decodeText(bytes);
      break;
    case 'doc':
      text = await readWordDoc(label, bytes);
      break;
    case 'ole-encrypted':
      throw bad(
        `Tệp "${label}" có đặt mật khẩu. Hãy mở bằng Word, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ tài liệu), lưu thành .docx rồi chọn lại.`,
      );
    case 'rtf':
      throw bad(`Tệp "${label}" là định dạng RTF. Hãy mở bằng Word và "Lưu thành .docx", rồi chọn lại tệp.`);
    case 'ole-other':
      // Named .doc but no Word stream found: a damaged Word file far more often than a renamed spreadsheet.
      if (/\.doc$/i.test(label)) throw badWordDoc(label);
      throw bad(
        `Tệp "${label}" là tệp Office cũ nhưng không phải văn bản Word (có thể là bảng tính .xls). Hãy chọn tệp kế hoạch dạng .doc, .docx, .pdf hoặc .txt.`,
      );
    case 'zip-other':
      throw bad(
        `Tệp "${label}" không phải văn bản Word (.docx) — có thể là bảng tính Excel hoặc tệp nén. Hãy chọn tệp kế hoạch dạng .docx, .pdf hoặc .txt.`,
      );
    case 'png':
    case 'jpg':
      throw bad(
        `Tệp "${label}" là ảnh. Hãy đọc ảnh văn bản ở mục "Tạo từ văn bản" của trang Kế hoạch (nhận dạng chữ), hoặc dùng bản .docx/.pdf có chữ.`,
      );
    default:
      throw bad(`Không nhận ra loại tệp "${label}". Hãy chọn văn bản kế hoạch dạng .docx, .doc, .pdf, .txt hoặc ảnh chụp .png/.jpg.`);
  }
  const out = normaliseText(text);
  if (!out.replace(/\s+/g, '')) throw bad(`Tệp "${label}" không có nội dung chữ. Hãy kiểm tra lại văn bản gốc.`);
  return out;
}

/** A line without its trailing spaces and tabs (a backwards scan: linear, unlike /[ \t]+$/ on long blank runs). */
function trimBlanksEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
  return line.slice(0, end);
}

export function normaliseText(s: string): string {
  return (
    s
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      .replace(/\u0000/g, '')
      // A tab (Word's header "Số: 15/KH-LĐLĐ<tab>Thăng Bình, ngày ...") separates columns like a wide gap does.
      .replace(/\t/g, '   ')
      // Trailing blanks per line, by trimEnd: the regex /[ \t]+$/gm is quadratic on long runs of spaces.
      .split('\n')
      .map(trimBlanksEnd)
      .join('\n')
      .replace(/\n{4,}/g, '\n\n\n')
      .trim()
  );
}

// ---------- .txt ----------

function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const n = Math.min(bytes.length, 65536);
  let nulEven = 0;
  let nulOdd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) nulEven++;
    else nulOdd++;
  }
  if (nulOdd > n / 4 && nulEven < n / 50) return new TextDecoder('utf-16le').decode(bytes);
  if (nulEven > n / 4 && nulOdd < n / 50) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: older Windows tools save Vietnamese text as code page 1258.
    return new TextDecoder('windows-1258').decode(bytes);
  }
}

// ---------- .docx ----------

async function readDocx(label: string, bytes: Uint8Array): Promise<string> {
  const odd = `Tệp "${label}" có cấu trúc bất thường (quá nhiều hoặc quá lớn khi giải nén), không thể mở an toàn. Hãy lưu lại văn bản bằng Word rồi chọn lại.`;
  try {
    const zip = openZip(bytes, DOCX_LIMITS);
    const doc = zip.entries.get('word/document.xml');
    if (!doc) throw bad(`Tệp "${label}" không phải văn bản Word (.docx) hợp lệ. Hãy chọn tệp kế hoạch dạng .docx, .pdf hoặc .txt.`);
    if (doc.size > MAX_DOCUMENT_XML_BYTES) throw bad(odd);
    readEntry({ ...zip, limits: { ...DOCX_LIMITS, maxEntryBytes: MAX_DOCUMENT_XML_BYTES } }, doc);
    // Every part once, real bytes counted, before mammoth (which trusts the declared sizes) sees the file; no XML
    // part may declare a DTD or entities (billion laughs, XXE).
    const probe = { ...zip, inflated: 0 };
    for (const e of zip.entries.values()) {
      const part = readEntry(probe, e);
      if (/\.(xml|rels)$/i.test(e.name)) guardXml(part, e.name);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (e instanceof XlsxError && (e.code === 'truncated' || e.code === 'zip-unsupported')) {
      throw bad(`Tệp "${label}" bị hỏng (không đọc được cấu trúc .docx). Hãy mở bằng Word, lưu lại thành .docx rồi chọn lại.`);
    }
    if (e instanceof XlsxError && e.code === 'dtd') {
      throw bad(
        `Tệp "${label}" chứa khai báo DTD/thực thể XML (dấu hiệu tệp độc hại), không mở. Hãy mở bằng Word, lưu lại thành .docx rồi chọn lại.`,
      );
    }
    if (e instanceof XlsxError && e.code === 'encrypted') {
      throw bad(
        `Tệp "${label}" có đặt mật khẩu. Hãy mở bằng Word, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ tài liệu), lưu thành .docx rồi chọn lại.`,
      );
    }
    throw bad(odd);
  }
  try {
    return await docxRawText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    throw bad(`Tệp "${label}" bị hỏng, không đọc được nội dung. Hãy mở bằng Word, lưu lại thành .docx rồi chọn lại.`);
  }
}

// ---------- .doc (Word 97–2003) ----------

const badWordDoc = (label: string): AppError =>
  bad(
    `Tệp Word cũ (.doc) "${label}" bị hỏng hoặc có đặt mật khẩu, không đọc được nội dung. Hãy mở bằng Word, chọn Tệp > Lưu thành > "Word Document (.docx)" rồi chọn lại tệp .docx.`,
  );

async function readWordDoc(label: string, bytes: Uint8Array): Promise<string> {
  try {
    return await wordDocText(bytes);
  } catch (e) {
    if (e instanceof EncryptedWordDoc) {
      throw bad(
        `Tệp Word cũ (.doc) "${label}" có đặt mật khẩu. Hãy mở bằng Word, bỏ mật khẩu, lưu thành .docx (Tệp > Lưu thành > "Word Document") rồi chọn lại.`,
      );
    }
    throw badWordDoc(label);
  }
}

// ---------- .pdf ----------

interface PositionedText {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

async function readPdf(label: string, bytes: Uint8Array, options: ReadOptions): Promise<string> {
  if (!checkPdfStreams(bytes)) {
    throw bad(
      `Tệp PDF "${label}" có cấu trúc bất thường (dữ liệu nén giải ra quá lớn), không thể mở an toàn. Hãy dùng bản .docx của văn bản, hoặc xuất lại PDF từ Word.`,
    );
  }
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: bytes.slice(), // pdf.js takes ownership of (and detaches) the buffer it is given
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  const timeoutMs = options.pdfTimeoutMs ?? 20_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(bad(`Đọc tệp PDF "${label}" quá lâu (hơn ${Math.round(timeoutMs / 1000)} giây). Hãy dùng bản .docx của văn bản.`)),
      timeoutMs,
    );
  });
  try {
    let found: string | { scanned: PdfDoc };
    try {
      found = await Promise.race([extractPdf(task.promise, options.maxPdfPages ?? 100), timeout]);
    } finally {
      clearTimeout(timer);
    }
    if (typeof found === 'string') return found;
    if (!options.onScannedPdf) {
      throw bad(
        `Tệp PDF "${label}" là bản quét (ảnh chụp), không có lớp chữ nên không đọc được nội dung. Hãy dùng bản PDF xuất trực tiếp từ Word (có chữ) hoặc bản .docx của văn bản.`,
      );
    }
    return await options.onScannedPdf(found.scanned);
  } catch (e) {
    if (e instanceof AppError) throw e;
    const name = e instanceof Error ? e.name : '';
    if (name === 'PasswordException') {
      throw bad(`Tệp PDF "${label}" có đặt mật khẩu. Hãy xin bản không khóa hoặc bản .docx của văn bản.`);
    }
    throw bad(`Tệp PDF "${label}" bị hỏng hoặc không đọc được. Hãy xin lại tệp, hoặc dùng bản .docx của văn bản.`);
  } finally {
    void task.destroy().catch(() => undefined);
  }
}

export type PdfDoc = Awaited<ReturnType<typeof import('pdfjs-dist/legacy/build/pdf.mjs').getDocument>['promise']>;

/** The text of the first pages, or the open document when it has (almost) no text: a scan. */
async function extractPdf(docPromise: Promise<PdfDoc>, maxPages: number): Promise<string | { scanned: PdfDoc }> {
  const doc = await docPromise;
  const pages: string[] = [];
  let chars = 0;
  for (let p = 1; p <= Math.min(doc.numPages, maxPages); p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    const items: PositionedText[] = [];
    for (const it of content.items) {
      if (!('str' in it) || !it.str) continue;
      const t = it.transform as number[];
      const size = Math.hypot(t[2] ?? 0, t[3] ?? 0) || it.height || 10;
      items.push({ str: it.str, x: t[4] ?? 0, y: t[5] ?? 0, width: it.width, size });
      chars += it.str.replace(/\s+/g, '').length;
    }
    pages.push(layoutLines(items));
    page.cleanup();
  }
  if (chars < MIN_PDF_TEXT_CHARS) return { scanned: doc };
  return pages.join('\n\n');
}

/** Rebuild lines from positioned text: same baseline = same line; wide gaps (table columns) become 3 spaces. */
function layoutLines(items: PositionedText[]): string {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PositionedText[][] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    const ref = row?.[0];
    if (row && ref && Math.abs(ref.y - it.y) <= Math.min(ref.size, it.size) * 0.5) row.push(it);
    else rows.push([it]);
  }
  const out: string[] = [];
  let prevY: number | null = null;
  let prevSize = 12;
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let line = '';
    let end: number | null = null;
    for (const it of row) {
      if (end !== null) {
        const gap = it.x - end;
        if (gap > it.size * 2) line = `${line.trimEnd()}   `;
        else if (gap > it.size * 0.15 && !line.endsWith(' ') && !it.str.startsWith(' ')) line += ' ';
      }
      line += it.str;
      end = it.x + it.width;
    }
    const y = row[0]?.y ?? 0;
    if (prevY !== null && prevY - y > prevSize * 2.2) out.push('');
    out.push(line.trimEnd());
    prevY = y;
    prevSize = row[0]?.size ?? prevSize;
  }
  return out.join('\n');
}
