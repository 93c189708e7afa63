// Reading the rows of a located table: section rows (I., II., A.) with value null, "Trong đó"/"-"/"+"
// sub-rows marked as breakdowns of the row above, totals, ditto marks, template codes; column-number rows and
// hidden rows are passed over (hidden ones flagged), uncalculated formulas flagged; stops at the footer or a footnote.
import type { ReportIssue, ReportRow } from '../../contract/parsed-report';
import { a1, type Cell } from '../xlsx/grid';
import { cachedFold as fold } from './fold-cache';
import type { SheetText } from './sheet-text';
import { isColumnNumberRow, type TableLayout, type Field } from './table-header';
import { isDitto, readValue, type ValueContext } from './values';
import { isNarrativeHeading } from './narrative';

const ROMAN = /^[IVXL]{1,6}$/;
const SECTION_IN_LABEL = /^([IVXL]{1,6}|[A-Z])\s*[.)/]\s+(\S.*)$/;
const BREAKDOWN = /^(?:[-+*•–—]\s*|trong do\b|bao gom\b|gom\b|trong so\b|chia ra\b)/;
const FOOTER = /^(noi nhan|tm\.?\s|t\/m|tm ban|nguoi lap|nguoi bao cao|thu truong|xac nhan|chu tich|pho chu tich|ky ten)/;
const TOTAL = /^(tong cong|cong|tong so|tong)(\s*:)?$/;
/** A footnote under the table: "(*) ...", "(**) ...", "Ghi chú: ...", "Lưu ý: ...", "Nguồn: ...". */
const FOOTNOTE = /^(?:\(\s*\*{1,3}\s*\)|\*{1,3}\s*\)|(?:ghi chu|chu thich|luu y|nguon(?: so lieu)?)\s*:)/;

const nonEmpty = (s: string): boolean => s !== '';
const uncached = (c: Cell | undefined): boolean => !!c?.noCache;

interface TableRead {
  rows: ReportRow[];
  /** First row after the table (where narrative may start). */
  endRow: number;
}

