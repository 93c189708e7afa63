// Fallback path through exceljs (loaded lazily) for files the fast scanner cannot handle. Real inflated
// sizes and DTDs are checked first; validations and huge merges are never handed to exceljs.
import type { Cell, CellRun, Range, SheetGrid, SheetState, TextBox, WorkbookGrid } from './grid';
import { parseRange } from './grid';
import { XlsxError, type Deadline } from '../../bytes/limits';
import { isLegacyFontName } from '../../text/legacy-vi';
import { attr, elements, guardXml } from '../../bytes/xml';
import { isPercentFormat, parseRels, parseWorkbook } from './workbook-parts';
import { sheetTextBoxes } from './drawing-text';
import { decodeUtf8, readEntry, type ZipArchive } from '../../bytes/zip';

const HUGE_MERGE_CELLS = 100_000;
const nfc = (s: string): string => s.normalize('NFC');

/** Inflate every entry once (real sizes, caps), refuse DTDs, and report whether any merge is huge. */
function vet(zip: ZipArchive): { hugeMerge: boolean } {
  const probe: ZipArchive = { ...zip, inflated: 0 };
  let hugeMerge = false;
  for (const e of zip.entries.values()) {
    const bytes = readEntry(probe, e);
    if (!/\.(xml|rels|vml)$/i.test(e.name)) continue;
    guardXml(bytes, e.name);
    if (!/worksheets\//.test(e.name)) continue;
    const xml = decodeUtf8(bytes);
    if (xml.indexOf('mergeCell') !== -1) {
      // elements(): linear even on tags that never end (a regex with [^>]* backtracked once per tag).
      for (const a of elements(xml, 'mergeCell')) {
        const r = parseRange(attr(a, 'ref') ?? '');
        if (r && (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1) > HUGE_MERGE_CELLS) hugeMerge = true;
      }
    }
  }
  return { hugeMerge };
}

type XValue = unknown;

function toCell(value: XValue, fontName: string | undefined, isDate: boolean, date1904: boolean): Cell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return { v: nfc(value), k: 's' };
  if (typeof value === 'number') return { v: value, k: 'n', ...(isDate ? { date: true as const } : {}) };
  if (typeof value === 'boolean') return { v: value, k: 'b' };
  if (value instanceof Date) {
    const serial = value.getTime() / 86_400_000 + 25_569 - (date1904 ? 1462 : 0);
    return { v: serial, k: 'n', date: true };
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      const runs: CellRun[] = (o.richText as { text?: string; font?: { name?: string } }[]).map((r) => ({
        text: r.text ?? '',
        font: r.font?.name && isLegacyFontName(r.font.name) ? r.font.name : null,
      }));
      const legacy = runs.find((r) => r.font)?.font ?? undefined;
      const text = runs.map((r) => r.text).join('');
      return legacy ? { v: text, k: 's', font: legacy, runs } : { v: nfc(text), k: 's' };
    }
    if ('formula' in o || 'sharedFormula' in o) {
      const f = String(o.formula ?? o.sharedFormula ?? '').slice(0, 500);
      const inner = o.result === undefined ? undefined : toCell(o.result, fontName, isDate, date1904);
      if (!inner) return { v: null, k: 'n', f, noCache: true };
      return { ...inner, f };
    }
    if ('error' in o) return { v: String(o.error), k: 'e' };
    if ('text' in o) return toCell(o.text, fontName, isDate, date1904);
  }
  return undefined;
}

/** Text boxes per sheet name (exceljs does not read drawings): through workbook.xml, its rels and each sheet's rels. */
function textBoxReader(zip: ZipArchive): (sheetName: string) => TextBox[] {
  const part = (path: string): string | undefined => {
    const e = zip.entries.get(path);
    if (!e) return undefined;
    const bytes = readEntry({ ...zip, inflated: 0 }, e);
    guardXml(bytes, path);
    return decodeUtf8(bytes);
  };
  try {
    const wbXml = part('xl/workbook.xml');
    if (!wbXml) return () => [];
    const { sheets } = parseWorkbook(wbXml, parseRels(part('xl/_rels/workbook.xml.rels') ?? '', 'xl/'));
    const paths = new Map(sheets.map((s) => [s.name, s.path]));
    return (name) => {
      const path = paths.get(name);
      const xml = path ? part(path) : undefined;
      return path && xml && xml.indexOf('drawing') !== -1 ? sheetTextBoxes(part, path, xml) : [];
    };
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    return () => [];
  }
}

