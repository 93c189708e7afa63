// Legacy and other spreadsheet formats (.xls BIFF8, .ods, .csv/.tsv) converted by SheetJS to .xlsx bytes, so the
// one xlsx reader (and every fix in it) reads them. Chosen by content, never by name; pre-flighted (size, zip caps,
// text length) before SheetJS sees a byte. Runs only where a worker entry allowed it (allowConversion): SheetJS has
// no deadline, so it must sit behind the worker's heap limit and hard timeout.
import { startsWith, indexOfAscii } from '../../bytes/file-sniff';
import { DEFAULT_LIMITS, XlsxError, type ReadLimits } from '../../bytes/limits';
import { decodeUtf8, openZip, readEntry, verifyAllEntries } from '../../bytes/zip';
import { decodeText, guessSeparator } from './text-decode';
import { checkOdsCells, checkReadCells, checkReadRows, checkTextCells } from './cell-budget';

type SourceFormat = 'xls' | 'ods' | 'csv';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
const ZIP = [0x50, 0x4b, 0x03, 0x04] as const;
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

let allowed = false;
/** Called once by the worker entries (parse-worker.ts, gate-worker.ts): conversion may run in this thread. */
export function allowConversion(): void {
  allowed = true;
}

/**
 * Delimited text: not HTML/XML/RTF/PDF (the pre-flight refuses those in its own words), few control characters, and
 * a tab, semicolon or comma in it, or a .csv/.tsv/.txt name (a one-column list), and not named .xlsx/.xlsm. The name
 * only breaks this tie: a CSV saved as ".xls" by a web system is still read.
 */
function isDelimitedText(b: Uint8Array, fileName: string): boolean {
  const { text } = decodeText(b.subarray(0, 65536));
  const head = text.slice(0, 16).replace(/^\uFEFF/, '');
  if (/^\s*</.test(head) || head.startsWith('%PDF') || head.startsWith('{\\rtf')) return false;
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const x = text.charCodeAt(i);
    if (x < 9 || (x > 13 && x < 32 && x !== 26 && x !== 27) || x === 0xfffd) control++;
  }
  if (text.length === 0 || control > text.length / 100) return false;
  // Text named .xlsx/.xlsm is a wrong file, not a table: the pre-flight says it is not an Excel file.
  if (/\.xls[xm]$/i.test(fileName.trim())) return false;
  return /[\t;,]/.test(text) || /\.(csv|tsv|txt)$/i.test(fileName.trim());
}

/** What the bytes are when they are not .xlsx/.xlsm but a format we convert; null: leave them to the xlsx reader. */
export function sourceFormat(b: Uint8Array, fileName = '', limits: ReadLimits = DEFAULT_LIMITS): SourceFormat | null {
  if (startsWith(b, OLE)) {
    // An encrypted .xlsx is an OLE file too: the pre-flight says it has a password. A BIFF workbook has a "Workbook"
    // (BIFF8) or "Book" (BIFF5) stream.
    if (indexOfAscii(b, 'EncryptedPackage', true, 0, 4 << 20) >= 0) return null;
    return indexOfAscii(b, 'Workbook', true, 0, 4 << 20) >= 0 || indexOfAscii(b, 'Book', true, 0, 4 << 20) >= 0 ? 'xls' : null;
  }
  if (startsWith(b, ZIP)) {
    const zip = openZip(b, limits);
    if (zip.entries.has('xl/workbook.xml') || !zip.entries.has('content.xml')) return null;
    // OpenDocument: "mimetype" names the kind (LibreOffice stores it first; SheetJS only lists it in the manifest).
    const named = zip.entries.get('mimetype') ?? zip.entries.get('META-INF/manifest.xml');
    if (!named || named.size > 1 << 20) return null;
    return new TextDecoder('latin1').decode(readEntry(zip, named)).includes(ODS_MIME) ? 'ods' : null;
  }
  return isDelimitedText(b, fileName) ? 'csv' : null;
}

const NAMES: Record<SourceFormat, string> = { xls: '.xls', ods: '.ods', csv: '.csv' };

