// A sheet seen as text for interpretation: legacy-font cells converted to Unicode (by font, or by the
// heuristic detector), NFC, and a header view where merged ranges are forward-filled (clipped, never huge).
import type { Cell, SheetGrid } from '../xlsx/grid';
import { a1 } from '../xlsx/grid';
import type { ReportIssue } from '../../contract/parsed-report';
import { decodeByFont, decodeLegacy, detectLegacyEncoding, legacyEncodingOfFont } from '../../text/legacy-vi';
import { cleanCell as clean } from './fold-cache';

export interface SheetText {
  sheet: SheetGrid;
  /** text[r][c]: converted, cleaned text ('' when empty). Dense over the used range. */
  text: string[][];
  /** Same as text, with merged ranges filled from their top-left cell. */
  filled: string[][];
  /** For every cell covered by a merge but not its top-left: the top-left [r, c]. */
  mergedFrom: Map<number, [number, number]>;
  width: number;
}

const MAX_FILL = 200_000;
/** A merge claiming more cells than this is a crafted file, not a layout: ignored even when clipped. */
const HUGE_MERGE = 100_000;

function convert(cell: Cell, legacy: { byFont: number; guessed: string[] }, r: number, c: number): string {
  if (typeof cell.v !== 'string') return cell.v === null ? '' : String(cell.v);
  if (cell.runs) {
    legacy.byFont++;
    return cell.runs.map((r) => decodeByFont(r.text, r.font ?? cell.font)).join('');
  }
  if (cell.font && legacyEncodingOfFont(cell.font)) {
    legacy.byFont++;
    return decodeByFont(cell.v, cell.font);
  }
  const enc = detectLegacyEncoding(cell.v);
  if (enc) {
    legacy.guessed.push(a1(r, c));
    return decodeLegacy(cell.v, enc);
  }
  return cell.v;
}

/** `fill` false: the header view is not built (filled = text, no merges): enough for narrative, cheaper. */
export function sheetText(sheet: SheetGrid, issues: ReportIssue[], fill = true): SheetText {
  let width = 0;
  for (const row of sheet.rows) if (row && row.length > width) width = row.length;
  const legacy = { byFont: 0, guessed: [] as string[] };
  const text: string[][] = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    const out: string[] = new Array<string>(width).fill('');
    if (row) {
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        // Numbers and booleans print without spaces or marks: only text needs cleaning, unless known clean as read.
        if (cell) {
          const t = convert(cell, legacy, r, c);
          out[c] = typeof cell.v !== 'string' || (cell.clean && t === cell.v) ? t : clean(t);
        }
      }
    }
    text.push(out);
  }
  const filled = fill ? text.map((r) => r.slice()) : text;
  const mergedFrom = new Map<number, [number, number]>();
  let budget = MAX_FILL;
  for (const m of fill ? sheet.merges : []) {
    const r2 = Math.min(m.r2, text.length - 1);
    const c2 = Math.min(m.c2, width - 1);
    if (m.r1 > r2 || m.c1 > c2) continue;
    const area = (r2 - m.r1 + 1) * (c2 - m.c1 + 1);
    const claimed = (m.r2 - m.r1 + 1) * (m.c2 - m.c1 + 1);
    if (area > budget || claimed > HUGE_MERGE) {
      issues.push({
        sheet: sheet.name,
        cell: a1(m.r1, m.c1),
        severity: 'warning',
        message: `Sheet '${sheet.name}', ô ${a1(m.r1, m.c1)}: vùng gộp ô quá lớn – bỏ qua.`,
      });
      continue;
    }
    budget -= area;
    const v = text[m.r1]?.[m.c1] ?? '';
    for (let r = m.r1; r <= r2; r++) {
      const fr = filled[r];
      if (!fr) continue;
      for (let c = m.c1; c <= c2; c++) {
        if (r === m.r1 && c === m.c1) continue;
        fr[c] = v;
        mergedFrom.set(r * 16384 + c, [m.r1, m.c1]);
      }
    }
  }
  if (legacy.byFont > 0) {
    issues.push({
      sheet: sheet.name,
      cell: null,
      severity: 'warning',
      message: `Sheet '${sheet.name}': ${legacy.byFont} ô dùng phông chữ cũ (TCVN3/VNI) – đã chuyển sang Unicode, hãy kiểm tra lại.`,
    });
  }
  if (legacy.guessed.length > 0) {
    const cells = legacy.guessed.slice(0, 5).join(', ') + (legacy.guessed.length > 5 ? ', ...' : '');
    issues.push({
      sheet: sheet.name,
      cell: legacy.guessed[0] ?? null,
      severity: 'warning',
      message: `Sheet '${sheet.name}', ô ${cells}: chữ có vẻ gõ bằng bảng mã cũ (TCVN3/VNI) – đã tự chuyển sang Unicode, hãy kiểm tra lại.`,
    });
  }
  return { sheet, text, filled, mergedFrom, width };
}
