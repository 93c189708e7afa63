// Which column holds the values when a table offers several: period sub-columns under one merged header
// ("Kết quả thực hiện" over Quý I..IV | Cả năm, or Tháng 1..12 | Lũy kế) are chosen by the period the report
// answers; hidden columns are never read silently. Says which column it took and which others it could have taken
// (the candidates a user picks from when it cannot tell); a column the user picked before (by header) is taken as is.
import type { ReportIssue, ReportPeriod } from '../../contract/parsed-report';
import { a1, colName } from '../xlsx/grid';
import { cachedFold as fold } from './fold-cache';
import type { SheetText } from './sheet-text';
import type { TableLayout } from './table-header';

interface ValueColumn {
  cell: string;
  header: string;
  reason: string;
  /** false when the reader could not tell which column answers the period (it took one and flagged it). */
  sure: boolean;
  /** The user's pick (the `chosen` header matched a candidate). */
  chosen: boolean;
  /** Every column the values could be read from (the chosen one among them), left to right. */
  candidates: ValueCandidate[];
}

export interface ValueCandidate {
  /** Column letter ("F") and header cell ("F7"). */
  letter: string;
  cell: string;
  /** Header text over the column, group first: "Kết quả thực hiện / Quý II". */
  header: string;
}

/** Header text compared as folded words, so a re-typed header with other spaces or case still matches. */
export const headerMatchKey = (h: string): string => fold(h).replace(/\s+/g, ' ').trim();

type Slot = { kind: 'total' } | { kind: 'quarter' | 'month' | 'half' | 'year'; n: number };

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** What period a sub-column header names ("Quý II", "Tháng 3", "6 tháng đầu năm", "Cả năm", "Lũy kế"), or null. */
function slotOf(sub: string): Slot | null {
  const f = fold(sub)
    .replace(/[.:]+$/, '')
    .trim();
  let m = /^quy\s+(iv|iii|ii|i|[1-4])\b/.exec(f);
  if (m) return { kind: 'quarter', n: ROMAN[m[1] ?? ''] ?? Number(m[1]) };
  m = /^thang\s+(\d{1,2})\b/.exec(f);
  if (m) return { kind: 'month', n: Number(m[1]) };
  m = /^(?:0?6)\s*thang\s+(dau|cuoi)/.exec(f);
  if (m) return { kind: 'half', n: m[1] === 'dau' ? 1 : 2 };
  m = /^(?:nam\s+)?((?:19|20)\d{2})$/.exec(f);
  if (m) return { kind: 'year', n: Number(m[1]) };
  if (/^(ca nam|luy ke|tong cong|tong so|tong|cong|ca ky|ca dot|nam$)/.test(f)) return { kind: 'total' };
  return null;
}

function periodName(p: ReportPeriod | null): string {
  return p ? `'${p.label}'` : 'không ghi';
}

/**
 * Choose the value column (mutating `layout.columns.value` and `layout.extra`); issues go to `issues`. `chosen`: the
 * header of a column the user picked (for this file or this unit's earlier file): taken when a candidate has it.
 */