/** The warning every converted file carries (the user checks the figures against the original). */
export function convertedWarning(format: SourceFormat): string {
  return `Tệp ${NAMES[format]} đã được chuyển đổi để đọc; hãy kiểm tra các số liệu.`;
}

interface Converted {
  bytes: Uint8Array;
  /** Set when the bytes were converted (then `convertedWarning(format)` goes to the user). */
  format: SourceFormat | null;
}

const KIND: Record<SourceFormat, string> = { xls: 'Excel cũ (.xls)', ods: 'LibreOffice (.ods)', csv: 'văn bản (.csv)' };
const notHere = (f: SourceFormat): string =>
  `Tệp ${KIND[f]} chỉ được đọc trong tiến trình đọc tệp riêng, mà tiến trình này chưa khởi động được – chưa ghi gì. Hãy khởi động lại phần mềm rồi chọn lại tệp.`;
const BROKEN: Record<SourceFormat, string> = {
  xls: 'Tệp Excel cũ (.xls) bị hỏng hoặc không đọc được. Hãy mở bằng Excel, lưu lại rồi gửi lại.',
  ods: 'Tệp .ods bị hỏng hoặc không đọc được. Hãy mở bằng LibreOffice/Excel, lưu lại rồi gửi lại.',
  csv: 'Tệp .csv không đọc được. Hãy mở bằng Excel, lưu lại rồi gửi lại.',
};

type SheetJs = typeof import('@e965/xlsx');
let lib: SheetJs | null = null;
async function sheetJs(): Promise<SheetJs> {
  lib ??= await import('@e965/xlsx');
  return lib;
}

/**
 * The bytes as .xlsx: unchanged when they are not a format we convert (the xlsx pre-flight then judges them),
 * else SheetJS reads them (rows capped at `limits.maxRows` + 1, so a longer sheet is still seen as too long) and
 * writes .xlsx. Throws XlsxError with a Vietnamese reason.
 */
export async function toXlsxBytes(bytes: Uint8Array, fileName: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<Converted> {
  if (bytes.byteLength === 0) return { bytes, format: null };
  if (bytes.byteLength > limits.maxFileBytes) {
    throw new XlsxError('too-large', `Tệp quá lớn (tối đa ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB).`);
  }
  const format = sourceFormat(bytes, fileName, limits);
  if (!format) return { bytes, format: null };
  if (format === 'ods') {
    const zip = openZip(bytes, limits);
    verifyAllEntries(zip); // real inflated sizes, before SheetJS trusts them
    const content = zip.entries.get('content.xml');
    if (content) checkOdsCells(decodeUtf8(readEntry(zip, content)), limits);
  }
  if (!allowed) throw new XlsxError('malformed', notHere(format));
  const XLSX = await sheetJs();
  const common = { cellNF: true, cellStyles: true, cellDates: false, sheetRows: limits.maxRows + 1, WTF: false } as const;
  let wb: ReturnType<SheetJs['read']>;
  try {
    if (format === 'csv') {
      const { text } = decodeText(bytes);
      const separator = guessSeparator(text, fileName);
      checkTextCells(text, separator, limits);
      // raw: every field stays text, read by the report reader's vi-VN number rules ("1.234" is one thousand…).
      wb = XLSX.read(text, { ...common, type: 'string', raw: true, FS: separator });
    } else {
      wb = XLSX.read(bytes, { ...common, type: 'buffer' });
    }
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    if (/password/i.test(msg))
      throw new XlsxError(
        'encrypted',
        'Tệp có mật khẩu – hãy mở bằng Excel, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi gửi lại.',
      );
    throw new XlsxError('malformed', BROKEN[format]);
  }
  if (wb.SheetNames.length === 0) throw new XlsxError('empty', BROKEN[format]);
  checkReadRows(wb.Sheets as Record<string, Record<string, unknown>>, limits.maxRows + 1);
  checkReadCells(wb.Sheets as Record<string, Record<string, unknown>>, limits);
  try {
    const out = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
    return { bytes: new Uint8Array(out.buffer, out.byteOffset, out.byteLength), format };
  } catch {
    throw new XlsxError('malformed', BROKEN[format]);
  }
}
