// Words offices write in a number cell instead of a number: "-", "—", "không" mean zero; "x", "/", "không áp dụng"
// mean not applicable (neither 0 nor missing). Pure; the import decides per indicator (a text indicator keeps them).
import { fold } from './vi-text';

type BlankWord = 'zero' | 'na';

/** Stored as the value text of a number indicator that does not apply to the unit. */
export const NOT_APPLICABLE = 'không áp dụng';

const ZERO = new Set(['-', '--', '—', '–', '0', 'khong', 'ko', 'k', 'khong co', 'chua co', 'khong phat sinh']);
const NA = new Set(['x', '/', '//', 'khong ap dung', 'kad', 'n/a', 'na', 'k/a', 'kap dung', 'khong thuoc dien', 'khong lien quan']);

export function classifyBlankWord(text: string): BlankWord | null {
  const t = fold(text.trim()).replace(/\s+/g, ' ').replace(/[.]$/, '');
  if (!t) return null;
  if (ZERO.has(t)) return 'zero';
  if (NA.has(t)) return 'na';
  return null;
}
