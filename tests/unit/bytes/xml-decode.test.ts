// decodeXml reads entities from each '&' (bytes/xml.ts); it must give exactly what the one regex replace it replaced
// gave, on real text and on random strings made of the characters entities are made of.
import { describe, expect, it } from 'vitest';
import { decodeStr, decodeXml } from '../../../src-main/bytes/xml';

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const fromCode = (code: number): string =>
  code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
/** The regex replace decodeXml was before (the reference). */
const byRegex = (s: string): string =>
  s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (_m, e: string) => {
    if (e.charCodeAt(0) === 35) return fromCode(e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return NAMED[e] ?? '';
  });

function randomText(seed: number, length: number): string {
  let x = seed;
  const alphabet = ['&', '&#', '&#x', '&amp', 'lt', 'quot', 'apos', ';', ';', '1', '12', 'F', 'fFf', '1234567', 'x', 'X', 'g', 'ệ', ' '];
  let s = '';
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
    s += alphabet[(x >>> 16) % alphabet.length];
  }
  return s;
}

describe('decodeXml', () => {
  it('decodes as the regex replace did', () => {
    const cases = [
      'Phong trào &quot;Dân vận khéo&quot; &amp; &lt;b&gt; &apos;x&apos;',
      '&#769;&#x301;&#x1F600;&#0;&#xD800;&#x110000;&#1234567;&#12345678;&#x1234567;&#x;&#;&#X41;&amp',
      '&&amp;;&lol9;&amp;amp;&#x41&#65;&#x0041;&#0000065;',
      'no entity at all',
      '',
      '&',
      'tail &quot',
    ];
    for (const s of cases) expect(decodeXml(s)).toBe(byRegex(s));
    for (let seed = 1; seed <= 3000; seed++) {
      const s = randomText(seed, 40);
      expect(decodeXml(s)).toBe(byRegex(s));
    }
  });

  it('keeps the OOXML escapes of decodeStr on top', () => {
    expect(decodeStr('a_x000D_b &amp; _x005F_x0041_')).toBe('a\rb & _x0041_');
  });
});
