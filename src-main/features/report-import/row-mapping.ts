// Matching a workbook's rows to the plan's indicators, one to one: by indicator code (template, first cell or
// label), by the same label (folded, or canonical: abbreviations, fillers, word order), by a mapping remembered
// for this unit, or by word similarity (a guess to confirm). Strongest matches are assigned first, over the whole
// sheet. Values come along, converted when a money unit is written in the label, ĐVT cell or header.
import type { Indicator } from '../../contract/indicators';
import type { ParsedReport, ReportIssue, ReportRow } from '../../contract/parsed-report';
import type { MappedRow } from '../../contract/reports';
import { canonicalLabel, labelTerms } from '../../text/vi-label';
import { convertUnit, unitInLabel } from '../../text/vi-unit';
import { foldKey } from '../../text/vi-text';
import { classifyBlankWord, NOT_APPLICABLE } from '../../text/blank-words';

/** Words too common to tell indicators apart when guessing. */
const WEAK = new Set(['nguoi', 'luot', 'cong']);

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

const canonCache = new Map<string, string>();
/** canonicalLabel, memoised like labelKey. */
function canonKey(label: string): string {
  let k = canonCache.get(label);
  if (k === undefined) {
    k = canonicalLabel(label);
    if (canonCache.size >= 20_000) canonCache.clear();
    if (label.length <= 200) canonCache.set(label, k);
  }
  return k;
}

function words(s: string): Set<string> {
  return new Set([...labelTerms(s)].filter((w) => w.length > 1 && !WEAK.has(w)));
}

function similarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / (a.size + b.size - common);
}

interface MappingContext {
  /** Indicators the plan targets (matched first), then the rest of the catalog. */
  planIndicators: Indicator[];
  catalog: Indicator[];
  /** Remembered label key (labelKey of the label the user confirmed) -> indicator id. */
  remembered: Map<string, number>;
}

/** Everything about the indicators that matching needs, folded once per batch (not once per file). */
interface Matcher {
  all: Indicator[];
  byId: Map<number, Indicator>;
  byCode: Map<string, Indicator>;
  byKey: Map<string, Indicator>;
  /** Canonical label -> indicator; null when two indicators share it (then it decides nothing). */
  byCanon: Map<string, Indicator | null>;
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
  const byCanon = new Map<string, Indicator | null>();
  // Plan indicators first: a catalog indicator never makes a plan indicator's canonical label ambiguous.
  for (const group of [ctx.planIndicators, ctx.catalog]) {
    const seen = new Map<string, Indicator | null>();
    for (const i of group) {
      const k = canonKey(i.label);
      if (k && !byCanon.has(k)) seen.set(k, seen.has(k) && seen.get(k)?.id !== i.id ? null : i);
    }
    for (const [k, v] of seen) byCanon.set(k, v);
  }
  const m: Matcher = {
    all,
    byCode,
    byKey,
    byCanon,
    byId: new Map(all.map((i) => [i.id, i])),
    plan: ctx.planIndicators.map((i) => ({ i, words: words(i.label), unitKey: i.unit ? foldKey(i.unit) : null })),
  };
  matchers.set(ctx.planIndicators, m);
  return m;
}

/** The remembered mappings also by canonical label, so a remembered wording matches in any order or spelling. */
const rememberedCanon = new WeakMap<Map<string, number>, Map<string, number>>();
function canonRemembered(remembered: Map<string, number>): Map<string, number> {
  let c = rememberedCanon.get(remembered);
  if (!c) {
    c = new Map();
    for (const [k, id] of remembered) {
      const ck = canonKey(k);
      if (ck && !c.has(ck)) c.set(ck, id);
    }
    rememberedCanon.set(remembered, c);
  }
  return c;
}

/** Where a row's value is: "Biểu 01!E12" (only the row, "Biểu 01!12", when the value column is unknown). */
export function cellOf(report: ParsedReport, row: ReportRow): string | null {
  return report.sheet ? `${report.sheet}!${report.valueLetter ?? ''}${row.sheetRow}` : null;
}

/** The A1 part of a place ("E12" of "Biểu 01!E12"); null when the place names only a row. */
function a1Of(place: string | null): string | null {
  const p = place ? place.slice(place.lastIndexOf('!') + 1) : '';
  return /^[A-Z]{1,3}\d+$/.test(p) ? p : null;
}

