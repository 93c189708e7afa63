// Sending the consolidation upward. (1) As a unit report in our own template, with this office as the unit,
// so the level above (running this app) imports it like any unit report. (2) Into a province-supplied workbook
// by a saved cell map (indicator code → sheet + cell), leaving the rest of that workbook as it was.
import type * as ExcelJS from 'exceljs';
import { loadExcelJs } from '../excel/exceljs-load';
import type { FileIn, FileOut } from '../contract/common';
import { AppError } from '../contract/errors';
import type { CellMapEntry, Consolidation } from '../contract/consolidation';
import type { Db } from '../db/connection';
import { cellMapOf, LAST_SAVED_MAP } from '../db/consolidation';
import { getSetting, putSetting } from '../db/settings';
import { META_SHEET, templateMetaRows } from '../excel/report/template-meta';
import { writeReportTemplate } from '../excel/report-template';
import { inertText } from '../excel/official-sheet/index';
import { XLSX_MIME } from '../excel/consolidated/index';
import { targetCell } from '../excel/consolidated/summary-sheet';
import { computeConsolidation } from './consolidation';
import { titleCaseOrg } from './consolidation-text';
import { slug } from './reminders';
import { resolveProfile } from './doc-identity';
import { readProfile } from './settings';
import { planOrThrow } from './tracking';
import { readIsolated } from '../gate/isolated';

const IDENTITY_KEY = 'upward_identity';
const TABLE_SHEET = 'Báo cáo';
const VALUE_COL = 5;
const NOTE_COL = 6;
/** Body rows of the template's "Thuyết minh" sheet, in NARRATIVE_HEADINGS order. */
const NARRATIVE_ROWS = { results: 4, practices: 7, limits: 10, proposals: 13 } as const;

type Identity = { code: string; name: string };

/** Our code and name in the register of the level above: given (and remembered), saved, else from Settings. */
export function upwardIdentity(db: Db, given: { unitCode: string | null; unitName: string | null }): Identity {
  const profile = readProfile(db);
  const saved = getSetting(db, IDENTITY_KEY) as Partial<Identity> | null | undefined;
  const id = {
    code: given.unitCode ?? saved?.code ?? profile.ownOrgShort ?? 'LDLD',
    name: given.unitName ?? saved?.name ?? titleCaseOrg(profile.ownOrg),
  };
  if (given.unitCode || given.unitName) putSetting(db, IDENTITY_KEY, id);
  return id;
}

async function loadXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const xl = await loadExcelJs();
  const wb = new xl.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('bad_file', 'Không đọc được tệp Excel (.xlsx). Nếu là tệp .xls cũ, hãy mở bằng Excel và lưu lại dạng .xlsx.');
  }
  return wb;
}

function fillNarrative(wb: ExcelJS.Workbook, c: Consolidation): void {
  const ws = wb.getWorksheet('Thuyết minh');
  if (!ws) return;
  const summary = `Có ${c.submitted}/${c.expected} đơn vị báo cáo (${c.onTime} đúng hạn, ${c.late} trễ hạn).`;
  for (const [key, row] of Object.entries(NARRATIVE_ROWS)) {
    const items = c.narrative.find((s) => s.key === key)?.items ?? [];
    const lines = items.map((it) => `${it.unitName}: ${it.text}`);
    if (key === 'results') lines.unshift(summary);
    if (lines.length) ws.getCell(row, 1).value = inertText(lines.join('\n'));
  }
}

