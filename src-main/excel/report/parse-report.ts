// Public API of the report reader: bytes of a base union's workbook -> the parse-report contract. Never throws
// for bad input: fatal problems (not a workbook, encrypted, .xls, bomb, no table) come back as fatal issues.
// Sheets are read lazily: _meta and the table candidates in full (instruction/example sheets only when no other
// has the table, see sheet-choice.ts), narrative-named sheets in full, and any other visible sheet first only by its
// rows' first cells (read in full only when a line could be a heading) and its top rows (a second unit's report).
import type { ParsedReport, ReportIssue, ReportPeriod } from '../../contract/parsed-report';
import { periodIn } from './period';
import type { SheetGrid, WorkbookGrid } from '../xlsx/grid';
import { XlsxError } from '../../bytes/limits';
import { eager, FINAL, NeedsFallback, openWorkbook, readWorkbook, type LazySheet, type LazyWorkbook } from '../xlsx/read-workbook';
import { sheetText, type SheetText } from './sheet-text';
import { findTable, type TableLayout } from './table-header';
import { chooseValueColumn } from './value-column';
import { readTableRows } from './table-rows';
import { META_SHEET, readTemplateMetaSheet } from './template-meta';
import { findPeriod, findTitle, findUnit } from './top-block';
import { isSampleSheetName, mayHaveTable, sameUnit, sampleTier } from './sheet-choice';
import { a1, colName } from '../xlsx/grid';
import { isNarrativeSheetName, mayHaveHeading, readNarrative, readTextBox, type NarrativeItem } from './narrative';
import { convertedWarning, toXlsxBytes } from '../legacy/convert';

export interface ParseReportOptions {
  timeoutMs?: number;
  forceExceljs?: boolean;
  /**
   * The period the plan asks results for, as written ("Quý IV/2024", "Năm 2024"): when it names a quarter, month,
   * half or year, the value column answers it (see value-column.ts); else the report's own period is used.
   */
  planPeriod?: string | null;
  /**
   * Header of the value column the user picked ("Kết quả thực hiện / Quý II"), for this file or remembered from the
   * unit's earlier file: taken when the table offers a column with that header, whatever the period says.
   */
  valueColumn?: string | null;
}

function empty(fileName: string, issues: ReportIssue[], reader: ParsedReport['reader']): ParsedReport {
  return { unitName: null, title: null, period: null, rows: [], narrative: [], issues, fileName, sheet: null, template: null, reader };
}

const fatal = (message: string): ReportIssue => ({ sheet: null, cell: null, severity: 'fatal', message });

function hasCells(s: SheetGrid): boolean {
  return s.rows.some((r) => r && r.some((c) => c && c.v !== null));
}

/**
 * Sheets to look for the table in, in order: the template's own sheet, the visible ones, the hidden ones (never
 * _meta). Plain loops into one array: the filters and the spread this was written with were deoptimised ("wrong
 * map") in every import batch, and `interpret` with them.
 */
function candidates(sheets: readonly LazySheet[], preferred: string | null): LazySheet[] {
  const out: LazySheet[] = [];
  if (preferred)
    for (let i = 0; i < sheets.length; i++) if (sheets[i]!.name === preferred && preferred !== META_SHEET) out.push(sheets[i]!);
  for (let i = 0; i < sheets.length; i++) {
    const s = sheets[i]!;
    if (s.state === 'visible' && s.name !== META_SHEET && s.name !== preferred) out.push(s);
  }
  for (let i = 0; i < sheets.length; i++) {
    const s = sheets[i]!;
    if (s.state !== 'visible' && s.name !== META_SHEET && s.name !== preferred) out.push(s);
  }
  return out;
}

/**
 * Rows read from the top of other sheets when looking for a second report: a few past where this report's header
 * is (a second unit's report is laid out alike), at least 20, at most the header search's 40 and a few.
 */
const topRows = (headerTop: number): number => Math.min(45, Math.max(20, headerTop + 8));

/**
 * Other sheets (hidden ones too) that hold a report table: another unit's report is an error (it would otherwise count as not
 * submitted), a table of the same or no named unit a warning. Instruction/list sheets and narrative sheets are skipped.
 */
