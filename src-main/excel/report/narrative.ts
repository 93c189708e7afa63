// Narrative of a report: headed paragraphs (Kết quả nổi bật / Cách làm hay / Hạn chế / Kiến nghị, đề xuất...)
// from the rows after the table, a separate sheet ("Thuyết minh") or text boxes; a cell typed with several
// lines (Alt+Enter) is read line by line, so headings inside one cell split it. Stops at Nơi nhận / signature.
import { fastFold as foldText, foldedStarts, startsIn } from './fast-fold';
import { cachedFold as fold, cleanCell } from './fold-cache';
import type { SheetText } from './sheet-text';
import { isSpaceCode as isSpace } from '../../text/char-codes';

const KEYWORDS = [
  'ket qua noi bat',
  'cach lam hay',
  'han che',
  'kho khan',
  'kien nghi',
  'de xuat',
  'danh gia chung',
  'phuong huong',
  'bai hoc kinh nghiem',
  'uu diem',
  'ton tai',
  'nhan xet',
];
/**
 * Numbering before a heading. It always ends in punctuation (or is a bullet), so a line that starts with a number
 * cell ("1 Kết quả…", a list's STT) is never a heading: the head scan of other sheets relies on this (sheet-scan.ts).
 */
const NUMBERING = /^(?:[IVX]{1,5}|\d{1,2}|[a-dA-D])\s*[.)/-]\s*|^[-+*•]\s*/;
const STOP = /^(noi nhan|tm\.?\s|t\/m|nguoi lap|thu truong|chu tich|pho chu tich|xac nhan)/;

/**
 * Folded start of a text: only prefixes are tested here (the longest, "bai hoc kinh nghiem", is 19 letters), so
 * paragraphs are never folded whole; long texts are one-offs, so they bypass the cache.
 */
const foldHead = (s: string): string => (s.length > 28 ? foldText(s.slice(0, 28)) : fold(s));

/**
 * Folded first one and two letters that can start a heading / a footer line: most lines are rejected cheaply
 * (startsIn: a 2-character start that folds shorter is let through).
 */
const HEAD_START = foldedStarts(
  KEYWORDS.map((k) => k.charAt(0)),
  KEYWORDS.map((k) => k.slice(0, 2)),
);
const STOP_START = foldedStarts(['n', 't', 'c', 'p', 'x'], ['no', 'tm', 't/', 'ng', 'th', 'ch', 'ph', 'xa']);

function headingPart(text: string): { heading: string; rest: string } | null {
  const noNum = text.replace(NUMBERING, '');
  if (!startsIn(noNum, HEAD_START)) return null;
  const f = foldHead(noNum);
  const kw = KEYWORDS.find((k) => f.startsWith(k));
  if (!kw) return null;
  const colon = noNum.indexOf(':');
  // A heading is short; a long sentence that merely starts with "Hạn chế ..." is text, unless it has "Heading: text".
  if (colon < 0 && noNum.length > 60) return null;
  const heading = (colon < 0 ? noNum : noNum.slice(0, colon)).trim().replace(/[.:]+$/, '');
  if (heading.length > 60) return null;
  return { heading, rest: colon < 0 ? '' : noNum.slice(colon + 1).trim() };
}

export const isNarrativeHeading = (text: string): boolean => headingPart(text) !== null;

