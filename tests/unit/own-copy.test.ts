// ownCopy (text/own-copy.ts): the same text, and a cache keyed by copies of substrings does not keep the large
// strings they were cut from alive (measured on the heap after a collection).
import { describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ownCopy } from '../../src-main/text/own-copy';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap growth (bytes) while keeping `keep(part)` of 200 distinct ~100 KB strings. */
function retained(keep: (s: string) => string): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = new Map<string, number>();
  for (let i = 0; i < 200; i++) {
    const big = `Đoàn viên công đoàn cơ sở ${i} `.repeat(2000).slice(0);
    kept.set(keep(big.slice(100, 160)), i);
  }
  gc();
  const grown = process.memoryUsage().heapUsed - before;
  expect(kept.size).toBeGreaterThan(0);
  return grown;
}

describe('ownCopy', () => {
  it('keeps the text', () => {
    for (const s of ['', 'a', 'Đoàn viên', 'Đoàn viên kết nạp mới trong năm', 'x'.repeat(1000)]) expect(ownCopy(s)).toBe(s);
  });

  it('does not keep the string a key was cut from alive', () => {
    const views = retained((s) => s);
    const copies = retained(ownCopy);
    // 200 parts of ~100 KB each are kept through views (about 20 MB); copies keep about 200 × 60 characters
    expect(views).toBeGreaterThan(5_000_000);
    expect(copies).toBeLessThan(1_000_000);
  });
});
