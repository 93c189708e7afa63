// Plan documents typed in the old TCVN3 (.VnTime) or VNI fonts reach us as text without font names (mammoth,
// pdf.js): each line that reads as legacy-encoded Vietnamese is converted to Unicode, and the caller is told.
import { decodeLegacy, decodesBetter, detectLegacyEncoding, type LegacyEncoding } from '../text/legacy-vi';

interface LegacyConversion {
  text: string;
  /** Lines converted, and the encoding seen most. */
  lines: number;
  encoding: LegacyEncoding | null;
}

/**
 * Convert legacy-encoded lines. Each line is judged on its own first: a document may mix a Unicode header with a
 * body pasted from an old file. When at least two lines are clearly legacy, short lines with too little evidence
 * of their own ("Số: 15/KH-LĐLĐ", a signer's name) are converted too if the document's encoding reads them better.
 */
export function convertLegacyLines(text: string): LegacyConversion {
  const lines = text.split('\n');
  const seen: Record<LegacyEncoding, number> = { tcvn3: 0, vni: 0 };
  const verdicts = lines.map((l) => {
    const enc = detectLegacyEncoding(l);
    if (enc) seen[enc]++;
    return enc;
  });
  const total = seen.tcvn3 + seen.vni;
  if (total === 0) return { text, lines: 0, encoding: null };
  const main: LegacyEncoding = seen.vni > seen.tcvn3 ? 'vni' : 'tcvn3';
  let converted = 0;
  const out = lines.map((l, i) => {
    const enc = verdicts[i] ?? (total >= 2 && decodesBetter(l, main) ? main : null);
    if (enc) {
      converted++;
      return decodeLegacy(l, enc).normalize('NFC');
    }
    return l;
  });
  return { text: out.join('\n'), lines: converted, encoding: main };
}