export interface NarrativeItem {
  heading: string;
  text: string;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isRoman = (c: number): boolean => c === 73 || c === 86 || c === 88;

/**
 * Numbering inside a line ("... nghèo. 2. Hạn chế: ..."), where a second heading may start: the positions, in
 * order, of each white space followed by 1–2 digits or 1–4 of I/V/X, then "." or ")", then some text — what
 * /\s(?=(?:\d{1,2}|[IVX]{1,4})[.)]\s*\S)/g matches, found from the "." and ")" (few) instead of at every space.
 */
export function inlineNumberStarts(text: string): number[] {
  const out: number[] = [];
  let last = text.length - 1;
  while (last >= 0 && isSpace(text.charCodeAt(last))) last--;
  let dot = text.indexOf('.');
  let paren = text.indexOf(')');
  while (dot >= 0 || paren >= 0) {
    let p: number;
    if (paren < 0 || (dot >= 0 && dot < paren)) {
      p = dot;
      dot = text.indexOf('.', dot + 1);
    } else {
      p = paren;
      paren = text.indexOf(')', paren + 1);
    }
    if (p >= last) break; // no text after it (positions only grow)
    const c1 = text.charCodeAt(p - 1);
    const digit = isDigit(c1);
    if (!digit && !isRoman(c1)) continue;
    let run = 1;
    while (run < 5 && p - 1 - run >= 0 && (digit ? isDigit : isRoman)(text.charCodeAt(p - 1 - run))) run++;
    const w = p - 1 - run;
    if (w >= 0 && run <= (digit ? 2 : 4) && isSpace(text.charCodeAt(w))) out.push(w);
  }
  return out;
}

/**
 * A cell typed as one paragraph with its numbered headings inside ("1. Kết quả nổi bật: ... 2. Hạn chế: ..."):
 * split before each numbered heading; numbering not followed by a heading keyword stays in the text.
 */
function splitInlineHeadings(text: string): string[] {
  if (text.length < 40) return [text];
  const out: string[] = [];
  let start = 0;
  for (const w of inlineNumberStarts(text)) {
    const at = w + 1;
    if (at > start && headingPart(text.slice(at, at + 90)) !== null) {
      out.push(text.slice(start, at).trim());
      start = at;
    }
  }
  if (out.length === 0) return [text];
  out.push(text.slice(start).trim());
  return out.filter((t) => t !== '');
}

/** The lines of a text cell typed with line breaks or with numbered headings inside; null when it is one line. */
function cellLines(st: SheetText, r: number, c: number): string[] | null {
  const cell = st.sheet.rows[r]?.[c];
  if (!cell || typeof cell.v !== 'string') return null;
  // Legacy-font cells: their converted text (no line breaks survive cleaning) split at headings only. A cell of one
  // line is already clean (st.text): it is only split at headings inside it, without cleaning it a second time.
  if (cell.font || cell.runs || cell.v.indexOf('\n') < 0) {
    const one = splitInlineHeadings(st.text[r]?.[c] ?? '');
    return one.length > 1 ? one : null;
  }
  const parts = cell.v.split(/\r?\n/);
  const out: string[] = [];
  for (const part of parts) {
    const t = cleanCell(part);
    if (t) out.push(...splitInlineHeadings(t));
  }
  return out.length > 1 ? out : null;
}

/** Lines (one per row: its non-empty cells joined; a multi-line cell breaks the row at its line breaks) to the footer. */
function lines(st: SheetText, from: number): string[] {
  const out: string[] = [];
  for (let r = from; r < st.text.length; r++) {
    const cells: string[] = [];
    /** The row's lines when a cell in it has line breaks: cells join the line they stand on. */
    let rowLines: string[] | null = null;
    const row = st.text[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const t = row[c] ?? '';
      if (!t || cells[cells.length - 1] === t) continue;
      const parts = t.length > 20 ? cellLines(st, r, c) : null;
      if (parts) {
        rowLines ??= [cells.join(' ')];
        rowLines[rowLines.length - 1] = [rowLines[rowLines.length - 1], parts[0]].filter(Boolean).join(' ');
        rowLines.push(...parts.slice(1));
      } else if (rowLines) rowLines[rowLines.length - 1] += ` ${t}`;
      cells.push(t);
    }
    if (cells.length === 0) continue;
    for (const line of rowLines ?? [cells.join(' ')]) {
      if (startsIn(line, STOP_START) && STOP.test(foldHead(line))) return out;
      out.push(line);
    }
  }
  return out;
}

/**
 * A sheet's own title above its first heading ("THUYẾT MINH KẾT QUẢ ...", "BÁO CÁO ..."): written in capitals or
 * naming the sheet's kind. It is not narrative text.
 */
function isTitleLine(line: string): boolean {
  if (line.length > 200) return false;
  if (/^(thuyet minh|bao cao|danh gia|nhan xet)\b/.test(foldHead(line))) return true;
  return line === line.toLocaleUpperCase('vi') && line !== line.toLocaleLowerCase('vi');
}

/** Headed paragraphs from row `from` on; only headings with text are kept (an empty input cell is no narrative). */
export function readNarrative(st: SheetText, from: number, fallbackHeading: string | null): NarrativeItem[] {
  return narrativeOfLines(lines(st, from), fallbackHeading);
}

/** Headed paragraphs of a text box's paragraphs (to the first footer line). */
export function readTextBox(paragraphs: readonly string[], fallbackHeading: string | null): NarrativeItem[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    const t = cleanCell(p);
    if (!t) continue;
    if (startsIn(t, STOP_START) && STOP.test(foldHead(t))) break;
    out.push(t);
  }
  return narrativeOfLines(out, fallbackHeading);
}

