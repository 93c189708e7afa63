// The upward package workbook: the district's own report (official header, number, date, the table STT | Nội dung |
// ĐVT | Chỉ tiêu | Kết quả | Ghi chú, signer), its narrative, the units × indicators detail, the coverage, the
// hidden _meta (row → indicator code, so the level above imports it) and _manifest with the content hash.
import type * as ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { loadExcelJs } from '../exceljs-load';
import { addOfficialHeader, addSignatureBlock, addTitle, applyPageSetup, FONT_NAME, inertText } from '../official-sheet/index';
import { fitWrappedRows, sheetState, styleLooks } from '../official-sheet/style';
import { storedXlsxBytes, xlsxBytes } from '../xlsx-bytes';
import { META_SHEET, templateMetaRows } from '../report/template-meta';
import { readWorkbook } from '../xlsx/read-workbook';
import type { OfficialHeader, OfficialSigner } from '../../layout/types';
import { contentHash, MANIFEST_SHEET, manifestRows, PACKAGE_TEMPLATE_ID, type Manifest } from './manifest';
import { TEMPLATE_COLUMNS, TEMPLATE_HEADERS, TEMPLATE_SHEETS, TEMPLATE_WIDTHS } from '../report-template-layout';

/** Excel keeps at most this many characters in a cell (a longer one is cut or refused when opened). */
export const CELL_LIMIT = 32_767;

/** Text that fits one cell: cut at a line (else a space) before the limit, ending with `note` so nobody mistakes it for all. */
export function capText(text: string, note: string, limit = CELL_LIMIT): string {
  if (text.length <= limit) return text;
  const room = limit - note.length - 3;
  const cut = text.slice(0, room);
  const at = Math.max(cut.lastIndexOf('\n'), cut.lastIndexOf(' '));
  return `${cut.slice(0, at > room * 0.8 ? at : room).trimEnd()}\n… ${note}`;
}

type PackageValue = number | string | null;

interface PackageIndicator {
  code: string;
  groupCode: string;
  groupLabel: string;
  label: string;
  unit: string | null;
  unit2: string | null;
  target: PackageValue;
  total: PackageValue;
  total2: number | null;
  note: string | null;
}

interface PackageUnit {
  code: string;
  name: string;
  /** "Đúng hạn", "Trễ hạn", "Chưa nộp". */
  state: string;
  receivedOn: string | null;
  /** Per indicator (same order as `indicators`): the main value and the second measure. */
  values: PackageValue[];
  values2: (number | null)[];
}

export interface PackageInput {
  header: OfficialHeader;
  title: string;
  subtitle: string[];
  signer: OfficialSigner;
  recipients: string[];
  indicators: PackageIndicator[];
  /** The four narrative sections (heading, text), already capped or curated. */
  narrative: { heading: string; text: string }[];
  units: PackageUnit[];
  /** Everything of the manifest but what the writer counts and hashes. */
  manifest: Omit<Manifest, 'contentSha256' | 'indicatorRows' | 'detailUnits' | 'format' | 'manifestVersion'>;
}

export const REPORT_SHEET = TEMPLATE_SHEETS.report;
const NARRATIVE_SHEET = TEMPLATE_SHEETS.narrative;
export const DETAIL_SHEET = 'Chi tiết đơn vị';
const COVERAGE_SHEET = 'Tình hình nộp';
/** Detail sheet: labels on this row, indicator codes (CT08, CT08#2) on the next, units from the one after. */
export const DETAIL_HEAD_ROW = 3;

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const f = (size = 12, extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: FONT_NAME, size, ...extra });
const text = (v: PackageValue): ExcelJS.CellValue => (typeof v === 'string' ? inertText(capText(v, '(xem đầy đủ trong báo cáo Word)')) : v);

function put(
  ws: Worksheet,
  r: number,
  c: number,
  value: ExcelJS.CellValue,
  font = f(),
  align: Partial<ExcelJS.Alignment> = {},
): ExcelJS.Cell {
  const x = ws.getCell(r, c);
  x.value = value;
  x.font = font;
  x.border = BORDER;
  x.alignment = { vertical: 'middle', wrapText: true, ...align };
  return x;
}

