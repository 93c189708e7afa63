// The faster consolidation (issue #17: values read as arrays, one pass) gives exactly what the previous code gave,
// on mixed data: every aggregation rule, second measures, plan-wide and per-unit targets with min/max/text,
// "không áp dụng", text in number indicators and numbers in text ones, fractions and negatives, superseded
// versions, an indicator reported outside the plan's targets, a unit outside the plan's list, a previous plan.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/context';
import { referenceConsolidation } from '../helpers/consolidation-reference';
import { computeConsolidation } from '../../src-main/features/consolidation';
import { buildMixedPlans, RULES } from '../helpers/mixed-plans';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

describe('consolidation computed in one pass', () => {
  for (const seed of [1, 7, 2024]) {
    it(`equals the previous computation on mixed data (seed ${seed})`, async () => {
      const { plan, before } = await buildMixedPlans(app, seed);
      for (const id of [plan.id, before.id]) {
        const expected = referenceConsolidation(app.ctx.db, id, '2024-07-15');
        expect(computeConsolidation(app.ctx.db, id, '2024-07-15')).toStrictEqual(expected);
      }
    });
  }

  it('the data really is mixed (guards the test above against a generator that makes nothing to compare)', async () => {
    const { plan } = await buildMixedPlans(app, 7);
    const c = referenceConsolidation(app.ctx.db, plan.id, '2024-07-15');
    expect(new Set(c.indicators.map((i) => i.aggregation))).toEqual(new Set(RULES));
    expect(c.indicators.some((i) => i.code === 'EQX')).toBe(true);
    expect(c.indicators.some((i) => i.notApplicable > 0)).toBe(true);
    expect(c.indicators.some((i) => i.total2 !== null)).toBe(true);
    expect(c.indicators.some((i) => i.texts.length > 0 && i.aggregation !== 'text')).toBe(true);
    expect(c.indicators.some((i) => i.lastYear !== null)).toBe(true);
    expect(c.indicators.some((i) => i.unitsMet !== null && i.unitsMet > 0)).toBe(true);
    expect(c.matrix.units.some((u) => u.code === 'E28')).toBe(true);
    expect(c.narrative.length).toBeGreaterThan(1);
  });
});
