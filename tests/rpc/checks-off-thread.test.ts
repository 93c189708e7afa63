// "Kiểm tra số liệu" computed in a worker on its own read-only connection (issue #17) gives the same warnings as the
// per-unit computation, is reused only while the data is unchanged, is asked ahead by checks.prepare, and a plan
// that does not exist still answers with the app's own error; the Tổng hợp the worker builds ahead is the same too.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/context';
import { buildMixedPlans } from '../helpers/mixed-plans';
import { referencePlanWarnings } from '../helpers/value-review-reference';
import {
  planChecks,
  prepareChecks,
  matrixAhead,
  pendingConsolidation,
  prepareConsolidation,
  preparedConsolidation,
} from '../../src-main/features/checks-off-thread';
import type { AheadRun } from '../../src-main/features/ahead-run';
import { computeConsolidation, computeConsolidationSummary } from '../../src-main/features/consolidation';
import { consolidationMatrix, consolidationSummary, consolidationSummaryNow } from '../../src-main/features/consolidation-cache';
import { computeTracking } from '../../src-main/features/tracking';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

const offThread = (): AheadRun => ({ db: app.ctx.db, dbFile: app.ctx.dbFile, offThread: true });

/** A value of a 'sum' indicator in one of the plan's reports in use set to `value` (a change of the data). */
function setOneSumValue(planId: number, value: number): { r: number; i: number } {
  const row = app.ctx.db
    .prepare(
      `SELECT v.report_id AS r, v.indicator_id AS i FROM report_values v JOIN reports r ON r.id = v.report_id
       JOIN indicators ind ON ind.id = v.indicator_id
       WHERE r.plan_id = ? AND r.status = 'active' AND v.value_num IS NOT NULL AND ind.aggregation = 'sum' LIMIT 1`,
    )
    .get(planId) as { r: number; i: number };
  app.ctx.db.prepare('UPDATE report_values SET value_num = ? WHERE report_id = ? AND indicator_id = ?').run(value, row.r, row.i);
  return row;
}

