// The hot path: scans one worksheet's XML with indexOf/charCode loops (no regex per tag, no attribute strings)
// into a sparse grid (values, shared/inline strings, formulas' cached results, errors, legacy fonts, date flags)
// and its merged ranges (kept as ranges). Namespace-prefixed elements (<x:c>) and both quote styles are accepted.
import { parseA1, parseRange, type Cell, type Range, type ReaderIssue, type SheetGrid, type SheetState } from './grid';
import { digits, makeCell, numberCell, typeCode, type CellState } from './cell-value';
import type { ReadLimits } from '../../bytes/limits';
import { XlsxError } from '../../bytes/limits';
import type { SharedStringTable, StyleInfo } from './workbook-parts';
import { attr, decodeXml } from '../../bytes/xml';

const MERGE = /<(?:[A-Za-z_][\w.-]*:)?mergeCell(?=[\s/>])([^>]*)>/g;
const COL = /<(?:[A-Za-z_][\w.-]*:)?col(?=[\s/>])([^>]*)>/g;
const isTrue = (v: string | undefined): boolean => v === '1' || v === 'true';
export { nfc } from './cell-value';

export interface ScanContext {
  sst: SharedStringTable;
  styles: StyleInfo;
  limits: ReadLimits;
  issues: ReaderIssue[];
  tick: () => void;
  /** Cells stored so far in this workbook (shared across sheets for the cap). */
  cellCount: { n: number };
}

function sheetDataBounds(xml: string): { start: number; end: number } {
  let i = xml.indexOf('<sheetData');
  let close = '</sheetData>';
  if (i < 0) {
    const m = /<([A-Za-z_][\w.-]*:)sheetData(?=[\s/>])/.exec(xml);
    if (!m) return { start: 0, end: 0 };
    i = m.index;
    close = `</${m[1] ?? ''}sheetData>`;
  }
  const gt = xml.indexOf('>', i);
  if (gt < 0 || xml.charCodeAt(gt - 1) === 47) return { start: gt + 1, end: gt + 1 };
  // The close tag sits near the end of the part (only merges and page setup follow): search from there.
  const end = xml.lastIndexOf(close);
  return { start: gt + 1, end: end < gt ? xml.length : end };
}

/** XML name characters of element names: letters, digits, '_', '.', '-' (':' is handled as prefix end). */
function isNameChar(ch: number): boolean {
  return (ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90) || (ch >= 48 && ch <= 57) || ch === 95 || ch === 46 || ch === 45;
}
const isSpace = (ch: number): boolean => ch === 32 || ch === 9 || ch === 10 || ch === 13;

/**
 * Plain "E12" in xml[from, to) as row * 16384 + col (0-based), without building a string; -1 for anything else
 * ("$E$12", entities, malformed), which the caller hands to parseA1.
 */
function a1At(xml: string, from: number, to: number): number {
  let p = from;
  let c = 0;
  while (p < to && p - from < 3) {
    const ch = xml.charCodeAt(p) & ~32;
    if (ch < 65 || ch > 90) break;
    c = c * 26 + (ch - 64);
    p++;
  }
  if (p === from) return -1;
  const d0 = p;
  let r = 0;
  while (p < to) {
    const d = xml.charCodeAt(p) - 48;
    if (d < 0 || d > 9) return -1;
    r = r * 10 + d;
    p++;
  }
  if (p === d0 || p - d0 > 7 || r < 1 || c > 16384) return -1;
  return (r - 1) * 16384 + (c - 1);
}

/**
 * Where the quote `q` closing an attribute value starts at `from` is (-1: none), as indexOf finds it: values are a
 * few characters, which a loop reads for less than a call to indexOf costs.
 */
function quoteEnd(xml: string, from: number, q: number): number {
  const stop = Math.min(from + 16, xml.length);
  for (let p = from; p < stop; p++) if (xml.charCodeAt(p) === q) return p;
  return stop < xml.length ? xml.indexOf(q === 34 ? '"' : "'", stop) : -1;
}

/** Text content after a start tag ending at `gt`: up to the next '<' (end of text when none). */
function textEnd(xml: string, gt: number): number {
  const stop = Math.min(gt + 17, xml.length);
  for (let p = gt + 1; p < stop; p++) if (xml.charCodeAt(p) === 60) return p;
  const e = stop < xml.length ? xml.indexOf('<', stop) : -1;
  return e < 0 ? xml.length : e;
}

