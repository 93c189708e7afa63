// Matching a workbook's rows to the plan's indicators: by template code, by the same folded label, by a
// mapping remembered for this unit, or by word similarity (a guess to confirm). Values come along.
import type { Indicator } from '../../contract/indicators';
import type { ParsedReport, ReportIssue, ReportRow } from '../../contract/parsed-report';
import type { MappedRow } from '../../contract/reports';
import { foldKey } from '../../text/vi-text';

const STOP = new Set(['so', 'cac', 'va', 'cua', 'cho', 'cong', 'tong', 'the', 'la', 'duoc', 'trong', 'do', 'voi', 'nguoi', 'luot']);

const keyCache = new Map<string, string>();

/** Folded key of a row label, memoised (labels repeat across every file of a batch). */
export function labelKey(label: string): string {
  let k = keyCache.get(label);
  if (k === undefined) {
    k = foldKey(label.replace(/^\s*([IVXLC]+|\d+(\.\d+)*|[a-zđ])[.)]\s+/iu, '').replace(/^[-+•*]\s*/, ''));
    if (keyCache.size >= 20_000) keyCache.clear();
    if (label.length <= 200) keyCache.set(label, k);
  }
  return k;
}

function words(s: string): Set<string> {
  return new Set(labelKey(s).split(' ').filter((w) => w.length > 1 && !STOP.has(w)));
}

function similarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / (a.size + b.size - common);
}

export interface MappingContext {
  /** Indicators the plan targets (matched first), then the rest of the catalog. */
  planIndicators: Indicator[];
  catalog: Indicator[];
  remembered: Map<string, number>;
}

/** Everything about the indicators that matching needs, folded once per batch (not once per file). */
interface Matcher {
  all: Indicator[];
  byId: Map<number, Indicator>;
  byCode: Map<string, Indicator>;
  byKey: Map<string, Indicator>;
  plan: { i: Indicator; words: Set<string>; unitKey: string | null }[];
}

const matchers = new WeakMap<Indicator[], Matcher>();

function matcherFor(ctx: MappingContext): Matcher {
  const cached = matchers.get(ctx.planIndicators);
  if (cached) return cached;
  const all = [...ctx.planIndicators, ...ctx.catalog];
  const byCode = new Map<string, Indicator>();
  const byKey = new Map<string, Indicator>();
  for (const i of [...all].reverse()) byCode.set(i.code.toLowerCase(), i);
  for (const i of [...ctx.catalog].reverse().concat([...ctx.planIndicators].reverse())) byKey.set(labelKey(i.label), i);
  const m: Matcher = {
    all, byCode, byKey, byId: new Map(all.map((i) => [i.id, i])),
    plan: ctx.planIndicators.map((i) => ({ i, words: words(i.label), unitKey: i.unit ? foldKey(i.unit) : null })),
  };
  matchers.set(ctx.planIndicators, m);
  return m;
}

function cellOf(report: ParsedReport, row: ReportRow): string | null {
  return report.sheet ? `${report.sheet}!${row.sheetRow}` : null;
}

function pick(row: ReportRow, key: string, remembered: Map<string, number>, m: Matcher): Pick<MappedRow, 'indicatorId' | 'sure' | 'how'> {
  if (row.code) {
    const i = m.byCode.get(row.code.toLowerCase());
    if (i) return { indicatorId: i.id, sure: true, how: 'code' };
  }
  const r = remembered.get(key);
  if (r !== undefined) return { indicatorId: r, sure: true, how: 'remembered' };
  const exact = m.byKey.get(key);
  if (exact) return { indicatorId: exact.id, sure: true, how: 'label' };
  if (row.isBreakdown) return { indicatorId: null, sure: true, how: 'none' };
  const w = words(row.label);
  const unitKey = row.unit ? foldKey(row.unit) : null;
  let best: { i: Indicator; s: number } | null = null;
  for (const p of m.plan) {
    const s = similarity(w, p.words) + (unitKey && unitKey === p.unitKey ? 0.1 : 0);
    if (!best || s > best.s) best = { i: p.i, s };
  }
  if (best && best.s >= 0.45) return { indicatorId: best.i.id, sure: false, how: 'similar' };
  return { indicatorId: null, sure: true, how: 'none' };
}

/** Map every data row; rows with a "#2" template code carry the second measure of their indicator. */
export function mapRows(report: ParsedReport, ctx: MappingContext): MappedRow[] {
  const m = matcherFor(ctx);
  const out: MappedRow[] = [];
  const byIndicator = new Map<number, MappedRow>();
  for (const row of report.rows) {
    if (row.isSection || row.isTotal) continue;
    if (row.code && /#2$/.test(row.code)) {
      const base = m.byCode.get(row.code.slice(0, -2).toLowerCase());
      const target = base ? byIndicator.get(base.id) : undefined;
      if (target && typeof row.value === 'number') target.value2 = row.value;
      continue;
    }
    const key = row.code && m.byCode.has(row.code.toLowerCase()) ? '' : labelKey(row.label);
    const picked = pick(row, key, ctx.remembered, m);
    const ind = picked.indicatorId === null ? undefined : m.byId.get(picked.indicatorId);
    const extraNum = row.extra.find((e) => typeof e.value === 'number')?.value;
    const mapped: MappedRow = {
      label: row.label, cell: cellOf(report, row), value: row.value, ...picked,
      value2: ind?.unit2 && typeof extraNum === 'number' ? extraNum : null,
    };
    if (picked.indicatorId !== null && byIndicator.has(picked.indicatorId)) {
      mapped.indicatorId = null; // the same indicator twice: keep the first, show this one unmapped
      mapped.how = 'none';
    } else if (picked.indicatorId !== null) byIndicator.set(picked.indicatorId, mapped);
    out.push(mapped);
  }
  return out;
}

/** Indicators that hold numbers (every aggregation but 'text'): a text value there cannot be used. */
export const wantsNumber = (i: Indicator | undefined): boolean => !!i && i.aggregation !== 'text';

/**
 * One error-level issue per mapped row whose value is text ("12,,5", "bấm") while its indicator needs a number:
 * the value is stored empty (null) and the issue stays on the report. Rows the reader already flagged as errors
 * are not repeated; its cell address is reused when it flagged the row with a warning.
 */
export function numberIssues(report: ParsedReport, rows: MappedRow[], byId: Map<number, Indicator>): ReportIssue[] {
  const out: ReportIssue[] = [];
  for (const r of rows) {
    const ind = r.indicatorId === null ? undefined : byId.get(r.indicatorId);
    if (typeof r.value !== 'string' || !wantsNumber(ind)) continue;
    const rowNo = r.cell ? Number(r.cell.slice(r.cell.lastIndexOf('!') + 1)) : NaN;
    const onRow = report.issues.filter((i) => i.sheet === report.sheet && i.cell !== null && Number(i.cell.replace(/^[A-Z]+/, '')) === rowNo);
    if (onRow.some((i) => i.severity !== 'warning')) continue;
    const cell = onRow[0]?.cell ?? null;
    const where = `Sheet '${report.sheet ?? ''}', ${cell ? `ô ${cell}` : `dòng ${Number.isFinite(rowNo) ? rowNo : '?'}`}`;
    out.push({
      sheet: report.sheet, cell, severity: 'error',
      message: `${where}: chỉ tiêu "${ind?.label}" cần một số nhưng ô ghi '${r.value.slice(0, 40)}' – giá trị này sẽ để trống; hãy sửa tệp rồi nhập lại hoặc sửa tay sau khi nhập.`,
    });
  }
  return out;
}