/** The sheet row of a place ("Biểu 01!E12" or "Biểu 01!12" -> 12). */
const rowOf = (place: string | null): number => (place ? Number(place.slice(place.lastIndexOf('!') + 1).replace(/^[A-Z]+/, '')) : NaN);

/** "Báo cáo!12" -> { sheet: 'Báo cáo', cell: '12' } (a place without a sheet is all cell). */
export function splitPlace(place: string | null): { sheet: string | null; cell: string | null } {
  if (!place) return { sheet: null, cell: null };
  const i = place.lastIndexOf('!');
  return i < 0 ? { sheet: null, cell: place } : { sheet: place.slice(0, i), cell: place.slice(i + 1) };
}

/** Where a mapped row is, for a message: "Sheet 'Báo cáo', ô E12" (or "…, dòng 12" for a place of a row only). */
export function rowPlace(cell: string | null, sheet: string | null): string {
  const at = cell ? cell.lastIndexOf('!') : -1;
  const where = cell && at >= 0 ? cell.slice(at + 1) : '?';
  return `Sheet '${sheet ?? (cell && at >= 0 ? cell.slice(0, at) : '')}', ${a1Of(cell) ? 'ô' : 'dòng'} ${where}`;
}

/** Code-like text written by hand (a letter and a digit: "CT05", "ct5"), never a plain row number. */
const CODE_LIKE = /^(?=.*\p{L})(?=.*\d)[\p{L}\p{N}._\-/]{2,20}$/u;
/**
 * CODE_LIKE, cheap cases first: at most 20 characters (40 UTF-16 units) and no space, which rules out nearly every
 * label without the regex reading it twice (its two look-aheads).
 */
const codeLike = (s: string): boolean => s.length >= 2 && s.length <= 40 && !s.includes(' ') && CODE_LIKE.test(s);

/**
 * An indicator code given by the row: our template's code, or one written in the first cell, as the label, or in
 * a "Mã chỉ tiêu" column (which the reader takes for the target column: a code-like text there is no target).
 */
function codeOf(row: ReportRow, m: Matcher): Indicator | undefined {
  if (row.code) {
    const i = m.byCode.get(row.code.toLowerCase());
    if (i) return i;
  }
  for (const t of [row.stt, row.label, typeof row.target === 'string' ? row.target : null]) {
    const s = t?.trim();
    if (s && codeLike(s)) {
      const i = m.byCode.get(s.toLowerCase());
      if (i) return i;
    }
  }
  const lead = /^([\p{L}\p{N}._\-/]{2,20}?)\s*[-.:)–]\s+\S/u.exec(row.label);
  if (lead && CODE_LIKE.test(lead[1] as string)) return m.byCode.get((lead[1] as string).toLowerCase());
  return undefined;
}

interface Candidate {
  row: number;
  ind: Indicator;
  score: number;
  how: MappedRow['how'];
  sure: boolean;
}

/** Ends the unit note of a row whose unit cannot be converted. */
const NEEDS = ': cần xác nhận';

const SCORE = { code: 4, label: 3, remembered: 3, canonical: 2.5 } as const;
/** Least word similarity for a guess. */
const GUESS_MIN = 0.45;

/** Every indicator a row could be, with how strongly. */
function candidates(rowIndex: number, row: ReportRow, remembered: Map<string, number>, m: Matcher): Candidate[] {
  const code = codeOf(row, m);
  if (code) return [{ row: rowIndex, ind: code, score: SCORE.code, how: 'code', sure: true }];
  const key = labelKey(row.label);
  const canon = canonKey(row.label);
  const rid = remembered.get(key) ?? (canon ? canonRemembered(remembered).get(canon) : undefined);
  const r = rid === undefined ? undefined : m.byId.get(rid);
  // The user's word for this wording: no other reading of the label competes with it.
  if (r) return [{ row: rowIndex, ind: r, score: SCORE.remembered, how: 'remembered', sure: true }];
  const exact = m.byKey.get(key);
  if (exact) return [{ row: rowIndex, ind: exact, score: SCORE.label, how: 'label', sure: true }];
  const same = canon ? m.byCanon.get(canon) : undefined;
  if (same) return [{ row: rowIndex, ind: same, score: SCORE.canonical, how: 'label', sure: true }];
  if (row.isBreakdown) return [];
  const w = words(row.label);
  const fromLabel = unitInLabel(row.label).unit;
  const unitKey = row.unit ? foldKey(row.unit) : fromLabel ? foldKey(fromLabel) : null;
  const out: Candidate[] = [];
  for (const p of m.plan) {
    const s = similarity(w, p.words);
    if (s >= GUESS_MIN)
      out.push({ row: rowIndex, ind: p.i, score: s + (unitKey && unitKey === p.unitKey ? 0.1 : 0), how: 'similar', sure: false });
  }
  return out;
}

