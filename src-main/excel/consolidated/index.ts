// Consolidated workbooks: the official report (summary sheet + appendices: units × indicators, submission
// status, narrative) and the list of missing and late units for chasing. Pure: figures in, .xlsx bytes out.
import type * as ExcelJS from 'exceljs';
import { loadExcelJs } from '../exceljs-load';
import type { Consolidation, Tracking } from '../../contract/consolidation';
import { addOfficialHeader, addTable, addTitle, type SheetGroup } from '../official-sheet/index';
import { writeMatrixSheet, writeNarrativeSheet, writeStatusSheet } from './detail-sheets';
import { addNotes, writeSummarySheet } from './summary-sheet';
import type { ExportFrame } from './types';
import { REPORT_STATE_DOC_LABELS } from '../../contract/report-labels';
import { xlsxBytes } from '../xlsx-bytes';

export type { ExportFrame } from './types';

async function workbook(frame: ExportFrame): Promise<ExcelJS.Workbook> {
  const xl = await loadExcelJs();
  const wb = new xl.Workbook();
  wb.creator = frame.header.ownOrg;
  wb.title = `Báo cáo tổng hợp kết quả ${frame.subject}`;
  return wb;
}

export async function buildConsolidatedWorkbook(c: Consolidation, t: Tracking, frame: ExportFrame): Promise<Uint8Array> {
  const wb = await workbook(frame);
  writeSummarySheet(wb.addWorksheet('Tổng hợp'), c, frame);
  writeMatrixSheet(wb.addWorksheet('Chi tiết đơn vị'), c, frame);
  writeStatusSheet(wb.addWorksheet('Tình hình nộp'), t, frame);
  writeNarrativeSheet(wb.addWorksheet('Thuyết minh'), c, frame);
  return xlsxBytes(wb);
}

/** Missing and late units with contacts and reminder counts, to chase them by phone, Zalo or letter. */
export async function buildMissingWorkbook(t: Tracking, frame: ExportFrame): Promise<Uint8Array> {
  const wb = await workbook(frame);
  const ws = wb.addWorksheet('Chưa nộp - nộp trễ');
  const W = 8;
  addOfficialHeader(ws, frame.header, W);
  addTitle(
    ws,
    'Danh sách đơn vị chưa báo cáo, báo cáo trễ hạn',
    [`Kết quả ${frame.subject}`, `(Tính đến ngày ${frame.header.date.split('-').reverse().join('/')})`],
    W,
  );
  const groups: SheetGroup[] = (['missing', 'late'] as const).flatMap((s, gi) => {
    const rows = t.rows.filter((r) => r.state === s);
    return rows.length
      ? [
          {
            label: `${gi === 0 ? 'I' : 'II'}. ${REPORT_STATE_DOC_LABELS[s]} (${rows.length} đơn vị)`,
            rows: rows.map((r, k) => ({
              tt: k + 1,
              code: r.unit.code,
              unit: r.unit.name,
              received: r.receivedOn,
              late: r.daysLate,
              reminders: r.reminders,
              last: r.lastReminderOn,
              phone: r.phone ?? '',
            })),
          },
        ]
      : [];
  });
  addTable(ws, {
    columns: [
      { header: 'TT', key: 'tt', width: 5, align: 'center' },
      { header: 'Mã', key: 'code', width: 9, align: 'center' },
      { header: 'Đơn vị', key: 'unit', width: 38 },
      { header: 'Ngày nhận', key: 'received', width: 12, kind: 'date' },
      { header: 'Số ngày trễ', key: 'late', width: 9, align: 'center' },
      { header: 'Số lần đôn đốc', key: 'reminders', width: 9, align: 'center' },
      { header: 'Đôn đốc gần nhất', key: 'last', width: 12, kind: 'date' },
      { header: 'Điện thoại', key: 'phone', width: 13, align: 'center' },
    ],
    groups: groups.length ? groups : [{ label: 'Tất cả đơn vị đã báo cáo đúng hạn.', rows: [] }],
    labelKey: 'code',
    landscape: false,
  });
  addNotes(ws, [
    `Đã báo cáo ${t.submitted}/${t.expected} đơn vị (${t.onTime} đúng hạn, ${t.late} trễ hạn); chưa báo cáo ${t.missingCount} đơn vị.`,
  ]);
  return xlsxBytes(wb);
}
