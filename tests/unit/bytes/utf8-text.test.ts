// validUtf8Text (bytes/utf8-text.ts) gives exactly Buffer#toString('utf8') of valid UTF-8: Vietnamese text, every
// kind of code point (ASCII, 2-, 3- and 4-byte sequences, U+0000, a byte-order mark); and null for bytes that are not
// valid UTF-8 (the caller decodes those its own way, with U+FFFD where it puts them).
import { describe, expect, it } from 'vitest';
import { validUtf8Text } from '../../../src-main/bytes/utf8-text';

const same = (b: Uint8Array): void => {
  expect(validUtf8Text(b)).toBe(Buffer.from(b).toString('utf8'));
};

/** Random code points from every UTF-8 length class (surrogates excluded: not encodable). */
function randomText(n: number, seed: number): string {
  let x = seed;
  const next = (): number => (x = (x * 1103515245 + 12345) >>> 0) / 2 ** 32;
  let s = '';
  for (let i = 0; i < n; i++) {
    const k = next();
    let cp =
      k < 0.4
        ? Math.floor(next() * 0x80)
        : k < 0.6
          ? 0x80 + Math.floor(next() * 0x780)
          : k < 0.9
            ? 0x800 + Math.floor(next() * 0xf800)
            : 0x10000 + Math.floor(next() * 0x100000);
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0x1ea1;
    s += String.fromCodePoint(cp);
  }
  return s;
}

describe('validUtf8Text', () => {
  it('decodes valid UTF-8 exactly as Buffer#toString', () => {
    const vi = 'Bên cạnh đó, đoàn viên thanh niên đã trực tiếp tham gia hỗ trợ công nhân — “Mái ấm Công đoàn” ₫ 😀';
    for (const s of ['', 'a', vi, `\ufeff${vi}`, `\u0000${vi}\u0000`, vi.normalize('NFD'), vi.repeat(500)]) {
      const b = new Uint8Array(Buffer.from(s, 'utf8'));
      same(b);
      expect(validUtf8Text(b)).toBe(s);
    }
    for (let seed = 1; seed <= 50; seed++) same(new Uint8Array(Buffer.from(randomText(200 + seed * 37, seed), 'utf8')));
  });

  it('gives null for bytes that are not UTF-8 (lone surrogates, overlong forms, beyond U+10FFFF, cut sequences)', () => {
    const cases = [
      [0xc3],
      [0x61, 0xe1, 0xbb],
      [0xed, 0xa0, 0x80, 0x61],
      [0xc0, 0xaf],
      [0xf4, 0x90, 0x80, 0x80],
      [0xff, 0xfe, 0x61],
      [0x80, 0x80, 0xe1, 0xbb, 0xa1],
    ];
    for (const c of cases) expect(validUtf8Text(new Uint8Array(c))).toBeNull();
    // valid text with one bad byte in the middle
    const b = Buffer.from('Công đoàn cơ sở'.repeat(20), 'utf8');
    b[37] = 0xff;
    expect(validUtf8Text(new Uint8Array(b))).toBeNull();
  });

  it('reads a view into a larger buffer by its own bytes only', () => {
    const whole = Buffer.from('xxxĐoàn viênyyy', 'utf8');
    const view = new Uint8Array(whole.buffer, whole.byteOffset + 3, Buffer.byteLength('Đoàn viên'));
    expect(validUtf8Text(view)).toBe('Đoàn viên');
  });
});
