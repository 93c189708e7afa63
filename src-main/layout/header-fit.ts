// Fitting organisation names into the header's left column: one line when it fits (13 pt, else 12 pt), else two
// lines broken at a good place (before or after the level word: "LIÊN ĐOÀN LAO ĐỘNG / HUYỆN DƯƠNG MINH CHÂU"),
// never inside a place name ("TÂY / NINH"). Shared by the Word header and the worksheet header.
import { estimateWidthTwip, upperVi } from './metrics';

export interface FittedName {
  lines: string[];
  size: number;
  width: number;
  fits: boolean;
}

const LEVEL = /^(TỈNH|HUYỆN|THÀNH|QUẬN|THỊ|XÃ|PHƯỜNG|CÔNG|LIÊN|TRƯỜNG|BAN|SỞ|PHÒNG|KHỐI|NGÀNH)$/u;
/** Words that end a level phrase ("THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN"): a break right after them is fine too. */
const LEVEL_END = /^(TỈNH|HUYỆN|PHỐ|QUẬN|XÃ|TRẤN|PHƯỜNG|ĐỘNG)$/u;

/** Word indices where a two-line break reads well: before a level word, or after a level phrase. */
export function goodBreaks(words: string[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < words.length; i++) {
    const next = words[i] ?? '';
    const prev = words[i - 1] ?? '';
    if (prev === 'THỊ' || prev === 'THÀNH') continue; // never "THỊ / XÃ", "THÀNH / PHỐ"
    // "THÀNH", "THỊ" start a level only as "THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN" ("HÒA THÀNH" is a place).
    const after = words[i + 1] ?? '';
    const starts = LEVEL.test(next) && (next !== 'THÀNH' || after === 'PHỐ') && (next !== 'THỊ' || /^(XÃ|TRẤN)$/u.test(after));
    if (starts || LEVEL_END.test(prev)) out.push(i);
  }
  return out.length ? out : words.map((_, i) => i).slice(1);
}

/** Fit `name` (printed in caps) into `avail` twips; `sizes` in order of preference. */
export function fitName(name: string, bold: boolean, avail: number, sizes: number[] = [13, 12]): FittedName {
  const text = upperVi(name).replace(/\s+/g, ' ').trim();
  const words = text.split(' ');
  const w = (s: string, pt: number): number => estimateWidthTwip(s, pt, bold);
  for (const size of sizes) {
    const width = w(text, size);
    if (width <= avail) return { lines: [text], size, width, fits: true };
  }
  let best: FittedName | null = null;
  for (const size of sizes) {
    for (const i of goodBreaks(words)) {
      const lines = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
      const width = Math.max(...lines.map((l) => w(l, size)));
      if (width <= avail && (!best || best.size < size || (best.size === size && width < best.width)))
        best = { lines, size, width, fits: true };
    }
    if (best) return best;
  }
  const size = sizes[sizes.length - 1] ?? 12;
  return { lines: [text], size, width: w(text, size), fits: false };
}

/** Preference cost of a fitting: each extra line 3, each point below 13 one. */
export const fitCost = (f: FittedName): number => (f.lines.length - 1) * 3 + (13 - f.size) + (f.fits ? 0 : 100);
