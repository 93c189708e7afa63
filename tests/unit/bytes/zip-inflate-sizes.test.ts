// readEntry inflates each entry into one output chunk sized from its declared size (bytes/zip.ts): every size
// around the chunk edges comes back byte for byte, and an entry that inflates to more or fewer bytes than it
// declares is still refused with the same words, with the archive budget charged only for what was handed out.
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { openZip, readEntry } from '../../../src-main/bytes/zip';
import { DEFAULT_LIMITS, XlsxError } from '../../../src-main/bytes/limits';
import { writeZip } from '../../fixtures/gen/report-workbooks';

/** Half random (incompressible), half repeated: deflate writes both stored-like and huffman blocks. */
function content(n: number): Uint8Array {
  const b = Buffer.alloc(n, 'dân vận khéo ');
  randomBytes(Math.floor(n / 2)).copy(b, 0);
  return new Uint8Array(b);
}

function one(data: Uint8Array, declaredSize?: number): { zip: ReturnType<typeof openZip>; entry: Parameters<typeof readEntry>[1] } {
  const zip = openZip(writeZip([{ name: 'xl/a.xml', data, ...(declaredSize === undefined ? {} : { declaredSize }) }]));
  const entry = zip.entries.get('xl/a.xml');
  if (!entry) throw new Error('entry missing');
  return { zip, entry };
}

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(XlsxError);
    return `${(e as XlsxError).code}: ${(e as XlsxError).message}`;
  }
  throw new Error('not refused');
}

describe('readEntry output sizes', () => {
  const MB = 1 << 20;
  for (const n of [0, 1, 63, 64, 65, 16383, 16384, 16385, 50_000, MB - 1, MB, MB + 1, 3 * MB + 7]) {
    it(`an entry of ${n} bytes comes back whole and is charged once`, () => {
      const data = content(n);
      const { zip, entry } = one(data);
      const out = readEntry(zip, entry);
      expect(Buffer.from(out).equals(Buffer.from(data))).toBe(true);
      expect(zip.inflated).toBe(n);
    });
  }

  for (const n of [100, 20_000, MB + 10]) {
    it(`an entry of ${n} bytes declaring one byte less is refused as a size different from declared`, () => {
      const { zip, entry } = one(content(n), n - 1);
      expect(refusal(() => readEntry(zip, entry))).toMatch(/^bomb: .*khác khai báo/);
      expect(zip.inflated).toBe(0);
    });
    it(`an entry of ${n} bytes declaring two bytes less is refused as inflating to more than declared`, () => {
      const { zip, entry } = one(content(n), n - 2);
      expect(refusal(() => readEntry(zip, entry))).toMatch(/^bomb: .*giải nén ra nhiều hơn khai báo/);
      expect(zip.inflated).toBe(0);
    });
    it(`an entry of ${n} bytes declaring far less is refused the same way`, () => {
      const { zip, entry } = one(content(n), 10);
      expect(refusal(() => readEntry(zip, entry))).toMatch(/^bomb: .*giải nén ra nhiều hơn khai báo/);
    });
    it(`an entry of ${n} bytes declaring more is refused as a size different from declared`, () => {
      const { zip, entry } = one(content(n), n + 5);
      expect(refusal(() => readEntry(zip, entry))).toMatch(/^bomb: .*khác khai báo/);
      expect(zip.inflated).toBe(0);
    });
  }

  it('the archive budget caps the output even when the entry declares less than the cap', () => {
    const n = 200_000;
    const { zip, entry } = one(content(n));
    zip.limits = { ...DEFAULT_LIMITS, maxTotalBytes: n - 10 };
    expect(refusal(() => readEntry(zip, entry))).toMatch(/^bomb: .*giải nén ra nhiều hơn khai báo/);
    zip.limits = { ...DEFAULT_LIMITS, maxTotalBytes: n - 1 };
    expect(refusal(() => readEntry(zip, entry))).toMatch(/^bomb: .*tổng dung lượng giải nén quá lớn/);
  });
});
