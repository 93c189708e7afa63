// stopAheadWork (before a restore replaces the data file, or the app closes): the jobs asked of the worker fail at
// once instead of running on against the file, and the next job starts a new worker that answers as before.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inWorker, stopAheadWork } from '../../src-main/features/ahead-worker';
import type { ConsolidationSummary } from '../../src-main/features/consolidation';
import { makeTestApp, type TestApp } from '../helpers/context';
import { buildMixedPlans } from '../helpers/mixed-plans';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

describe('stopping the work done ahead', () => {
  it('fails the jobs asked, and a job asked afterwards is answered by a new worker', { timeout: 60_000 }, async () => {
    const { plan } = await buildMixedPlans(app, 9);
    const dbFile = join(app.dir, 'test.sqlite');
    const ask = (key: string) => inWorker({ kind: 'consolidation', dbFile, planId: plan.id, today: '2024-07-15', key });
    const first = (await ask('a')) as { summary: ConsolidationSummary };
    const running = expect(ask('b')).rejects.toThrow(/stopped/);
    const queued = expect(inWorker({ kind: 'checks', dbFile, planId: plan.id })).rejects.toThrow(/stopped/);
    await stopAheadWork();
    await running;
    await queued;
    const again = (await ask('c')) as { summary: ConsolidationSummary };
    expect(again.summary).toStrictEqual(first.summary);
    await stopAheadWork();
    await stopAheadWork(); // nothing running: returns at once
  });
});