/** Attribute value xml[from, to), entity-decoded only when it holds '&'. */
const attrValue = (xml: string, from: number, to: number): string => {
  const raw = xml.slice(from, to);
  return raw.indexOf('&') === -1 ? raw : decodeXml(raw);
};

/**
 * xml.indexOf(close, from) for a row's close tag ("</row>", "</x:row>"): found from its rare "w>" (searching for the
 * '<' it starts with stops at every tag of the row, about ten times slower).
 */
export function indexOfRowClose(xml: string, close: string, from: number): number {
  const tail = close.length - 2;
  for (let k = xml.indexOf('w>', from + tail); k !== -1; k = xml.indexOf('w>', k + 1)) {
    if (xml.startsWith(close, k - tail)) return k - tail;
  }
  return -1;
}

interface UsualCell {
  r: number;
  c: number;
  type: number;
  style: number;
}

/**
 * The attributes of a cell start tag written the usual way, from `k` just after "<c ": ` r="B2"` first (a plain
 * reference), then any of ` s="16"` (digits) and ` t="s"` (a plain type), single spaces, then '>' or '/>'. Fills
 * `out` as the general attribute loop would and gives the index of that '>' or '/'; 0 for anything else (then the
 * general way reads the tag: nothing here has changed the scan).
 */
function usualCell(xml: string, k: number, out: UsualCell): number {
  if (xml.charCodeAt(k) !== 114 || xml.charCodeAt(k + 1) !== 61 || xml.charCodeAt(k + 2) !== 34) return 0;
  let e = k + 3;
  while (e < k + 14 && xml.charCodeAt(e) !== 34) e++;
  if (xml.charCodeAt(e) !== 34) return 0;
  const rc = a1At(xml, k + 3, e);
  if (rc < 0) return 0;
  out.c = rc % 16384;
  out.r = (rc - out.c) / 16384;
  out.type = 0;
  out.style = 0;
  k = e + 1;
  while (xml.charCodeAt(k) === 32) {
    const a = xml.charCodeAt(k + 1);
    if ((a !== 115 && a !== 116) || xml.charCodeAt(k + 2) !== 61 || xml.charCodeAt(k + 3) !== 34) return 0;
    e = k + 4;
    while (e < k + 16 && xml.charCodeAt(e) !== 34) e++;
    if (xml.charCodeAt(e) !== 34) return 0;
    if (a === 115) {
      const d = digits(xml, k + 4, e);
      if (d < 0) return 0;
      out.style = d;
    } else if (e === k + 5 && xml.charCodeAt(k + 4) === 115) out.type = 1;
    else {
      const t = xml.slice(k + 4, e);
      if (t.indexOf('&') !== -1) return 0;
      out.type = typeCode(t);
    }
    k = e + 1;
  }
  const ch = xml.charCodeAt(k);
  return ch === 62 || (ch === 47 && xml.charCodeAt(k + 1) === 62) ? k : 0;
}

/** Characters of a value that are not whitespace (the head scan's budget counts only these). */
function solidLength(v: Cell['v']): number {
  const s = typeof v === 'string' ? v : v === null ? '' : String(v);
  let n = 0;
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i)) && s.charCodeAt(i) !== 0xa0) n++;
  return n;
}

/**
 * Scan a sheet. With `rowChars` > 0 this is a head scan: in each row, once the cells read hold that many
 * non-space characters, the rest of the row is skipped (its index goes to `cutRows`). Cells are in column order
 * in any valid file, so a head scan gives every row's first cells exactly as a full scan would. A row whose first
 * non-empty cell is a number (an STT column, a list) is ended at that cell, which is not kept, and not listed: a
 * line that starts with a number can never be a narrative heading (see narrative.ts), and such rows make up most
 * lists.
 * With `rowLimit`, scanning stops at the first row at or past it (a top scan: rows are in order in valid files).
 */
