// The ZIP writer's CRC-32 (node:zlib's native one since the stamped templates and warm-up samples became hot): the
// standard check value, and the same result as the by-the-book table algorithm on random data of every small length.
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { crc32 } from '../../../src-main/bytes/zip-write';

/** CRC-32 (IEEE 802.3, reflected, as ZIP uses it) bit by bit: an independent reference. */
function referenceCrc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

describe('zip-write crc32', () => {
  it('gives the check value of "123456789" and 0 for no bytes, as an unsigned number', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('agrees with the reference on random data, views into larger buffers included', () => {
    for (let n = 0; n < 300; n += 7) {
      const big = randomBytes(n + 16);
      const view = new Uint8Array(big.buffer, big.byteOffset + 5, n);
      expect(crc32(view)).toBe(referenceCrc32(view));
    }
  });
});