function narrativeOfLines(all: readonly string[], fallbackHeading: string | null): NarrativeItem[] {
  const items: NarrativeItem[] = [];
  let cur: NarrativeItem | null = null;
  for (const line of all) {
    const h = headingPart(line);
    if (h) {
      cur = { heading: h.heading, text: h.rest };
      items.push(cur);
    } else if (cur) {
      cur.text = cur.text ? `${cur.text}\n${line}` : line;
    } else if (fallbackHeading !== null && !isTitleLine(line)) {
      cur = { heading: fallbackHeading, text: line };
      items.push(cur);
    }
  }
  return items.filter((i) => i.text.trim() !== '');
}

/**
 * Necessary condition for a line to be a heading (used to skip sheets without narrative cheaply): the start of the
 * line, numbering removed, begins with a heading keyword. Exact on the first 40 characters of a line.
 */
function mayBeHeading(text: string): boolean {
  const noNum = text.replace(NUMBERING, '');
  if (!startsIn(noNum, HEAD_START)) return false;
  const f = foldHead(noNum);
  return KEYWORDS.some((k) => f.startsWith(k));
}

/**
 * For a line of which only the start is known (`start`, whole cells): could the whole line be a heading? Cleaned
 * cells hold no double spaces, so a numbering prefix is at most 8 characters and is settled by 10; folding is
 * per character, so the folded start is a prefix of the folded line.
 */
function startMayBeHeading(start: string): boolean {
  if (start.length < 10) return true;
  const noNum = start.replace(NUMBERING, '');
  if (!startsIn(noNum, HEAD_START)) return false;
  const f = foldText(noNum.slice(0, 28));
  return KEYWORDS.some((k) => f.startsWith(k) || k.startsWith(f));
}

/**
 * Whether a sheet could give narrative without a fallback heading, from a head scan (`cutRows`: rows of which only
 * the first cells were read). False only when no line can be a heading.
 */
export function mayHaveHeading(st: SheetText, cutRows: readonly number[] | undefined): boolean {
  const cut = new Set(cutRows ?? []);
  for (let r = 0; r < st.text.length; r++) {
    const cells: string[] = [];
    for (const t of st.text[r] ?? []) if (t && cells[cells.length - 1] !== t) cells.push(t);
    if (cells.length === 0) continue;
    const first = cells[0] ?? '';
    if (startsIn(first, STOP_START) && STOP.test(foldHead(first))) return false;
    const line = cells.join(' ');
    if (cut.has(r) ? startMayBeHeading(line) : mayBeHeading(line)) return true;
  }
  return false;
}

/** Sheets other than the table's that carry narrative: by name, or by having headed paragraphs. */
export function isNarrativeSheetName(name: string): boolean {
  return /thuyet minh|danh gia|nhan xet|bao cao chu|noi dung bao cao|narrative/.test(fold(name));
}
