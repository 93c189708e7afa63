// Text that NFC normalisation leaves as it is, known without normalising: every code unit is one of a set of
// characters that are NFC alone, never combine with a character before them and have combining class 0. Vietnamese
// text typed in NFC is all of these.

/**
 * Any code unit outside the stable set: Basic Latin to Spacing Modifiers, Latin Extended Additional (precomposed
 * Vietnamese letters), dashes, quotes, bullets, the đồng sign and the ditto mark 〃.
 */
const UNSTABLE = /[^\u0000-\u02ff\u1e00-\u1eff\u2010-\u2027\u2030-\u205e\u20ab\u3003]/;

/** True when s.normalize('NFC') === s is certain from its characters alone (false: normalise to know). */
export const isNfcStable = (s: string): boolean => !UNSTABLE.test(s);