describe('value checks off the main thread', () => {
  it('equal the per-unit computation, for every plan', { timeout: 60_000 }, async () => {
    const { plans } = await buildMixedPlans(app, 7, 4);
    for (const p of plans) expect(await planChecks(offThread(), p.id)).toStrictEqual(referencePlanWarnings(app.ctx.db, p.id));
  });

  it('are asked ahead, ready once computed, and computed again after a change of the data', { timeout: 60_000 }, async () => {
    const { plan } = await buildMixedPlans(app, 1, 3);
    expect(prepareChecks(offThread(), plan.id)).toEqual({ ready: false, total: null, open: null, firstOpen: [] });
    const first = await planChecks(offThread(), plan.id);
    const open = first.filter((w) => w.status === 'open');
    expect(prepareChecks(offThread(), plan.id, 3)).toEqual({
      ready: true,
      total: first.length,
      open: open.length,
      firstOpen: open.slice(0, 3),
    });
    expect(prepareChecks(offThread(), plan.id).firstOpen).toEqual([]);
    expect(first.length).toBeGreaterThan(0);
    expect(await planChecks(offThread(), plan.id)).toBe(first); // the same result, not computed again
    const row = setOneSumValue(plan.id, 987654321);
    expect(prepareChecks(offThread(), plan.id).ready).toBe(false);
    const after = await planChecks(offThread(), plan.id);
    expect(after).toStrictEqual(referencePlanWarnings(app.ctx.db, plan.id));
    expect(after.some((w) => w.reportId === row.r && w.value === 987654321)).toBe(true);
    expect(first.some((w) => w.value === 987654321)).toBe(false);
  });

  it('a plan that does not exist gets the app error, and the failure is not kept', { timeout: 60_000 }, async () => {
    await expect(planChecks(offThread(), 424242)).rejects.toMatchObject({ code: 'not_found' });
    await expect(app.call('checks.plan', { planId: 424242 })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('the Tổng hợp built ahead by the worker', () => {
  it('is the consolidation and tracking this thread computes, taken while the data is unchanged', { timeout: 60_000 }, async () => {
    const { plan } = await buildMixedPlans(app, 7, 3);
    const today = '2024-07-15';
    await prepareConsolidation(offThread(), plan.id, today);
    const ahead = preparedConsolidation(app.ctx.db, plan.id, today);
    expect(ahead).not.toBeNull();
    const { matrix, ...rest } = computeConsolidation(app.ctx.db, plan.id, today);
    expect(ahead!.summary).toStrictEqual({ ...rest, matrixRows: matrix.units.length });
    expect(ahead!.summary).toStrictEqual(computeConsolidationSummary(app.ctx.db, plan.id, today));
    expect(ahead!.tracking).toStrictEqual(computeTracking(app.ctx.db, plan.id, today));
    expect(consolidationSummaryNow(app.ctx.db, plan.id, today)).toBe(ahead!.summary);
    // the matrix stays in the worker until asked for, and is the one this thread computes
    expect(await consolidationMatrix(offThread(), plan.id, today)).toStrictEqual(matrix);
    expect(await matrixAhead(offThread(), plan.id, today)).toStrictEqual(matrix);
    await app.call('units.save', { code: 'MOI1', name: 'Công đoàn đơn vị mới' }); // any write: the data version moves on
    expect(preparedConsolidation(app.ctx.db, plan.id, today)).toBeNull();
    expect(preparedConsolidation(app.ctx.db, plan.id, '2024-07-16')).toBeNull();
    expect(matrixAhead(offThread(), plan.id, today)).toBeNull();
    expect(consolidationSummaryNow(app.ctx.db, plan.id, today)).not.toBe(ahead!.summary);
  });

  it('is waited for once the worker is past half of it; just started, it is computed here', { timeout: 60_000 }, async () => {
    const { plan } = await buildMixedPlans(app, 7, 3);
    const today = '2024-07-15';
    await prepareConsolidation(offThread(), plan.id, today); // how long a consolidation takes there is now known
    // the worker's answer can only come once this thread yields: until then the job asked is under way, and the clock
    // is set to say how far into it we are (such a small plan takes the worker well under a millisecond)
    const clock = (ms: number) => vi.spyOn(performance, 'now').mockReturnValue(ms);
    setOneSumValue(plan.id, 1234); // a change: asked again
    const before = performance.now();
    const asked = prepareConsolidation(offThread(), plan.id, today);
    expect(preparedConsolidation(app.ctx.db, plan.id, today)).toBeNull(); // under way
    clock(before); // just started
    expect(pendingConsolidation(app.ctx.db, plan.id, today)).toBeNull(); // not waited for
    const here = consolidationSummary(app.ctx.db, plan.id, today);
    vi.restoreAllMocks();
    await asked;
    expect(await here).not.toBe(preparedConsolidation(app.ctx.db, plan.id, today)!.summary);
    expect(await here).toStrictEqual(preparedConsolidation(app.ctx.db, plan.id, today)!.summary);
    // asked when the worker is past half of it, its answer is the one given
    setOneSumValue(plan.id, 4321);
    const again = prepareConsolidation(offThread(), plan.id, today);
    clock(performance.now() + 60_000); // far past half
    expect(pendingConsolidation(app.ctx.db, plan.id, today)).not.toBeNull();
    const waited = consolidationSummary(app.ctx.db, plan.id, today);
    vi.restoreAllMocks();
    await again;
    expect(await waited).toBe(preparedConsolidation(app.ctx.db, plan.id, today)!.summary);
  });

  it('is not taken when the data changed while the worker built it', { timeout: 60_000 }, async () => {
    const { plan } = await buildMixedPlans(app, 7, 3);
    const today = '2024-07-15';
    const asked = prepareConsolidation(offThread(), plan.id, today);
    const row = setOneSumValue(plan.id, 987654321);
    const got = await consolidationSummary(app.ctx.db, plan.id, today);
    await asked;
    expect(got).toStrictEqual(computeConsolidationSummary(app.ctx.db, plan.id, today));
    expect(got.indicators.find((x) => x.indicatorId === row.i)?.total).toBeGreaterThanOrEqual(987654321);
  });
});