function otherReports(
  wb: LazyWorkbook,
  chosen: LazySheet,
  unit: string | null,
  metaSheet: string | null,
  headerTop: number,
): ReportIssue[] {
  const out: ReportIssue[] = [];
  const TOP_ROWS = topRows(headerTop);
  for (const ls of wb.sheets) {
    // hidden sheets too: a second report hidden away must be said, never dropped silently
    if (ls === chosen || ls.name === META_SHEET || ls.name === metaSheet || isNarrativeSheetName(ls.name)) continue;
    const top = ls.top(TOP_ROWS);
    if (!mayHaveTable(top)) continue;
    const st = sheetText(top.rows.length > TOP_ROWS ? { ...top, rows: top.rows.slice(0, TOP_ROWS) } : top, []);
    const layout = findTable(st);
    if (!layout || sampleTier(ls.name, st, layout) > 0) continue;
    const other = findUnit(st, layout.headerTop);
    const hidden = ls.state !== 'visible' ? ' (sheet đang bị ẩn)' : '';
    if (other && (!unit || !sameUnit(other.name, unit))) {
      const cell = a1(other.r, other.c);
      out.push({
        sheet: ls.name,
        cell,
        severity: 'error',
        message: `Sheet '${ls.name}', ô ${cell}${hidden}: tệp có thêm báo cáo của đơn vị '${other.name}' – chưa được đọc (chỉ đọc sheet '${chosen.name}'). Hãy tách mỗi đơn vị thành một tệp riêng rồi nhập lại, để đơn vị này không bị tính là chưa nộp.`,
      });
    } else {
      const cell = a1(layout.headerTop, layout.columns.label ?? 0);
      out.push({
        sheet: ls.name,
        cell,
        severity: 'warning',
        message: `Sheet '${ls.name}', ô ${cell}${hidden}: sheet này cũng có bảng số liệu nhưng không được đọc (chỉ đọc sheet '${chosen.name}'). Nếu đây là số liệu báo cáo, hãy ${hidden ? 'bỏ ẩn sheet, ' : ''}gộp vào một sheet rồi gửi lại.`,
      });
    }
  }
  return out;
}

/**
 * Narrative typed in the sheet's text boxes anchored from row `fromRow` on (boxes above a table hold the motto or
 * the unit's name); a box without headings is kept under "Thuyết minh", never dropped.
 */
function textBoxNarrative(s: SheetGrid, fromRow = 0): NarrativeItem[] {
  const out: NarrativeItem[] = [];
  for (const box of s.textBoxes ?? []) if (box.row === null || box.row >= fromRow) out.push(...readTextBox(box.paragraphs, 'Thuyết minh'));
  return out;
}

/** The period the value column must answer: the plan's when it names a quarter, month, half or year, else the report's. */
function answeredPeriod(planPeriod: string | null, own: ReportPeriod | null): ReportPeriod | null {
  const plan = planPeriod ? periodIn(planPeriod) : null;
  const full = (p: NonNullable<typeof plan>): ReportPeriod => ({ ...p, startsOn: p.startsOn ?? null, endsOn: p.endsOn ?? null });
  if (plan?.kind && ['quarter', 'month', 'half', 'year'].includes(plan.kind)) return full(plan);
  return own ?? (plan ? full(plan) : null);
}

/** Non-space characters read from the start of each row when probing a sheet for narrative headings. */
const PROBE_CHARS = 12;

/** Read a report: .xls/.ods/.csv are first converted to .xlsx (legacy/convert.ts), with a warning saying so. */
export async function parseReport(bytes: Uint8Array, fileName: string, opts: ParseReportOptions = {}): Promise<ParsedReport> {
  const started = Date.now();
  let xlsx: Awaited<ReturnType<typeof toXlsxBytes>>;
  try {
    xlsx = await toXlsxBytes(bytes, fileName);
  } catch (e) {
    const message = e instanceof XlsxError ? e.message : 'Tệp bị hỏng hoặc không đọc được. Hãy mở bằng Excel, Lưu lại rồi gửi lại.';
    return empty(fileName, [fatal(message)], null);
  }
  if (!xlsx.format) return parseXlsx(bytes, fileName, opts);
  const left = opts.timeoutMs && opts.timeoutMs > 0 ? Math.max(1, opts.timeoutMs - (Date.now() - started)) : opts.timeoutMs;
  const report = await parseXlsx(xlsx.bytes, fileName, { ...opts, timeoutMs: left });
  report.issues.unshift({ sheet: null, cell: null, severity: 'warning', message: convertedWarning(xlsx.format) });
  return report;
}

