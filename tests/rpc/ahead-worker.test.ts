// The worker doing work ahead (features/ahead-worker.ts) takes one job at a time, the quick ones first, and a job not
// started yet is answered by a newer one for the same work (issue #17: on a 2-core PC each change of the data used to
// queue seconds of checks behind the ones still waiting, and the Tổng hợp waited behind them all).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/context';
import { buildMixedPlans } from '../helpers/mixed-plans';
import { inWorker, isIdle, isRunning } from '../../src-main/features/ahead-worker';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

describe('the worker doing work ahead', () => {
  it(
    'answers a job still waiting with a newer one for the same work, and takes a consolidation before waiting checks',
    { timeout: 60_000 },
    async () => {
      const { plans } = await buildMixedPlans(app, 5, 2);
      const [a, b] = plans as [{ id: number }, { id: number }];
      const dbFile = app.ctx.dbFile;
      const done: string[] = [];
      const track = (name: string, p: Promise<unknown> | null) => {
        expect(p).not.toBeNull();
        return p!.then((v) => (done.push(name), v));
      };
      const first = track('checks a', inWorker({ kind: 'checks', dbFile, planId: a.id }));
      const waitingB = track('checks b (old)', inWorker({ kind: 'checks', dbFile, planId: b.id }));
      const cons = inWorker({ kind: 'consolidation', dbFile, planId: b.id, today: '2024-07-15', key: 'k1' });
      expect(cons).not.toBeNull();
      expect(isRunning(cons!)).toBe(false); // behind checks a
      const tracked = track('consolidation b', cons);
      const newerB = track('checks b (new)', inWorker({ kind: 'checks', dbFile, planId: b.id }));
      const [, oldB, , newB] = await Promise.all([first, waitingB, tracked, newerB]);
      expect(oldB).toBe(newB); // one job answered both
      expect(done.slice(0, 2)).toEqual(['checks a', 'consolidation b']);
      expect(done.slice(2).sort()).toEqual(['checks b (new)', 'checks b (old)']);
      expect(isIdle()).toBe(true);
    },
  );

  it('keeps the matrix of its last consolidation until asked, by that job’s key only', { timeout: 60_000 }, async () => {
    const { plan } = await buildMixedPlans(app, 6, 1);
    const dbFile = app.ctx.dbFile;
    await inWorker({ kind: 'consolidation', dbFile, planId: plan.id, today: '2024-07-15', key: 'mine' });
    const matrix = (await inWorker({ kind: 'matrix', key: 'mine' })) as { units: unknown[] } | null;
    expect(matrix?.units.length).toBeGreaterThan(0);
    expect(await inWorker({ kind: 'matrix', key: 'other' })).toBeNull();
  });
});