interface MapOptions {
  /** Header of the value column when it names a unit ("Kinh phí (đồng)"); used for rows that name none. */
  valueHeader?: string | null;
}

/** The unit a row writes for itself: its ĐVT cell, else a unit in its label ("Kinh phí (triệu đồng)"). */
const ownUnit = (row: ReportRow): string | null => row.unit ?? unitInLabel(row.label).unit;

/**
 * Units a row inherits when it writes none: from the row it breaks down ("Trong đó"), else from its section
 * heading ("III. Kinh phí (đồng)"), else from the value column's header.
 */
function inheritedUnits(report: ParsedReport, headerUnit: string | null): Map<ReportRow, string | null> {
  const out = new Map<ReportRow, string | null>();
  let section: string | null = null;
  for (const row of report.rows) {
    if (row.isSection) {
      section = ownUnit(row);
      continue;
    }
    const parent = row.isBreakdown && row.parentIndex !== null ? report.rows[row.parentIndex] : undefined;
    out.set(row, (parent ? ownUnit(parent) : null) ?? section ?? headerUnit);
  }
  return out;
}

/**
 * Map every data row, one row per indicator: all candidate pairs are taken strongest first (code, then the same
 * label or a remembered one, then the canonical label, then guesses by similarity), ties in sheet order, so a guess
 * never takes an indicator from a row that names it exactly. Rows with a "#2" template code carry the second
 * measure of their indicator.
 */