export function scanSheet(xml: string, name: string, state: SheetState, ctx: ScanContext, rowChars = 0, rowLimit = Infinity): SheetGrid {
  const { limits, issues } = ctx;
  const cutRows: number[] = [];
  let budget = rowChars;
  /** Head scan: the current row has had a non-empty cell; `numberFirst`: that cell was a number. */
  let rowSolid = false;
  let numberFirst = false;
  let rowClose = '';
  const rows: (Cell | undefined)[][] = [];
  const { start, end } = sheetDataBounds(xml);
  const st: CellState = { name, r: 0, c: 0, type: 0, style: 0, v: undefined, f: undefined, is: '' };
  let row = -1;
  let col = -1;
  let inIs = false;
  let inRPh = false;
  let hiddenRows: Set<number> | undefined;
  /** Where the next "hidden" in the part is, found once and reused by the rows before it (-1: not searched yet). */
  let nextHidden = -1;
  let skipped = 0;
  let n = 0;
  const usual: UsualCell = { r: 0, c: 0, type: 0, style: 0 };

  const finish = (): void => {
    const { r, c } = st;
    if (r >= limits.maxRows || c >= limits.maxCols || r < 0 || c < 0) {
      skipped++;
      return;
    }
    const cell = makeCell(st, ctx);
    if (!cell) return;
    if (++ctx.cellCount.n > limits.maxCells) {
      throw new XlsxError('bomb', `Tệp có quá nhiều ô dữ liệu (trên ${limits.maxCells.toLocaleString('vi-VN')}) – không đọc.`);
    }
    if (rowChars > 0) {
      if (!rowSolid && typeof cell.v === 'number') {
        // A row starting with a number is never a heading: the cell is counted but not kept, the row is ended.
        rowSolid = true;
        numberFirst = true;
        budget = 0;
        return;
      }
      const solid = solidLength(cell.v);
      if (solid > 0 && !rowSolid) rowSolid = true;
      budget -= solid;
    }
    (rows[r] ??= [])[c] = cell;
  };

  /** finish() for a cell of the default type whose value is the plain digits of `d` (no formula): no makeCell. */
  const finishNumber = (d: number): void => {
    const { r, c } = st;
    if (r >= limits.maxRows || c >= limits.maxCols || r < 0 || c < 0) {
      skipped++;
      return;
    }
    if (++ctx.cellCount.n > limits.maxCells) {
      throw new XlsxError('bomb', `Tệp có quá nhiều ô dữ liệu (trên ${limits.maxCells.toLocaleString('vi-VN')}) – không đọc.`);
    }
    if (rowChars > 0) {
      if (!rowSolid) {
        rowSolid = true;
        numberFirst = true;
        budget = 0;
        return;
      }
      budget -= solidLength(d);
    }
    (rows[r] ??= [])[c] = numberCell(d, st.style, ctx.styles);
  };

  /** Head scan: after a cell that used up the row's budget, jump to the end of the row. */
  const skipRest = (at: number): number => {
    if (rowChars <= 0 || budget > 0) return at;
    const e = indexOfRowClose(xml, rowClose, at);
    if (!numberFirst) cutRows.push(st.r);
    budget = rowChars;
    // past the close tag itself: the loop would only have read it and done nothing
    return e < 0 || e >= end ? end : Math.min(e + rowClose.length, end);
  };

  let pos = start;
  while (pos < end) {
    const lt = xml.charCodeAt(pos) === 60 ? pos : xml.indexOf('<', pos);
    if (lt < 0 || lt >= end) break;
    if ((++n & 4095) === 0) ctx.tick();
    if (xml.charCodeAt(lt + 1) === 99 && xml.charCodeAt(lt + 2) === 32) {
      // The usual <c r="B2" s="16" t="s"> (and <v>..</v></c> after it) read in place; else the general way below.
      const k = usualCell(xml, lt + 3, usual);
      if (k > 0) {
        st.r = row = usual.r;
        st.c = col = usual.c;
        st.type = usual.type;
        st.style = usual.style;
        st.v = undefined;
        st.f = undefined;
        st.is = '';
        if (xml.charCodeAt(k) === 47) {
          pos = k + 2;
          finish();
          pos = skipRest(pos);
          continue;
        }
        pos = k + 1;
        if (xml.charCodeAt(pos) === 60 && xml.charCodeAt(pos + 1) === 118 && xml.charCodeAt(pos + 2) === 62) {
          const e = textEnd(xml, pos + 2);
          if (
            e + 8 <= end &&
            xml.charCodeAt(e + 1) === 47 &&
            xml.charCodeAt(e + 2) === 118 &&
            xml.charCodeAt(e + 3) === 62 &&
            xml.charCodeAt(e + 4) === 60 &&
            xml.charCodeAt(e + 5) === 47 &&
            xml.charCodeAt(e + 6) === 99 &&
            xml.charCodeAt(e + 7) === 62
          ) {
            const d = st.type === 0 ? digits(xml, pos + 3, e) : -1;
            if (d >= 0) {
              pos = e + 8;
              finishNumber(d);
            } else {
              st.v = xml.slice(pos + 3, e);
              pos = e + 8;
              finish();
            }
            pos = skipRest(pos);
          }
        }
        continue;
      }
    }
    let i = lt + 1;
    const close = xml.charCodeAt(i) === 47;
    if (close) i++;
    let ns = i; // start of the local name (after any "prefix:")
    let j = i;
    for (;;) {
      const ch = xml.charCodeAt(j);
      if (isNameChar(ch)) j++;
      else if (ch === 58 && j > ns) ns = ++j;
      else break;
    }
    const after = xml.charCodeAt(j);
    if (j === ns || !(isSpace(after) || after === 47 || after === 62)) {
      pos = j > lt ? j : lt + 1;
      continue;
    }
    const gt = xml.indexOf('>', j);
    if (gt < 0) break;
    pos = gt + 1;
    const selfClose = xml.charCodeAt(gt - 1) === 47;
    const len = j - ns;
    const c0 = xml.charCodeAt(ns);
    if (len === 1) {
      if (c0 === 99) {
        // <c>
        if (close) {
          finish();
          pos = skipRest(pos);
          continue;
        }
        let ref = -2; // -2: no r attribute; -1: unparsable
        let refR = 0;
        let type = 0;
        let style = 0;
        for (let k = j; k < gt;) {
          const ch = xml.charCodeAt(k);
          if (isSpace(ch) || ch === 47) {
            k++;
            continue;
          }
          const an = k;
          while (k < gt && xml.charCodeAt(k) !== 61 && !isSpace(xml.charCodeAt(k))) k++;
          const anLen = k - an;
          while (isSpace(xml.charCodeAt(k))) k++;
          if (xml.charCodeAt(k) !== 61) break;
          k++;
          while (isSpace(xml.charCodeAt(k))) k++;
          const q = xml.charCodeAt(k);
          if (q !== 34 && q !== 39) break;
          const ve = quoteEnd(xml, k + 1, q);
          if (ve < 0) break;
          if (anLen === 1) {
            const a = xml.charCodeAt(an);
            if (a === 114) {
              const rc = a1At(xml, k + 1, ve);
              if (rc >= 0) {
                ref = rc % 16384;
                refR = (rc - ref) / 16384;
              } else {
                const p = parseA1(attrValue(xml, k + 1, ve));
                if (p) {
                  ref = p.c;
                  refR = p.r;
                } else ref = -1;
              }
            } else if (a === 116) type = typeCode(attrValue(xml, k + 1, ve));
            else if (a === 115) {
              const d = digits(xml, k + 1, ve);
              style = d >= 0 ? d : Number(attrValue(xml, k + 1, ve));
              if (!Number.isInteger(style)) style = -1;
            }
          }
          k = ve + 1;
        }
        if (ref >= 0) {
          st.r = refR;
          st.c = ref;
          row = refR;
        } else {
          st.r = row;
          st.c = col + 1;
        }
        col = st.c;
        st.type = type;
        st.style = style;
        st.v = undefined;
        st.f = undefined;
        st.is = '';
        if (selfClose) {
          finish();
          pos = skipRest(pos);
        }
      } else if (c0 === 118) {
        // <v>
        if (!close && !selfClose) {
          const e = textEnd(xml, gt);
          st.v = xml.slice(gt + 1, e);
          // The usual unprefixed "</v></c>" right after the value: handled here instead of by two more turns of the loop.
          if (i === ns && xml.charCodeAt(e + 1) === 47 && xml.charCodeAt(e + 2) === 118 && xml.charCodeAt(e + 3) === 62) {
            if (
              e + 8 <= end &&
              xml.charCodeAt(e + 4) === 60 &&
              xml.charCodeAt(e + 5) === 47 &&
              xml.charCodeAt(e + 6) === 99 &&
              xml.charCodeAt(e + 7) === 62
            ) {
              pos = e + 8;
              finish();
              pos = skipRest(pos);
            } else pos = e + 4;
          }
        }
      } else if (c0 === 102) {
        // <f>
        if (!close) st.f = selfClose ? '' : xml.slice(gt + 1, textEnd(xml, gt));
      } else if (c0 === 116) {
        // <t> inside <is> (not in a phonetic run)
        if (inIs && !inRPh && !close && !selfClose) st.is += xml.slice(gt + 1, textEnd(xml, gt));
      }
    } else if (len === 3 && c0 === 114 && xml.charCodeAt(ns + 1) === 111 && xml.charCodeAt(ns + 2) === 119) {
      // <row>
      if (!close) {
        // The usual ` r="12"` first: read in place; anything else through attr().
        const q = xml.charCodeAt(j) === 32 && xml.charCodeAt(j + 1) === 114 && xml.charCodeAt(j + 2) === 61 && xml.charCodeAt(j + 3) === 34;
        const qe = q ? quoteEnd(xml, j + 4, 34) : -1;
        const d0 = qe > 0 && qe < gt ? digits(xml, j + 4, qe) : -1;
        if (d0 > 0) row = d0 - 1;
        else {
          const r = attr(xml.slice(j, gt), 'r');
          if (r) {
            const d = digits(r, 0, r.length);
            row = (d >= 0 ? d : Number(r)) - 1;
          } else row = row + 1;
        }
        if (!Number.isInteger(row)) row = -1;
        if (row >= rowLimit) break; // top scan: the rows asked for are read
        if (nextHidden < j) nextHidden = xml.indexOf('hidden', j) >>> 0; // -1 becomes 2^32 - 1: none further on
        if (nextHidden < gt && row >= 0 && isTrue(attr(xml.slice(j, gt), 'hidden'))) (hiddenRows ??= new Set()).add(row);
        col = -1;
        if (rowChars > 0) {
          budget = rowChars;
          rowSolid = false;
          numberFirst = false;
          rowClose = i === ns ? '</row>' : `</${xml.slice(i, ns)}row>`;
        }
      }
    } else if (len === 2 && c0 === 105 && xml.charCodeAt(ns + 1) === 115) {
      inIs = !close && !selfClose; // <is>
    } else if (len === 3 && c0 === 114 && xml.charCodeAt(ns + 1) === 80 && xml.charCodeAt(ns + 2) === 104) {
      inRPh = !close && !selfClose; // <rPh>
    }
  }
  if (skipped > 0) {
    issues.push({
      sheet: name,
      cell: null,
      severity: 'warning',
      message: `Sheet '${name}': ${skipped} ô nằm ngoài giới hạn ${limits.maxRows.toLocaleString('vi-VN')} dòng × ${limits.maxCols} cột – đã bỏ qua.`,
    });
  }
  const grid: SheetGrid = { name, state, rows, merges: scanMerges(xml, end, name, limits, issues) };
  if (rowChars > 0) grid.cutRows = cutRows;
  if (hiddenRows) grid.hiddenRows = hiddenRows;
  const hiddenCols = scanHiddenCols(xml, start, limits.maxCols);
  if (hiddenCols) grid.hiddenCols = hiddenCols;
  return grid;
}

