// Shared text tools for plan extraction: line preparation, length-preserving folding, document numbers
// ("15/KH-LĐLĐ", "71-KH/LĐLĐ") and Vietnamese date phrases, all tolerant of the spacing staff type.
import { isoDate } from '../../text/vi-date';
import { clean } from '../../text/vi-text';

export interface Warning {
  field: string;
  message: string;
}

export interface Line {
  /** Trimmed text; runs of 2+ spaces kept (they separate flattened table columns). */
  text: string;
  /** True when one or more blank lines come right before this one. */
  blankBefore: boolean;
}

/** NFC, unify line ends, drop invisible characters and markdown emphasis; split into non-empty lines. */
export function prepareLines(raw: string): Line[] {
  const text = raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\ufeff\u00ad]/g, '')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/\t/g, '  ')
    .replace(/\*\*/g, '')
    .replace(/(^|[\s“"(])\*(?=\S)/g, '$1')
    .replace(/(\S)\*(?=$|[\s”",.;:)])/gm, '$1');
  const out: Line[] = [];
  let blank = false;
  for (const l of text.split('\n')) {
    const t = l.trim();
    if (!t) {
      blank = true;
      continue;
    }
    out.push({ text: t, blankBefore: blank });
    blank = false;
  }
  return out;
}

/** Lower-case, remove diacritics, đ -> d, keeping the exact length so indices map back to the original. */
export function foldSame(s: string): string {
  let out = '';
  for (const ch of s) {
    let f = ch.normalize('NFD').replace(/\p{M}/gu, '');
    if (f === 'đ' || f === 'Đ') f = 'd';
    f = f.toLowerCase();
    out += f.length === ch.length ? f : ch;
  }
  return out;
}

/** Split a line into the parts a flattened two-column table left behind (runs of 2+ spaces). */
export function segments(line: string): string[] {
  return line
    .split(/\s{2,}/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Horizontal rules, stars and other layout leftovers. */
export function isDecoration(s: string): boolean {
  return /^[-_=*~.…·•\s]+$/.test(s) || /^\(?\s*(?:đã ký|ký|ký tên|ký,? đóng dấu|ký tên,? đóng dấu)\s*\)?$/iu.test(s);
}

/** Share of upper-case letters among letters (1 for "LĐLĐ HUYỆN", ~0.2 for a sentence). */
export function upperRatio(s: string): number {
  const letters = s.match(/\p{L}/gu) ?? [];
  if (!letters.length) return 0;
  const upper = letters.filter((c) => c !== c.toLowerCase()).length;
  return upper / letters.length;
}

export function capitalizeFirst(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/** clean() and drop trailing ; , : and a final "." (but keep "./." style endings out too). */
export function cleanClause(s: string): string {
  return clean(s)
    .replace(/\s*\.\/\.\s*$/, '')
    .replace(/[\s;,:.]+$/, '')
    .trim();
}

// ---------- document numbers ----------

const CODE_GROUP = String.raw`[\p{Lu}\d][\p{L}\d]*`;
/** number, separator, code groups; spaces allowed around separators ("71- KH/LĐLĐ", "15 / KH - LĐLĐ"). */
const DOC_NUMBER = new RegExp(String.raw`(?<![\p{L}\d/])(\d{1,5}[a-zđ]?)\s*([-/])\s*(${CODE_GROUP}(?:\s*[-/]\s*${CODE_GROUP})*)`, 'gu');

interface DocNumberHit {
  value: string;
  index: number;
  end: number;
}

/** Remove spaces around separators: "71- KH/LĐLĐ" -> "71-KH/LĐLĐ". */
function normaliseDocNumber(s: string): string {
  return s.replace(/\s*([-/])\s*/g, '$1').trim();
}

/** Document numbers in a text (a code with at least one letter, so dates never match). */
export function findDocNumbers(s: string): DocNumberHit[] {
  const hits: DocNumberHit[] = [];
  for (const m of s.matchAll(DOC_NUMBER)) {
    const code = m[3] ?? '';
    if (!/\p{Lu}/u.test(code)) continue;
    hits.push({ value: normaliseDocNumber(m[0]), index: m.index, end: m.index + m[0].length });
  }
  return hits;
}

// ---------- dates ----------

interface DateHit {
  /** ISO date, or null when the written date is impossible or incomplete. */
  iso: string | null;
  /** The date as written ("12/75/2019", "ngày 05 tháng 7 năm 2019"). */
  raw: string;
  index: number;
  end: number;
  day: number | null;
  month: number | null;
  year: number | null;
}

const NUMERIC_DATE = /(?<![\d/])(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?(?![\d/])/g;
const LONG_DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?/giu;

/**
 * Dates written as d/m/yyyy, d/m (year missing: iso null) or "ngày d tháng m năm yyyy", in text order.
 * A "d/m" without year is only reported when `allowNoYear` (it is too ambiguous otherwise).
 */
export function findDates(s: string, allowNoYear = false): DateHit[] {
  const hits: DateHit[] = [];
  const push = (m: RegExpMatchArray, index: number): void => {
    const d = Number(m[1]);
    const mo = Number(m[2]);
    const y = m[3] ? Number(m[3]) : null;
    if (y === null && !allowNoYear) return;
    hits.push({
      iso: y === null ? null : isoDate(y, mo, d),
      raw: m[0],
      index,
      end: index + m[0].length,
      day: d,
      month: mo,
      year: y,
    });
  };
  for (const m of s.matchAll(LONG_DATE)) push(m, m.index);
  for (const m of s.matchAll(NUMERIC_DATE)) {
    if (hits.some((h) => m.index >= h.index && m.index < h.end)) continue;
    push(m, m.index);
  }
  return hits.sort((a, b) => a.index - b.index);
}

/** Message for a date that was written but cannot be a real date. */
export function badDateMessage(raw: string, what: string): string {
  return `${what}: "${clean(raw)}" không phải ngày có thật; đã để trống, vui lòng kiểm tra và nhập lại.`;
}

// ---------- sentences ----------

const ABBREV_BEFORE_DOT = /(?:^|\s)(?:TP|TM|KT|TL|TUQ|Q|P|TX|TT|Tp|ThS|TS|PGS|GS|St|Đ\/c|đ\/c|v\.v)$/u;

/** Split a paragraph into sentences at ". " / "; " / "./." without breaking "TP. Hồ Chí Minh". */
export function sentences(text: string, seps = '.;!?'): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (!seps.includes(ch)) continue;
    const next = text[i + 1];
    if (next !== undefined && next !== ' ' && next !== '\n' && next !== '/') continue;
    if (ch === '.' && ABBREV_BEFORE_DOT.test(text.slice(Math.max(0, i - 6), i))) continue;
    if (ch === '.' && /\d$/.test(text.slice(0, i)) && /^ ?\d/.test(text.slice(i + 1, i + 3))) continue;
    const part = text.slice(start, i + 1).trim();
    if (part) out.push(part);
    start = i + 1;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** Section headings: "I. MỤC ĐÍCH", "II- Nội dung", "1. Công tác...", "A. ...", "PHẦN I". */
export function isSectionHeading(s: string): boolean {
  return /^(?:[IVXLC]+|[A-D]|\d{1,2})\s*[.\-)–]\s*\S/u.test(s) || /^PHẦN\s+[IVX\d]+/u.test(s);
}

/** A heading that stands on its own line: "I. CHỈ TIÊU", "2. Chỉ tiêu", "NỘI DUNG". */
export function isHeadingLine(s: string): boolean {
  if (s.length > 80 || /[.;:,]$/.test(s)) return false;
  return (isSectionHeading(s) && (upperRatio(s) >= 0.8 || s.length <= 40)) || (upperRatio(s) >= 0.9 && s.length <= 60);
}

/** Join wrapped lines into paragraphs: a line continues the previous one unless the previous ended a
 * sentence or the line starts a bullet/heading. Returns paragraphs with the index of their first line. */
export function paragraphs(lines: Line[], from: number, to: number): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  for (let i = from; i < to; i++) {
    const t = (lines[i]?.text ?? '').replace(/\s{2,}/g, ' ');
    const prev = out[out.length - 1];
    const startsNew = /^[-+•–]\s*/.test(t) || isSectionHeading(t) || /^(?:Căn cứ|Thực hiện|Nơi nhận)/iu.test(t);
    const prevIsHeading = prev !== undefined && isHeadingLine(prev.text);
    if (prev && !startsNew && !prevIsHeading && !/[.;:!?]$/.test(prev.text)) prev.text = `${prev.text} ${t}`;
    else out.push({ text: t, line: i });
  }
  return out;
}
