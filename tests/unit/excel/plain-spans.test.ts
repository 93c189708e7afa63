// The shared-strings fast path (plainSpans) searches each string's text once: it must give exactly what the rule it
// replaces gave (the earlier implementation, kept here as the reference) — the same spans or the same refusal — on
// ordinary parts and on random jumbles of tags, brackets and text.
import { describe, expect, it } from 'vitest';
import { plainSpans } from '../../../src-main/excel/xlsx/workbook-parts';

function reference(xml: string): number[] | null {
  if (xml.indexOf(':si') !== -1 || xml.indexOf(':t') !== -1) return null;
  const spans: number[] = [];
  for (let pos = xml.indexOf('<si'); pos !== -1; pos = xml.indexOf('<si', pos)) {
    if (xml.charCodeAt(pos + 3) !== 62) return null;
    const close = xml.indexOf('</si>', pos + 4);
    if (close < 0 || !xml.startsWith('<t', pos + 4)) return null;
    const tgt = xml.indexOf('>', pos + 6);
    const ch = xml.charCodeAt(pos + 6);
    if (tgt < 0 || tgt > close || xml.charCodeAt(tgt - 1) === 47 || !(ch === 62 || ch === 32)) return null;
    const end = close - 4;
    if (!xml.startsWith('</t>', end) || xml.indexOf('<', tgt + 1) !== end) return null;
    spans.push(tgt + 1, end);
    pos = close + 5;
  }
  return spans;
}

const none = (): void => undefined;

describe('plainSpans', () => {
  it('reads ordinary parts as the reference does', () => {
    const head = '<?xml version="1.0"?><sst xmlns="x" count="3">';
    const parts = [
      `${head}<si><t>Nội dung</t></si><si><t xml:space="preserve"> Số lượng </t></si><si><t></t></si></sst>`,
      `${head}<si><t>a</t></si><si><r><t>b</t></r></si></sst>`,
      `${head}<si><t>a</t><phoneticPr/></si></sst>`,
      `${head}</sst>`,
      `${head}<si><t a="<">x</t></si><si><t>y</t></si></sst>`,
      `${head}<si><t </si><t>x</t></si></sst>`,
      `${head}<si><t/></si></sst>`,
    ];
    for (const p of parts) expect(plainSpans(p, none)).toEqual(reference(p));
    expect(plainSpans(parts[0]!, none)?.length).toBe(6);
  });

  it('agrees with the reference on random jumbles of tags and text', () => {
    const bits = [
      '<si>',
      '<si',
      '</si>',
      '<t>',
      '<t ',
      '</t>',
      '<t/>',
      '<si/>',
      '<',
      '>',
      '/',
      'a',
      ' ',
      'xml:space="preserve">',
      '</t></si>',
      '<r>',
      '"<"',
      'x:t',
      '</s',
      'i>',
    ];
    let seed = 5;
    const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) >>> 0) % n;
    const texts = ['a', 'Số lượng', ' ', '', '&amp;', 'x y'];
    const items = ['<si><t>$</t></si>', '<si><t xml:space="preserve">$</t></si>'];
    let agreedOnSpans = 0;
    for (let k = 0; k < 30_000; k++) {
      let s = '<sst>';
      for (let n = rnd(6); n > 0; n--) {
        let item = (items[rnd(items.length)] ?? '').replace('$', texts[rnd(texts.length)] ?? '');
        // now and then a bit of markup or text dropped in anywhere
        if (rnd(3) === 0) {
          const at = rnd(item.length + 1);
          item = item.slice(0, at) + (bits[rnd(bits.length)] ?? '') + item.slice(at);
        }
        s += item;
      }
      s += '</sst>';
      const want = reference(s);
      expect(plainSpans(s, none), JSON.stringify(s)).toEqual(want);
      if (want && want.length > 0) agreedOnSpans++;
    }
    // the jumbles reach the span-giving path, not only refusals
    expect(agreedOnSpans).toBeGreaterThan(100);
  });
});