export async function readWithExceljs(zip: ZipArchive, deadline: Deadline): Promise<WorkbookGrid> {
  const { hugeMerge } = vet(zip);
  deadline.check();
  const mod = (await import('exceljs')) as unknown as { default?: typeof import('exceljs') } & typeof import('exceljs');
  const ExcelJS = mod.default ?? mod;
  const wb = new ExcelJS.Workbook();
  const ignoreNodes = ['dataValidations', 'conditionalFormatting', 'extLst', 'drawing', 'picture', 'hyperlinks', 'legacyDrawing'];
  if (hugeMerge) ignoreNodes.push('mergeCells');
  const options = { ignoreNodes, maxRows: zip.limits.maxRows, maxCols: zip.limits.maxCols };
  try {
    await wb.xlsx.load(Buffer.from(zip.bytes.buffer, zip.bytes.byteOffset, zip.bytes.byteLength) as never, options as never);
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw new XlsxError(
      'malformed',
      'Tệp được tạo bởi phần mềm khác Excel hoặc bị hỏng. Vui lòng mở bằng Excel, chọn Lưu (Save) rồi gửi lại.',
    );
  }
  deadline.check();
  const date1904 = !!(wb.properties as { date1904?: boolean } | undefined)?.date1904;
  const boxesOf = textBoxReader(zip);
  const sheets: SheetGrid[] = [];
  let cells = 0;
  for (const ws of wb.worksheets) {
    const rows: (Cell | undefined)[][] = [];
    const hiddenRows = new Set<number>();
    const hiddenCols = new Set<number>();
    for (let c = 1; c <= Math.min(ws.columnCount, zip.limits.maxCols); c++) if (ws.getColumn(c).hidden) hiddenCols.add(c - 1);
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (row.hidden && rowNumber <= zip.limits.maxRows) hiddenRows.add(rowNumber - 1);
      row.eachCell({ includeEmpty: false }, (c, colNumber) => {
        if (rowNumber > zip.limits.maxRows || colNumber > zip.limits.maxCols) return;
        if (c.isMerged && c.master !== c) return;
        const font = c.font?.name && isLegacyFontName(c.font.name) ? c.font.name : undefined;
        const fmt = (c.numFmt ?? '').slice(0, 255); // Excel's own limit; bounds the regex below
        const cell = toCell(c.value, font, /[dmy]/i.test(fmt.replace(/"[^"]*"|\[[^\]]*\]/g, '')), date1904);
        if (!cell) return;
        if (font && !cell.font) cell.font = font;
        if (cell.k === 'n' && !cell.date && isPercentFormat(fmt)) cell.pct = true;
        if (++cells > zip.limits.maxCells) throw new XlsxError('bomb', 'Tệp có quá nhiều ô dữ liệu – không đọc.');
        (rows[rowNumber - 1] ??= [])[colNumber - 1] = cell;
      });
    });
    const merges: Range[] = [];
    const model = ws.model as { merges?: string[] } | undefined;
    for (const ref of model?.merges ?? []) {
      const r = parseRange(ref);
      if (r) merges.push(r);
    }
    const state: SheetState = ws.state === 'hidden' ? 'hidden' : ws.state === 'veryHidden' ? 'veryHidden' : 'visible';
    const grid: SheetGrid = { name: ws.name, state, rows, merges };
    if (hiddenRows.size) grid.hiddenRows = hiddenRows;
    if (hiddenCols.size) grid.hiddenCols = hiddenCols;
    const boxes = boxesOf(ws.name);
    if (boxes.length) grid.textBoxes = boxes;
    sheets.push(grid);
  }
  const issues = hugeMerge
    ? [{ sheet: null, cell: null, severity: 'warning' as const, message: 'Tệp có vùng gộp ô khổng lồ – đã bỏ qua các vùng gộp ô.' }]
    : [];
  return { sheets, date1904, reader: 'exceljs', issues };
}
