// An import batch appends its commits to the WAL and copies them into the database file once, at the end (SQLite's
// default would checkpoint after nearly every group of files): the setting is raised while the batch writes and put
// back when it ends, whether it ends normally or is cut off.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/context';
import { ct01Plan, filledTemplate } from '../helpers/test-plans';
import { deferCheckpoints } from '../../src-main/db/connection';
import { statSync } from 'node:fs';
import { join } from 'node:path';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

const autocheckpoint = () => Number(app.ctx.db.pragma('wal_autocheckpoint', { simple: true }));

async function filesFor(n: number) {
  const units = [];
  for (let i = 1; i <= n; i++) units.push(await app.call('units.save', { code: `C${i}`, name: `Công đoàn trường số ${i}` }));
  const plan = await ct01Plan(app, 'Kế hoạch thử ghi nhật ký');
  const files = [];
  for (const u of units) {
    const bytes = await filledTemplate(app, plan.id, u.id, { 'Số buổi': 3 });
    files.push({
      file: { name: `${u.code}.xlsx`, bytes, lastModified: Date.parse('2023-12-30T03:00:00Z') },
      unitId: u.id,
      receivedOn: '2023-12-30',
    });
  }
  return { plan, files };
}

describe('checkpoints during an import batch', () => {
  it('are deferred while the batch writes and back to the default after it', async () => {
    const { plan, files } = await filesFor(60);
    const during: number[] = [];
    app.ctx.events.on('event', (name: string, p: { task?: string; done?: number }) => {
      // after each group of files written (done > 0; the backup before the batch reports progress too)
      if (name === 'progress' && p.task === 'reports.commit' && (p.done ?? 0) > 0) during.push(autocheckpoint());
    });
    expect(autocheckpoint()).toBe(1000);
    const res = await app.call('reports.commit', { planId: plan.id, files });
    expect(res.files.filter((f) => f.status === 'imported')).toHaveLength(60);
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((n) => n > 1000)).toBe(true);
    expect(autocheckpoint()).toBe(1000);
    // the batch's pages are in the database file: nothing is left in the WAL to copy
    const [ck] = app.ctx.db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    expect(ck!.checkpointed).toBe(ck!.log);
  }, 60_000);

  it('copy the batch into the database file right after its result is given, not before', async () => {
    const { plan, files } = await filesFor(60);
    const dbFile = join(app.dir, 'test.sqlite');
    const before = statSync(dbFile).size;
    const res = await app.call('reports.commit', { planId: plan.id, files });
    expect(res.files.filter((f) => f.status === 'imported')).toHaveLength(60);
    // the result comes first (the copy of the WAL takes a while on a large batch) with the setting already back
    expect(autocheckpoint()).toBe(1000);
    const atResult = statSync(dbFile).size;
    await new Promise((r) => setTimeout(r, 50));
    const after = statSync(dbFile).size;
    expect(after).toBeGreaterThan(atResult);
    expect(after).toBeGreaterThan(before);
  }, 60_000);

  it('are back to the default when the batch is cut off (disk full)', async () => {
    const { plan, files } = await filesFor(60);
    app.ctx.events.on('event', (name: string, p: { task?: string; done?: number }) => {
      if (name === 'progress' && p.task === 'reports.commit' && p.done === 50)
        app.ctx.db.pragma(`max_page_count = ${Number(app.ctx.db.pragma('page_count', { simple: true }))}`);
    });
    const err = await app.call('reports.commit', { planId: plan.id, files }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'db_full' });
    expect(autocheckpoint()).toBe(1000);
  }, 60_000);

  it('are left alone on a connection already deferring them (a batch inside another long write)', () => {
    const outer = deferCheckpoints(app.ctx.db);
    const raised = autocheckpoint();
    const inner = deferCheckpoints(app.ctx.db);
    inner();
    expect(autocheckpoint()).toBe(raised);
    outer();
    expect(autocheckpoint()).toBe(1000);
  });
});
