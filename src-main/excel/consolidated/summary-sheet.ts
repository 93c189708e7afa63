// Main sheet of the consolidated report (NĐ 30/2020 layout): header block, title, period subtitle, the indicator
// table grouped by indicator group (TT | Nội dung | ĐVT | Chỉ tiêu | Kết quả | Tỷ lệ đạt | Số đơn vị báo cáo),
// a footnote naming late and missing units, then Nơi nhận + signature.
import type { Worksheet } from 'exceljs';
import type { Consolidation, ConsolidatedIndicator } from '../../contract/consolidation';
import { formatViDate } from '../../text/vi-date';
import { fold } from '../../text/vi-text';
import {
  addOfficialHeader,
  addSignatureBlock,
  addTable,
  addTitle,
  inertText,
  type SheetGroup,
  type SheetRow,
} from '../official-sheet/index';
import { font, mergeRow, put, sheetState, fitWrappedRows } from '../official-sheet/style';
import type { ExportFrame } from './types';

const isMoney = (u: string | null): boolean => !!u && /đồng/iu.test(u);

export function targetCell(i: ConsolidatedIndicator): string | number | null {
  if (i.targetMin !== null && i.targetMax !== null && i.targetMax !== i.targetMin) return `${i.targetMin} - ${i.targetMax}`;
  const n = i.targetMin ?? i.targetMax;
  if (n !== null) return i.scope === 'per_unit' ? `${n}/đơn vị` : n;
  return i.targetText;
}

/** 144.8 (%) → 1.448 for a percent-formatted cell, rounded as shown (144.8 / 100 would store 1.4480000000000002). */
export const rateCell = (pct: number | null): number | null => (pct === null ? null : Math.round(pct * 10) / 1000);

function indicatorRows(i: ConsolidatedIndicator, n: number): SheetRow[] {
  // Text answers are listed per unit in Phụ lục 1; the summary only counts them (keeps the table on its page).
  const value = i.aggregation === 'text' ? (i.texts.length ? `${i.texts.length} ý kiến (Phụ lục 1)` : null) : i.total;
  const rows: SheetRow[] = [
    {
      tt: n,
      label: i.label,
      unit: i.unit ?? '',
      target: targetCell(i),
      value: typeof value === 'number' ? value : (value ?? ''),
      rate: rateCell(i.achievedPct),
      units: i.reporting,
    },
  ];
  if (i.unit2 && i.total2 !== null)
    rows.push({
      tt: null,
      label: isMoney(i.unit2) ? 'Trị giá' : `Số ${i.unit2}`,
      unit: i.unit2,
      target: null,
      value: i.total2,
      rate: null,
      units: null,
    });
  return rows;
}

export function footnoteLines(c: Consolidation): string[] {
  const lines = [`Số liệu tổng hợp từ báo cáo của ${c.submitted}/${c.expected} đơn vị (${c.onTime} đúng hạn, ${c.late} trễ hạn).`];
  if (c.lateUnits.length)
    lines.push(
      `Đơn vị báo cáo trễ hạn (${c.lateUnits.length}): ${c.lateUnits.map((u) => `${u.name} (${formatViDate(u.receivedOn)})`).join('; ')}.`,
    );
  if (c.missing.length) lines.push(`Đơn vị chưa báo cáo (${c.missing.length}): ${c.missing.map((u) => u.name).join('; ')}.`);
  return lines;
}

/** Italic note lines merged across the sheet, after the table. */
export function addNotes(ws: Worksheet, lines: string[], label = 'Ghi chú: '): void {
  const st = sheetState(ws);
  let r = st.next + 1;
  lines.forEach((l, k) => {
    const text = inertText(`${k === 0 ? label : ''}${l}`);
    put(mergeRow(ws, r, 1, st.widthCols), text, font(12, { italic: true }), { horizontal: 'left', vertical: 'top' });
    st.wrapped.push({ row: r, from: 1, to: st.widthCols, text, pt: 12, bold: false });
    r += 1;
  });
  st.next = r;
  fitWrappedRows(ws);
}

export function writeSummarySheet(ws: Worksheet, c: Consolidation, frame: ExportFrame): void {
  const W = 7;
  addOfficialHeader(ws, frame.header, W);
  const asOf = `(Số liệu tính đến ngày ${formatViDate(frame.header.date)})`;
  const title = `Báo cáo tổng hợp kết quả ${frame.subject}`;
  const period = c.periodLabel && !fold(title).includes(fold(c.periodLabel)) ? c.periodLabel : '';
  addTitle(ws, title, [period, asOf].filter(Boolean), W);
  const groups: SheetGroup[] = [];
  let n = 0;
  for (const i of c.indicators) {
    const label = `${i.groupCode}. ${i.groupLabel}`;
    let g = groups.at(-1);
    if (!g || g.label !== label) groups.push((g = { label, rows: [] }));
    g.rows.push(...indicatorRows(i, ++n));
  }
  addTable(ws, {
    columns: [
      { header: 'TT', key: 'tt', width: 5, align: 'center' },
      { header: 'Nội dung', key: 'label', width: 39, trusted: true },
      { header: 'ĐVT', key: 'unit', width: 10, align: 'center', trusted: true },
      { header: 'Chỉ tiêu', key: 'target', width: 12, align: 'right', trusted: true },
      { header: 'Kết quả', key: 'value', width: 14 },
      { header: 'Tỷ lệ đạt', key: 'rate', width: 9, numFmt: '0%', align: 'center' },
      { header: 'Số đơn vị báo cáo', key: 'units', width: 10, align: 'center' },
    ],
    groups,
    labelKey: 'label',
    landscape: 'auto',
  });
  addNotes(ws, footnoteLines(c));
  addSignatureBlock(ws, frame.recipients, frame.signer);
}
