// Appendix sheets of the consolidated workbook: units × indicators (with a total row by each indicator's own
// aggregation rule), submission status with received dates as real dates, and the units' narrative side by side.
import type { Worksheet } from 'exceljs';
import type { Consolidation, Tracking } from '../../contract/consolidation';
import { addTable, addTitle, type SheetColumn, type SheetGroup } from '../official-sheet/index';
import { THIN, font, put, sheetState } from '../official-sheet/style';
import type { ExportFrame } from './types';
import { REPORT_STATE_DOC_LABELS } from '../../contract/report-labels';

function appendixTitle(ws: Worksheet, n: number, title: string, frame: ExportFrame, width: number): void {
  addTitle(ws, `Phụ lục ${n}: ${title}`, `(Kèm theo Báo cáo số ${frame.header.number.trim()} của ${frame.header.ownOrg})`, width);
}

export function writeMatrixSheet(ws: Worksheet, c: Consolidation, frame: ExportFrame): void {
  const fixed: SheetColumn[] = [
    { header: 'TT', key: 'tt', width: 5, align: 'center' },
    { header: 'Đơn vị', key: 'unit', width: 32 },
    { header: 'Tình trạng', key: 'state', width: 12, align: 'center', trusted: true },
  ];
  const ind: SheetColumn[] = c.indicators.map((i, k) => ({
    header: `${i.label}${i.unit ? ` (${i.unit})` : ''}`,
    key: `i${k}`,
    width: i.aggregation === 'text' ? 24 : 12,
    kind: i.aggregation === 'text' ? 'text' : 'number',
  }));
  const columns = [...fixed, ...ind];
  appendixTitle(ws, 1, 'Kết quả chi tiết theo đơn vị', frame, columns.length);
  const rows = c.matrix.units.map((u, r) => {
    const row: Record<string, string | number | null> = { tt: r + 1, unit: u.name, state: REPORT_STATE_DOC_LABELS[u.state] };
    (c.matrix.values[r] ?? []).forEach((v, k) => {
      row[`i${k}`] = v;
    });
    return row;
  });
  const t = addTable(ws, { columns, rows, landscape: 'auto' });
  // Total row by each indicator's own rule (a plain column sum would be wrong for avg / max / percent).
  const r = t.lastRow + 1;
  columns.forEach((col, k) => {
    const cell = ws.getCell(r, k + 1);
    const ci = k >= fixed.length ? c.indicators[k - fixed.length] : undefined;
    const v = k === 1 ? 'Tổng hợp' : ci && typeof ci.total === 'number' ? ci.total : null;
    put(cell, v, font(12, { bold: true }), { horizontal: typeof v === 'number' ? 'right' : k === 1 ? 'left' : 'center' });
    if (typeof v === 'number') cell.numFmt = Number.isInteger(v) ? '#,##0' : '#,##0.0#';
    cell.border = THIN;
    void col;
  });
  ws.getRow(r).height = 20;
  sheetState(ws).next = r + 1;
}

export function writeStatusSheet(ws: Worksheet, t: Tracking, frame: ExportFrame): void {
  const columns: SheetColumn[] = [
    { header: 'TT', key: 'tt', width: 5, align: 'center' },
    { header: 'Mã', key: 'code', width: 10, align: 'center' },
    { header: 'Đơn vị', key: 'unit', width: 40 },
    { header: 'Tình trạng', key: 'state', width: 13, align: 'center', trusted: true },
    { header: 'Ngày nhận', key: 'received', width: 12, kind: 'date' },
    { header: 'Số ngày trễ', key: 'late', width: 9, align: 'center' },
    { header: 'Số lần đôn đốc', key: 'reminders', width: 9, align: 'center' },
  ];
  appendixTitle(ws, 2, 'Tình hình gửi báo cáo của các đơn vị', frame, columns.length);
  const due = t.reportDueOn ? ` Hạn báo cáo: ${t.reportDueOn.slice(8, 10)}/${t.reportDueOn.slice(5, 7)}/${t.reportDueOn.slice(0, 4)}.` : '';
  const st = sheetState(ws);
  const summary = `Đã báo cáo ${t.submitted}/${t.expected} đơn vị (${t.onTime} đúng hạn, ${t.late} trễ hạn), chưa báo cáo ${t.missingCount}.${due}`;
  put(ws.getCell(st.next - 1, 1), summary, font(12, { italic: true }), { horizontal: 'left', wrapText: false });
  const groups: SheetGroup[] = (['missing', 'late', 'on_time'] as const).flatMap((s, gi) => {
    const rows = t.rows.filter((r) => r.state === s);
    return rows.length
      ? [
          {
            label: `${['I', 'II', 'III'][gi]}. ${REPORT_STATE_DOC_LABELS[s]} (${rows.length})`,
            rows: rows.map((r, k) => ({
              tt: k + 1,
              code: r.unit.code,
              unit: r.unit.name,
              state: REPORT_STATE_DOC_LABELS[r.state],
              received: r.receivedOn,
              late: r.daysLate,
              reminders: r.reminders,
            })),
          },
        ]
      : [];
  });
  addTable(ws, { columns, groups, labelKey: 'code', landscape: false });
}

export function writeNarrativeSheet(ws: Worksheet, c: Consolidation, frame: ExportFrame): void {
  const columns: SheetColumn[] = [
    { header: 'TT', key: 'tt', width: 5, align: 'center' },
    { header: 'Đơn vị', key: 'unit', width: 26 },
    { header: 'Nội dung', key: 'text', width: 70 },
  ];
  appendixTitle(ws, 3, 'Tổng hợp thuyết minh của các đơn vị', frame, columns.length);
  const groups: SheetGroup[] = c.narrative.map((s, gi) => ({
    label: `${gi + 1}. ${s.heading}`,
    rows: s.items.map((it, k) => ({ tt: k + 1, unit: it.unitName, text: it.text })),
  }));
  if (groups.length === 0) groups.push({ label: 'Các đơn vị chưa gửi phần thuyết minh.', rows: [] });
  addTable(ws, { columns, groups, labelKey: 'unit', landscape: false });
}
