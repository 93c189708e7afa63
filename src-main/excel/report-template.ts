// Our report template for a plan: official header, title, the table STT | Nội dung | ĐVT | Chỉ tiêu | Kết quả |
// Ghi chú grouped by indicator group, a narrative sheet, and a hidden _meta sheet (template id/version, plan,
// unit, indicator code per row) so the importer recognises it. Only input cells are unlocked; numbers validated.
// It also says where the unit's own cells are (TemplateLayout), so one workbook can be stamped for many units.
import type * as ExcelJS from 'exceljs';
import { loadExcelJs } from './exceljs-load';
import type { Worksheet } from 'exceljs';
import { META_SHEET, templateMetaRows } from './report/template-meta';
import { addOfficialHeader, addTitle } from './official-sheet/index';
import { applyPageSetup, FONT_NAME } from './official-sheet/index';
import { colsWidthTwip, fitWrappedRows } from './official-sheet/style';
import { secondMeasureLabel, unitHeaderLine } from './report-template-text';
import { fitName } from '../layout/header-fit';
import { TEMPLATE_COLUMNS, TEMPLATE_HEADERS, TEMPLATE_SHEETS, TEMPLATE_WIDTHS } from './report-template-layout';
import { xlsxBytes } from './xlsx-bytes';

export const TEMPLATE_ID = 'danvan-bao-cao-ket-qua';
const TEMPLATE_VERSION = '1';
export const NARRATIVE_HEADINGS = ['Kết quả nổi bật', 'Cách làm hay, sáng tạo', 'Hạn chế, khó khăn', 'Kiến nghị, đề xuất'] as const;

export interface TemplateIndicator {
  code: string;
  groupCode: string;
  groupLabel: string;
  label: string;
  unit: string | null;
  unit2: string | null;
  aggregation: string;
  target: string | number | null;
}

export interface TemplateInput {
  planId: number;
  planTitle: string;
  periodLabel: string | null;
  reportDueOn: string | null;
  parentOrg: string; // the office issuing the plan (printed above the unit)
  unit: { code: string; name: string } | null; // null: generic template
  indicators: TemplateIndicator[];
  /** The date printed in the header; null leaves "ngày ... tháng ... năm ..." for the unit to fill. */
  today: string | null;
  /** A template sent to units: the second measure named ("Trị giá (triệu đồng)"), not the old generic label, and a
   *  unit name too long for the header's two lines gets a row tall enough (the upward package leaves this off). */
  forUnits?: boolean;
}

/** Where a template's unit-specific cells are (1-based rows/columns), for stamping other units into it. */
export interface TemplateLayout {
  sheet: string;
  headerCell: { row: number; col: number };
  /** Width (twips) and font size of the header's unit line, to break another unit's name the same way. */
  headerFit: { widthTwip: number; size: number };
  unitCell: { row: number; col: number };
  /** Indicator code -> row of its "Chỉ tiêu" cell (column targetCol). */
  targetRows: Map<string, number>;
  targetCol: number;
  /** Row of the unitCode value (column B) in the hidden _meta sheet, null in a generic template. */
  metaUnitCodeRow: number | null;
}

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const f = (size = 12, extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: FONT_NAME, size, ...extra });
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } };

function cell(ws: Worksheet, r: number, c: number, value: ExcelJS.CellValue, font = f(), align: Partial<ExcelJS.Alignment> = {}) {
  const x = ws.getCell(r, c);
  x.value = value;
  x.font = font;
  x.border = BORDER;
  x.alignment = { vertical: 'middle', wrapText: true, ...align };
  return x;
}

function unlock(x: ExcelJS.Cell) {
  x.protection = { locked: false };
  x.fill = INPUT_FILL;
}

function writeTable(ws: Worksheet, start: number, indicators: TemplateIndicator[], rowCodes: Map<number, string>, named: boolean): number {
  const C = TEMPLATE_COLUMNS;
  TEMPLATE_HEADERS.forEach((h, i) => cell(ws, start, i + 1, h, f(12, { bold: true }), { horizontal: 'center' }));
  let r = start + 1;
  let group = '';
  let n = 0;
  for (const ind of indicators) {
    if (ind.groupCode !== group) {
      group = ind.groupCode;
      cell(ws, r, C.stt, ind.groupCode, f(12, { bold: true }), { horizontal: 'center' });
      cell(ws, r, C.label, ind.groupLabel, f(12, { bold: true }));
      for (let c = C.unit; c <= C.note; c++) cell(ws, r, c, null);
      r++;
    }
    n++;
    cell(ws, r, C.stt, n, f(), { horizontal: 'center' });
    cell(ws, r, C.label, ind.label, f());
    cell(ws, r, C.unit, ind.unit ?? '', f(), { horizontal: 'center' });
    cell(ws, r, C.target, ind.target ?? '', f(), { horizontal: 'right' });
    const value = cell(ws, r, C.value, null, f(), { horizontal: 'right' });
    unlock(value);
    if (ind.aggregation !== 'text') {
      value.numFmt = '#,##0.##';
      value.dataValidation = {
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        allowBlank: true,
        showErrorMessage: true,
        errorTitle: 'Cần nhập số',
        error: 'Ô "Kết quả" chỉ nhận số không âm (ví dụ 12 hoặc 1,5). Ghi chú thêm ở cột "Ghi chú".',
      };
    }
    unlock(cell(ws, r, C.note, null, f()));
    rowCodes.set(r, ind.code);
    r++;
    if (ind.unit2) {
      cell(ws, r, C.stt, null);
      cell(ws, r, C.label, named ? `- ${secondMeasureLabel(ind.unit2)}` : `- Trị giá / số lượng thứ hai`, f(12, { italic: true }));
      cell(ws, r, C.unit, ind.unit2, f(), { horizontal: 'center' });
      cell(ws, r, C.target, null);
      const v2 = cell(ws, r, C.value, null, f(), { horizontal: 'right' });
      unlock(v2);
      v2.numFmt = '#,##0.##';
      cell(ws, r, C.note, null);
      rowCodes.set(r, `${ind.code}#2`);
      r++;
    }
  }
  return r;
}

