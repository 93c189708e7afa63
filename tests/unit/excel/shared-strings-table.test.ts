// The lazy shared-strings table (sharedStringTable) gives for every index what parsing the whole decoded part gives
// (parseSharedStrings): NFC text whether the part is NFC or NFD or mixed, entities and _xHHHH_ escapes, a byte-order
// mark, rich runs (parsed whole), and bytes that are not valid UTF-8 (U+FFFD where the decoder puts it).
import { describe, expect, it } from 'vitest';
import { parseSharedStrings, sharedStringTable } from '../../../src-main/excel/xlsx/workbook-parts';
import { decodeUtf8 } from '../../../src-main/bytes/zip';
import { cleanCell } from '../../../src-main/excel/report/fold-cache';

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
const part = (items: string[], bom = false): Uint8Array =>
  new Uint8Array(Buffer.from(`${bom ? '\ufeff' : ''}${HEAD}${items.join('')}</sst>`, 'utf8'));
const si = (t: string, preserve = false): string => `<si><t${preserve ? ' xml:space="preserve"' : ''}>${t}</t></si>`;

function sameAsWhole(bytes: Uint8Array): void {
  const all = parseSharedStrings(decodeUtf8(bytes), () => undefined);
  const table = sharedStringTable(bytes, () => undefined);
  expect(all.length).toBeGreaterThan(0);
  // in a shuffled order: each string is built on first use
  const order = all.map((_, i) => i).sort((a, b) => ((a * 7919) % 13) - ((b * 7919) % 13));
  for (const i of order) {
    const got = table(i);
    expect({ text: got?.text, font: got?.font, runs: got?.runs }).toEqual({ text: all[i]?.text, font: all[i]?.font, runs: all[i]?.runs });
    // marked clean only when clean() would leave it as it is
    if (got?.clean) expect(cleanCell(got.text)).toBe(got.text);
  }
  expect(table(all.length)).toBeUndefined();
  expect(table(-1)).toBeUndefined();
  expect(table(1.5)).toBeUndefined();
}

const VI = ['Nội dung công việc', 'Số lượng', 'Đoàn viên kết nạp mới', '“Mái ấm Công đoàn” – xây mới', '₫ 1.500.000'];

describe('sharedStringTable', () => {
  it('NFC text, as the whole part parses', () => {
    sameAsWhole(part(VI.map((t) => si(t))));
    sameAsWhole(
      part(
        VI.map((t) => si(t, true)),
        true,
      ),
    );
  });

  it('NFD and mixed text comes out NFC', () => {
    const bytes = part([...VI.map((t) => si(t.normalize('NFD'))), ...VI.map((t) => si(t))]);
    sameAsWhole(bytes);
    expect(sharedStringTable(bytes, () => undefined)(2)?.text).toBe('Đoàn viên kết nạp mới');
    // a character outside the NFC-stable set elsewhere in the part
    sameAsWhole(part([si('Å and \u212b'), si('e\u0301'), si('plain text of thirty characters')]));
  });

  it('marks tidy strings clean, and none with a tab, a newline, doubled spaces or a mark, each judged on its own', () => {
    const tidy = sharedStringTable(part([si('Nội dung'), si(' Số lượng', true), si('Ghi chú ', true), si(''), si('a b')]), () => undefined);
    expect([0, 1, 2, 3, 4].map((i) => tidy(i)?.clean ?? false)).toEqual([true, false, false, true, true]);
    for (const odd of ['a\tb', 'a\nb', 'a  b', 'a\u00a0b', 'e\u0301']) {
      const t = sharedStringTable(part([si('Nội dung'), si(odd, true), si('Số  lượng'), si('Ghi chú')]), () => undefined);
      // an odd string beside it does not keep a tidy one from being marked (clean() leaves a tidy string as it is)
      expect(
        [0, 1, 2, 3].map((i) => t(i)?.clean ?? false),
        JSON.stringify(odd),
      ).toEqual([true, false, false, true]);
      expect(t(1)?.text).toBe(odd.normalize('NFC'));
    }
    // a string asked for first, before the odd one is ever read, is judged the same way
    const later = sharedStringTable(part([si('x\ny'), si('Nội dung')]), () => undefined);
    expect([later(1)?.clean, later(0)?.clean]).toEqual([true, undefined]);
    // markup outside the strings (a declaration line) does not count; a string with escapes is judged decoded
    const withEscape = sharedStringTable(part([si('a&amp;b'), si('Số'), si('a&#10;b'), si('&#160;x'), si('e&#769;')]), () => undefined);
    expect(withEscape(0)).toEqual({ text: 'a&b', clean: true });
    expect(withEscape(1)?.clean).toBe(true);
    expect(withEscape(2)).toEqual({ text: 'a\nb' });
    expect(withEscape(3)).toEqual({ text: '\u00a0x' });
    expect(withEscape(4)).toEqual({ text: 'é' });
  });

  it('entities and _xHHHH_ escapes', () => {
    const bytes = part([
      si('Nhà &quot;Mái ấm&quot; &amp; &#7871;'),
      si('a_x000D_b'),
      si('_x005F_x0041_'),
      si('&lt;t&gt;'),
      si('Tie&#770;&#769;n'),
      si('A_x030A_'),
    ]);
    sameAsWhole(bytes);
    expect(sharedStringTable(bytes, () => undefined)(0)?.text).toBe('Nhà "Mái ấm" & ế');
    // an entity or escape standing for a combining mark in an otherwise NFC part: the string still comes out NFC
    expect(sharedStringTable(bytes, () => undefined)(4)?.text).toBe('Tiến'.normalize('NFC'));
    expect(sharedStringTable(bytes, () => undefined)(5)?.text).toBe('\u00c5');
    // strings with and without escapes side by side: each is decoded only as far as it needs
    const mixed = part([...VI.map((t) => si(t)), si('a_x000D_b'), si('x_y'), ...VI.map((t) => si(t)), si('&amp;&#95;x0041_'), si('_x')]);
    sameAsWhole(mixed);
    expect(sharedStringTable(mixed, () => undefined)(5)?.text).toBe('a\rb');
  });

  it('rich runs: the part is parsed whole (byte-order mark or not)', () => {
    const rich = '<si><r><rPr><rFont val=".VnTime"/></rPr><t>C«ng ®oµn</t></r><r><t> cơ sở</t></r></si>';
    sameAsWhole(part([si('Số lượng'), rich], true));
    sameAsWhole(part([rich, si('Nội dung')]));
  });

  it('bytes that are not valid UTF-8', () => {
    const b = Buffer.from(part(VI.map((t) => si(t))));
    const at = b.indexOf(Buffer.from('Số'));
    b[at + 1] = 0xff;
    sameAsWhole(new Uint8Array(b));
    expect(sharedStringTable(new Uint8Array(b), () => undefined)(1)?.text).toContain('\ufffd');
  });

  it('keeps no view of the bytes it was given: the caller may reuse them (the inflater reuses its output buffer)', () => {
    const valid = Buffer.from(part(VI.map((t) => si(t))));
    const invalid = Buffer.from(valid);
    invalid[invalid.indexOf(Buffer.from('Số')) + 1] = 0xff;
    for (const bytes of [valid, invalid]) {
      const want = parseSharedStrings(decodeUtf8(bytes), () => undefined).map((s) => s.text);
      const table = sharedStringTable(bytes, () => undefined);
      bytes.fill(0x41); // the buffer is reused for the next part before any string is asked for
      expect(want.map((_, i) => table(i)?.text)).toEqual(want);
    }
  });
});
