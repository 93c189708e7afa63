// Entry names of the zip reader (bytes/zip.ts): ASCII names are read without a decoder call; every name must be what
// the decoders give (UTF-8 when the entry's flag says so, else TextDecoder('latin1')), '\' as '/'.
import { describe, expect, it } from 'vitest';
import { openZip } from '../../../src-main/bytes/zip';
import { writeZip } from '../../fixtures/gen/report-workbooks';

/** Clear the UTF-8 flag (bit 11) of every central-directory entry and write `raw` bytes over the name of the one at `index`. */
function legacyNames(zip: Uint8Array, index: number, raw: number[]): Uint8Array {
  const b = Buffer.from(zip);
  let p = b.readUInt32LE(b.length - 22 + 16);
  for (let i = 0; p + 46 <= b.length && b.readUInt32LE(p) === 0x02014b50; i++) {
    b.writeUInt16LE(b.readUInt16LE(p + 8) & ~0x800, p + 8);
    const nameLen = b.readUInt16LE(p + 28);
    if (i === index) raw.forEach((x, k) => (b[p + 46 + k] = x));
    p += 46 + nameLen + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return new Uint8Array(b);
}

describe('zip entry names', () => {
  it('reads ASCII, UTF-8 and legacy names as the decoders do', () => {
    const names = ['xl/workbook.xml', 'xl\\worksheets\\sheet1.xml', 'xl/báo cáo.xml', 'a\u0000b', '[Content_Types].xml'];
    const zip = writeZip(names.map((name) => ({ name, data: 'x' })));
    expect([...openZip(zip).entries.keys()]).toEqual([
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/báo cáo.xml',
      'a\u0000b',
      '[Content_Types].xml',
    ]);
    // flag cleared: names are read by TextDecoder('latin1'), byte 0x80 and the UTF-8 bytes of 'á' (C3 A1) included
    const legacy = legacyNames(zip, 0, [0x78, 0x6c, 0x2f, 0x80]);
    const keys = [...openZip(legacy).entries.keys()];
    expect(keys[0]).toBe(new TextDecoder('latin1').decode(new Uint8Array([0x78, 0x6c, 0x2f, 0x80, ...Buffer.from('orkbook.xml')])));
    expect(keys[1]).toBe('xl/worksheets/sheet1.xml');
    expect(keys[2]).toBe(new TextDecoder('latin1').decode(Buffer.from('xl/báo cáo.xml', 'utf8')));
    expect(keys[2]).toBe('xl/bÃ¡o cÃ¡o.xml');
  });
});