function writeNarrative(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(TEMPLATE_SHEETS.narrative, { properties: { tabColor: { argb: 'FF1F5FBF' } } });
  ws.columns = [{ width: 100 }];
  ws.getCell(1, 1).value = 'THUYẾT MINH KẾT QUẢ';
  ws.getCell(1, 1).font = f(14, { bold: true });
  let r = 3;
  NARRATIVE_HEADINGS.forEach((h, i) => {
    const head = ws.getCell(r, 1);
    head.value = `${i + 1}. ${h}`;
    head.font = f(13, { bold: true });
    const body = ws.getCell(r + 1, 1);
    body.font = f(13);
    body.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(r + 1).height = 90;
    unlock(body);
    r += 3;
  });
  applyPageSetup(ws, false);
  void ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatRows: true, formatColumns: true });
}

export async function writeReportTemplate(t: TemplateInput): Promise<Uint8Array> {
  return (await writeReportTemplateLaidOut(t)).bytes;
}

export async function writeReportTemplateLaidOut(t: TemplateInput): Promise<{ bytes: Uint8Array; layout: TemplateLayout }> {
  const xl = await loadExcelJs();
  const wb = new xl.Workbook();
  wb.creator = 'Dân vận';
  const ws = wb.addWorksheet(TEMPLATE_SHEETS.report, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = TEMPLATE_WIDTHS.map((width) => ({ width }));
  const unitLine = t.unit ? unitHeaderLine(t.unit.name) : 'CÔNG ĐOÀN CƠ SỞ ....................';
  let r = addOfficialHeader(
    ws,
    { parentOrg: t.parentOrg, ownOrg: unitLine, number: '......./BC-CĐ', place: '...........', date: t.today ?? '' },
    6,
  );
  const headerCell = { row: r - 3, col: 1 };
  r = addTitle(ws, `BÁO CÁO KẾT QUẢ ${t.planTitle}`, t.periodLabel ? [t.periodLabel] : [], 6);
  const unitAt = { row: r, col: 1 };
  const unitCell = ws.getCell(r, 1);
  ws.mergeCells(r, 1, r, 6);
  unitCell.value = `Đơn vị: ${t.unit?.name ?? ''}`;
  unitCell.font = f(13, { bold: true });
  if (!t.unit) unlock(unitCell);
  r += 1;
  if (t.reportDueOn) {
    ws.mergeCells(r, 1, r, 6);
    const due = ws.getCell(r, 1);
    due.value = `Hạn gửi báo cáo: ${t.reportDueOn.slice(8, 10)}/${t.reportDueOn.slice(5, 7)}/${t.reportDueOn.slice(0, 4)}. Chỉ nhập vào các ô nền vàng.`;
    due.font = f(11, { italic: true });
    r += 1;
  }
  const headerRow = r + 1;
  const rowCodes = new Map<number, string>();
  const end = writeTable(ws, headerRow, t.indicators, rowCodes, t.forUnits ?? false);
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  applyPageSetup(ws, false, headerRow);
  ws.mergeCells(end + 1, 4, end + 1, 6);
  ws.getCell(end + 1, 4).value = 'TM. BAN CHẤP HÀNH';
  ws.getCell(end + 1, 4).font = f(13, { bold: true });
  ws.getCell(end + 1, 4).alignment = { horizontal: 'center' };
  fitWrappedRows(ws);
  const head = ws.getCell(headerCell.row, headerCell.col);
  let headerCols = 1;
  while (headerCols < 6 && ws.getCell(headerCell.row, headerCols + 1).master === head) headerCols++;
  const headerFit = { widthTwip: colsWidthTwip(ws, 1, headerCols), size: head.font?.size ?? 12 };
  if (t.forUnits) {
    // the header fit breaks a name on two lines at a good place; a longer one is wrapped by Excel: make room for it
    const fitted = fitName(unitLine, true, headerFit.widthTwip, [headerFit.size]);
    const lines = fitted.fits ? fitted.lines.length : Math.ceil((fitted.width * 1.15) / headerFit.widthTwip);
    const row = ws.getRow(headerCell.row);
    row.height = Math.max(row.height ?? 0, Math.ceil(lines * headerFit.size * 1.3 + 2));
  }
  void ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatRows: true, formatColumns: true });
  writeNarrative(wb);
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  const metaRows = templateMetaRows({
    templateId: TEMPLATE_ID,
    templateVersion: TEMPLATE_VERSION,
    planId: String(t.planId),
    unitCode: t.unit?.code ?? null,
    sheet: 'Báo cáo',
    rowCodes,
  });
  for (const row of metaRows) meta.addRow(row);
  const unitCodeAt = metaRows.findIndex((m) => m[0] === 'unitCode');
  const targetRows = new Map([...rowCodes].filter(([, code]) => !code.endsWith('#2')).map(([row, code]) => [code, row]));
  const layout: TemplateLayout = {
    sheet: TEMPLATE_SHEETS.report,
    headerCell,
    headerFit,
    unitCell: unitAt,
    targetRows,
    targetCol: TEMPLATE_COLUMNS.target,
    metaUnitCodeRow: unitCodeAt < 0 ? null : unitCodeAt + 1,
  };
  return { bytes: await xlsxBytes(wb), layout };
}