export function mapRows(report: ParsedReport, ctx: MappingContext, opts: MapOptions = {}): MappedRow[] {
  const m = matcherFor(ctx);
  const data: ReportRow[] = [];
  const seconds: ReportRow[] = [];
  for (const row of report.rows) {
    if (row.isSection || row.isTotal) continue;
    if (row.code && /#2$/.test(row.code)) seconds.push(row);
    else data.push(row);
  }
  const all: Candidate[] = [];
  data.forEach((row, k) => all.push(...candidates(k, row, ctx.remembered, m)));
  const planOrder = new Map(ctx.planIndicators.map((i, k) => [i.id, k]));
  all.sort((a, b) => b.score - a.score || a.row - b.row || (planOrder.get(a.ind.id) ?? 1e9) - (planOrder.get(b.ind.id) ?? 1e9));
  const chosen = new Map<number, Candidate>();
  const taken = new Set<number>();
  for (const c of all) {
    if (chosen.has(c.row) || taken.has(c.ind.id)) continue;
    chosen.set(c.row, c);
    taken.add(c.ind.id);
  }
  const inherited = inheritedUnits(report, opts.valueHeader ? unitInLabel(opts.valueHeader).unit : null);
  const out: MappedRow[] = [];
  const byIndicator = new Map<number, MappedRow>();
  data.forEach((row, k) => {
    const c = chosen.get(k);
    const mapped: MappedRow = {
      label: row.label,
      cell: cellOf(report, row),
      value: row.value,
      value2: null,
      indicatorId: c ? c.ind.id : null,
      sure: c ? c.sure : true,
      how: c ? c.how : 'none',
    };
    if (c) {
      settleUnits(mapped, row, c.ind, inherited.get(row) ?? null);
      settleBlankWord(mapped, c.ind);
      byIndicator.set(c.ind.id, mapped);
    }
    out.push(mapped);
  });
  for (const row of seconds) {
    const base = m.byCode.get((row.code as string).slice(0, -2).toLowerCase());
    const target = base ? byIndicator.get(base.id) : undefined;
    if (target && typeof row.value === 'number') target.value2 = row.value;
  }
  return out;
}

/**
 * A row the user mapped by hand to `ind`: its value read again from the sheet and converted to that indicator's
 * units (a conversion made for the indicator first suggested would be wrong for another one). The user's choice
 * is the confirmation, so the row is sure.
 */
export function remapRow(report: ParsedReport, r: MappedRow, ind: Indicator | undefined): MappedRow {
  const src = report.rows.find((x) => x.label === r.label && cellOf(report, x) === r.cell);
  if (!ind || !src) return { ...r, indicatorId: ind ? ind.id : null, sure: true };
  const out: MappedRow = { ...r, indicatorId: ind.id, value: src.value, value2: ind.unit2 ? r.value2 : null, unitNote: null, sure: true };
  settleUnits(out, src, ind, inheritedUnits(report, null).get(src) ?? null);
  settleBlankWord(out, ind);
  out.sure = true;
  return out;
}

/**
 * A word instead of a number for a number indicator: "-", "—", "không" are 0; "x", "/", "không áp dụng" mean the
 * indicator does not apply to the unit (stored as NOT_APPLICABLE: neither 0 nor missing). Said in `valueNote`.
 * A text indicator keeps the word as written ("x" may be a tick there).
 */
function settleBlankWord(mapped: MappedRow, ind: Indicator): void {
  if (typeof mapped.value !== 'string' || !wantsNumber(ind)) return;
  const word = mapped.value;
  const kind = classifyBlankWord(word);
  if (kind === 'zero') {
    mapped.value = 0;
    mapped.valueNote = `'${word}' hiểu là 0`;
  } else if (kind === 'na') {
    mapped.value = NOT_APPLICABLE;
    mapped.valueNote = `'${word}' hiểu là không áp dụng cho đơn vị (không tính là 0, cũng không tính là thiếu)`;
  }
}

/** One warning per row whose word was read as 0 or as not applicable, at its row: the preview says it. */
export function valueNoteIssues(report: ParsedReport, rows: MappedRow[]): ReportIssue[] {
  return rows.flatMap((r) =>
    r.valueNote && r.indicatorId !== null
      ? [
          {
            sheet: report.sheet,
            cell: a1Of(r.cell),
            severity: 'warning' as const,
            message: `${rowPlace(r.cell, report.sheet)}: "${r.label}": ${r.valueNote}.`,
          },
        ]
      : [],
  );
}

/**
 * Convert the value (and the second measure, by its column header) into the indicator's units; flag what cannot
 * be. A unit only inherited (section heading, header) converts money but never flags: it may not be meant for
 * every row under it.
 */
function settleUnits(mapped: MappedRow, row: ReportRow, ind: Indicator, inherited: string | null): void {
  const notes: string[] = [];
  if (typeof row.value === 'number') {
    const own = ownUnit(row);
    const conv = convertUnit(row.value, own ?? inherited, ind.unit);
    if (conv.ok) {
      mapped.value = conv.value;
      if (conv.note) notes.push(conv.note);
    } else if (own !== null) {
      mapped.sure = false;
      notes.push(`${conv.message[0]?.toUpperCase()}${conv.message.slice(1)}${NEEDS}`);
    }
  }
  const extra = row.extra.find((e) => typeof e.value === 'number');
  if (ind.unit2 && extra && typeof extra.value === 'number') {
    const conv = convertUnit(extra.value, unitInLabel(extra.header).unit, ind.unit2);
    if (conv.ok) {
      mapped.value2 = conv.value;
      if (conv.note) notes.push(`${extra.header}: ${conv.note}`);
    } else {
      mapped.sure = false;
      notes.push(`Cột "${extra.header}": ${conv.message}${NEEDS}`);
    }
  }
  if (notes.length) mapped.unitNote = notes.join('; ');
}

/** Mapped rows that still need the user's word: guessed, or with a unit that cannot be converted. */
export const unconfirmed = (rows: MappedRow[]): MappedRow[] => rows.filter((r) => r.indicatorId !== null && !r.sure);

/** A unit note that says the value could not be converted (the row then needs confirmation). */
const unitRefused = (r: MappedRow): boolean => !!r.unitNote?.includes(NEEDS);

/**
 * One issue at its row for each mapped row whose unit cannot be converted (money against a count…), and, with
 * `guesses`, for each row matched only by a guess: its value is not stored until the user confirms the row.
 */
export function rowIssues(report: ParsedReport, rows: MappedRow[], byId?: Map<number, Indicator>, guesses = false): ReportIssue[] {
  const out: ReportIssue[] = [];
  const tail = 'chưa lưu giá trị này; hãy xác nhận dòng này ở bước ghép chỉ tiêu khi nhập, hoặc sửa tệp rồi nhập lại.';
  for (const r of unconfirmed(rows)) {
    const place = rowPlace(r.cell, report.sheet);
    if (unitRefused(r)) {
      const note = (r.unitNote as string)
        .split('; ')
        .filter((n) => n.endsWith(NEEDS))
        .map((n) => n.slice(0, -NEEDS.length))
        .join('; ');
      out.push({
        sheet: report.sheet,
        cell: a1Of(r.cell),
        severity: 'error',
        message: `${place}: ${note[0]?.toLowerCase()}${note.slice(1)} – ${tail}`,
      });
    } else if (guesses) {
      const ind = byId?.get(r.indicatorId as number);
      out.push({
        sheet: report.sheet,
        cell: a1Of(r.cell),
        severity: 'warning',
        message: `${place}: dòng "${r.label}" chỉ được ghép theo phỏng đoán${ind ? ` với chỉ tiêu "${ind.label}"` : ''} – ${tail}`,
      });
    }
  }
  return out;
}

/**
 * Rows with a value the app could not match while plan indicators have no row in the file: one warning naming them
 * (first five) and those indicators, so a wording the app does not know is mapped by hand, never dropped silently.
 * "Trong đó" parts are left out (they are details of a row), and so is a file that matched nothing (its status says it).
 * `skipped`: the user's decisions by label key (null: leave the row out).
 */
export function unmatchedIssues(
  report: ParsedReport,
  rows: MappedRow[],
  planIndicators: Indicator[],
  skipped: ReadonlyMap<string, number | null> = new Map(),
): ReportIssue[] {
  if (!rows.some((r) => r.indicatorId !== null)) return [];
  const parts = new Set(report.rows.filter((r) => r.isBreakdown).map((r) => cellOf(report, r)));
  // rows the user chose to leave out ("Bỏ qua dòng này": label key -> null) are the user's word, not a doubt
  const loose = rows.filter(
    (r) => r.indicatorId === null && !parts.has(r.cell) && r.value !== null && r.value !== '' && skipped.get(labelKey(r.label)) !== null,
  );
  const taken = new Set(rows.map((r) => r.indicatorId));
  const missing = planIndicators.filter((i) => !taken.has(i.id));
  if (!loose.length || !missing.length) return [];
  const more = (n: number) => (n > 5 ? ` và ${n - 5} dòng khác` : '');
  const names =
    loose
      .slice(0, 5)
      .map((r) => `"${r.label.slice(0, 80)}"${a1Of(r.cell) ? ` (ô ${a1Of(r.cell)})` : ''}`)
      .join(', ') + more(loose.length);
  const codes =
    missing
      .slice(0, 6)
      .map((i) => i.code)
      .join(', ') + (missing.length > 6 ? '…' : '');
  return [
    {
      sheet: report.sheet,
      cell: a1Of(loose[0]!.cell),
      severity: 'warning',
      message: `Sheet '${report.sheet ?? ''}': ${loose.length} dòng không khớp chỉ tiêu nào (${names}) nên chưa được lưu, trong khi ${missing.length} chỉ tiêu của kế hoạch chưa có số liệu trong tệp (${codes}). Nếu một dòng là chỉ tiêu của kế hoạch, hãy mở tệp và ghép tay; lựa chọn được ghi nhớ cho đơn vị này.`,
    },
  ];
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
    if (typeof r.value !== 'string' || !wantsNumber(ind) || r.value === NOT_APPLICABLE) continue;
    const rowNo = rowOf(r.cell);
    const onRow = report.issues.filter(
      (i) => i.sheet === report.sheet && i.cell !== null && Number(i.cell.replace(/^[A-Z]+/, '')) === rowNo,
    );
    if (onRow.some((i) => i.severity !== 'warning')) continue;
    const cell = onRow[0]?.cell ?? a1Of(r.cell);
    const where = `Sheet '${report.sheet ?? ''}', ${cell ? `ô ${cell}` : `dòng ${Number.isFinite(rowNo) ? rowNo : '?'}`}`;
    out.push({
      sheet: report.sheet,
      cell,
      severity: 'error',
      message: `${where}: chỉ tiêu "${ind?.label}" cần một số nhưng ô ghi '${r.value.slice(0, 40)}' – giá trị này sẽ để trống; hãy sửa tệp rồi nhập lại hoặc sửa tay sau khi nhập.`,
    });
  }
  return out;
}
