// Text of a CSV/TSV file as Vietnamese offices save it: a BOM says UTF-8 or UTF-16; without one, UTF-16 by its
// NUL pattern, UTF-8 when the bytes are valid UTF-8, else Windows-1258 ("CSV" from Vietnamese Excel). NFC out.

type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

/** UTF-16 without a BOM: in the first 4 KB most odd (LE) or even (BE) bytes are NUL. */
function utf16Shape(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (b[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  if (odd > n / 4 && even < n / 50) return 'utf-16le';
  if (even > n / 4 && odd < n / 50) return 'utf-16be';
  return null;
}

export function detectTextEncoding(b: Uint8Array): { encoding: TextEncodingName; bom: number } {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const wide = utf16Shape(b);
  if (wide) return { encoding: wide, bom: 0 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return { encoding: 'utf-8', bom: 0 };
  } catch {
    return { encoding: 'windows-1258', bom: 0 };
  }
}

/** The file's text (NFC: Windows-1258 writes tone marks as combining characters) and the encoding it was read in. */
export function decodeText(b: Uint8Array): { text: string; encoding: TextEncodingName } {
  const { encoding, bom } = detectTextEncoding(b);
  const text = new TextDecoder(encoding).decode(b.subarray(bom));
  return { text: text.normalize('NFC'), encoding };
}

/** The field separator of delimited text: the one of tab, semicolon and comma most used in its first line. */
export function guessSeparator(text: string, fileName: string): string {
  if (/\.tsv$/i.test(fileName.trim())) return '\t';
  const first = text.slice(0, 65536).split(/\r\n|\n|\r/, 1)[0] ?? '';
  let inQuotes = false;
  const counts: Record<string, number> = { '\t': 0, ';': 0, ',': 0 };
  for (const ch of first) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch in counts) counts[ch] = (counts[ch] ?? 0) + 1;
  }
  return (['\t', ';', ','] as const).reduce((best, s) => ((counts[s] ?? 0) > (counts[best] ?? 0) ? s : best), ',');
}
