// Splitting a plan-wide target among units (pure): by weights (members) or equally, rounded to a step (1, or 0.1 …)
// by largest remainders so the parts always add up exactly to the total.

/** Decimal places of a number as written (0.25 -> 2), capped at 4. */
function decimals(n: number): number {
  const s = String(n);
  const i = s.indexOf('.');
  return i < 0 ? 0 : Math.min(4, s.length - i - 1);
}

/**
 * Parts of `total` proportional to `weights` (all weights 0 or an empty list throw), each a multiple of 10^-d where d is
 * the total's own decimal places (whole numbers for a whole total), summing exactly to `total`. Ties in remainders go
 * to the earlier (larger-weight first is the caller's choice of order).
 */
export function splitByWeights(total: number, weights: number[]): number[] {
  if (!Number.isFinite(total) || total < 0) throw new RangeError('total must be a finite number ≥ 0');
  const sum = weights.reduce((a, w) => a + w, 0);
  if (weights.length === 0 || !(sum > 0) || weights.some((w) => !(w >= 0))) throw new RangeError('weights must be ≥ 0 and not all zero');
  const d = decimals(total);
  const scale = 10 ** d;
  const units = Math.round(total * scale); // the total in steps of 10^-d, an integer
  const exact = weights.map((w) => (units * w) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let left = units - parts.reduce((a, p) => a + p, 0);
  const order = exact.map((x, i) => ({ i, rem: x - Math.floor(x) })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k]!.i]! += 1;
  return parts.map((p) => p / scale);
}

export function splitEqually(total: number, count: number): number[] {
  return splitByWeights(
    total,
    Array.from({ length: count }, () => 1),
  );
}