function writeReport(wb: ExcelJS.Workbook, p: PackageInput): Map<number, string> {
  const ws = wb.addWorksheet(REPORT_SHEET, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = TEMPLATE_WIDTHS.map((width) => ({ width }));
  addOfficialHeader(ws, p.header, 6);
  const headerRow = addTitle(ws, p.title, p.subtitle, 6) + 1;
  const C = TEMPLATE_COLUMNS;
  TEMPLATE_HEADERS.forEach((h, i) => put(ws, headerRow, i + 1, h, f(12, { bold: true }), { horizontal: 'center' }));
  const rowCodes = new Map<number, string>();
  let r = headerRow + 1;
  let group = '';
  let n = 0;
  for (const ind of p.indicators) {
    if (ind.groupCode !== group) {
      group = ind.groupCode;
      put(ws, r, C.stt, ind.groupCode, f(12, { bold: true }), { horizontal: 'center' });
      put(ws, r, C.label, ind.groupLabel, f(12, { bold: true }));
      for (let c = C.unit; c <= C.note; c++) put(ws, r, c, null);
      r++;
    }
    put(ws, r, C.stt, ++n, f(), { horizontal: 'center' });
    put(ws, r, C.label, ind.label);
    put(ws, r, C.unit, ind.unit ?? '', f(), { horizontal: 'center' });
    put(ws, r, C.target, text(ind.target), f(), { horizontal: 'right' });
    put(ws, r, C.value, text(ind.total), f(), { horizontal: typeof ind.total === 'number' ? 'right' : 'left' }).numFmt = '#,##0.###';
    put(ws, r, C.note, ind.note);
    rowCodes.set(r++, ind.code);
    if (ind.unit2) {
      put(ws, r, C.stt, null);
      put(ws, r, C.label, '- Trị giá / số lượng thứ hai', f(12, { italic: true }));
      put(ws, r, C.unit, ind.unit2, f(), { horizontal: 'center' });
      put(ws, r, C.target, null);
      put(ws, r, C.value, ind.total2, f(), { horizontal: 'right' }).numFmt = '#,##0.###';
      put(ws, r, C.note, null);
      rowCodes.set(r++, `${ind.code}#2`);
    }
  }
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  applyPageSetup(ws, false, headerRow);
  sheetState(ws).next = r;
  addSignatureBlock(ws, p.recipients, p.signer);
  fitWrappedRows(ws);
  return rowCodes;
}

function writeNarrative(wb: ExcelJS.Workbook, p: PackageInput): void {
  const ws = wb.addWorksheet(NARRATIVE_SHEET);
  ws.columns = [{ width: 80 }];
  ws.getCell(1, 1).value = 'THUYẾT MINH KẾT QUẢ';
  ws.getCell(1, 1).font = f(14, { bold: true });
  let r = 3;
  p.narrative.forEach((s, i) => {
    ws.getCell(r, 1).value = `${i + 1}. ${s.heading}`;
    ws.getCell(r, 1).font = f(13, { bold: true });
    const body = ws.getCell(r + 1, 1);
    if (s.text) body.value = inertText(capText(s.text, '(xem đầy đủ trong báo cáo Word gửi kèm)'));
    body.font = f(13);
    body.alignment = { wrapText: true, vertical: 'top' };
    r += 3;
  });
  applyPageSetup(ws, false);
}

function writeDetail(wb: ExcelJS.Workbook, p: PackageInput): void {
  const ws = wb.addWorksheet(DETAIL_SHEET);
  ws.getCell(1, 1).value = 'CHI TIẾT KẾT QUẢ CỦA CÁC ĐƠN VỊ';
  ws.getCell(1, 1).font = f(13, { bold: true });
  const cols: { code: string; label: string; second: boolean; at: number }[] = [];
  p.indicators.forEach((i, at) => {
    cols.push({ code: i.code, label: `${i.label}${i.unit ? ` (${i.unit})` : ''}`, second: false, at });
    if (i.unit2) cols.push({ code: `${i.code}#2`, label: `${i.label} – ${i.unit2}`, second: true, at });
  });
  const head = ['Mã đơn vị', 'Tên đơn vị', 'Tình trạng', 'Ngày nhận', ...cols.map((c) => c.label)];
  head.forEach((h, c) => put(ws, DETAIL_HEAD_ROW, c + 1, h, f(11, { bold: true }), { horizontal: 'center' }));
  ['', '', '', '', ...cols.map((c) => c.code)].forEach((h, c) =>
    put(ws, DETAIL_HEAD_ROW + 1, c + 1, h || null, f(9, { italic: true }), { horizontal: 'center' }),
  );
  // one row per unit (thousands): the cells share one style object per column and look (styleLooks: the file is
  // written much faster), as put() would set them
  const look = styleLooks();
  const font11 = f(11);
  p.units.forEach((u, k) => {
    const r = DETAIL_HEAD_ROW + 2 + k;
    const on = u.receivedOn ? `${u.receivedOn.slice(8, 10)}/${u.receivedOn.slice(5, 7)}/${u.receivedOn.slice(0, 4)}` : null;
    [u.code, u.name, u.state, on].forEach((v, c) => {
      const x = ws.getCell(r, c + 1);
      x.value = v === null ? null : inertText(v);
      x.style = look(x.style, `${c}`, font11, {});
    });
    cols.forEach((c, j) => {
      const v = c.second ? (u.values2[c.at] ?? null) : (u.values[c.at] ?? null);
      const x = ws.getCell(r, 5 + j);
      const horizontal = typeof v === 'number' ? 'right' : 'left';
      x.value = text(v);
      x.style = look(x.style, `${5 + j}|${horizontal}`, font11, { horizontal }, '#,##0.###');
    });
  });
  ws.columns = [{ width: 12 }, { width: 40 }, { width: 12 }, { width: 12 }, ...cols.map(() => ({ width: 16 }))];
  ws.getRow(DETAIL_HEAD_ROW).height = 64;
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: DETAIL_HEAD_ROW + 1 }];
  applyPageSetup(ws, true, DETAIL_HEAD_ROW);
}

