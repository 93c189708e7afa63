// The Tổng hợp tab's consolidation in parts (consolidation.view, .matrix, .narrative, .texts) put back together is
// exactly consolidation.get's answer: on the consolidation fixture, on mixed plans (every rule, text answers, a
// previous plan) and on a generated province database with more text answers than the first part carries.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeTestApp, type TestApp } from '../helpers/context';
import { buildMixedPlans } from '../helpers/mixed-plans';
import { setupPlan, submitS1 } from './consolidation-fixture';
import { buildLargeDb } from '../bench/large-db';
import { createContext } from '../../src-main/runtime/create-context';
import { dispatch } from '../../src-main/rpc/dispatch';
import type { AppContext } from '../../src-main/handler/context';
import type { Channel, In, Out } from '../../src-main/contract';
import type { Consolidation } from '../../src-main/contract/consolidation';
import { TEXTS_FIRST } from '../../src-main/contract/consolidation-view';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

type Call = <C extends Channel>(name: C, input: In<C>) => Promise<Out<C>>;

/** What the page gets, part by part (every indicator's remaining texts asked as the user would scroll to them). */
async function reassembled(call: Call, planId: number): Promise<{ whole: Consolidation; parts: Consolidation; cut: number }> {
  const view = await call('consolidation.view', { planId });
  const matrix = await call('consolidation.matrix', { planId });
  const narrative = await call('consolidation.narrative', { planId });
  let cut = 0; // indicators whose texts did not all come with the first part
  const indicators: Consolidation['indicators'] = [];
  for (const { textCount, ...i } of view.indicators) {
    expect(i.texts.length).toBe(Math.min(textCount, TEXTS_FIRST));
    if (textCount > i.texts.length) cut++;
    indicators.push({
      ...i,
      texts: textCount > i.texts.length ? await call('consolidation.texts', { planId, indicatorId: i.indicatorId }) : i.texts,
    });
  }
  const { matrixRows, narrativeItems, ...rest } = view;
  expect(matrixRows).toBe(matrix.units.length);
  expect(narrativeItems).toBe(narrative.reduce((n, s) => n + s.items.length, 0));
  const whole = await call('consolidation.get', { planId });
  // same keys in the same order as consolidation.get, so toStrictEqual compares everything
  const parts = Object.fromEntries(
    Object.keys(whole).map((k) => [
      k,
      k === 'matrix' ? matrix : k === 'narrative' ? narrative : k === 'indicators' ? indicators : rest[k as keyof typeof rest],
    ]),
  ) as Consolidation;
  return { whole, parts, cut };
}

function callOn(ctx: AppContext): Call {
  return async (name, input) => {
    const res = await dispatch(name, input, ctx, { checkOutput: true });
    if (!res.ok) throw new Error(res.error.message);
    return res.data as never;
  };
}

describe('consolidation in parts', () => {
  it('equals consolidation.get on the consolidation fixture', async () => {
    const f = await setupPlan(app);
    await submitS1(f);
    const { whole, parts } = await reassembled(app.call, f.plan.id);
    expect(whole.matrix.values.flat().some((v) => v !== null)).toBe(true);
    expect(whole.narrative.length).toBeGreaterThan(0);
    expect(parts).toStrictEqual(whole);
  });

  for (const seed of [1, 2024])
    it(`equals consolidation.get on mixed plans (seed ${seed})`, async () => {
      const { plan, before } = await buildMixedPlans(app, seed);
      for (const id of [plan.id, before.id]) {
        const { whole, parts } = await reassembled(app.call, id);
        expect(parts).toStrictEqual(whole);
      }
    });

  it('an indicator that is not in the plan is refused in Vietnamese', async () => {
    const f = await setupPlan(app);
    await expect(app.call('consolidation.texts', { planId: f.plan.id, indicatorId: 999_999 })).rejects.toThrow(/không còn trong số liệu/);
  });

  it('equals consolidation.get on a generated province database (300 units), texts cut and asked again', { timeout: 240_000 }, async () => {
    const file = join(app.dir, 'large.sqlite');
    const s = await buildLargeDb(file, { units: 300, years: 2, plansPerYear: 2 });
    const ctx = createContext({ mode: 'test', dbFile: file, version: 'test' });
    try {
      const { whole, parts, cut } = await reassembled(callOn(ctx), s.bigPlanId);
      expect(cut).toBeGreaterThan(0); // some indicator has more text answers than the first part carries
      expect(whole.matrix.units.length).toBeGreaterThan(200);
      expect(parts).toStrictEqual(whole);
    } finally {
      ctx.close();
    }
  });
});