/** Hidden columns from <cols> (before <sheetData>, ending at `to`); each <col min max> span clipped to maxCols. */
function scanHiddenCols(xml: string, to: number, maxCols: number): Set<number> | undefined {
  const head = xml.slice(0, to);
  if (head.indexOf('hidden') < 0) return undefined;
  let out: Set<number> | undefined;
  COL.lastIndex = 0;
  for (let m = COL.exec(head); m; m = COL.exec(head)) {
    const a = m[1] ?? '';
    if (!isTrue(attr(a, 'hidden'))) continue;
    const min = Number(attr(a, 'min'));
    const max = Math.min(Number(attr(a, 'max')), maxCols);
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1) continue;
    for (let c = min; c <= max; c++) (out ??= new Set()).add(c - 1);
    if (out && out.size >= maxCols) break; // every readable column is hidden: more <col> elements add nothing
  }
  return out;
}

/** Merged ranges as ranges (never expanded); capped in count. */
function scanMerges(xml: string, from: number, sheet: string, limits: ReadLimits, issues: ReaderIssue[]): Range[] {
  const merges: Range[] = [];
  if (xml.indexOf('mergeCell', from) < 0) return merges;
  MERGE.lastIndex = from;
  for (let m = MERGE.exec(xml); m; m = MERGE.exec(xml)) {
    const ref = attr(m[1] ?? '', 'ref');
    const r = ref ? parseRange(ref) : null;
    if (!r) continue;
    if (merges.length >= limits.maxMerges) {
      issues.push({
        sheet,
        cell: null,
        severity: 'warning',
        message: `Sheet '${sheet}': quá nhiều vùng gộp ô – chỉ dùng ${limits.maxMerges} vùng đầu.`,
      });
      break;
    }
    merges.push(r);
  }
  return merges;
}
