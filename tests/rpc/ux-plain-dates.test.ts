// Dates in the backend's messages to users read dd/mm/yyyy (issue #14): the reasons a report preview gives for
// replacing or holding a version name the received day as the office writes it, never 2024-01-02.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeTestApp, workbookOf, type TestApp } from '../helpers/context';
import { ct01Plan } from '../helpers/test-plans';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

const report = (v: number) =>
  workbookOf(
    [
      ['Công đoàn cơ sở: Trường THCS Lê Lợi'],
      ['STT', 'Nội dung', 'ĐVT', 'Kết quả'],
      ['1', 'Số buổi tuyên truyền, phổ biến pháp luật', 'buổi', v],
    ],
    'Báo cáo',
  );
const file = async (name: string, v: number, day: string) => ({
  name,
  bytes: await report(v),
  lastModified: Date.parse(`${day}T03:00:00Z`),
});

it('replace and held reasons show the received day as dd/mm/yyyy', async () => {
  const a = await app.call('units.save', { code: 'GD01', name: 'Công đoàn Trường THCS Lê Lợi' });
  const plan = await ct01Plan(app, 'Phối hợp làm công tác dân vận đợt II/2023', { periodLabel: 'Đợt II/2023' });
  const first = await file('bc.xlsx', 3, '2023-12-30');
  await app.call('reports.commit', { planId: plan.id, files: [{ file: first, unitId: a.id, receivedOn: '2023-12-30' }] });
  // Against the stored version (one file), then within one drop (two files).
  const alone = await app.call('reports.preview', { planId: plan.id, files: [await file('moi.xlsx', 5, '2024-01-02')] });
  const older = await app.call('reports.preview', { planId: plan.id, files: [await file('cu.xlsx', 1, '2023-12-20')] });
  const drop = await app.call('reports.preview', {
    planId: plan.id,
    files: [await file('a.xlsx', 6, '2024-01-03'), await file('b.xlsx', 7, '2024-01-02'), await file('c.xlsx', 2, '2023-12-21')],
  });
  const reasons = [...alone.files, ...older.files, ...drop.files].map((f) => f.reason ?? '');
  expect(reasons[0]).toMatch(/nhận ngày 30\/12\/2023/);
  expect(reasons[1]).toMatch(/nhận ngày 30\/12\/2023/);
  expect(reasons.filter((r) => /nhận ngày/.test(r)).length).toBeGreaterThanOrEqual(4);
  for (const r of reasons) expect(r).not.toMatch(/\d{4}-\d{2}-\d{2}/);
});