export function readTableRows(
  st: SheetText,
  layout: TableLayout,
  rowCodes: Map<number, string> | null,
  date1904: boolean,
  issues: ReportIssue[],
): TableRead {
  const { columns } = layout;
  const sheet = st.sheet.name;
  const rows: ReportRow[] = [];
  const prev: Partial<Record<Field, ReportRow[keyof ReportRow]>> = {};
  let lastItem: number | null = null;
  let blank = 0;
  let r = layout.dataStart;
  const colText = (row: number, f: Field): string => {
    const c = columns[f];
    if (c === undefined) return '';
    const t = st.text[row]?.[c] ?? '';
    if (t || f === 'value' || f === 'target' || f === 'note') return t;
    // Vertically merged stt/label/unit cells: take the merge's top-left.
    const from = st.mergedFrom.get(row * 16384 + c);
    return from && from[1] === c ? (st.text[from[0]]?.[c] ?? '') : '';
  };
  /** Table columns whose cells are read (value, target and extras are flagged by readValue when read). */
  const textCols = (['stt', 'label', 'unit', 'note'] as const).map((f) => columns[f]).filter((c): c is number => c !== undefined);
  const allCols = [
    ...new Set([...textCols, columns.value, columns.target, ...layout.extra.map((e) => e.col)].filter((c): c is number => c !== undefined)),
  ];
  /** Formulas never calculated in the given columns of row r: flagged, never read as silently empty. */
  const flagUncached = (cols: readonly number[]): void => {
    const cells = st.sheet.rows[r];
    if (!cells) return;
    for (const c of cols) {
      if (!cells[c]?.noCache) continue;
      issues.push({
        sheet,
        cell: a1(r, c),
        severity: 'error',
        message: `Sheet '${sheet}', ô ${a1(r, c)}: công thức chưa được tính – hãy mở bằng Excel, Lưu lại rồi gửi lại.`,
      });
    }
  };
  // Helpers of the row loop take the row: defined once per table, not once per row.
  const ctx = (row: number, c: number | undefined): ValueContext => ({ sheet, cell: a1(row, c ?? 0), issues, date1904 });
  const cellAt = (row: number, c: number | undefined) => (c === undefined ? undefined : st.sheet.rows[row]?.[c]);
  const field = (row: number, f: 'value' | 'target') => {
    const c = columns[f];
    const text = c === undefined ? '' : (st.text[row]?.[c] ?? '');
    if (text && isDitto(text) && cellAt(row, c)?.k === 's') {
      issues.push({
        sheet,
        cell: a1(row, c ?? 0),
        severity: 'warning',
        message: `Sheet '${sheet}', ô ${a1(row, c ?? 0)}: dấu "như trên" – lấy giá trị ô phía trên.`,
      });
      return { value: (prev[f] as ReportRow['value'] | undefined) ?? null, suffix: null };
    }
    return readValue(cellAt(row, c), text, ctx(row, c));
  };
  for (; r < st.text.length; r++) {
    const line = st.text[r] ?? [];
    const firstText = line.find(nonEmpty) ?? '';
    if (!firstText) {
      // A row of formulas never calculated looks blank: say so before passing over it.
      if (st.sheet.rows[r]?.some(uncached)) flagUncached(allCols);
      if (++blank >= 4 && rows.length > 0) break;
      continue;
    }
    blank = 0;
    const folded = fold(firstText);
    if (FOOTER.test(folded) || (rows.length > 0 && isNarrativeHeading(firstText) && !colText(r, 'value'))) break;
    if (FOOTNOTE.test(folded)) break;
    if (isColumnNumberRow(line)) continue;
    if (st.sheet.hiddenRows?.has(r)) {
      const c = columns.label ?? line.findIndex(nonEmpty);
      const what = (colText(r, 'label') || firstText).slice(0, 60);
      issues.push({
        sheet,
        cell: a1(r, c),
        severity: 'warning',
        message: `Sheet '${sheet}', ô ${a1(r, c)}: dòng ${r + 1} đang bị ẩn ('${what}') – không đọc. Nếu đây là số liệu của đơn vị, hãy bỏ ẩn dòng (Unhide) rồi gửi lại.`,
      });
      continue;
    }
    let stt: string | null = colText(r, 'stt').replace(/[.)]+$/, '') || null;
    let label = colText(r, 'label');
    const valueCol = columns.value;
    if (!label && !stt) {
      flagUncached(allCols);
      continue;
    }
    flagUncached(textCols);
    let isSection = stt !== null && (ROMAN.test(stt) || /^[A-Z]$/.test(stt));
    if (!stt) {
      const m = SECTION_IN_LABEL.exec(label);
      if (m && (ROMAN.test(m[1] ?? '') || /^[A-Z]$/.test(m[1] ?? ''))) {
        stt = m[1] ?? null;
        label = m[2] ?? label;
        isSection = true;
      }
    }
    const fl = fold(label);
    const isBreakdown = !isSection && stt === null && BREAKDOWN.test(fl);
    const isTotal = !isSection && TOTAL.test(fl);
    let unit: string | null = colText(r, 'unit') || null;
    if (unit && isDitto(unit)) {
      const above = (prev.unit as string | null | undefined) ?? null;
      issues.push({
        sheet,
        cell: a1(r, columns.unit ?? 0),
        severity: 'warning',
        message: `Sheet '${sheet}', ô ${a1(r, columns.unit ?? 0)}: dấu "như trên" ở cột đơn vị tính – hiểu là '${above ?? ''}'.`,
      });
      unit = above;
    }
    let note: string | null = colText(r, 'note') || null;
    if (note && isDitto(note)) note = (prev.note as string | null | undefined) ?? null;
    const v = isSection ? { value: null, suffix: null } : field(r, 'value');
    const t = isSection ? { value: null, suffix: null } : field(r, 'target');
    if (!unit && (v.suffix || t.suffix)) unit = v.suffix ?? t.suffix;
    const extra: ReportRow['extra'] = [];
    for (const e of layout.extra) {
      extra.push({
        header: e.header,
        value: isSection ? null : readValue(cellAt(r, e.col), st.text[r]?.[e.col] ?? '', ctx(r, e.col)).value,
      });
    }
    if (!label && valueCol !== undefined && !isSection) label = '';
    const row: ReportRow = {
      stt: isBreakdown ? null : stt,
      label,
      unit,
      target: t.value,
      value: v.value,
      note,
      code: rowCodes?.get(r + 1) ?? null,
      isSection,
      isBreakdown,
      parentIndex: isBreakdown ? lastItem : null,
      isTotal,
      extra,
      sheetRow: r + 1,
    };
    if (!isBreakdown && !isSection) lastItem = rows.length;
    if (isSection) lastItem = null;
    rows.push(row);
    prev.unit = unit;
    prev.note = note;
    prev.value = v.value;
    prev.target = t.value;
  }
  return { rows, endRow: r };
}