async function parseXlsx(bytes: Uint8Array, fileName: string, opts: ParseReportOptions): Promise<ParsedReport> {
  const failed = (e: unknown): ParsedReport => {
    const message = e instanceof XlsxError ? e.message : 'Tệp bị hỏng hoặc không đọc được. Hãy mở bằng Excel, Lưu lại rồi gửi lại.';
    return empty(fileName, [fatal(message)], null);
  };
  let wb: LazyWorkbook;
  try {
    wb = await openWorkbook(bytes, { timeoutMs: opts.timeoutMs, forceExceljs: opts.forceExceljs });
  } catch (e) {
    return failed(e);
  }
  const run = (book: LazyWorkbook): ParsedReport => {
    const issues: ReportIssue[] = [];
    try {
      const report = interpret(book, fileName, issues, opts.planPeriod ?? null, opts.valueColumn ?? null);
      // Reader issues first (sheets are scanned during interpretation, so they are gathered here at the end).
      report.issues = [...book.issues.map((i) => ({ ...i })), ...report.issues];
      return report;
    } catch (e) {
      if (e instanceof NeedsFallback || (e instanceof XlsxError && FINAL.has(e.code))) throw e;
      const message = e instanceof XlsxError ? e.message : 'Không hiểu được bố cục của tệp. Hãy dùng mẫu báo cáo được gửi kèm.';
      return empty(fileName, [...book.issues.map((i) => ({ ...i })), ...issues, fatal(message)], book.reader);
    }
  };
  try {
    return run(wb);
  } catch (e) {
    if (!(e instanceof NeedsFallback)) return failed(e);
  }
  // A sheet the fast scanner could not read: the whole file through exceljs, as readWorkbook would have done.
  let grid: WorkbookGrid;
  try {
    grid = await readWorkbook(bytes, { timeoutMs: opts.timeoutMs, forceExceljs: true });
  } catch (e) {
    return failed(e);
  }
  grid.issues.unshift({
    sheet: null,
    cell: null,
    severity: 'warning',
    message: 'Tệp có cấu trúc khác thường – đã đọc bằng cách chậm hơn, hãy kiểm tra kỹ kết quả.',
  });
  return run(eager(grid));
}

