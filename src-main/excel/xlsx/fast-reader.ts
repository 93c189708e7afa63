// Fast path: resolves workbook.xml through the package rels, then inflates only the workbook, its rels,
// sharedStrings, styles and the sheets, and scans them into a WorkbookGrid (performance.md §7). openFast gives
// the same sheets lazily (a sheet is inflated and scanned on first use), for readers that need only some.
import type { SheetGrid, SheetState, WorkbookGrid, ReaderIssue, TextBox } from './grid';
import { XlsxError, type Deadline } from '../../bytes/limits';
import { scanSheet, type ScanContext } from './sheet-scan';
import { stylesOf } from './styles-cache';
import { parseRels, parseWorkbook, sharedStringTable, type SharedStringTable, type SheetRef, type StyleInfo } from './workbook-parts';
import { guardXml } from '../../bytes/xml';
import { sheetTextBoxes } from './drawing-text';
import { decodeUtf8, readEntry, type ZipArchive } from '../../bytes/zip';
import { cachedPartText } from './part-cache';

function part(zip: ZipArchive, path: string): string | undefined {
  const entry = zip.entries.get(path);
  if (!entry) return undefined;
  // decoded at once: the bytes may sit in the inflater's reused buffer
  const bytes = readEntry(zip, entry, true);
  guardXml(bytes, path);
  return decodeUtf8(bytes);
}

/**
 * The last few workbooks parsed, most recent first: a batch made from a few templates has a few distinct workbook
 * parts (cachedPartText gives the same string for the same part, so the comparison is cheap).
 */
const books: { wbXml: string; relsXml: string; dir: string; book: ReturnType<typeof parseBook> }[] = [];
const BOOKS = 16;
const parseBook = (wbXml: string, relsXml: string, dir: string) => {
  const rels = parseRels(relsXml, dir);
  return { rels, ...parseWorkbook(wbXml, rels) };
};
/** Sheets, 1904 flag and relationships of a workbook (shared with earlier files with the same parts: never change them). */
function workbookOf(wbXml: string, relsXml: string, dir: string): ReturnType<typeof parseBook> {
  const at = books.findIndex((b) => b.wbXml === wbXml && b.relsXml === relsXml && b.dir === dir);
  const hit = books[at];
  if (hit) {
    if (at > 0) books.unshift(...books.splice(at, 1));
    return hit.book;
  }
  const book = parseBook(wbXml, relsXml, dir);
  books.unshift({ wbXml, relsXml, dir, book });
  if (books.length > BOOKS) books.pop();
  return book;
}

function workbookPath(zip: ZipArchive): string {
  if (zip.entries.has('xl/workbook.xml')) return 'xl/workbook.xml';
  const rels = part(zip, '_rels/.rels');
  if (rels) {
    for (const r of parseRels(rels, '').values()) if (/\/officeDocument$/.test(r.type)) return r.target;
  }
  throw new XlsxError('not-xlsx', 'Không phải tệp Excel (.xlsx): không tìm thấy phần sổ làm việc.');
}

interface FastSheet {
  name: string;
  state: SheetState;
  /** The whole sheet (scanned once, then cached). */
  grid(): SheetGrid;
  /** Only each row's first cells (see scanSheet's head scan); the full grid when already scanned. */
  heads(rowChars: number): SheetGrid;
  /** Only the first `rows` rows (in full); the full grid when already scanned. */
  top(rows: number): SheetGrid;
}

interface FastBook {
  sheets: FastSheet[];
  date1904: boolean;
  /** Reader issues; sheets scanned later add theirs here. */
  issues: ReaderIssue[];
}

