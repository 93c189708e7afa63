// vi-text fold() by table for the reader's hot loops: text made only of Latin letters (Vietnamese included),
// combining marks, common punctuation and spaces is folded one character at a time from a table built with fold()
// itself; anything else (Greek, CJK, surrogates...) goes to fold(). Same result as fold() for every string.
import { fold } from '../../text/vi-text';
import { isSpaceCode as isWs } from '../../text/char-codes';

/** Code units folded by table: [0, 0x370) (Latin, marks), [0x1E00, 0x1F00) (Vietnamese letters), [0x2000, 0x20D0). */
const inTable = (c: number): boolean => c < 0x370 || (c >= 0x1e00 && c < 0x1f00) || (c >= 0x2000 && c < 0x20d0);

/**
 * A character's fold before spaces are squeezed: its letters without marks, lower case ('' for a mark, ' ' for a
 * space); undefined (fold() is used) for the few whose fold would mix letters and spaces.
 */
const LOOKUP: (string | undefined)[] = [];
for (let c = 0; c < 0x20d0; c++) {
  if (!inTable(c)) continue;
  const v = String.fromCharCode(c).normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
  const spaces = [...v].filter((x) => isWs(x.charCodeAt(0))).length;
  LOOKUP[c] = spaces === 0 ? v : spaces === v.length ? ' ' : undefined;
}

/** fold(s), by table when every character is in it. */
export function fastFold(s: string): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = inTable(c) ? LOOKUP[c] : undefined;
    if (v === undefined) return fold(s);
    if (v === '') continue;
    if (v === ' ') {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    out += v;
  }
  return out;
}

/** Per table code unit: the code of the one character its fold is alone (a letter, digit, sign), else -1. */
const ONE = new Int32Array(0x20d0).fill(-1);
for (let c = 0; c < 0x20d0; c++) {
  const v = LOOKUP[c];
  if (v !== undefined && v.length === 1 && v !== ' ') ONE[c] = v.charCodeAt(0);
}

/** Folded first characters and first two characters a text may start with (see startsIn). */
interface FoldedStarts {
  ones: ReadonlySet<string>;
  twos: ReadonlySet<string>;
  /** The same as codes: a character's code, a pair's first code * 65536 + second. */
  oneCodes: ReadonlySet<number>;
  twoCodes: ReadonlySet<number>;
}

export function foldedStarts(ones: readonly string[], twos: readonly string[]): FoldedStarts {
  return {
    ones: new Set(ones),
    twos: new Set(twos),
    oneCodes: new Set(ones.filter((s) => s.length === 1).map((s) => s.charCodeAt(0))),
    twoCodes: new Set(twos.filter((s) => s.length === 2).map((s) => s.charCodeAt(0) * 65536 + s.charCodeAt(1))),
  };
}

/**
 * Exactly `ones.has(fold(s.charAt(0))) && (fold(s.slice(0, 2)).length !== 2 || twos.has(fold(s.slice(0, 2))))`, read
 * from the table by code when both characters fold to one character each (nearly every text), without making either
 * string (a cached fold is a map look-up of a new string).
 */
export function startsIn(s: string, set: FoldedStarts): boolean {
  const c0 = s.charCodeAt(0);
  const a = c0 < 0x20d0 ? (ONE[c0] ?? -1) : -1;
  if (a >= 0) {
    if (!set.oneCodes.has(a)) return false;
    if (s.length === 1) return true; // the fold of the first two is that one character
    const c1 = s.charCodeAt(1);
    const b = c1 < 0x20d0 ? (ONE[c1] ?? -1) : -1;
    if (b >= 0) return set.twoCodes.has(a * 65536 + b);
  }
  if (!set.ones.has(fastFold(s.charAt(0)))) return false;
  const two = fastFold(s.slice(0, 2));
  return two.length !== 2 || set.twos.has(two);
}
