// Heading numbers of official documents (I. / 1. / a)): plain functions without docx, usable by the sheet writers too.
const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];
export function toRoman(n: number): string {
  let out = '';
  let rest = Math.max(1, Math.floor(n));
  for (const [v, s] of ROMAN)
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  return out;
}
/** 1 → a, 26 → z, 27 → aa */
export function toLetter(n: number): string {
  let s = '';
  let k = Math.max(1, Math.floor(n));
  while (k > 0) {
    k -= 1;
    s = String.fromCharCode(97 + (k % 26)) + s;
    k = Math.floor(k / 26);
  }
  return s;
}
