// Folding is the hottest step of interpretation (labels repeat across a batch's files), so fold/foldKey
// results are memoised in small bounded maps (cleared when full; Map keys are inert for "__proto__"), and folded
// by table (fast-fold.ts, same result as vi-text fold). Keys are own copies: cell text may be a view into its part.
import { fastFold as fold } from './fast-fold';
import { isSpaceCode as isWs } from '../../text/char-codes';
import { ownCopy } from '../../text/own-copy';

const NOT_ALNUM = /[^\p{L}\p{N}]+/gu;
/** vi-text foldKey(), on the table fold. */
const foldKey = (s: string): string => fold(s).replace(NOT_ALNUM, ' ').trim();

const MAX = 20_000;
const folds = new Map<string, string>();
const keys = new Map<string, string>();

export function cachedFold(s: string): string {
  if (s.length > 120) return fold(s); // long one-off text (paragraphs): caching would only evict useful keys
  let v = folds.get(s);
  if (v === undefined) {
    if (folds.size >= MAX) folds.clear();
    v = fold(s);
    folds.set(ownCopy(s), v);
  }
  return v;
}

export function cachedFoldKey(s: string): string {
  if (s.length > 120) return foldKey(s);
  let v = keys.get(s);
  if (v === undefined) {
    if (keys.size >= MAX) keys.clear();
    v = foldKey(s);
    keys.set(ownCopy(s), v);
  }
  return v;
}

/**
 * Whether vi-text clean() would change the text: whitespace at either end, two in a row, a tab/newline/no-break
 * space, or a combining mark (not NFC). A plain loop: cheaper than a regex with alternatives on every cell.
 */
function needsClean(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  if (isWs(s.charCodeAt(0)) || isWs(s.charCodeAt(n - 1))) return true;
  let prevWs = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c > 32 && c < 0x300 && c !== 0xa0) || (c > 0x36f && c < 0x2000 && c !== 0x1680)) {
      prevWs = false;
      continue;
    }
    if (c === 32) {
      if (prevWs) return true;
      prevWs = true;
      continue;
    }
    if ((c >= 0x300 && c <= 0x36f) || c === 0xa0 || c === 0x2007 || c === 0x202f || c === 9 || c === 10 || c === 13) return true;
    const ws = isWs(c);
    if (ws && prevWs) return true;
    prevWs = ws;
  }
  return false;
}

/** vi-text clean() for cell text, skipping the work when the text is already clean NFC. */
export function cleanCell(s: string): string {
  return needsClean(s)
    ? s
        .normalize('NFC')
        .replace(/[\u00a0\u2007\u202f]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    : s;
}
