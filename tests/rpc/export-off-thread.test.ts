// The consolidated Excel and Word files made in the work-ahead worker on its own read connection (issue #17: the
// app was held 4.4 s for the Excel of a 4,461-unit plan): the same files as this thread makes, the worker (not this
// thread) makes them, first even when asked while it runs the checks, it sees what was committed just before, and a plan
// that does not exist still answers with the app's own error.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { docxText as docText, workbookCells as cells } from '../helpers/file-content';
import { makeTestApp, type TestApp } from '../helpers/context';
import type { AheadRun } from '../../src-main/features/ahead-run';
import * as consolidationExport from '../../src-main/features/consolidation-export';
import type { DocOptions } from '../../src-main/features/consolidation-export';
import { exportConsolidated } from '../../src-main/features/export-off-thread';
import { inWorker, isIdle, isRunning } from '../../src-main/features/ahead-worker';
import { planWarnings } from '../../src-main/features/value-review';
import { setupPlan, submitS1 } from './consolidation-fixture';

// this thread's export, watched (the worker has its own copy of the module): which exports were made here
vi.mock('../../src-main/features/consolidation-export', async (original) => {
  const real = await original<typeof import('../../src-main/features/consolidation-export')>();
  return { ...real, exportConsolidatedFile: vi.fn(real.exportConsolidatedFile) };
});
const exportConsolidatedFile = vi.mocked(consolidationExport.exportConsolidatedFile);

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

const offThread = (): AheadRun => ({ db: app.ctx.db, dbFile: app.ctx.dbFile, offThread: true });

describe('consolidated exports off the main thread', () => {
  it('give the same workbook and report as this thread, made by the worker', { timeout: 60_000 }, async () => {
    const f = await setupPlan(app);
    await submitS1(f);
    const o: DocOptions = { planId: f.plan.id, number: '03/BC-LĐLĐ', date: '2024-01-06' };
    const asked = exportConsolidated(offThread(), 'xlsx', o);
    expect(isIdle()).toBe(false); // the worker has the job: this thread is free until the file comes back
    const off = await asked;
    expect(isIdle()).toBe(true);
    const here = await exportConsolidatedFile(app.ctx.db, 'xlsx', o);
    expect({ ...off, bytes: null }).toEqual({ ...here, bytes: null });
    expect(await cells(off.bytes)).toEqual(await cells(here.bytes));
    const doc = await exportConsolidated(offThread(), 'docx', o);
    const docHere = await exportConsolidatedFile(app.ctx.db, 'docx', o);
    expect({ ...doc, bytes: null }).toEqual({ ...docHere, bytes: null });
    expect(await docText(doc.bytes)).toBe(await docText(docHere.bytes));
    expect(await docText(doc.bytes)).toContain('03/BC-LĐLĐ');
  });

  it('sees what was committed just before it was asked', { timeout: 60_000 }, async () => {
    const f = await setupPlan(app);
    await submitS1(f);
    const o: DocOptions = { planId: f.plan.id, number: null, date: '2024-01-06' };
    const before = await cells((await exportConsolidated(offThread(), 'xlsx', o)).bytes);
    await f.submit(4, '2024-01-05', { CT01: 7 });
    const after = await exportConsolidated(offThread(), 'xlsx', o);
    expect(await cells(after.bytes)).not.toEqual(before);
    expect(await cells(after.bytes)).toEqual(await cells((await exportConsolidatedFile(app.ctx.db, 'xlsx', o)).bytes));
  });

  it('answers a plan that does not exist with the app’s own error', { timeout: 60_000 }, async () => {
    await expect(exportConsolidated(offThread(), 'xlsx', { planId: 424242, number: null, date: '2024-01-06' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('asked while the worker runs the checks, goes first in the worker; the checks start again after it', { timeout: 60_000 }, async () => {
    const f = await setupPlan(app);
    await submitS1(f);
    const o: DocOptions = { planId: f.plan.id, number: null, date: '2024-01-06' };
    const checks = inWorker({ kind: 'checks', dbFile: app.ctx.dbFile, planId: f.plan.id });
    expect(checks && isRunning(checks)).toBe(true);
    exportConsolidatedFile.mockClear();
    const done: string[] = [];
    void checks!.then(() => done.push('checks'));
    const off = await exportConsolidated(offThread(), 'xlsx', o).then((file) => (done.push('export'), file));
    expect(exportConsolidatedFile).not.toHaveBeenCalled(); // never made in this thread
    expect(await checks).toEqual(planWarnings(app.ctx.db, f.plan.id)); // done again, whole
    expect(done).toEqual(['export', 'checks']);
    expect(await cells(off.bytes)).toEqual(await cells((await exportConsolidatedFile(app.ctx.db, 'xlsx', o)).bytes));
  });

  it('is made in this thread where there is no worker', { timeout: 60_000 }, async () => {
    const f = await setupPlan(app);
    await submitS1(f);
    exportConsolidatedFile.mockClear();
    const o: DocOptions = { planId: f.plan.id, number: null, date: '2024-01-06' };
    const file = await exportConsolidated({ ...offThread(), offThread: false }, 'docx', o);
    expect(exportConsolidatedFile).toHaveBeenCalledTimes(1);
    expect(file.name).toMatch(/\.docx$/);
  });
});