/** Open the workbook parts (workbook, rels, shared strings, styles); sheets are scanned only when asked for. */
export function openFast(zip: ZipArchive, deadline: Deadline): FastBook {
  const wbPath = workbookPath(zip);
  const dir = wbPath.slice(0, wbPath.lastIndexOf('/') + 1);
  const wbXml = cachedPartText(zip, wbPath);
  if (wbXml === undefined) throw new XlsxError('not-xlsx', 'Không phải tệp Excel (.xlsx): thiếu phần sổ làm việc.');
  if (wbXml.indexOf('purl.oclc.org/ooxml') !== -1) {
    throw new XlsxError(
      'malformed',
      'Tệp dạng "Strict Open XML" chưa được hỗ trợ. Hãy mở bằng Excel, Lưu thành Excel Workbook (.xlsx) rồi gửi lại.',
    );
  }
  const relsPath = `${dir}_rels/${wbPath.slice(dir.length)}.rels`;
  const { rels, sheets: refs, date1904 } = workbookOf(wbXml, cachedPartText(zip, relsPath) ?? '', dir);
  if (refs.length === 0) throw new XlsxError('malformed', 'Sổ làm việc không có sheet nào.');
  deadline.check();

  let sstPath = `${dir}sharedStrings.xml`;
  let stylesPath = `${dir}styles.xml`;
  for (const r of rels.values()) {
    if (/\/sharedStrings$/.test(r.type)) sstPath = r.target;
    else if (/\/styles$/.test(r.type)) stylesPath = r.target;
  }
  const tick = (): void => deadline.check();
  const sstEntry = zip.entries.get(sstPath);
  // sharedStringTable keeps no view of these bytes (it copies them when it decodes strings lazily)
  const sstBytes = sstEntry ? readEntry(zip, sstEntry, true) : null;
  if (sstBytes) guardXml(sstBytes, sstPath);
  const sst: SharedStringTable = sstBytes ? sharedStringTable(sstBytes, tick) : () => undefined;
  const stylesEntry = zip.entries.get(stylesPath);
  const styles: StyleInfo = stylesEntry ? stylesOf(zip, stylesEntry, stylesPath) : { legacyFont: [], isDate: [], isPercent: [] };

  const issues: ReaderIssue[] = [];
  const ctx: ScanContext = { sst, styles, limits: zip.limits, issues, tick, cellCount: { n: 0 } };
  const sheets: FastSheet[] = [];
  for (const ref of refs) {
    if (!ref.path) continue; // chart sheet or dialog sheet: no cells
    if (!zip.entries.has(ref.path)) {
      issues.push({
        sheet: ref.name,
        cell: null,
        severity: 'warning',
        message: `Sheet '${ref.name}': không tìm thấy nội dung trong tệp – bỏ qua.`,
      });
      continue;
    }
    sheets.push(lazySheet(zip, ref, ref.path, ctx, deadline));
  }
  return { sheets, date1904, issues };
}

/** A sheet read on first use: its part is inflated once; full scans are cached, head scans are not. */
function lazySheet(zip: ZipArchive, ref: SheetRef, path: string, ctx: ScanContext, deadline: Deadline): FastSheet {
  let xml: string | undefined;
  let full: SheetGrid | undefined;
  const text = (): string => {
    deadline.check();
    xml ??= part(zip, path) ?? '';
    return xml;
  };
  return {
    name: ref.name,
    state: ref.state,
    grid: () => {
      if (!full) {
        full = scanSheet(text(), ref.name, ref.state, ctx);
        const boxes = textBoxes(zip, path, text());
        if (boxes.length) full.textBoxes = boxes;
      }
      return full;
    },
    heads: (rowChars: number) => {
      if (full) return full;
      // Issues and cell counts of a head scan are not kept: the sheet is scanned fully if it is used.
      return scanSheet(text(), ref.name, ref.state, { ...ctx, issues: [], cellCount: { n: 0 } }, rowChars);
    },
    top: (rows: number) => {
      if (full) return full;
      return scanSheet(text(), ref.name, ref.state, { ...ctx, issues: [], cellCount: { n: 0 } }, 0, rows);
    },
  };
}

function textBoxes(zip: ZipArchive, sheetPath: string, xml: string): TextBox[] {
  return sheetTextBoxes((p) => part(zip, p), sheetPath, xml);
}

/** Every sheet scanned in full, in workbook order (the eager WorkbookGrid). */
export function readFast(zip: ZipArchive, deadline: Deadline): WorkbookGrid {
  const book = openFast(zip, deadline);
  const sheets = book.sheets.map((s) => s.grid());
  return { sheets, date1904: book.date1904, reader: 'fast', issues: book.issues };
}
