// Formula-injection guards for text that came from imported files: a cell or CSV field must never start a
// live formula (=, +, -, @, tab, CR — OWASP "CSV injection"), so such text gets a leading apostrophe.

/** Characters that make Excel/LibreOffice/Sheets treat a typed or CSV-imported value as a formula/DDE. */
const TRIGGER = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;

/** True when `text` would be read as a formula if typed into a cell or opened from CSV. */
export function isFormulaLike(text: string): boolean {
  return TRIGGER.test(text.replace(/^[ \u00A0]+/u, ''));
}

/**
 * Text for an .xlsx text cell from an imported file: NFC, and prefixed with "'" when it starts (after spaces)
 * with = + - @ tab or CR (or their full-width forms). Excel then shows the apostrophe, and re-editing the cell
 * cannot turn it into a formula; our importers fold it away when matching labels.
 */
export function inertText(text: string): string {
  const s = text.normalize('NFC');
  return isFormulaLike(s) ? `'${s}` : s;
}

/** Same neutralisation for a CSV field value (before quoting). */
export const csvSafe = inertText;

/** A complete CSV field: neutralised, then quoted when it holds a separator, quote or line break. */
export function csvField(value: string | number | null | undefined, separator = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const s = csvSafe(value);
  return s.includes(separator) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
