// Splitting Vietnamese report prose into sentences (pure, NFC): breaks at ". ", "! ", "? ", ";" list items, new lines
// and bullets ("- ", "+ ", "•"), but not inside "TP. HCM", "Q.1", "ThS. Lê", "1.234", "v.v." or "đ/c.".

/** Abbreviations that end with a dot and are followed by a name or number, never ending a sentence (folded case kept). */
const ABBREVIATIONS = new Set([
  'tp',
  'q',
  'p',
  'x',
  'h',
  'tx',
  'tt',
  'kp',
  'ths',
  'ts',
  'pgs',
  'gs',
  'bs',
  'ks',
  'cn',
  'đ/c',
  'đc',
  'ông',
  'bà',
  'st',
  'v.v',
  'tr',
  'ng',
  'sđt',
  'đt',
  'số',
  'ctcp',
  'tnhh',
  'cty',
  'kcn',
  'ccn',
  'tw',
  'nxb',
]);

/** True when the dot at `i` in `s` ends a sentence. */
function endsSentence(s: string, i: number): boolean {
  const next = s.slice(i + 1, i + 4); // enough to see a digit, a space and what starts the next sentence
  if (/^\d/.test(next)) return false; // 1.234, Q.1
  if (!/^\s/.test(next) && next.length > 0) return false; // "v.v." inside, "TP.HCM"
  const word = /([\p{L}/.]+)$/u.exec(s.slice(Math.max(0, i - 12), i))?.[1] ?? '';
  const w = word.toLocaleLowerCase('vi').replace(/^\.+/, '');
  if (ABBREVIATIONS.has(w)) return false;
  // A single capital letter ("Nguyễn V. An"), but not a sentence ending with a one-letter word.
  if (/^\p{Lu}$/u.test(word) && /^\s+\p{Lu}/u.test(next)) return false;
  // The next sentence starts with a capital, a digit, a quote or a bullet; otherwise the dot is inside a sentence.
  return next.trim() === '' || /^\s+["“'(\p{Lu}\d\-+•]/u.test(next);
}

/** Characters a Word file (XML 1.0) cannot hold — control characters carried over from a unit's workbook — removed. */
export const printable = (s: string): string => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

/** The sentences of a text, trimmed, single-spaced, NFC; empty pieces and bare numbering ("1.", "a)") dropped. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const lines = printable(text)
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split(/\n+|(?:^|\s)[•●▪◦](?=\s)/u);
  for (const raw of lines) {
    const line = raw
      .replace(/^\s*(?:[-+*–•●▪◦]\s+|\d{1,2}[.)]\s+|[a-zđ]\)\s+)/iu, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (!line) continue;
    let start = 0;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      const stop =
        ch === '!' || ch === '?' || (ch === '.' && endsSentence(line, i)) || (ch === ';' && /^\s+[-+]\s/.test(line.slice(i + 1)));
      if (!stop) continue;
      let end = i + 1;
      while (end < line.length && /["”'’)]/.test(line[end]!)) end++;
      push(out, line.slice(start, end));
      start = end;
    }
    push(out, line.slice(start));
  }
  return out;
}

function push(out: string[], piece: string): void {
  const s = piece.replace(/^\s*[-+;,]\s*/, '').trim();
  if (!s || /^(\d{1,2}|[ivx]{1,4}|[a-zđ])[.)]?$/iu.test(s)) return;
  if (!/[\p{L}\d]/u.test(s)) return;
  out.push(s);
}
