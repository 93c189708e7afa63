// Top of an official worksheet: rows 1–4 as the two-column NĐ 30/2020 header (parent/issuing org and Số on the
// left; Quốc hiệu, underlined tiêu ngữ and italic place-date on the right), then the bold caps title block.
import type { Worksheet } from 'exceljs';
import { placeDateLine, QUOC_HIEU, TIEU_NGU } from '../../docs/official-docx/header';
import type { OfficialHeader } from '../../docs/official-docx/types';
import { defaultColumnFonts, font, mergeRow, put, sheetState } from './style';

const upperVi = (s: string): string => s.normalize('NFC').toLocaleUpperCase('vi');

/**
 * Write the header into rows 1–4 (or from the sheet's next free row) across `widthCols` columns.
 * Returns the next free row.
 */
export function addOfficialHeader(ws: Worksheet, header: OfficialHeader, widthCols: number): number {
  const st = sheetState(ws, widthCols, true);
  const r = st.next;
  const L = st.leftCols;
  const W = st.widthCols;
  defaultColumnFonts(ws, W);
  const left = (row: number, text: string, f: ReturnType<typeof font>): void => {
    put(mergeRow(ws, row, 1, L), text, f, { horizontal: 'center' });
    st.wrapped.push({ row, from: 1, to: L, text, pt: f.size ?? 13, bold: f.bold ?? false });
  };
  const right = (row: number, text: string, f: ReturnType<typeof font>): void => {
    put(mergeRow(ws, row, L + 1, W), text, f, { horizontal: 'center' });
    st.wrapped.push({ row, from: L + 1, to: W, text, pt: f.size ?? 13, bold: f.bold ?? false });
  };
  left(r, upperVi(header.parentOrg), font(12));
  right(r, QUOC_HIEU, font(12, { bold: true }));
  left(r + 1, upperVi(header.ownOrg), font(12, { bold: true }));
  right(r + 1, TIEU_NGU, font(13, { bold: true, underline: true }));
  ws.getRow(r + 2).height = 6;
  left(r + 3, `Số: ${header.number.trim()}`, font(13));
  right(r + 3, placeDateLine(header.place, header.date), font(13, { italic: true }));
  st.next = r + 4;
  return st.next;
}

/** Bold caps title (14pt) and optional italic subtitle lines, merged across the sheet width, after one blank row. */
export function addTitle(ws: Worksheet, title: string, subtitle?: string | string[], widthCols?: number): number {
  const st = sheetState(ws, widthCols, widthCols !== undefined);
  let r = st.next + 1;
  const text = upperVi(title.trim());
  put(mergeRow(ws, r, 1, st.widthCols), text, font(14, { bold: true }), { horizontal: 'center' });
  st.wrapped.push({ row: r, from: 1, to: st.widthCols, text, pt: 14, bold: true });
  r += 1;
  const subs = subtitle === undefined ? [] : Array.isArray(subtitle) ? subtitle : [subtitle];
  for (const s of subs.filter((x) => x.trim())) {
    put(mergeRow(ws, r, 1, st.widthCols), s.trim(), font(13, { italic: true }), { horizontal: 'center' });
    st.wrapped.push({ row: r, from: 1, to: st.widthCols, text: s.trim(), pt: 13, bold: false });
    r += 1;
  }
  st.next = r + 1;
  return st.next;
}
