// Breaks a paragraph into lines: words measured with the embedded font, greedy wrap at spaces (a word longer
// than the line is cut between letters), indents, alignment, line height from the line rule. Positions in points.
import type { Para, Run, RunStyle } from './model';
import { PdfInputError } from './xml';

export interface Measurer {
  width(text: string, style: RunStyle): number;
  /** Ascent and descent (both positive) of the font at the style's size. */
  ascent(style: RunStyle): number;
  descent(style: RunStyle): number;
  /** The first character of `text` the font cannot print, or null. */
  missing(text: string, style: RunStyle): string | null;
}

/** Ballot boxes (the registration form's check boxes) are drawn as lines: the text fonts have no glyph for them. */
export const BOXES: Record<string, 'none' | 'check' | 'cross'> = { '☐': 'none', '☑': 'check', '☒': 'cross' };
const BOX_SPLIT = /([☐☑☒])/;
/** Never printed: soft hyphen, zero-width spaces and joiners, BOM, control characters. */
const INVISIBLE = /[\u0000-\u0008\u000A-\u001F\u00AD\u200B-\u200D\uFEFF]/g;
const boxWidth = (st: RunStyle): number => st.size * 0.85;

interface Frag {
  text: string;
  style: RunStyle;
  x: number;
  width: number;
  box?: boolean;
}
export interface Line {
  frags: Frag[];
  /** Height of the line box and the baseline's distance from its top. */
  height: number;
  baseline: number;
}
export interface ParaLayout {
  /** Lines of each page segment (a page break inside the paragraph starts a new segment). */
  segments: Line[][];
  before: number;
  after: number;
  borderBelow: number;
  keepNext: boolean;
  keepLines: boolean;
  pageBreakBefore: boolean;
  border: { x1: number; x2: number; width: number; space: number } | null;
}

interface Tok {
  text: string;
  style: RunStyle;
  width: number;
  space: boolean;
  box?: boolean;
  breakAfter?: boolean;
}

/** Inside a word, a line may break after a hyphen or en dash between letters/digits ("bc-TM01-2023"), as in Word. */
const HYPHEN_BREAK = /(?<=[^\s\-–][\-–])(?=[^\s\-–])/;

const upper = (s: string, st: RunStyle): string => (st.caps ? s.toLocaleUpperCase('vi') : s);
const same = (a: RunStyle, b: RunStyle): boolean =>
  a === b || (a.size === b.size && a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.caps === b.caps);

function lineMetrics(p: Para, styles: RunStyle[], m: Measurer): { height: number; baseline: number } {
  const list = styles.length ? styles : [p.mark];
  const asc = Math.max(...list.map((s) => m.ascent(s)));
  const desc = Math.max(...list.map((s) => m.descent(s)));
  const natural = asc + desc;
  if (p.line.rule === 'exact')
    return { height: p.line.value, baseline: p.line.value - desc * (p.line.value / natural > 1 ? 1 : p.line.value / natural) };
  const h = p.line.rule === 'atLeast' ? Math.max(natural, p.line.value) : natural * p.line.value;
  return { height: h, baseline: p.line.rule === 'atLeast' ? h - desc : asc };
}

/** What the page fields print: the page number and the number of pages ('' while the body is laid out). */
export interface Fields {
  page: string;
  pages: string;
}
const NO_FIELDS: Fields = { page: '', pages: '' };

function tokens(runs: Run[], m: Measurer, fields: Fields): (Tok | 'br')[] {
  const out: (Tok | 'br')[] = [];
  for (const r of runs) {
    if (r.kind === 'break') out.push('br');
    else if (r.kind === 'pageNumber') {
      const t = r.total ? fields.pages : fields.page;
      out.push({ text: t, style: r.style, width: m.width(t, r.style), space: false });
    } else if (r.kind === 'text') {
      for (const piece of upper(r.text, r.style)
        .replace(INVISIBLE, '')
        .match(/\t|[ \u00A0]+|[^ \t\u00A0]+/g) ?? []) {
        if (piece === '\t') out.push({ text: ' ', style: r.style, width: 36, space: true });
        else if (piece.startsWith(' ')) out.push({ text: piece, style: r.style, width: m.width(piece, r.style), space: true });
        else {
          for (const part of piece.split(BOX_SPLIT)) {
            if (!part) continue;
            if (part in BOXES) {
              out.push({ text: part, style: r.style, width: boxWidth(r.style), space: false, box: true });
              continue;
            }
            const bad = m.missing(part, r.style);
            if (bad) {
              const code = bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
              throw new PdfInputError(
                `Không in được ký tự "${bad}" (U+${code}) trong "${r.text.trim().slice(0, 60)}": phông chữ Times New Roman không có ký tự này. Hãy sửa chữ đó trong dữ liệu rồi xuất lại.`,
              );
            }
            const bits = part.split(HYPHEN_BREAK);
            bits.forEach((b, k) =>
              out.push({
                text: b,
                style: r.style,
                width: m.width(b, r.style),
                space: false,
                ...(k < bits.length - 1 ? { breakAfter: true } : {}),
              }),
            );
          }
        }
      }
    }
  }
  return out;
}

