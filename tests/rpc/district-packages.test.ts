// consolidation.hasDistrictPackages lets the Tổng hợp tab skip province.overview: false only where the overview has
// no district to show (no coverage anywhere), true once districts' upward packages are in use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importHeadless } from '../../src-main/features/report-import/one-pass';
import { generateProvince } from '../helpers/province-gen';
import { makeTestApp } from '../helpers/context';
import { setupPlan, submitS1 } from './consolidation-fixture';

let gen: Awaited<ReturnType<typeof generateProvince>>;
beforeAll(async () => {
  gen = await generateProvince(2, 3);
}, 240_000);
afterAll(() => gen.close());

describe('whether the province view can show districts', () => {
  it('a plan of base unions: false, and the overview shows no district', async () => {
    const app = makeTestApp();
    try {
      const f = await setupPlan(app);
      await submitS1(f);
      expect(await app.call('consolidation.hasDistrictPackages', { planId: f.plan.id })).toBe(false);
      const o = await app.call('province.overview', { planId: f.plan.id });
      expect(o.districts.length).toBeGreaterThan(0);
      expect(o.districts.every((d) => d.coverage === null)).toBe(true);
    } finally {
      app.close();
    }
  });

  it('the province: false before the packages come, true with them (and then the overview shows districts)', async () => {
    const { app, planId } = gen.province;
    expect(await app.call('consolidation.hasDistrictPackages', { planId })).toBe(false);
    expect((await app.call('province.overview', { planId })).districts.every((d) => d.coverage === null)).toBe(true);
    await importHeadless(
      app.ctx,
      planId,
      gen.districts.map((d) => d.pkg),
      false,
    );
    expect(await app.call('consolidation.hasDistrictPackages', { planId })).toBe(true);
    expect((await app.call('province.overview', { planId })).districts.some((d) => d.coverage !== null)).toBe(true);
  });

  it('an unknown plan is refused', async () => {
    await expect(gen.province.app.call('consolidation.hasDistrictPackages', { planId: 999_999 })).rejects.toThrow();
  });
});
