// Sổ theo dõi kế hoạch: the plans register exported in the official layout, and imported back (or from an
// office's own register workbook) as plans — header row found by its labels, nothing written on dry run.
import { loadExcelJs } from '../excel/exceljs-load';
import type { FileIn, FileOut, Issue } from '../contract/common';
import { AppError } from '../contract/errors';
import { PLAN_STATUS_LABELS, type PlanStatusId } from '../contract/plan-labels';
import { PlanDraft } from '../contract/plans';
import type { Db } from '../db/connection';
import { listPlans } from '../db/plans';
import type { RegField } from '../excel/plan-register-read';
import { addOfficialHeader, addSignatureBlock, addTable, addTitle } from '../excel/official-sheet/index';
import { parseViDate, todayInVietnam } from '../text/vi-date';
import { clean, fold } from '../text/vi-text';
import { resolveProfile } from './doc-identity';
import { readProfile } from './settings';
import { readIsolated } from '../gate/isolated';
import { savePlan } from './plan-save';
import { writeTx } from '../db/write-tx';
import { MIME } from '../contract/mime';
import { xlsxBytes } from '../excel/xlsx-bytes';

export async function exportPlanRegister(db: Db, year: number | null, now: Date): Promise<FileOut> {
  const profile = resolveProfile(readProfile(db), null).profile;
  const today = todayInVietnam(now);
  const list = listPlans(db).filter((p) => year === null || (p.issuedOn ?? p.startsOn ?? '').startsWith(String(year)));
  const xl = await loadExcelJs();
  const wb = new xl.Workbook();
  const ws = wb.addWorksheet('Sổ theo dõi kế hoạch');
  const columns = [
    { header: 'STT', key: 'stt', width: 6, align: 'center' as const },
    { header: 'Số', key: 'number', width: 16 },
    { header: 'Ngày', key: 'issuedOn', width: 12, kind: 'date' as const },
    { header: 'Trích yếu', key: 'title', width: 46 },
    { header: 'Đợt', key: 'period', width: 18 },
    { header: 'Hạn báo cáo', key: 'due', width: 13, kind: 'date' as const },
    { header: 'Số đơn vị', key: 'units', width: 10, kind: 'number' as const },
    { header: 'Đã nộp', key: 'submitted', width: 10, kind: 'number' as const },
    { header: 'Trạng thái', key: 'status', width: 16 },
  ];
  addOfficialHeader(
    ws,
    { parentOrg: profile.parentOrg ?? '', ownOrg: profile.ownOrg, number: '', place: profile.placeName ?? '', date: today },
    columns.length,
  );
  addTitle(
    ws,
    'SỔ THEO DÕI KẾ HOẠCH',
    year ? `Năm ${year}` : `Tính đến ngày ${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}`,
    columns.length,
  );
  addTable(ws, {
    columns,
    rows: list.map((p, i) => ({
      stt: i + 1,
      number: p.number ?? '',
      issuedOn: p.issuedOn,
      title: p.title,
      period: p.periodLabel ?? '',
      due: p.reportDueOn,
      units: p.unitCount,
      submitted: p.submittedCount,
      status: PLAN_STATUS_LABELS[p.status],
    })),
    totalRow: list.length > 0,
  });
  addSignatureBlock(ws, ['Lưu: VT.'], {
    authority: profile.signerAuthority ?? '',
    title: profile.signerTitle ?? '',
    name: profile.signerName ?? '',
  });
  return { name: `so-theo-doi-ke-hoach-${year ?? today}.xlsx`, mime: MIME.xlsx, bytes: await xlsxBytes(wb) };
}

function statusOf(text: string): PlanStatusId {
  const f = fold(text);
  for (const [k, l] of Object.entries(PLAN_STATUS_LABELS)) if (fold(l) === f) return k as PlanStatusId;
  return f.includes('tong ket') ? 'da_tong_ket' : f.includes('dang') ? 'dang_thuc_hien' : f.includes('ban hanh') ? 'ban_hanh' : 'du_thao';
}

function dateOf(v: string, issues: Issue[], sheet: string | null, row: number, what: string): string | null {
  if (!v) return null;
  const d = parseViDate(v);
  if (!d)
    issues.push({ severity: 'warning', message: `Dòng ${row}: ${what} "${v}" không phải ngày hợp lệ, để trống`, sheet, cell: null, row });
  return d;
}

export async function importPlanRegister(db: Db, file: FileIn, dryRun: boolean, now: Date) {
  const table = await readIsolated({ kind: 'plan-register', bytes: file.bytes, fileName: file.name });
  if (table.fatal) throw new AppError('bad_file', table.fatal);
  const sheet = table.sheet;
  const existing = new Set(listPlans(db).map((p) => fold(`${p.number ?? ''}|${p.title}`)));
  const issues: Issue[] = table.converted ? [{ severity: 'warning', message: table.converted, sheet, cell: null, row: null }] : [];
  const drafts: PlanDraft[] = [];
  let skipped = 0;
  for (const { row, fields } of table.rows) {
    const get = (f: RegField) => clean(fields[f] ?? '');
    const title = get('title');
    if (!title || /^tong( cong)?$/.test(fold(title))) continue;
    if (existing.has(fold(`${get('number')}|${title}`))) {
      issues.push({ severity: 'warning', message: `Dòng ${row}: kế hoạch "${title}" đã có trong sổ, bỏ qua`, sheet, cell: null, row });
      skipped++;
      continue;
    }
    const parsed = PlanDraft.safeParse({
      kind: /dan van kheo/.test(fold(title)) ? 'dan_van_kheo' : 'dot_dan_van',
      status: statusOf(get('status')),
      number: get('number') || null,
      issuedOn: dateOf(get('issuedOn'), issues, sheet, row, 'ngày'),
      title,
      periodLabel: get('period') || null,
      reportDueOn: dateOf(get('due'), issues, sheet, row, 'hạn báo cáo'),
      assignment: 'picked',
      unitIds: [],
    });
    if (!parsed.success) {
      issues.push({
        severity: 'error',
        message: `Dòng ${row}: ${parsed.error.issues[0]?.message ?? 'không hợp lệ'}`,
        sheet,
        cell: null,
        row,
      });
      skipped++;
      continue;
    }
    drafts.push(parsed.data);
  }
  if (!dryRun) writeTx(db, () => drafts.forEach((d) => savePlan(db, d, now)));
  return { dryRun, created: drafts.length, skipped, issues };
}
