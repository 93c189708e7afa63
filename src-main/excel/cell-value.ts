// One normaliser for exceljs cell values (rich text, hyperlinks, formulas' cached results, errors, dates)
// to plain string | number | boolean | Date | null, NFC-normalised. Readers never look at raw cell.value.
import type { CellValue } from 'exceljs';

export type Plain = string | number | boolean | Date | null;

export function plainValue(v: CellValue | undefined): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.normalize('NFC');
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('').normalize('NFC');
    if ('formula' in v || 'sharedFormula' in v) return plainValue((v as { result?: CellValue }).result ?? null);
    if ('text' in v && typeof v.text === 'string') return v.text.normalize('NFC');
    if ('error' in v) return null;
  }
  return null;
}

/** Cell as trimmed display text ('' for empty). Dates become dd/mm/yyyy. */
export function plainText(v: CellValue | undefined): string {
  const p = plainValue(v);
  if (p === null) return '';
  if (p instanceof Date) {
    const iso = p.toISOString().slice(0, 10);
    return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  }
  return String(p).replace(/[\u00a0\s]+/g, ' ').trim();
}
