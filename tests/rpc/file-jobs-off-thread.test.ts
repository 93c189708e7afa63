// The report as PDF, the upward package, the year's Dân vận khéo report, the units list and the audit log are made in
// the work-ahead worker, as the consolidated exports are (issue #17: on the large bench database they held the app
// 0.4–0.9 s, 4.7 s, 2.3 s, 0.85 s and 1.1 s): the same file as this thread makes, and this thread does not make it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { docxText as docText, workbookCells as cells } from '../helpers/file-content';
import { makeTestApp, type TestApp } from '../helpers/context';
import * as fileJobs from '../../src-main/features/file-jobs';
import type { FileJob } from '../../src-main/features/file-jobs';
import { makeFileOffThread } from '../../src-main/features/export-off-thread';
import { setupPlan, submitS1 } from './consolidation-fixture';
import { pdfFonts } from '../../src-main/features/pdf-export';
import { readPdfPages } from '../unit/docs-pdf/pdf-read';

// this thread's maker, watched (the worker has its own copy of the module)
vi.mock('../../src-main/features/file-jobs', async (original) => {
  const real = await original<typeof import('../../src-main/features/file-jobs')>();
  return { ...real, makeFile: vi.fn(real.makeFile) };
});
const makeFile = vi.mocked(fileJobs.makeFile);

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

const inWorker = (job: FileJob) => makeFileOffThread({ db: app.ctx.db, dbFile: app.ctx.dbFile, offThread: true }, job);

/** The workbook of `job` made by the worker (never in this thread): the same cells as this thread makes; its text. */
async function sameWorkbookInWorker(job: FileJob): Promise<string> {
  makeFile.mockClear();
  const off = await inWorker(job);
  expect(makeFile).not.toHaveBeenCalled();
  const here = await makeFile(app.ctx.db, job);
  expect({ ...off, bytes: null }).toEqual({ ...here, bytes: null });
  const offCells = await cells(off.bytes);
  expect(offCells).toEqual(await cells(here.bytes));
  return JSON.stringify(offCells);
}

describe('files made off the main thread', () => {
  it('the upward package: the same workbook as this thread makes, made by the worker', { timeout: 60_000 }, async () => {
    const f = await setupPlan(app);
    await submitS1(f);
    const job: FileJob = {
      what: 'upward',
      planId: f.plan.id,
      options: {
        identity: { code: 'LDLD-TB', name: 'LĐLĐ huyện Thăng Bình' },
        number: '12/BC-LĐLĐ',
        date: '2024-01-06',
        appVersion: 't',
        now: new Date('2024-01-06T02:00:00Z'),
      },
    };
    expect(await sameWorkbookInWorker(job)).toContain('12/BC-LĐLĐ');
  });

  it('the report as PDF: made by the worker with the fonts found here', { timeout: 60_000 }, async () => {
    const f = await setupPlan(app);
    await submitS1(f);
    const job: FileJob = {
      what: 'consolidated-pdf',
      options: { planId: f.plan.id, number: '12/BC-LĐLĐ', date: '2024-01-06' },
      fonts: pdfFonts(),
    };
    makeFile.mockClear();
    const off = await inWorker(job);
    expect(makeFile).not.toHaveBeenCalled();
    const here = await makeFile(app.ctx.db, job);
    expect({ ...off, bytes: null }).toEqual({ ...here, bytes: null });
    expect(off.name).toMatch(/\.pdf$/);
    expect(Buffer.from(off.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = async (bytes: Uint8Array) => (await readPdfPages(bytes)).map((p) => p.text);
    expect(await text(off.bytes)).toEqual(await text(here.bytes)); // the same pages (the files' own dates differ)
    expect((await text(off.bytes)).join(' ')).toContain('12/BC-LĐLĐ');
  });

  it('the Dân vận khéo report of a year: the same document, made by the worker', { timeout: 60_000 }, async () => {
    const unit = await app.call('units.save', { code: 'GD01', name: 'Công đoàn Trường THCS Lê Lợi' });
    await app.call('models.save', {
      unitId: unit.id,
      year: 2025,
      name: 'Đoàn viên giúp nhau phát triển kinh tế',
      field: 'kinh_te',
      registeredOn: '2025-03-10',
    });
    const job: FileJob = { what: 'models-summary', year: 2025, now: new Date('2025-11-20T02:00:00Z') };
    makeFile.mockClear();
    const off = await inWorker(job);
    expect(makeFile).not.toHaveBeenCalled();
    const here = await makeFile(app.ctx.db, job);
    expect(off.name).toBe(here.name);
    const text = await docText(off.bytes);
    expect(text).toBe(await docText(here.bytes));
    expect(text).toContain('Dân vận khéo');
  });

  it('the units list and the audit log: the same workbooks, made by the worker', { timeout: 60_000 }, async () => {
    await app.call('units.save', { code: 'GD01', name: 'Công đoàn Trường THCS Lê Lợi' });
    await app.call('units.save', { code: 'YT01', name: 'Công đoàn Trạm Y tế xã' });
    const now = new Date('2025-11-20T02:00:00Z');
    for (const job of [
      { what: 'units', includeInactive: true, now },
      { what: 'audit', format: 'xlsx', limit: 100, now },
    ] as FileJob[])
      expect(await sameWorkbookInWorker(job)).toContain('GD01');
  });

  it('a plan that does not exist gets the app’s own error', { timeout: 60_000 }, async () => {
    const job: FileJob = {
      what: 'upward',
      planId: 424242,
      options: { identity: { code: 'X', name: 'X' }, number: null, date: '2024-01-06', appVersion: 't', now: new Date() },
    };
    await expect(inWorker(job)).rejects.toMatchObject({ code: 'not_found' });
  });
});