function writeCoverage(wb: ExcelJS.Workbook, p: PackageInput): void {
  const ws = wb.addWorksheet(COVERAGE_SHEET);
  ws.columns = [{ width: 40 }, { width: 14 }];
  ws.getCell(1, 1).value = 'TÌNH HÌNH NỘP BÁO CÁO CỦA CÁC ĐƠN VỊ';
  ws.getCell(1, 1).font = f(13, { bold: true });
  const c = p.manifest.coverage;
  const lines: [string, number][] = [
    ['Số đơn vị phải báo cáo', c.expected],
    ['Đã nộp', c.submitted],
    ['Đúng hạn', c.onTime],
    ['Trễ hạn', c.late],
    ['Chưa nộp', c.missing],
  ];
  lines.forEach(([label, v], k) => {
    put(ws, 3 + k, 1, label);
    put(ws, 3 + k, 2, v, f(), { horizontal: 'right' });
  });
  applyPageSetup(ws, false);
}

async function readBack(bytes: Uint8Array): Promise<string> {
  return contentHash(await readWorkbook(bytes, { timeoutMs: 30_000 }));
}

/** The package's bytes and its content hash (the same one the level above computes on import). */
export async function writeUpwardPackage(p: PackageInput): Promise<{ bytes: Uint8Array; contentSha256: string }> {
  const xl = await loadExcelJs();
  const wb = new xl.Workbook();
  wb.creator = 'Dân vận';
  const rowCodes = writeReport(wb, p);
  writeNarrative(wb, p);
  writeDetail(wb, p);
  writeCoverage(wb, p);
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  for (const row of templateMetaRows({
    templateId: PACKAGE_TEMPLATE_ID,
    templateVersion: '1',
    planId: null,
    unitCode: p.manifest.issuerCode,
    sheet: REPORT_SHEET,
    rowCodes,
  }))
    meta.addRow(row);
  const manifest: Manifest = {
    ...p.manifest,
    format: 'danvan-goi-bao-cao',
    manifestVersion: '1',
    indicatorRows: rowCodes.size,
    detailUnits: p.units.length,
    contentSha256: '',
  };
  const ms = wb.addWorksheet(MANIFEST_SHEET, { state: 'veryHidden' });
  const rows = manifestRows(manifest);
  rows.forEach((r) => ms.addRow(r));
  // The hash is of the values as they read back from the written file, so the level above computes the same one.
  const contentSha256 = await readBack(await storedXlsxBytes(wb)); // read back only: left uncompressed
  ms.getCell(rows.findIndex((r) => r[0] === 'contentSha256') + 1, 2).value = contentSha256;
  const bytes = await xlsxBytes(wb);
  if ((await readBack(bytes)) !== contentSha256) throw new Error('upward package: content hash changed between writes');
  return { bytes, contentSha256 };
}
