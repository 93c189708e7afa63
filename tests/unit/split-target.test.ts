// Splitting a plan target among units: parts proportional to weights, rounded to the total's own step, always
// summing exactly to the total (largest remainders), and refusing weights that cannot split anything.
import { describe, expect, it } from 'vitest';
import { splitByWeights, splitEqually } from '../../src-main/text/split-target';

const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);

describe('splitByWeights', () => {
  it('splits proportionally with whole parts that sum exactly', () => {
    expect(splitByWeights(150, [30, 70, 0])).toEqual([45, 105, 0]);
    const parts = splitByWeights(100, [1, 1, 1]);
    expect(sum(parts)).toBe(100);
    expect(parts.sort()).toEqual([33, 33, 34]);
  });

  it('sums exactly for many uneven weights', () => {
    const weights = Array.from({ length: 487 }, (_, i) => ((i * 7919) % 613) + 1);
    for (const total of [1, 17, 1000, 123457]) {
      const parts = splitByWeights(total, weights);
      expect(sum(parts)).toBe(total);
      expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
      // no part is more than one step away from its exact share
      parts.forEach((p, i) => expect(Math.abs(p - (total * weights[i]!) / sum(weights))).toBeLessThan(1));
    }
  });

  it('keeps the decimals of a decimal total (1,5 tỷ among 4)', () => {
    const parts = splitByWeights(1.5, [1, 1, 1, 1]);
    expect(parts.map((p) => Math.round(p * 10))).toEqual([4, 4, 4, 3]);
    expect(Math.round(sum(parts) * 10)).toBe(15);
  });

  it('refuses weights that are all zero, negative or missing', () => {
    expect(() => splitByWeights(10, [0, 0])).toThrow();
    expect(() => splitByWeights(10, [])).toThrow();
    expect(() => splitByWeights(10, [5, -1])).toThrow();
    expect(() => splitByWeights(-1, [1])).toThrow();
  });

  it('splits equally', () => {
    expect(splitEqually(10, 3)).toEqual([4, 3, 3]);
    expect(splitEqually(2, 5)).toEqual([1, 1, 0, 0, 0]);
  });
});