/** Lay out `runs` (one page segment) into lines inside `width`. */
function wrap(p: Para, runs: Run[], width: number, m: Measurer, fields: Fields, firstOfPara: boolean): Line[] {
  const toks = tokens(runs, m, fields);
  const lines: { toks: Tok[]; ended: boolean }[] = [];
  let cur: Tok[] = [];
  let curW = 0;
  let first = firstOfPara;
  const availOf = (): number => Math.max(1, width - p.left - p.right - (first ? p.firstLine : 0));
  const push = (ended: boolean): void => {
    lines.push({ toks: cur, ended });
    cur = [];
    curW = 0;
    first = false;
  };
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    if (t === 'br') {
      push(true);
      i++;
      continue;
    }
    if (t.space) {
      cur.push(t);
      curW += t.width;
      i++;
      continue;
    }
    // a word: consecutive non-space tokens (may span runs)
    const word: Tok[] = [];
    let j = i;
    while (j < toks.length && toks[j] !== 'br' && !(toks[j] as Tok).space) {
      const w = toks[j++] as Tok;
      word.push(w);
      if (w.breakAfter) break;
    }
    const wW = word.reduce((s, w) => s + w.width, 0);
    if (cur.some((c) => !c.space) && curW + wW > availOf() + 0.01) push(false);
    if (wW > availOf() + 0.01 && !cur.some((c) => !c.space)) {
      // a word longer than the line: cut between letters
      for (const w of word) {
        for (const ch of w.text) {
          const cw = m.width(ch, w.style);
          if (curW + cw > availOf() + 0.01 && cur.length) push(false);
          const last = cur[cur.length - 1];
          if (last && !last.space && !last.box && !w.box && same(last.style, w.style)) {
            last.text += ch;
            last.width += cw;
          } else cur.push({ text: ch, style: w.style, width: cw, space: false });
          curW += cw;
        }
      }
    } else {
      cur.push(...word);
      curW += wW;
    }
    i = j;
  }
  if (cur.length || !lines.length || lines[lines.length - 1]!.ended) push(true);
  else lines[lines.length - 1]!.ended = true;

  return lines.map((l, k) => {
    const isFirst = firstOfPara && k === 0;
    const x0 = p.left + (isFirst ? p.firstLine : 0);
    const avail = width - p.left - p.right - (isFirst ? p.firstLine : 0);
    // trailing spaces hang past the margin and are not drawn
    const toksIn = [...l.toks];
    while (toksIn.length && toksIn[toksIn.length - 1]!.space) toksIn.pop();
    const used = toksIn.reduce((s, t) => s + t.width, 0);
    const spaces = toksIn.filter((t) => t.space).length;
    const justify = p.align === 'both' && !l.ended && spaces > 0;
    const extra = justify ? (avail - used) / spaces : 0;
    let x = x0 + (p.align === 'center' ? (avail - used) / 2 : p.align === 'right' ? avail - used : 0);
    const frags: Frag[] = [];
    for (const t of toksIn) {
      const w = t.width + (t.space ? extra : 0);
      const last = frags[frags.length - 1];
      // merge same-style text into one fragment unless justified (then words are placed one by one)
      if (!justify && last && !last.box && !t.box && same(last.style, t.style)) {
        last.text += t.text;
        last.width += t.width;
      } else if (!t.space || !justify) frags.push({ text: t.text, style: t.style, x, width: t.width, ...(t.box ? { box: true } : {}) });
      x += w;
    }
    return {
      frags: frags.filter((f) => f.text.trim() || f.style.underline),
      ...lineMetrics(
        p,
        toksIn.map((t) => t.style),
        m,
      ),
    };
  });
}

/** Split runs at page breaks. */
function segments(runs: Run[]): Run[][] {
  const out: Run[][] = [[]];
  for (const r of runs) {
    if (r.kind === 'page') out.push([]);
    else out[out.length - 1]!.push(r);
  }
  return out;
}

export function layoutPara(p: Para, width: number, m: Measurer, fields: Fields = NO_FIELDS): ParaLayout {
  const segs = segments(p.runs);
  return {
    // a page break that opens the paragraph leaves nothing on the page before it
    segments: segs.map((s, k) => (k === 0 && segs.length > 1 && !s.length ? [] : wrap(p, s, width, m, fields, k === 0))),
    before: p.before,
    after: p.after,
    borderBelow: p.borderBottom ? p.borderBottom.space + p.borderBottom.width : 0,
    keepNext: p.keepNext,
    keepLines: p.keepLines,
    pageBreakBefore: p.pageBreakBefore,
    border: p.borderBottom ? { x1: p.left, x2: width - p.right, width: p.borderBottom.width, space: p.borderBottom.space } : null,
  };
}

export const linesHeight = (lines: Line[]): number => lines.reduce((s, l) => s + l.height, 0);

/** Whole height of a paragraph laid out on one page (for cells, headers and keep-with-next). */
export const paraHeight = (l: ParaLayout): number =>
  l.before + l.segments.reduce((s, seg) => s + linesHeight(seg), 0) + l.borderBelow + l.after;