export async function upwardPackage(db: Db, planId: number, given: { unitCode: string | null; unitName: string | null }, today: string): Promise<FileOut> {
  const plan = planOrThrow(db, planId);
  const profile = resolveProfile(readProfile(db), plan).profile;
  const me = upwardIdentity(db, given);
  const c = computeConsolidation(db, planId, today);
  const template = await writeReportTemplate({
    planId, planTitle: plan.title, periodLabel: plan.periodLabel, reportDueOn: plan.reportDueOn, parentOrg: profile.parentOrg ?? '',
    unit: me, today,
    indicators: c.indicators.map((i) => ({
      code: i.code, groupCode: i.groupCode, groupLabel: i.groupLabel, label: i.label, unit: i.unit, unit2: i.unit2, aggregation: i.aggregation, target: targetCell(i),
    })),
  });
  const wb = await loadXlsx(template);
  const ws = wb.getWorksheet(TABLE_SHEET);
  const meta = wb.getWorksheet(META_SHEET);
  if (!ws || !meta) throw new AppError('internal', 'Mẫu báo cáo không đúng cấu trúc.');
  // Our office's own name in the header (the template writes "CÔNG ĐOÀN <unit>" for base unions).
  ws.getCell(2, 1).value = profile.ownOrg.toLocaleUpperCase('vi');
  const rowCodes = new Map<number, string>();
  meta.eachRow((r) => {
    if (r.getCell(1).value === 'row') rowCodes.set(Number(r.getCell(2).value), String(r.getCell(3).value));
  });
  const byCode = new Map(c.indicators.map((i) => [i.code, i]));
  for (const [row, code] of rowCodes) {
    const second = code.endsWith('#2');
    const ind = byCode.get(second ? code.slice(0, -2) : code);
    if (!ind) continue;
    const value = second ? ind.total2 : ind.aggregation === 'text' ? ind.texts.map((t) => `${t.unitName}: ${t.text}`).join('; ') || null : ind.total;
    ws.getCell(row, VALUE_COL).value = typeof value === 'string' ? inertText(value) : value;
    if (!second) ws.getCell(row, NOTE_COL).value = `Tổng hợp từ ${ind.reporting}/${c.expected} đơn vị`;
  }
  // The plan id of the level above is not ours: leave it out so their import matches by indicator code.
  const sheetId = meta.id;
  wb.removeWorksheet(sheetId);
  const fresh = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  for (const r of templateMetaRows({ templateId: 'danvan-bao-cao-ket-qua', templateVersion: '1', planId: null, unitCode: me.code, sheet: TABLE_SHEET, rowCodes })) fresh.addRow(r);
  fillNarrative(wb, c);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return { name: `bao-cao-${slug(me.code)}-${slug(plan.periodLabel ?? plan.title)}.xlsx`, mime: XLSX_MIME, bytes };
}

export function effectiveCellMap(db: Db, planId: number): { entries: CellMapEntry[]; inherited: boolean } {
  const own = cellMapOf(db, planId);
  return own.length ? { entries: own, inherited: false } : { entries: cellMapOf(db, LAST_SAVED_MAP), inherited: true };
}

function mappedValue(c: Consolidation, e: CellMapEntry): number | string | null | undefined {
  const tracking: Record<string, number> = { '#expected': c.expected, '#submitted': c.submitted, '#ontime': c.onTime, '#late': c.late, '#missing': c.missing.length };
  if (e.code.startsWith('#')) return tracking[e.code.toLowerCase()];
  const i = c.indicators.find((x) => x.code.toLowerCase() === e.code.toLowerCase());
  if (!i) return undefined;
  if (e.measure === 'total2') return i.total2;
  if (e.measure === 'target') return i.targetMin ?? i.targetMax ?? i.targetText;
  if (e.measure === 'rate') return i.achievedPct === null ? null : Math.round(i.achievedPct * 10) / 1000;
  return i.aggregation === 'text' ? i.texts.map((t) => `${t.unitName}: ${t.text}`).join('; ') : i.total;
}

export async function fillProvinceWorkbook(db: Db, planId: number, file: FileIn, today: string) {
  const plan = planOrThrow(db, planId);
  const { entries } = effectiveCellMap(db, planId);
  if (entries.length === 0) throw new AppError('invalid_input', 'Chưa có bảng ánh xạ ô (mã chỉ tiêu → sheet, ô). Hãy khai báo trước khi điền vào mẫu của cấp trên.');
  const c = computeConsolidation(db, planId, today);
  // The province's workbook is outside bytes: loaded, filled and written behind the gate (worker, caps, timeout).
  const cells = entries.map((e) => ({ code: e.code, measure: e.measure, sheet: e.sheet, cell: e.cell, value: mappedValue(c, e) }));
  const { bytes, written, issues } = await readIsolated({ kind: 'fill-workbook', bytes: file.bytes, fileName: file.name, cells });
  const base = file.name.replace(/\.xlsx$/i, '');
  return { file: { name: `${base}-${slug(plan.periodLabel ?? plan.title)}-da-dien.xlsx`, mime: XLSX_MIME, bytes }, written, issues };
}
