// Disk full during a write (reliability.md §5 #38, simulated with max_page_count): every path tells the user in
// Vietnamese what to do — never SQLite's English "database or disk is full" — and the data is unchanged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, workbookOf, type TestApp } from '../helpers/context';
import { makeReport } from '../fixtures/gen/report-workbooks';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

const VI = /[ăâđêôơưàảãáạèẻẽéẹìỉĩíịòỏõóọùủũúụỳỷỹýỵ]/i;
const fill = () => {
  const pages = app.ctx.db.pragma('page_count', { simple: true }) as number;
  app.ctx.db.pragma(`max_page_count = ${pages}`);
};
const counts = () =>
  ['units', 'plans', 'reports', 'documents', 'models'].map(
    (t) => (app.ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n,
  );

function expectVietnameseFull(msgs: string[]): void {
  const all = msgs.join(' | ');
  expect(all).not.toMatch(/database or disk is full|SQLITE_FULL/i);
  expect(all).toMatch(/đầy/);
  expect(all).toMatch(VI);
}

describe('disk full', () => {
  it('units import, plan save with its document, and reports commit', async () => {
    const unit = await app.call('units.save', { code: 'HU01', name: 'Công đoàn Trường THCS Nguyễn Du' });
    const plan = await app.call('plans.save', {
      title: 'Kế hoạch đợt II/2023',
      status: 'dang_thuc_hien',
      assignment: 'all_base',
      targets: [],
    });
    const report = (await makeReport({ seed: 1, unitName: 'Trường THCS Nguyễn Du' })).bytes;
    const many = await workbookOf([
      ['Mã đơn vị', 'Tên đơn vị'],
      ...Array.from({ length: 3000 }, (_, i) => [`X${i}`, `Công đoàn đơn vị số ${i} có tên khá dài để chiếm chỗ trong tệp dữ liệu`]),
    ]);
    fill();
    const before = counts();
    const msgs: string[] = [];
    const err = (p: Promise<unknown>) =>
      p.then(
        () => 'không lỗi',
        (e: Error) => e.message,
      );
    msgs.push(await err(app.call('units.import', { file: { name: 'ds.xlsx', bytes: many }, dryRun: false })));
    msgs.push(
      await err(
        app.call('plans.save', {
          title: 'Kế hoạch có văn bản',
          status: 'du_thao',
          assignment: 'picked',
          unitIds: [],
          targets: [],
          document: { name: 'kh.txt', bytes: new TextEncoder().encode('Kế hoạch '.repeat(200_000)) },
        }),
      ),
    );
    const com = await app
      .call('reports.commit', {
        planId: plan.id,
        files: [{ file: { name: 'bc.xlsx', bytes: report }, unitId: unit.id, receivedOn: '2023-12-30' }],
      })
      .then(
        (r) => r.files.map((f) => f.issues.map((i) => i.message).join(' ')).join(' '),
        (e: Error) => e.message,
      );
    msgs.push(com);
    for (const m of msgs) expectVietnameseFull([m]);
    expect(counts()).toEqual(before);
  }, 60_000);
});
