// isNfcStable (text/nfc-stable.ts) may only say "stable" when NFC cannot change the text: every character of its set
// is checked against the Unicode data itself (NFC alone, not a mark, never the second part of any canonical
// decomposition, so nothing composes with the character before it), and texts it accepts are compared with NFC.
import { describe, expect, it } from 'vitest';
import { isNfcStable } from '../../src-main/text/nfc-stable';

/** Code points that are the second or later part of a canonical decomposition (what may compose backwards). */
function laterParts(): Set<number> {
  const out = new Set<number>();
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const d = String.fromCodePoint(cp).normalize('NFD');
    if (d.length < 2) continue;
    const parts = [...d];
    for (let i = 1; i < parts.length; i++) out.add(parts[i]!.codePointAt(0)!);
  }
  return out;
}

describe('isNfcStable', () => {
  it('accepts only characters that NFC never changes nor combines backwards', () => {
    const later = laterParts();
    let accepted = 0;
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (!isNfcStable(ch)) continue;
      accepted++;
      expect(ch.normalize('NFC')).toBe(ch);
      expect(/\p{M}/u.test(ch)).toBe(false);
      expect(later.has(c)).toBe(false);
    }
    // the set covers Vietnamese: ASCII, Latin-1, Latin Extended, Latin Extended Additional and punctuation
    expect(accepted).toBeGreaterThan(1000);
    for (const s of ['Đoàn viên kết nạp mới', 'Ữ ữ Ỹ ỹ Ơ ư Ă â đ', '– — ‘ ’ “ ” • … ₫ 〃']) expect(isNfcStable(s)).toBe(true);
  });

  it('sends text NFC may change to normalisation', () => {
    for (const s of ['Đoa\u0300n', 'A\u030a', '\u212b', '\u1100\u1161', '>\u0338', '\ud83d\ude00', 'e\u0301', '\u2000']) {
      expect(isNfcStable(s)).toBe(false);
    }
  });

  it('agrees with NFC on texts it accepts', () => {
    const pool =
      'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ .,;:-–—“”‘’•…₫0123456789';
    let x = 7;
    for (let n = 0; n < 2000; n++) {
      let s = '';
      for (let i = 0; i < 30; i++) s += pool[(x = (x * 1103515245 + 12345) >>> 0) % pool.length];
      expect(isNfcStable(s)).toBe(true);
      expect(s.normalize('NFC')).toBe(s);
    }
  });
});
