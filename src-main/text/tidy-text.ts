// Text that neither NFC nor vi-text clean() would change, known by one pass over a stretch of many strings (a
// shared-strings part): printable NFC-stable characters, the plain space the only white space, never two in a row.
// A string cut from such a stretch is then left alone by clean() unless it starts or ends with a space.

/** Any character outside (controls, tab/newline, white space other than ' ', no-break spaces, marks...), or two spaces. */
const UNTIDY = /[^\x20-\x7e\u00a1-\u02ff\u1e00-\u1eff\u2010-\u2027\u2030-\u205e\u20ab\u3003]| {2}/g;

/** True when text[from, to) holds only tidy characters and no two spaces in a row (one pass over the stretch). */
export function isTidyBetween(text: string, from: number, to: number): boolean {
  if (to <= from) return true;
  UNTIDY.lastIndex = from;
  const m = UNTIDY.exec(text);
  // a match starting at the last character reaches past the stretch (two spaces): outside
  return !m || m.index >= to || (m.index === to - 1 && m[0].length === 2);
}

/** A string cut from a tidy stretch is already clean unless a space ends it at either side. */
export const cleanIfTidy = (s: string): boolean => s.length === 0 || (s.charCodeAt(0) !== 32 && s.charCodeAt(s.length - 1) !== 32);