export function chooseValueColumn(
  st: SheetText,
  layout: TableLayout,
  period: ReportPeriod | null,
  issues: ReportIssue[],
  chosen: string | null = null,
): ValueColumn | null {
  const sheet = st.sheet.name;
  const where = (cell: string): string => `Sheet '${sheet}', ô ${cell}`;
  for (const h of layout.hidden) {
    const cell = a1(h.row, h.col);
    issues.push({
      sheet,
      cell,
      severity: 'warning',
      message: `${where(cell)}: cột ${colName(h.col)} ('${h.header.slice(0, 60)}') đang bị ẩn – không đọc cột này. Nếu số liệu cần báo cáo nằm ở cột ẩn, hãy bỏ ẩn cột (Unhide) rồi gửi lại.`,
    });
  }
  const valueCol = layout.columns.value;
  if (valueCol === undefined) return null;
  const headerCell = a1(layout.headerBottom, valueCol);
  if (layout.usesHidden && st.sheet.hiddenCols?.has(valueCol)) {
    issues.push({
      sheet,
      cell: headerCell,
      severity: 'warning',
      message: `${where(headerCell)}: cột số liệu ${colName(valueCol)} đang bị ẩn – đã đọc vì không có cột nào khác; hãy kiểm tra lại, nên bỏ ẩn cột rồi gửi lại.`,
    });
  }
  const group = layout.group;
  const slots = group ? group.cols.map((c) => ({ ...c, slot: slotOf(c.sub) })) : [];
  if (!group || slots.filter((s) => s.slot).length < 2) {
    const byYear = yearSiblings(st, layout, period, issues, chosen);
    if (byYear) return byYear;
    if (layout.hidden.length === 0 && !layout.usesHidden) return null;
    const header = [layout.headerTop, layout.headerBottom]
      .map((r) => st.filled[r]?.[valueCol] ?? '')
      .filter((t, i, a) => t && a.indexOf(t) === i)
      .join(' / ');
    return {
      cell: headerCell,
      header,
      reason: layout.usesHidden ? 'Cột số liệu duy nhất (đang bị ẩn).' : 'Cột đang hiện; cột ẩn không được đọc.',
      sure: true,
      chosen: false,
      candidates: [],
    };
  }
  const candidates = slots.map((s) => ({ letter: colName(s.col), cell: a1(layout.headerBottom, s.col), header: s.header }));
  const picked = chosen ? slots.find((s) => headerMatchKey(s.header) === headerMatchKey(chosen)) : undefined;
  if (picked)
    return take(layout, slots, valueCol, picked.col, {
      cell: a1(layout.headerBottom, picked.col),
      header: picked.header,
      reason: `Lấy cột '${picked.sub}' theo lựa chọn của người nhập.`,
      sure: true,
      chosen: true,
      candidates,
    });
  const find = (kind: Slot['kind'], n?: number) =>
    slots.find((s) => s.slot?.kind === kind && (n === undefined || ('n' in s.slot && s.slot.n === n)));
  const total = find('total');
  let pick: (typeof slots)[number] | undefined;
  let sure = false;
  if (period?.kind === 'quarter' && period.quarter) pick = find('quarter', period.quarter);
  else if (period?.kind === 'month' && period.month) pick = find('month', period.month);
  else if (period?.kind === 'half' && period.half) pick = find('half', period.half);
  if (!pick && period?.year) pick = find('year', period.year);
  if (pick) sure = true;
  else if (total && period?.kind === 'year') {
    pick = total;
    sure = true;
  } else pick = total ?? latestYear(slots);
  const groupCell = a1(group.row, group.col);
  const groupHeader = st.filled[group.row]?.[group.col] ?? '';
  if (!pick) {
    pick = slots[0];
    issues.push({
      sheet,
      cell: groupCell,
      severity: 'error',
      message: `${where(groupCell)}: cột '${groupHeader}' chia theo kỳ nhưng không rõ kỳ nào là kết quả báo cáo (kỳ báo cáo: ${periodName(period)}) – đã tạm lấy cột '${pick?.sub ?? ''}'. Hãy chọn đúng cột số liệu khi nhập (màn hình ghép chỉ tiêu), hoặc ghi rõ kỳ báo cáo ở tiêu đề rồi gửi lại.`,
    });
  } else if (!sure) {
    issues.push({
      sheet,
      cell: groupCell,
      severity: 'warning',
      message: `${where(groupCell)}: cột '${groupHeader}' chia theo kỳ, kỳ báo cáo ${periodName(period)} – đã lấy cột '${pick.sub}'. Hãy kiểm tra lại; nếu cần lấy cột khác, hãy chọn cột số liệu khi nhập (màn hình ghép chỉ tiêu), hoặc ghi rõ kỳ báo cáo ở tiêu đề rồi gửi lại.`,
    });
  }
  if (!pick) return null;
  const reason = sure
    ? `Kỳ báo cáo ${periodName(period)}: lấy cột '${pick.sub}'.`
    : `Không rõ kỳ báo cáo ứng với cột nào (${periodName(period)}): tạm lấy cột '${pick.sub}'.`;
  return take(layout, slots, valueCol, pick.col, {
    cell: a1(layout.headerBottom, pick.col),
    header: pick.header,
    reason,
    sure,
    chosen: false,
    candidates,
  });
}

