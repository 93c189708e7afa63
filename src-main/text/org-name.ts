// Organisation names in running text: "LIÊN ĐOÀN LAO ĐỘNG HUYỆN THĂNG BÌNH" as typed in Settings becomes
// "Liên đoàn Lao động huyện Thăng Bình" (NĐ 30/2020: names in normal case in the body; caps only in the header).

const capitalise = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** "LIÊN ĐOÀN LAO ĐỘNG HUYỆN THĂNG BÌNH" → "Liên đoàn Lao động huyện Thăng Bình" (common words lower-cased). */
export function titleCaseOrg(org: string): string {
  const lower = new Set(['huyện', 'tỉnh', 'xã', 'phường', 'quận', 'lao', 'động', 'đoàn', 'viên', 'các', 'và', 'ngành']);
  /** Lower-cased only next to their partner: "thành phố", "thị xã/trấn", "Thường vụ", "Chấp hành" ("Hòa Thành" stays). */
  const paired = (l: string, prev: string, next: string): boolean =>
    (l === 'thành' && next === 'phố') ||
    (l === 'phố' && prev === 'thành') ||
    (l === 'thị' && (next === 'xã' || next === 'trấn')) ||
    (l === 'trấn' && prev === 'thị') ||
    (l === 'vụ' && prev === 'thường') ||
    (l === 'hành' && prev === 'chấp') ||
    (l === 'cơ' && next === 'sở') ||
    (l === 'sở' && prev === 'cơ');
  const words = org.normalize('NFC').trim().split(/\s+/);
  if (words.some((w) => w !== w.toLocaleUpperCase('vi'))) return org.trim();
  const lw = words.map((w) => w.toLocaleLowerCase('vi'));
  return words
    .map((w, i) => {
      const l = lw[i]!;
      if (/^[A-ZĐ]{2,}$/u.test(w) && w.length <= 5 && !/[aeiouy]/i.test(l.normalize('NFD').replace(/\p{M}/gu, ''))) return w; // LĐLĐ, CĐCS
      return i === 0 || !(lower.has(l) || paired(l, lw[i - 1] ?? '', lw[i + 1] ?? '')) ? capitalise(l) : l;
    })
    .join(' ')
    .replace(/^Liên đoàn lao động/u, 'Liên đoàn Lao động')
    .replace(/^Công đoàn/u, 'Công đoàn');
}

const CAPS_WORD = /^[A-ZÀ-ỸĐ]+$/u;
const isRoman = (w: string): boolean => /^[IVXLC]+$/.test(w);
const hasVowel = (w: string): boolean => /[AEIOUY]/.test(w.normalize('NFD').replace(/\p{M}/gu, ''));

/**
 * Organisation names quoted in caps inside running text, in normal case: "của LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH về"
 * → "của Liên đoàn Lao động tỉnh Tây Ninh về". Acronyms (LĐLĐ, CĐCS), numbers and roman numerals stay.
 */
export function normalCaseOrgs(text: string): string {
  const tokens = text.normalize('NFC').split(/([^A-Za-zÀ-ỹĐđ]+)/u);
  const out: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    let tail = '';
    if (run.length && !CAPS_WORD.test(run[run.length - 1]!)) tail = run.pop()!;
    const words = run.filter((t) => CAPS_WORD.test(t) && hasVowel(t) && !isRoman(t));
    out.push(words.length >= 2 ? titleCaseOrg(run.join('')) : run.join(''), tail);
    run = [];
  };
  for (const t of tokens) {
    if (CAPS_WORD.test(t) && (t.length >= 2 || run.length) && !(isRoman(t) && !run.length)) run.push(t);
    else if (run.length && /^ +$/.test(t)) run.push(t);
    else {
      flush();
      out.push(t);
    }
  }
  flush();
  return out.join('');
}
