// Top of an official worksheet: rows 1–4 as the two-column NĐ 30/2020 header (parent/issuing org and Số on the
// left; Quốc hiệu, underlined tiêu ngữ and italic place-date on the right), then the bold caps title block.
// Once the column widths are known the header is re-laid: the split column and the names' lines are chosen so
// every line fits its merged width (a long name goes on two lines at a good break, never "TÂY / NINH").
import type { Worksheet } from 'exceljs';
import { placeDateLine, QUOC_HIEU, TIEU_NGU } from '../../layout/text-lines';
import { fitCost, fitName, type FittedName } from '../../layout/header-fit';
import { estimateWidthTwip } from '../../layout/metrics';
import type { OfficialHeader } from '../../layout/types';
import { colsWidthTwip, defaultColumnFonts, font, mergeRow, put, sheetState } from './style';

const upperVi = (s: string): string => s.normalize('NFC').toLocaleUpperCase('vi');
const LINE_PT = 1.3;

interface Layout {
  left: number;
  parent: FittedName | null;
  own: FittedName;
}

/** The split (columns given to the left block) and fitted names that fit best with the current widths. */
function layoutFor(ws: Worksheet, header: OfficialHeader, W: number, fallbackLeft: number): Layout {
  const dateText = placeDateLine(header.place, header.date);
  const rightNeed = Math.max(
    estimateWidthTwip(QUOC_HIEU, 12, true),
    estimateWidthTwip(TIEU_NGU, 13, true),
    estimateWidthTwip(dateText, 13, false),
  );
  let best: { cost: number; l: Layout } | null = null;
  for (let L = 1; L < W; L++) {
    const avail = colsWidthTwip(ws, 1, L);
    const parent = header.parentOrg.trim() ? fitName(header.parentOrg, false, avail, [12, 11]) : null;
    const own = fitName(header.ownOrg, true, avail, [12, 11]);
    const rightFits = colsWidthTwip(ws, L + 1, W) >= rightNeed;
    const cost = (parent ? fitCost(parent) : 0) + fitCost(own) + (rightFits ? 0 : 100) + Math.abs(L - fallbackLeft) * 0.01;
    if (!best || cost < best.cost) best = { cost, l: { left: L, parent, own } };
  }
  return best!.l;
}

/**
 * Write the header into rows 1–4 (or from the sheet's next free row) across `widthCols` columns.
 * Returns the next free row.
 */
export function addOfficialHeader(ws: Worksheet, header: OfficialHeader, widthCols: number): number {
  const st = sheetState(ws, widthCols, true);
  const r = st.next;
  const W = st.widthCols;
  defaultColumnFonts(ws, W);
  let merged: number | null = null;
  const write = (L: number, parent: FittedName | null, own: FittedName | null): void => {
    if (merged !== null)
      for (let k = 0; k < 4; k++)
        if (k !== 2) {
          if (merged > 1) ws.unMergeCells(r + k, 1, r + k, merged);
          if (W > merged + 1) ws.unMergeCells(r + k, merged + 1, r + k, W);
          for (let c = 1; c <= W; c++) ws.getCell(r + k, c).value = null;
        }
    merged = L;
    const left = (row: number, text: string, f: ReturnType<typeof font>): void => {
      put(mergeRow(ws, row, 1, L), text, f, { horizontal: 'center' });
    };
    const right = (row: number, text: string, f: ReturnType<typeof font>): void => {
      put(mergeRow(ws, row, L + 1, W), text, f, { horizontal: 'center' });
    };
    const parentLines = parent?.lines ?? (header.parentOrg.trim() ? [upperVi(header.parentOrg)] : ['']);
    const ownLines = own?.lines ?? [upperVi(header.ownOrg)];
    left(r, parentLines.join('\n'), font(parent?.size ?? 12));
    right(r, QUOC_HIEU, font(12, { bold: true }));
    left(r + 1, ownLines.join('\n'), font(own?.size ?? 12, { bold: true }));
    right(r + 1, TIEU_NGU, font(13, { bold: true, underline: true }));
    ws.getRow(r).height = Math.ceil(Math.max(parentLines.length * (parent?.size ?? 12), 12) * LINE_PT + 2);
    ws.getRow(r + 1).height = Math.ceil(Math.max(ownLines.length * (own?.size ?? 12), 13) * LINE_PT + 2);
    ws.getRow(r + 2).height = 6;
    left(r + 3, `Số: ${header.number.trim()}`, font(13));
    right(r + 3, placeDateLine(header.place, header.date), font(13, { italic: true }));
  };
  write(st.leftCols, null, null);
  st.refitHeader = () => {
    const l = layoutFor(ws, header, W, st.leftCols);
    write(l.left, l.parent, l.own);
  };
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