/** Make `col` the value column of the layout (the other sub-columns that were extras stay extras). */
function take(layout: TableLayout, slots: { col: number; header: string }[], valueCol: number, col: number, out: ValueColumn): ValueColumn {
  const others = new Set(layout.extra.map((e) => e.col));
  if (col !== valueCol) {
    layout.columns.value = col;
    layout.extra = slots
      .filter((s) => s.col !== col && (s.col === valueCol || others.has(s.col)))
      .map((s) => ({ col: s.col, header: s.header }));
  }
  return out;
}

/** The sub-column of the latest year, when the sub-columns are years ("Năm 2023 | Năm 2024"). */
function latestYear<T extends { slot: Slot | null }>(slots: T[]): T | undefined {
  let best: T | undefined;
  for (const s of slots) if (s.slot?.kind === 'year' && (!best || (best.slot && 'n' in best.slot && s.slot.n > best.slot.n))) best = s;
  return best;
}

const YEAR_VALUE = /^(ket qua|thuc hien|so lieu|so luong)\b.*\b((?:19|20)\d{2})\b/;

/**
 * Separate value columns for different years ("Kết quả năm 2023 | Kết quả năm 2024"): the one of the report's year,
 * else the latest with a warning at the header cell. Null when the table has no such columns.
 */
function yearSiblings(
  st: SheetText,
  layout: TableLayout,
  period: ReportPeriod | null,
  issues: ReportIssue[],
  chosen: string | null,
): ValueColumn | null {
  const valueCol = layout.columns.value;
  if (valueCol === undefined) return null;
  const headerText = (c: number): string => {
    const parts: string[] = [];
    for (let r = layout.headerTop; r <= layout.headerBottom; r++) {
      const t = st.filled[r]?.[c] ?? '';
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    return parts.join(' / ');
  };
  const yearOf = (c: number): number | null => {
    const m = YEAR_VALUE.exec(fold(headerText(c)));
    return m ? Number(m[2]) : null;
  };
  const own = yearOf(valueCol);
  if (own === null) return null;
  const mapped = new Set(Object.values(layout.columns));
  const cands = [{ col: valueCol, year: own }];
  for (let c = 0; c < st.width; c++) {
    if (mapped.has(c) || st.sheet.hiddenCols?.has(c)) continue;
    const y = yearOf(c);
    if (y !== null && y !== own) cands.push({ col: c, year: y });
  }
  if (cands.length < 2) return null;
  cands.sort((a, b) => a.col - b.col);
  const byUser = chosen ? cands.find((x) => headerMatchKey(headerText(x.col)) === headerMatchKey(chosen)) : undefined;
  const exact = byUser ?? (period?.year ? cands.find((x) => x.year === period.year) : undefined);
  const pick = exact ?? cands.reduce((a, b) => (b.year > a.year ? b : a));
  const sheet = st.sheet.name;
  const cell = a1(layout.headerTop, valueCol);
  if (!exact) {
    issues.push({
      sheet,
      cell,
      severity: 'warning',
      message: `Sheet '${sheet}', ô ${cell}: có nhiều cột kết quả theo năm (${cands.map((x) => x.year).join(', ')}), kỳ báo cáo ${periodName(period)} – đã lấy cột năm ${pick.year}. Hãy kiểm tra lại; nếu sai, hãy chọn cột số liệu khi nhập (màn hình ghép chỉ tiêu), hoặc ghi rõ năm báo cáo ở tiêu đề rồi gửi lại.`,
    });
  }
  layout.columns.value = pick.col;
  layout.extra = [
    ...layout.extra.filter((e) => e.col !== pick.col),
    ...cands.filter((x) => x.col !== pick.col).map((x) => ({ col: x.col, header: headerText(x.col) })),
  ].sort((a, b) => a.col - b.col);
  const reason = byUser
    ? `Lấy cột năm ${pick.year} theo lựa chọn của người nhập.`
    : exact
      ? `Kỳ báo cáo ${periodName(period)}: lấy cột năm ${pick.year}.`
      : `Không rõ năm báo cáo: tạm lấy cột năm mới nhất (${pick.year}).`;
  const candidates = cands.map((x) => ({ letter: colName(x.col), cell: a1(layout.headerTop, x.col), header: headerText(x.col) }));
  return { cell: a1(layout.headerTop, pick.col), header: headerText(pick.col), reason, sure: !!exact, chosen: !!byUser, candidates };
}
