// Parsing numbers as Vietnamese offices write them ("45.500.000", "1,5", "600m", "300 suất") and
// formatting them back (1.234.567,5). Pure; no locale globals.

interface ParsedNumber {
  value: number;
  /** Trailing unit or words after the number, e.g. "m", "suất", "triệu đồng"; '' when none. */
  suffix: string;
}

const NUMBER_AT_START = /^([+-]?)\s*(\d[\d.,\s]*\d|\d)(?:\s*(%))?\s*(.*)$/su;

/** Turn the digits part of a vi-VN number into a JS number, deciding what '.' and ',' mean. */
function digitsToNumber(raw: string): number | null {
  const s = raw.replace(/\s+/g, '');
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  let normal: string;
  if (dots && commas) {
    // The later separator is the decimal one: "1.234,5" (vi) or "1,234.5" (en).
    const decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    if ((decimal === ',' ? commas : dots) > 1) return null;
    normal = s.split(group).join('').replace(decimal, '.');
    if (!groupsValid(s.split(decimal)[0] ?? '', group)) return null;
  } else if (dots > 1 || commas > 1) {
    const sep = dots > 1 ? '.' : ',';
    if (!groupsValid(s, sep)) return null;
    normal = s.split(sep).join('');
  } else if (dots === 1 || commas === 1) {
    const sep = dots === 1 ? '.' : ',';
    const [int, frac] = s.split(sep) as [string, string];
    // "45.500" is forty-five thousand five hundred in vi-VN; "1,5" / "1.5" / "0.75" are decimals.
    normal = frac.length === 3 && int !== '0' && int !== '' ? int + frac : `${int}.${frac}`;
  } else {
    normal = s;
  }
  if (!/^\d+(\.\d+)?$/.test(normal)) return null;
  return Number(normal);
}

function groupsValid(intPart: string, sep: string): boolean {
  const groups = intPart.split(sep);
  return groups.slice(1).every((g) => g.length === 3) && (groups[0] ?? '').length <= 3 && (groups[0] ?? '') !== '';
}

/** Parse "45.500.000", "1,5", "600m", "300 suất", "-2", "100%". Returns null when the text is not a number first. */
export function parseViNumber(input: string | number | null | undefined): ParsedNumber | null {
  if (input === null || input === undefined) return null;
  if (typeof input === 'number') return Number.isFinite(input) ? { value: input, suffix: '' } : null;
  const text = input.normalize('NFC').trim();
  const m = NUMBER_AT_START.exec(text);
  if (!m) return null;
  const value = digitsToNumber(m[2] ?? '');
  if (value === null) return null;
  const suffix = (m[3] ?? '') + (m[4] ?? '').trim();
  return { value: m[1] === '-' ? -value : value, suffix: suffix.trim() };
}

let viNumber: Intl.NumberFormat | undefined;
/** vi-VN, at most two decimals: 1234567.5 -> "1.234.567,5". Made once (toLocaleString with options makes one per call),
 *  on first use: the first one loads ICU's Vietnamese data (~13 ms), which a quick CLI command never needs. */
export function viNumberFormat(): Intl.NumberFormat {
  return (viNumber ??= new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }));
}
/** 1234567.5 -> "1.234.567,5"; '' for no number. */
export function formatViNumber(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '' : viNumberFormat().format(n);
}
