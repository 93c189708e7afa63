// Building one cell of the fast scanner from what its <c> element held: the value by type (shared string,
// inline string, formula string, boolean, error, ISO date, number), the formula and the style's legacy font and
// date flag. Split from sheet-scan.ts, which finds the elements.
import { a1, type Cell } from './grid';
import type { ScanContext } from './sheet-scan';
import { decodeStr, decodeXml } from '../../bytes/xml';

const COMBINING = /[\u0300-\u036f]/;

export const nfc = (s: string): string => (COMBINING.test(s) ? s.normalize('NFC') : s);

/** Non-negative integer written as 1–9 plain digits in xml[from, to); -1 otherwise (caller falls back to Number). */
export function digits(xml: string, from: number, to: number): number {
  if (to <= from || to - from > 9) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

// Cell types by code (t attribute): 0 number/default, 1 s, 2 inlineStr, 3 str, 4 b, 5 e, 6 d.
export function typeCode(t: string | undefined): number {
  switch (t) {
    case 's':
      return 1;
    case 'inlineStr':
      return 2;
    case 'str':
      return 3;
    case 'b':
      return 4;
    case 'e':
      return 5;
    case 'd':
      return 6;
    default:
      return 0;
  }
}

export interface CellState {
  name: string;
  r: number;
  c: number;
  type: number;
  style: number;
  /** <v> text (raw, undecoded); undefined when the cell has no <v>. */
  v: string | undefined;
  f: string | undefined;
  is: string;
}

/** What makeCell builds for a cell of the default type holding the plain digits of `d`, without a formula. */
export function numberCell(d: number, style: number, styles: ScanContext['styles']): Cell {
  const cell: Cell = { v: d, k: 'n' };
  const font = style >= 0 ? styles.legacyFont[style] : undefined;
  if (font) cell.font = font;
  if (style >= 0) {
    if (styles.isDate[style]) cell.date = true;
    else if (styles.isPercent?.[style]) cell.pct = true;
  }
  return cell;
}

/** Build the cell for the collected state; null when it holds nothing (no value, no formula). */
export function makeCell(st: CellState, ctx: ScanContext): Cell | null {
  const { sst, styles, issues } = ctx;
  const vText = st.v;
  let cell: Cell;
  switch (st.type) {
    case 1: {
      let idx = -1;
      if (vText !== undefined) {
        const d = digits(vText, 0, vText.length);
        idx = d >= 0 ? d : Number(vText);
      }
      const ss = vText === undefined ? undefined : sst(idx);
      if (!ss) {
        if (vText !== undefined) {
          issues.push({
            sheet: st.name,
            cell: a1(st.r, st.c),
            severity: 'warning',
            message: `Sheet '${st.name}', ô ${a1(st.r, st.c)}: tham chiếu chuỗi không hợp lệ (${vText.slice(0, 20)}) – bỏ qua.`,
          });
        }
        cell = { v: null, k: 's' };
      } else {
        cell = { v: ss.text, k: 's', clean: ss.clean };
        if (ss.font) {
          cell.font = ss.font;
          if (ss.runs) cell.runs = ss.runs;
        }
      }
      break;
    }
    case 2:
      cell = { v: nfc(decodeStr(st.is)), k: 's' };
      break;
    case 3:
      // A formula string with an empty cached result (<v></v>) is no value, like an uncalculated one (flagged below).
      cell = { v: vText === undefined || (vText === '' && st.f !== undefined) ? null : nfc(decodeStr(vText)), k: 's' };
      break;
    case 4:
      cell = { v: vText === undefined ? null : vText === '1' || vText === 'true', k: 'b' };
      break;
    case 5:
      cell = { v: vText === undefined ? null : decodeXml(vText), k: 'e' };
      break;
    case 6:
      cell = { v: vText === undefined ? null : decodeXml(vText), k: 'd' };
      break;
    default: {
      // No <v>, or an empty one (openpyxl writes "<f>..</f><v></v>"): no value, never an empty string.
      if (vText === undefined || (vText === '' && st.f !== undefined)) {
        cell = { v: null, k: 'n' };
      } else if (digits(vText, 0, vText.length) >= 0) {
        // plain digits (counts, dates, amounts): the same number Number() gives, read without it
        cell = { v: digits(vText, 0, vText.length), k: 'n' };
      } else {
        const num = Number(vText);
        cell = Number.isFinite(num) && vText.trim() !== '' ? { v: num, k: 'n' } : { v: decodeXml(vText), k: 's' };
      }
    }
  }
  if (st.f !== undefined) {
    cell.f = decodeXml(st.f).slice(0, 500);
    if ((vText === undefined || (vText === '' && (st.type === 0 || st.type === 3))) && st.type !== 2) cell.noCache = true;
  }
  if (cell.v === null && cell.f === undefined) return null;
  const font = st.style >= 0 ? styles.legacyFont[st.style] : undefined;
  if (font && cell.font === undefined) cell.font = font;
  if (cell.k === 'n' && st.style >= 0) {
    if (styles.isDate[st.style]) cell.date = true;
    else if (styles.isPercent?.[st.style]) cell.pct = true;
  }
  return cell;
}
