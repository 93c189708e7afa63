// The aggregation rules, in one place: a list of the units' numbers and a whole plan's SQL summary give the same
// totals (sum, mean for averages and rates, maximum; nothing for text or when no unit gave a number).
import { describe, expect, it } from 'vitest';
import { aggregate, aggregateSummary } from '../../src-main/features/consolidation';

describe('aggregate', () => {
  const nums = [0.1, 0.2, 0.3, 4];
  it('applies each rule', () => {
    expect(aggregate('sum', nums)).toBe(4.6);
    expect(aggregate('avg', nums)).toBe(1.15);
    expect(aggregate('percent', [90, 70, 100, 60])).toBe(80);
    expect(aggregate('max', [-3, -1, -2])).toBe(-1);
    expect(aggregate('text', nums)).toBeNull();
    expect(aggregate('sum', [])).toBeNull();
  });
  it('a summary (count, total, maximum) gives the same as the list', () => {
    for (const rule of ['sum', 'avg', 'percent', 'max'] as const)
      expect(aggregateSummary(rule, { n: 4, sum: 4.6, max: 4 })).toBe(aggregate(rule, nums));
  });
});
