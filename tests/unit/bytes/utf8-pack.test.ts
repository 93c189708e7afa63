// packUtf8 (bytes/utf8-pack.ts): strings packed as UTF-8 with their ends come back the same, each view holding
// exactly the bytes Node's own UTF-8 encoder makes, whatever the characters (astral, lone surrogates, empty).
import { describe, expect, it } from 'vitest';
import { packUtf8, packedViews, unpackUtf8 } from '../../../src-main/bytes/utf8-pack';

describe('packUtf8', () => {
  const strings = ['', 'Kết quả', 'e\u0302\u0323', '😀 x', 'a\ud800b', '\udfff', 'x'.repeat(5000), '', 'Đ'];

  it('gives each string back, and its views are its UTF-8 bytes', () => {
    const p = packUtf8(strings);
    expect(p.ends).toHaveLength(strings.length);
    const views = packedViews(p);
    views.forEach((v, i) => expect(Buffer.from(v).equals(Buffer.from(strings[i] as string, 'utf8')), `string ${i}`).toBe(true));
    // lone surrogates become U+FFFD, as everywhere else UTF-8 is written
    expect(unpackUtf8(p)).toEqual(strings.map((s) => Buffer.from(s, 'utf8').toString('utf8')));
    expect(p.bytes.byteLength).toBe(strings.reduce((n, s) => n + Buffer.byteLength(s, 'utf8'), 0));
    // its own buffer, exactly as long as the bytes (it is moved to another thread whole)
    expect(p.bytes.buffer.byteLength).toBe(p.bytes.byteLength);
  });

  it('packs nothing into nothing', () => {
    const p = packUtf8([]);
    expect(p.bytes.byteLength).toBe(0);
    expect(unpackUtf8(p)).toEqual([]);
  });
});
