// A preview is parsed once: the files a preview read stay in main (by plan and content), the commit names them by
// SHA-256 — no bytes sent again, no second parse — and a file the bounded stage let go is sent again and imported.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/context';
import { fillByCode, setupPlan } from './consolidation-fixture';
import { sharedParsePool } from '../../src-main/excel/report/parse-pool';
import { resetStage, stageStats } from '../../src-main/features/report-import/stage';

let app: TestApp;
beforeEach(() => {
  app = makeTestApp();
  resetStage();
});
afterEach(() => {
  vi.restoreAllMocks();
  resetStage();
  app.close();
});

async function threeReports() {
  const f = await setupPlan(app);
  const files = [];
  for (const k of [0, 1, 2]) {
    const u = f.units[k]!;
    const tpl = (await app.call('reports.templates', { planId: f.plan.id, unitIds: [u.id], zip: false })).bytes;
    files.push({ name: `bc-${u.code}.xlsx`, bytes: await fillByCode(tpl, { CT01: k + 2 }) });
  }
  return { f, files };
}

describe('the preview stage', () => {
  it('the commit names previewed files by hash: imported without their bytes and without a second parse', async () => {
    const { f, files } = await threeReports();
    const parse = vi.spyOn(sharedParsePool(), 'parseFile');
    const preview = await app.call('reports.preview', { planId: f.plan.id, files });
    expect(parse).toHaveBeenCalledTimes(3);
    const hashes = preview.files.map((p) => p.sha256);
    expect((await app.call('reports.stageCheck', { planId: f.plan.id, sha256s: hashes })).missing).toEqual([]);
    const res = await app.call('reports.commit', {
      planId: f.plan.id,
      files: preview.files.map((p) => ({ staged: { sha256: p.sha256, name: p.fileName }, unitId: p.unit!.id, receivedOn: '2023-12-30' })),
    });
    expect(res.files.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
    expect(parse).toHaveBeenCalledTimes(3); // not parsed again
    expect(stageStats().hits).toBe(3);
    const c = await app.call('consolidation.get', { planId: f.plan.id });
    expect(c.indicators.find((i) => i.code === 'CT01')!.total).toBe(2 + 3 + 4);
    // the stored document is the file itself, under its name
    const rows = await app.call('reports.list', { planId: f.plan.id });
    expect(rows.filter((r) => r.report).length).toBe(3);
  });

  it('is bounded: a file it let go is said missing, refused by hash alone, and imported when its bytes are sent', async () => {
    resetStage({ maxEntries: 2 });
    const { f, files } = await threeReports();
    const preview = await app.call('reports.preview', { planId: f.plan.id, files });
    const hashes = preview.files.map((p) => p.sha256);
    expect((await app.call('reports.stageCheck', { planId: f.plan.id, sha256s: hashes })).missing).toEqual([hashes[0]]);
    const first = preview.files[0]!;
    await expect(
      app.call('reports.commit', {
        planId: f.plan.id,
        files: [{ staged: { sha256: first.sha256, name: first.fileName }, unitId: first.unit!.id, receivedOn: '2023-12-30' }],
      }),
    ).rejects.toThrow(/không còn trong bộ nhớ tạm/);
    const res = await app.call('reports.commit', {
      planId: f.plan.id,
      files: [{ file: files[0]!, unitId: first.unit!.id, receivedOn: '2023-12-30' }],
    });
    expect(res.files[0]!.status).toBe('imported');
  });

  it('a commit with neither bytes nor a hash is refused by the contract', async () => {
    const { f } = await threeReports();
    await expect(
      app.call('reports.commit', { planId: f.plan.id, files: [{ unitId: f.units[0]!.id, receivedOn: '2023-12-30' }] }),
    ).rejects.toThrow(/Thiếu tệp/);
  });
});
