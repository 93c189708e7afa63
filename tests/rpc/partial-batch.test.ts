// A batch cut off halfway (disk full here; a crash leaves the same) is never hidden: the error says how many files
// went in and how many did not (not "dữ liệu cũ vẫn an toàn"), the batches list marks it "bị gián đoạn" with the files
// that are not in, and importing the same files again finishes it (those already in are duplicates) or undo removes it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillTemplate, makeTestApp, type TestApp } from '../helpers/context';
import * as rep from '../../src-main/db/reports';
import { listBackups } from '../../src-main/data-file/backup-store';
import { importHeadless } from '../../src-main/features/report-import/one-pass';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

const file = (name: string, bytes: Uint8Array) => ({ name, bytes, lastModified: Date.parse('2023-12-30T03:00:00Z') });

async function setup(n: number) {
  const units = [];
  for (let i = 1; i <= n; i++)
    units.push(await app.call('units.save', { code: `U${String(i).padStart(3, '0')}`, name: `Công đoàn đơn vị số ${i}` }));
  const cat = await app.call('indicators.list', {});
  const byCode = (c: string) => cat.find((i) => i.code === c)!;
  const plan = await app.call('plans.save', {
    title: 'Kế hoạch thử đợt nhập dở dang',
    status: 'dang_thuc_hien',
    reportDueOn: '2023-12-31',
    periodLabel: 'Năm 2023',
    targets: [
      { indicatorId: byCode('CT01').id, min: 2 },
      { indicatorId: byCode('CT25').id, min: 150 },
    ],
    assignment: 'all_base',
  });
  const files: { file: ReturnType<typeof file>; unitId: number; receivedOn: string }[] = [];
  for (const u of units) {
    const tpl = (await app.call('reports.templates', { planId: plan.id, unitIds: [u.id], zip: false })).bytes;
    files.push({
      file: file(`bao-cao-${u.code}.xlsx`, await fillTemplate(tpl, { 'Số buổi': 3, 'Hiến máu': 100 + u.id })),
      unitId: u.id,
      receivedOn: '2023-12-30',
    });
  }
  return { plan, files };
}

describe('a batch cut off halfway', () => {
  it('says how many files went in, is listed as interrupted with the missing files, and can be finished or undone', async () => {
    const { plan, files } = await setup(120);
    // the disk fills up right after the first group of 50 files is written
    let filled = false;
    app.ctx.events.on('event', (name: string, p: { task?: string; done?: number }) => {
      if (!filled && name === 'progress' && p.task === 'reports.commit' && p.done === 50) {
        filled = true;
        const pages = app.ctx.db.pragma('page_count', { simple: true }) as number;
        app.ctx.db.pragma(`max_page_count = ${pages}`);
      }
    });
    const err = await app.call('reports.commit', { planId: plan.id, files }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'db_full' });
    const message = (err as Error).message;
    expect(message).not.toMatch(/dữ liệu cũ vẫn an toàn/);
    expect(message).toMatch(/50 trong 120 tệp đã vào dữ liệu, 70 tệp chưa vào/);
    app.ctx.db.pragma('max_page_count = 1073741823');

    const [batch] = await app.call('reports.batches', { planId: plan.id });
    expect(batch).toMatchObject({ fileCount: 120, imported: 50, interrupted: true });
    expect(batch!.notIn).toHaveLength(70);
    expect(batch!.notIn).toContain('bao-cao-U120.xlsx');
    expect(batch!.notIn).not.toContain('bao-cao-U001.xlsx');

    // finish: the same files again; the 50 already in are duplicates
    const again = await app.call('reports.commit', { planId: plan.id, files });
    expect(again.files.filter((f) => f.status === 'imported')).toHaveLength(70);
    expect(again.files.filter((f) => f.status === 'duplicate')).toHaveLength(50);
    const list = await app.call('reports.batches', { planId: plan.id });
    expect(list.map((b) => b.interrupted)).toEqual([false, true]);
    // undo the interrupted batch: its 50 reports go, the other batch's 70 stay
    expect((await app.call('reports.undoBatch', { batchId: batch!.id })).revoked).toBe(50);
    expect((await app.call('reports.list', { planId: plan.id })).filter((r) => r.state !== 'missing')).toHaveLength(70);
  }, 120_000);

  it('a batch started but never finished (a crash) is listed as interrupted, with its files', async () => {
    const { plan } = await setup(0);
    const id = rep.createBatch(app.ctx.db, plan.id, ['a.xlsx', 'b.xlsx'], new Date().toISOString());
    expect(await app.call('reports.batches', { planId: plan.id })).toEqual([
      expect.objectContaining({ id, interrupted: true, imported: 0, notIn: ['a.xlsx', 'b.xlsx'] }),
    ]);
  });
});

describe('the headless import (CLI reports import)', () => {
  it('takes a verified pre-import backup like the app does, and none for a dry run', async () => {
    const { plan, files } = await setup(2);
    await importHeadless(
      app.ctx,
      plan.id,
      files.map((f) => f.file),
      true,
    );
    expect(listBackups(app.ctx.backupsDir).filter((b) => b.reason === 'pre-import')).toHaveLength(0);
    const r = await importHeadless(
      app.ctx,
      plan.id,
      files.map((f) => f.file),
      false,
    );
    expect(r.files.map((f) => f.status)).toEqual(['imported', 'imported']);
    const pre = listBackups(app.ctx.backupsDir).filter((b) => b.reason === 'pre-import');
    expect(pre).toHaveLength(1);
    expect(pre[0]!.counts.reports).toBe(0); // the state before the import
  });
});
