// Indicator labels as office staff write them (pure): a canonical key that ignores diacritics, case, word order,
// filler words, numbering and a unit in brackets, with the trade-union abbreviations spelled out
// (CNVCLĐ, ĐVCĐ, CĐCS, PBPL, XHH…), so "Tuyên truyền PBPL (buổi)" and "Số buổi tuyên truyền phổ biến pháp luật" agree.
import { foldKey } from './vi-text';
import { unitInLabel } from './vi-unit';

/** Folded abbreviation -> folded words. Only letter runs without vowels, so no real Vietnamese word is taken. */
const ABBR: Readonly<Record<string, string>> = {
  cnvcld: 'cong nhan vien chuc lao dong',
  cbccvcld: 'can bo cong chuc vien chuc lao dong',
  cbcnvcld: 'can bo cong nhan vien chuc lao dong',
  cbcnv: 'can bo cong nhan vien',
  cbcc: 'can bo cong chuc',
  cbvc: 'can bo vien chuc',
  cnld: 'cong nhan lao dong',
  cnvc: 'cong nhan vien chuc',
  dvcd: 'doan vien cong doan',
  dv: 'doan vien',
  nld: 'nguoi lao dong',
  ld: 'lao dong',
  cdcs: 'cong doan co so',
  cd: 'cong doan',
  ldld: 'lien doan lao dong',
  tt: 'tuyen truyen',
  pbpl: 'pho bien phap luat',
  xhh: 'xa hoi hoa',
  htx: 'hop tac xa',
  llvt: 'luc luong vu trang',
  dvtn: 'doan vien thanh nien',
  mttq: 'mat tran to quoc',
  bhxh: 'bao hiem xa hoi',
  bhyt: 'bao hiem y te',
  bhtn: 'bao hiem that nghiep',
  hdld: 'hop dong lao dong',
  tdtt: 'the duc the thao',
  ntm: 'nong thon moi',
  dvm: 'don vi mau',
  ubnd: 'uy ban nhan dan',
  dn: 'doanh nghiep',
  hs: 'hoc sinh',
  dtts: 'dan toc thieu so',
};

/** The table above as a map (no prototype keys). */
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map(Object.entries(ABBR));

/** Words that carry no meaning for matching ("Số", "các", "được"…). */
const FILLER = new Set([
  'so',
  'luong',
  'cac',
  'nhung',
  'da',
  'duoc',
  'cua',
  'cho',
  'va',
  'voi',
  'la',
  'the',
  'mot',
  'tong',
  'trong',
  'do',
  'nay',
  've',
  'tai',
  'nham',
]);

/** "1.", "2.1)", "a)", "IV.", "-", "+", "•" before a label. */
const NUMBERING = /^\s*(?:(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s+|[-+•*]\s*)/iu;

/** Folded words of a label with abbreviations spelled out ("c.đ.c.s" and "CĐCS" both give "cong doan co so"). */
function labelWords(label: string): string[] {
  const raw = foldKey(unitInLabel(label.replace(NUMBERING, '')).rest)
    .split(' ')
    .filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    // Letters written apart ("C.Đ.C.S", "Đ V C Đ"): join the longest run that is a known abbreviation.
    // (Runs are at most 8 letters long: the longest abbreviation; keeps hostile one-letter text linear.)
    let end = i;
    while (end < raw.length && end - i < 8 && (raw[end] as string).length === 1) end++;
    let joined = false;
    for (let j = end; j > i + 1; j--) {
      const abbr = ABBREVIATIONS.get(raw.slice(i, j).join(''));
      if (abbr) {
        out.push(...abbr.split(' '));
        i = j - 1;
        joined = true;
        break;
      }
    }
    if (joined) continue;
    const w = raw[i] as string;
    const abbr = ABBREVIATIONS.get(w);
    if (abbr) out.push(...abbr.split(' '));
    else out.push(w);
  }
  return out;
}

/** Meaningful words of a label (abbreviations spelled out, fillers dropped), each once. */
export function labelTerms(label: string): Set<string> {
  return new Set(labelWords(label).filter((w) => !FILLER.has(w)));
}

/** Canonical key: the meaningful words sorted, so word order does not matter. Empty when nothing is left. */
export function canonicalLabel(label: string): string {
  return [...labelTerms(label)].sort().join(' ');
}