function interpret(
  wb: LazyWorkbook,
  fileName: string,
  issues: ReportIssue[],
  planPeriod: string | null,
  chosenColumn: string | null,
): ParsedReport {
  const metaSheet = wb.sheets.find((s) => s.name === META_SHEET);
  const meta = metaSheet ? readTemplateMetaSheet(metaSheet.grid()) : null;
  const sheets = candidates(wb.sheets, meta?.sheet ?? null);
  // The first ordinary sheet with a table; instruction/example/list sheets and hidden sheets only when none has one.
  let found: { ls: LazySheet; st: SheetText; layout: TableLayout; local: ReportIssue[]; tier: number } | null = null;
  for (const ls of sheets) {
    const s = ls.grid();
    if (!hasCells(s)) continue;
    const local: ReportIssue[] = [];
    const st = sheetText(s, local);
    const layout = findTable(st);
    if (!layout) continue;
    const tier = ls.name === meta?.sheet ? 0 : s.state !== 'visible' ? 3 : sampleTier(ls.name, st, layout);
    if (!found || tier < found.tier) found = { ls, st, layout, local, tier };
    if (tier === 0) break;
  }
  if (found && found.tier === 3)
    issues.push({ sheet: found.ls.name, cell: null, severity: 'warning', message: `Bảng số liệu nằm trong sheet ẩn '${found.ls.name}'.` });
  if (found && found.tier > 0 && found.tier < 3) {
    const cell = a1(found.layout.headerTop, found.layout.columns.label ?? 0);
    issues.push({
      sheet: found.ls.name,
      cell,
      severity: 'warning',
      message: `Sheet '${found.ls.name}', ô ${cell}: bảng được đọc từ sheet hướng dẫn/ví dụ/danh sách vì không sheet nào khác có bảng số liệu – hãy kiểm tra đây đúng là số liệu của đơn vị, nếu không hãy điền vào biểu mẫu rồi gửi lại.`,
    });
  }
  if (!found) {
    if (!sheets.some((ls) => hasCells(ls.grid())))
      return empty(fileName, [...issues, fatal('Tệp không có dữ liệu (các sheet đều trống).')], wb.reader);
    return empty(
      fileName,
      [...issues, fatal("Không tìm thấy bảng số liệu: cần một dòng tiêu đề có cột 'Nội dung' và 'Kết quả' (hoặc 'Số lượng').")],
      wb.reader,
    );
  }
  const { st, layout, local } = found;
  issues.push(...local);
  const sheetName = st.sheet.name;
  if (meta?.sheet && meta.sheet !== sheetName) {
    issues.push({
      sheet: sheetName,
      cell: null,
      severity: 'warning',
      message: `Mẫu báo cáo ghi bảng ở sheet '${meta.sheet}' nhưng bảng được tìm thấy ở sheet '${sheetName}'.`,
    });
  }
  const rowCodes = meta && (!meta.sheet || meta.sheet === sheetName) ? meta.rowCodes : null;
  const title = findTitle(st, layout.headerTop);
  const unit = findUnit(st, layout.headerTop);
  const period = findPeriod(st, layout.headerTop, title);
  const valueColumn = chooseValueColumn(st, layout, answeredPeriod(planPeriod, period), issues, chosenColumn);
  const { rows, endRow } = readTableRows(st, layout, rowCodes, wb.date1904, issues);
  if (rows.length === 0)
    issues.push({ sheet: sheetName, cell: null, severity: 'error', message: `Sheet '${sheetName}': bảng số liệu không có dòng nào.` });
  const narrative = readNarrative(st, endRow, null);
  narrative.push(...textBoxNarrative(st.sheet, layout.headerBottom + 1));
  for (const ls of wb.sheets) {
    if (ls === found.ls || ls.name === META_SHEET || ls.state !== 'visible' || isSampleSheetName(ls.name)) continue;
    const named = isNarrativeSheetName(ls.name);
    if (!named) {
      // Other sheets (appendices, lists) only count when they hold headed paragraphs: probe the rows' starts first.
      const head = ls.heads(PROBE_CHARS);
      if (!mayHaveHeading(sheetText(head, [], false), head.cutRows)) continue;
    }
    const s = ls.grid();
    if (!hasCells(s)) continue;
    const other = sheetText(s, issues, false);
    const items = readNarrative(other, 0, named ? ls.name : null);
    if (named || items.length > 0) narrative.push(...items);
    narrative.push(...textBoxNarrative(s));
  }
  // After the narrative pass, so sheets it read in full are not scanned again.
  issues.push(...otherReports(wb, found.ls, unit?.name ?? null, meta?.sheet ?? null, layout.headerTop));
  return {
    unitName: unit?.name ?? null,
    title,
    period,
    rows,
    narrative,
    issues,
    fileName,
    sheet: sheetName,
    valueColumn: valueColumn
      ? {
          cell: valueColumn.cell,
          header: valueColumn.header,
          reason: valueColumn.reason,
          sure: valueColumn.sure,
          chosen: valueColumn.chosen,
        }
      : null,
    valueColumns: valueColumn?.candidates ?? [],
    valueLetter: layout.columns.value === undefined ? null : colName(layout.columns.value),
    template: meta
      ? { templateId: meta.templateId, templateVersion: meta.templateVersion, planId: meta.planId, unitCode: meta.unitCode }
      : null,
    reader: wb.reader,
  };
}
