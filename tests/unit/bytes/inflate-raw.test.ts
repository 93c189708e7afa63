// The reused raw-deflate engine (bytes/inflate-raw.ts) gives what inflateRawSync gives: the same bytes, the same
// refusal over the output cap (a RangeError), an error for corrupt or truncated data, and a failed part leaves nothing
// behind for the next one (a good part after a corrupt one, after one over the cap, after one cut short).
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { inflateRawCapped, inflaterKind } from '../../../src-main/bytes/inflate-raw';
import { openZip, readEntry } from '../../../src-main/bytes/zip';
import { XlsxError } from '../../../src-main/bytes/limits';
import { writeZip } from '../../fixtures/gen/report-workbooks';

/** Part random (incompressible), part repeated text, `n` bytes. */
function content(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n, `<row r="${seed}"><c t="s"><v>${seed}</v></c></row> dân vận khéo `);
  randomBytes(Math.floor(n / 3)).copy(b, Math.floor(n / 3));
  return b;
}

/** What inflateRawSync says for the same call: the bytes, or the kind of error. */
function reference(data: Uint8Array, cap: number, chunk: number): Buffer | string {
  try {
    return inflateRawSync(data, { maxOutputLength: cap, chunkSize: chunk });
  } catch (e) {
    return e instanceof RangeError ? 'over' : 'corrupt';
  }
}

function ours(data: Uint8Array, cap: number, chunk: number): Buffer | string {
  try {
    return Buffer.from(inflateRawCapped(data, cap, chunk));
  } catch (e) {
    return e instanceof RangeError ? 'over' : 'corrupt';
  }
}

describe('inflateRawCapped', () => {
  it('drives one reused engine on this runtime (not the inflateRawSync fallback)', () => {
    inflateRawCapped(deflateRawSync(Buffer.from('x')), 2, 64);
    expect(inflaterKind()).toBe('reused');
  });

  it('gives the bytes inflateRawSync gives for many parts in a row, sizes around the chunk edges', () => {
    let k = 0;
    for (const n of [0, 1, 63, 64, 65, 1000, 16383, 16384, 16385, 70_000, 200_000]) {
      for (const chunk of [64, 16384, n + 1, 65536]) {
        if (chunk < 64 || (chunk === 64 && n > 2_000)) continue;
        const data = content(n, ++k);
        const packed = deflateRawSync(data);
        const got = ours(packed, n + 1, chunk);
        expect(got).toEqual(reference(packed, n + 1, chunk));
        expect(Buffer.isBuffer(got) && got.equals(data)).toBe(true);
      }
    }
  });

  it('refuses output over the cap as inflateRawSync does, at every cap around the real size', () => {
    const data = content(20_000, 7);
    const packed = deflateRawSync(data);
    for (const cap of [1, 100, 16384, 19_999, 20_000, 20_001]) {
      for (const chunk of [64, 16384, Math.min(cap, 1 << 20)]) {
        if (chunk < 64) continue;
        const want = reference(packed, cap, chunk);
        expect(ours(packed, cap, chunk)).toEqual(want);
      }
    }
    expect(ours(packed, 19_999, 16384)).toBe('over');
  });

  it('a corrupt part fails, and the next good part comes back whole', () => {
    const good = content(30_000, 3);
    const packed = deflateRawSync(good);
    const corrupt = Buffer.from(packed);
    corrupt.fill(0xff, 10, 40); // invalid block codes
    expect(ours(corrupt, 30_001, 30_001)).toBe('corrupt');
    expect(reference(corrupt, 30_001, 30_001)).toBe('corrupt');
    expect(ours(packed, 30_001, 30_001)).toEqual(good);
  });

  it('a part cut short fails as the end of data comes too early, and the next part is not mixed with it', () => {
    const first = content(40_000, 4);
    const second = content(40_000, 5);
    const cut = deflateRawSync(first).subarray(0, 2000);
    expect(ours(cut, 40_001, 40_001)).toBe('corrupt');
    expect(reference(cut, 40_001, 40_001)).toBe('corrupt');
    expect(ours(deflateRawSync(second), 40_001, 40_001)).toEqual(second);
  });

  it('a part stopped at the cap half-way leaves nothing behind: the next part starts from a fresh stream', () => {
    const big = content(100_000, 8);
    const next = content(5_000, 9);
    expect(ours(deflateRawSync(big), 10_000, 4096)).toBe('over');
    expect(ours(deflateRawSync(next), 5_001, 5_001)).toEqual(next);
  });

  it('an empty input is corrupt (no end of stream), as for inflateRawSync', () => {
    expect(ours(new Uint8Array(0), 10, 64)).toBe('corrupt');
    expect(reference(new Uint8Array(0), 10, 64)).toBe('corrupt');
  });

  it('readEntry keeps its words over a run of corrupt, lying and good entries in one archive', () => {
    const good = content(20_000, 10);
    const bad = Buffer.from(deflateRawSync(content(20_000, 11)));
    bad.fill(0xff, 5, 30);
    const zip = openZip(
      writeZip([
        { name: 'a.xml', deflated: { bytes: bad, size: 20_000, crc: 0 } },
        { name: 'b.xml', data: content(20_000, 12), declaredSize: 100 },
        { name: 'c.xml', data: good },
        { name: 'd.xml', data: good },
      ]),
    );
    const code = (name: string): string => {
      try {
        readEntry(zip, zip.entries.get(name)!);
        return 'ok';
      } catch (e) {
        return e instanceof XlsxError ? e.code : 'other';
      }
    };
    expect([code('a.xml'), code('b.xml'), code('c.xml'), code('a.xml'), code('d.xml')]).toEqual([
      'truncated',
      'bomb',
      'ok',
      'truncated',
      'ok',
    ]);
    expect(Buffer.from(readEntry(zip, zip.entries.get('c.xml')!)).equals(good)).toBe(true);
  });

  it('a transient read gives the same bytes, and never overwrites the bytes of an earlier read that is kept', () => {
    const kept = content(30_000, 20);
    const keptOut = inflateRawCapped(deflateRawSync(kept), 30_001, 30_001);
    for (const n of [10, 5_000, 70_000, (1 << 20) + 5]) {
      const data = content(n, n);
      const chunk = Math.min(n + 1, 1 << 20);
      const got = inflateRawCapped(deflateRawSync(data), n + 1, chunk, true);
      expect(Buffer.from(got).equals(data)).toBe(true);
    }
    expect(Buffer.from(keptOut).equals(kept)).toBe(true);
    // transient reads share one buffer: a second one may overwrite the first (callers decode at once)
    const a = inflateRawCapped(deflateRawSync(Buffer.from('aaaa')), 5, 5, true);
    inflateRawCapped(deflateRawSync(Buffer.from('bbbb')), 5, 5, true);
    expect(Buffer.from(a).toString()).toBe('bbbb');
  });

  it('a transient read over the cap or of corrupt data fails as any other, and the next read is whole', () => {
    const data = content(50_000, 21);
    expect(() => inflateRawCapped(deflateRawSync(data), 40_000, 40_000, true)).toThrow(RangeError);
    const bad = Buffer.from(deflateRawSync(data));
    bad.fill(0xff, 10, 40);
    expect(() => inflateRawCapped(bad, 50_001, 50_001, true)).toThrow(Error);
    expect(Buffer.from(inflateRawCapped(deflateRawSync(data), 50_001, 50_001, true)).equals(data)).toBe(true);
  });
});
