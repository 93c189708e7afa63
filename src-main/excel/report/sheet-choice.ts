// Which sheet is the report: instruction, example, list and template sheets ("Hướng dẫn", "Ví dụ", "Danh sách",
// "Mẫu") are read only when no other sheet has the table; by name and by content ("Ví dụ:" above the table).
// And whether another sheet holds a second unit's report, which is never dropped silently.
import type { SheetGrid } from '../xlsx/grid';
import { cachedFold as fold } from './fold-cache';
import type { SheetText } from './sheet-text';
import type { TableLayout } from './table-header';

/** Instruction or example sheets, by name. */
const SAMPLE_NAME = /huong dan|vi du|cach (dien|ghi|lam|nhap)|instruction|example|sample|readme|luu y/;
/** Lists and blank templates, by name: weaker, a unit may have typed its report into "Mẫu 01". */
const LIST_NAME = /^(mau|bieu mau|template|danh sach|danh muc|ds\b|dm\b|list|du lieu|data|tham khao)/;
/** Above the table, a line that marks an example: "Ví dụ:", "Hướng dẫn điền ...", "(mẫu)", "Minh họa". */
const SAMPLE_TOP = /^vi du\b|\bvi du\s*:|\(vi du\)|^huong dan (dien|ghi|cach|lap|nhap|bao cao)|\(mau\)|^minh hoa\b/;
/** In the first data rows, only an explicit example mark: an indicator may well be "Hướng dẫn đoàn viên ...". */
const SAMPLE_ROW = /\(vi du\)|^vi du\b|\(mau\)/;

/**
 * 0: an ordinary sheet; 1: a list or template by name; 2: an instruction or example sheet (by name, or an example
 * note above the table or in its first rows). Lower is preferred.
 */
export function sampleTier(name: string, st: SheetText, layout: TableLayout): 0 | 1 | 2 {
  const n = fold(name);
  if (SAMPLE_NAME.test(n)) return 2;
  const last = Math.min(st.text.length, layout.dataStart + 3);
  for (let r = 0; r < last; r++) {
    if (r >= layout.headerTop && r < layout.dataStart) continue;
    const re = r < layout.headerTop ? SAMPLE_TOP : SAMPLE_ROW;
    for (const t of st.text[r] ?? []) if (t && t.length < 200 && re.test(fold(t))) return 2;
  }
  return LIST_NAME.test(n) ? 1 : 0;
}

/** An instruction or example sheet by its name: never the report's narrative either. */
export const isSampleSheetName = (name: string): boolean => SAMPLE_NAME.test(fold(name));

/** Same unit name, compared folded and without the "Công đoàn cơ sở"/"CĐCS" prefix. */
export function sameUnit(a: string, b: string): boolean {
  const key = (s: string): string =>
    fold(s)
      .replace(/^(cong doan co so|cdcs|cong doan)\s+/, '')
      .replace(/\s+/g, ' ')
      .trim();
  return key(a) === key(b);
}

const LABEL_HINT = /noi dung|chi tieu|hang muc|dien giai/;
const VALUE_HINT = /ket qua|so luong|thuc hien|so lieu|gia tri|tong so/;
const HAS_SPACE = /\s/;

/**
 * Cheap necessary condition for findTable on a sheet that is probably not the report (lists, appendices, long
 * narrative): some row among the first `rows` has a short text cell naming the content and one naming the result.
 * Cells in a legacy font cannot be judged before conversion, so such a row passes.
 */
export function mayHaveTable(grid: SheetGrid, rows = 40): boolean {
  for (let r = 0; r < Math.min(rows, grid.rows.length); r++) {
    const row = grid.rows[r];
    if (!row) continue;
    let label = false;
    let value = false;
    for (const cell of row) {
      if (!cell || typeof cell.v !== 'string' || cell.v.length > 80) continue;
      if (cell.font) return true;
      // Every hint is two words, and fold() makes spaces only of whitespace: text without any cannot match.
      if (!HAS_SPACE.test(cell.v)) continue;
      const f = fold(cell.v);
      if (!label && LABEL_HINT.test(f)) label = true;
      else if (!value && VALUE_HINT.test(f)) value = true;
      if (label && value) return true;
    }
  }
  return false;
}
