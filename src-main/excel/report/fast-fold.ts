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
