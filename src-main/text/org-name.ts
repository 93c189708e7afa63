// Organisation names in running text: "LIÊN ĐOÀN LAO ĐỘNG HUYỆN THĂNG BÌNH" as typed in Settings becomes
// "Liên đoàn Lao động huyện Thăng Bình" (NĐ 30/2020: names in normal case in the body; caps only in the header).

const capitalise = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** "LIÊN ĐOÀN LAO ĐỘNG HUYỆN THĂNG BÌNH" → "Liên đoàn Lao động huyện Thăng Bình" (common words lower-cased). */
export function titleCaseOrg(org: string): string {
  const lower = new Set(['huyện', 'tỉnh', 'xã', 'phường', 'thị', 'trấn', 'thành', 'phố', 'quận', 'lao', 'động', 'đoàn', 'viên', 'các', 'và', 'ngành']);
  const words = org.normalize('NFC').trim().split(/\s+/);
  if (words.some((w) => w !== w.toLocaleUpperCase('vi'))) return org.trim();
  return words
    .map((w, i) => {
      const l = w.toLocaleLowerCase('vi');
      if (/^[A-ZĐ]{2,}$/u.test(w) && w.length <= 5 && !/[aeiouy]/i.test(l.normalize('NFD').replace(/\p{M}/gu, ''))) return w; // LĐLĐ, CĐCS
      return i === 0 || !lower.has(l) ? capitalise(l) : l;
    })
    .join(' ')
    .replace(/^Liên đoàn lao động/u, 'Liên đoàn Lao động')
    .replace(/^Công đoàn/u, 'Công đoàn');
}
