// Vietnamese text primitives (pure): NFC at boundaries, diacritic/case folding for search and matching,
// Vietnamese collation for sorting. Used by db, excel, docs and (via import) the renderer.

/** NFC-normalise user/outside text and trim surrounding white space (incl. NBSP). Null stays null. */
export function clean(s: string): string;
export function clean(s: string | null | undefined): string | null;
export function clean(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  return s
    .normalize('NFC')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Fold for search and matching: no diacritics, đ -> d, lower case, single spaces. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\u00a0\s]+/g, ' ')
    .trim();
}

/**
 * Whether `s` is already what foldKey gives for it: lower-case ASCII letters and digits, words parted by single
 * spaces (keys folded once and matched again, as header matching does with every cell).
 */
function isFoldedKey(s: string): boolean {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue;
    if (c === 32 && i > 0 && i < n - 1 && s.charCodeAt(i - 1) !== 32) continue;
    return false;
  }
  return true;
}

/** Fold, then keep only letters and digits separated by single spaces ("C.Đ  Trường-THCS" -> "c d truong thcs"). */
export function foldKey(s: string): string {
  if (isFoldedKey(s)) return s;
  return fold(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

let collator: Intl.Collator | undefined; // made on first use: the first one loads ICU's Vietnamese data (~13 ms a start)
/** Compare in Vietnamese dictionary order (Ân after Anh, Đ after D), numbers naturally (2 < 10). */
export const compareVi = (a: string, b: string): number =>
  (collator ??= new Intl.Collator('vi', { sensitivity: 'base', numeric: true })).compare(a, b);

/** True when every word of the query is a prefix-or-substring of the folded haystack. */
export function matchesQuery(foldedHaystack: string, query: string): boolean {
  const words = fold(query).split(' ').filter(Boolean);
  return words.every((w) => foldedHaystack.includes(w));
}
