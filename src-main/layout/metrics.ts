// Page geometry and a Times New Roman width estimate for the NĐ 30/2020 layout, as plain numbers without docx,
// shared by the .docx builder and the Excel sheet writers (which must not load docx).
export const FONT = 'Times New Roman';
/** Margins in mm (NĐ 30/2020: top/bottom 20–25, left 30–35, right 15–20). */
export const MARGIN_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;
export const A4_MM = { width: 210, height: 297 } as const;
/** Distance of the page-number header from the top edge. */
export const HEADER_MM = 10;

export const twip = (mm: number): number => Math.round((mm * 1440) / 25.4);
/** Usable text width in twips. */
export function textWidthTwip(landscape: boolean): number {
  const pageWidth = landscape ? A4_MM.height : A4_MM.width;
  return twip(pageWidth - MARGIN_MM.left - MARGIN_MM.right);
}
/** docx sizes are half-points. */
export const hp = (pt: number): number => Math.round(pt * 2);
export const FIRST_LINE_INDENT = 720; // 1.27 cm
export const PARA_AFTER = 120; // 6 pt

// Adobe Times-Roman / Times-Bold advance widths (1/1000 em) for A–Z and a–z; Liberation Serif and
// Times New Roman share these metrics. Diacritics do not change advance widths.
const UPPER_R = [
  722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611,
];
const LOWER_R = [
  444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444,
];
const UPPER_B = [
  722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667,
];
const LOWER_B = [
  500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444,
];
const OTHER: Record<string, number> = { ' ': 250, '-': 333, '.': 250, ',': 250, ':': 278, '/': 278, ';': 278, '(': 333, ')': 333 };

/** Estimated printed width of `text` in twips at `pt` points. */
export function estimateWidthTwip(text: string, pt: number, bold: boolean): number {
  let units = 0;
  const base = text.normalize('NFD').replace(/\p{M}/gu, '').replace(/Đ/g, 'D').replace(/đ/g, 'd');
  for (const ch of base) {
    const code = ch.charCodeAt(0);
    if (code >= 65 && code <= 90) units += (bold ? UPPER_B : UPPER_R)[code - 65] ?? 700;
    else if (code >= 97 && code <= 122) units += (bold ? LOWER_B : LOWER_R)[code - 97] ?? 500;
    else if (code >= 48 && code <= 57) units += 500;
    else units += OTHER[ch] ?? 500;
  }
  return Math.round((units / 1000) * pt * 20);
}

/** Vietnamese upper case (keeps diacritics, đ → Đ). */
export const upperVi = (s: string): string => s.normalize('NFC').toLocaleUpperCase('vi');
