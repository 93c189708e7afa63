// Versions and batches through the import pipeline: the same file twice (§5 #30), two versions of one unit in
// one drop (preview says what commit does), a held report the user chose stays chosen (chosen_at rule in
// db/reports.ts recomputeActive), text where a number is needed is stored empty with an error issue, and
// cancel tokens per call ('tasks.cancel' with a taskId, task names still work for the renderer).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, workbookOf, type TestApp } from '../helpers/context';
import { requestCancel } from '../../src-main/features/report-import/cancel';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

async function setup() {
  const a = await app.call('units.save', { code: 'GD01', name: 'Công đoàn Trường THCS Lê Lợi' });
  const b = await app.call('units.save', { code: 'YT01', name: 'Công đoàn Trạm Y tế xã Bình An' });
  await app.call('indicators.save', {
    code: 'TX01',
    groupCode: 'VII',
    groupLabel: 'Chỉ tiêu khác',
    label: 'Mô hình, cách làm tiêu biểu',
    unit: null,
    aggregation: 'text',
  });
  const cat = await app.call('indicators.list', {});
  const id = (c: string) => cat.find((i) => i.code === c)!.id;
  const plan = await app.call('plans.save', {
    title: 'Phối hợp làm công tác dân vận đợt II/2023',
    status: 'dang_thuc_hien',
    reportDueOn: '2023-12-31',
    periodLabel: 'Đợt II/2023',
    targets: [{ indicatorId: id('CT01'), min: 2 }, { indicatorId: id('CT25') }, { indicatorId: id('TX01') }],
    assignment: 'all_base',
  });
  return { a, b, plan, id };
}

/** A free-form report of "Trường THCS Lê Lợi" (or another unit) with these values. */
const report = (ct01: number | string, extra: (string | number | null)[][] = [], unit = 'Trường THCS Lê Lợi') =>
  workbookOf(
    [
      [`Công đoàn cơ sở: ${unit}`],
      ['STT', 'Nội dung', 'ĐVT', 'Kết quả'],
      ['1', 'Số buổi tuyên truyền, phổ biến pháp luật', 'buổi', ct01],
      ...extra,
    ],
    'Báo cáo',
  );
const file = (name: string, bytes: Uint8Array, day: string) => ({ name, bytes, lastModified: Date.parse(`${day}T03:00:00Z`) });
const counts = () =>
  ['reports', 'report_values', 'documents'].map((t) => (app.ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n);
const statusOf = (reportId: number) =>
  (app.ctx.db.prepare('SELECT status FROM reports WHERE id = ?').get(reportId) as { status: string }).status;

describe('idempotency and versions in one drop', () => {
  it('the same file twice (in two imports and inside one batch) is a no-op with a Vietnamese message', async () => {
    const { a, plan } = await setup();
    const bytes = await report(3);
    const c1 = await app.call('reports.commit', {
      planId: plan.id,
      files: [{ file: file('bc.xlsx', bytes, '2023-12-30'), unitId: a.id, receivedOn: '2023-12-30' }],
    });
    expect(c1.files[0]?.status).toBe('imported');
    const before = counts();
    const pre = await app.call('reports.preview', {
      planId: plan.id,
      files: [file('bc-lai.xlsx', bytes, '2024-01-02'), file('bc-lai-2.xlsx', bytes, '2024-01-02')],
    });
    expect(pre.files.map((f) => f.status)).toEqual(['duplicate', 'duplicate']);
    expect(pre.files[0]?.reason).toMatch(/đã được nhập trước đây/);
    const c2 = await app.call('reports.commit', {
      planId: plan.id,
      files: [{ file: file('bc-lai.xlsx', bytes, '2024-01-02'), unitId: a.id, receivedOn: '2024-01-02' }],
    });
    expect(c2.files[0]).toMatchObject({ status: 'duplicate', reportId: null });
    expect(counts()).toEqual(before);
    const fresh = await report(4);
    const same = await app.call('reports.preview', {
      planId: plan.id,
      files: [file('x.xlsx', fresh, '2024-01-02'), file('y.xlsx', fresh, '2024-01-02')],
    });
    expect(same.files.map((f) => f.status)).toEqual(['replace', 'duplicate']);
    expect(same.files[1]?.reason).toMatch(/trùng nội dung với một tệp khác/);
  });

  it('two versions of one unit in one drop: the later received one replaces the earlier, whatever the drop order', async () => {
    const { a, b, plan } = await setup();
    const newer = file('moi.xlsx', await report(5), '2024-01-02');
    const older = file('cu.xlsx', await report(3), '2023-12-28');
    const other = file('yt.xlsx', await report(7, [], 'Trạm Y tế xã Bình An'), '2023-12-29');
    const pre = await app.call('reports.preview', { planId: plan.id, files: [newer, older, other] });
    expect(pre.files.map((f) => [f.fileName, f.status])).toEqual([
      ['moi.xlsx', 'replace'],
      ['cu.xlsx', 'new'],
      ['yt.xlsx', 'new'],
    ]);
    expect(pre.files[0]?.reason).toMatch(/Thay thế tệp "cu\.xlsx".*trong cùng lần nhập/);
    const com = await app.call('reports.commit', {
      planId: plan.id,
      files: [newer, older, other].map((f, i) => ({ file: f, unitId: i === 2 ? b.id : a.id, receivedOn: pre.files[i]!.receivedOn })),
    });
    expect(com.files.map((f) => f.status)).toEqual(['superseded', 'imported', 'imported']);
    // With a version already active: a third, even older file in the drop is held, as commit will do.
    const oldest = file('rat-cu.xlsx', await report(1), '2023-12-20');
    const newest = file('moi-nhat.xlsx', await report(9), '2024-01-05');
    const pre2 = await app.call('reports.preview', {
      planId: plan.id,
      files: [newest, oldest, file('moi-2.xlsx', await report(8), '2024-01-03')],
    });
    expect(pre2.files.map((f) => f.status)).toEqual(['replace', 'held', 'replace']);
    expect(pre2.files[2]?.replaces).toMatchObject({ version: 2 });
    expect(pre2.files[0]?.replaces).toBeNull();
    const com2 = await app.call('reports.commit', {
      planId: plan.id,
      files: [newest, oldest, file('moi-2.xlsx', await report(8), '2024-01-03')].map((f, i) => ({
        file: f,
        unitId: a.id,
        receivedOn: pre2.files[i]!.receivedOn,
      })),
    });
    expect(com2.files.map((f) => f.status)).toEqual(['superseded', 'held', 'superseded']);
    expect(statusOf(com2.files[0]!.reportId!)).toBe('active');
  });
});

describe('a held report chosen by the user stays in use', () => {
  it('survives an undo and an unrelated import; a genuinely newer import after the choice wins again', async () => {
    const { a, plan } = await setup();
    const commit = async (name: string, ct01: number, day: string) =>
      await app.call('reports.commit', {
        planId: plan.id,
        files: [{ file: file(name, await report(ct01), day), unitId: a.id, receivedOn: day }],
      });
    const v1 = await commit('v1.xlsx', 1, '2023-12-30');
    await commit('v2.xlsx', 2, '2024-01-02');
    const v0 = await commit('v0.xlsx', 0, '2023-12-20');
    expect(v0.files[0]?.status).toBe('held');
    const chosen = await app.call('reports.decideHeld', { reportId: v0.files[0]!.reportId!, action: 'activate' });
    expect(chosen.status).toBe('active');
    // An even older file arrives later: held, the choice stays.
    const held = await commit('v-1.xlsx', 5, '2023-12-10');
    expect(held.files[0]?.status).toBe('held');
    expect(statusOf(v0.files[0]!.reportId!)).toBe('active');
    // Undo touching this unit (the v1 batch): recomputed, the choice still wins over the newer v2.
    await app.call('reports.undoBatch', { batchId: v1.batchId! });
    expect(statusOf(v0.files[0]!.reportId!)).toBe('active');
    await app.call('reports.undoBatch', { batchId: held.batchId! });
    expect(statusOf(v0.files[0]!.reportId!)).toBe('active');
    expect((await app.call('reports.list', { planId: plan.id })).find((r) => r.unit.code === 'GD01')?.report?.id).toBe(
      v0.files[0]!.reportId,
    );
    // A report received after the chosen one and imported after the choice replaces it.
    const v3 = await commit('v3.xlsx', 3, '2023-12-25');
    expect(v3.files[0]?.status).toBe('superseded');
    expect(statusOf(v3.files[0]!.reportId!)).toBe('active');
    // Undo it: back to the chosen report, not to the newest-received v2.
    await app.call('reports.undoBatch', { batchId: v3.batchId! });
    expect(statusOf(v0.files[0]!.reportId!)).toBe('active');
    // Revoking the chosen report's batch hands over to the newest remaining (v2).
    await app.call('reports.undoBatch', { batchId: v0.batchId! });
    const v2 = app.ctx.db.prepare("SELECT status FROM reports WHERE file_name = 'v2.xlsx'").get() as { status: string };
    expect(v2.status).toBe('active');
  });
});

describe('text where a number is needed', () => {
  it('is stored empty with an error issue on the row (preview and report); text indicators keep text', async () => {
    const { a, plan, id } = await setup();
    const bytes = await report('12,,5', [
      ['2', 'Hiến máu tình nguyện', 'ĐVM', 'khoảng chục người'],
      ['3', 'Mô hình, cách làm tiêu biểu', null, 'Bữa cơm công đoàn'],
    ]);
    const pre = (await app.call('reports.preview', { planId: plan.id, files: [file('bc.xlsx', bytes, '2023-12-30')] })).files[0]!;
    expect(pre.status).toBe('new');
    const errors = pre.issues.filter((i) => i.severity === 'error');
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/ô D3: .*'12,,5'/),
      expect.stringMatching(/ô D4: chỉ tiêu "Hiến máu tình nguyện" cần một số.*'khoảng chục người'.*để trống/),
    ]);
    const com = await app.call('reports.commit', {
      planId: plan.id,
      files: [{ file: file('bc.xlsx', bytes, '2023-12-30'), unitId: a.id, receivedOn: '2023-12-30' }],
    });
    expect(com.files[0]?.status).toBe('imported');
    const rows = app.ctx.db
      .prepare('SELECT indicator_id AS i, value_num AS n, value_text AS t FROM report_values WHERE report_id = ? ORDER BY indicator_id')
      .all(com.files[0]!.reportId!);
    expect(rows).toEqual([
      { i: id('CT01'), n: null, t: null },
      { i: id('CT25'), n: null, t: null },
      { i: id('TX01'), n: null, t: 'Bữa cơm công đoàn' },
    ]);
    const detail = await app.call('reports.get', { reportId: com.files[0]!.reportId! });
    expect(detail.issues.filter((i) => i.severity === 'error')).toHaveLength(2);
    expect(detail.values.find((v) => v.code === 'CT01')?.value).toBeNull();
  });
});

describe('cancel tokens per call', () => {
  it('cancelling one taskId stops that call only; task names still cancel calls started without a taskId', async () => {
    const { a, plan } = await setup();
    const files = await Promise.all([1, 2, 3, 4].map(async (n) => file(`f${n}.xlsx`, await report(n), '2023-12-30')));
    expect(await app.call('tasks.cancel', { task: 'chua-chay' })).toEqual({ cancelled: false });
    const seen: string[] = [];
    const cancelAtFirst = (task: string) => (name: string, p: { task: string; done: number }) => {
      if (name !== 'progress') return;
      seen.push(p.task);
      if (p.done === 1 && p.task === task) expect(requestCancel(task)).toBe(true);
    };
    const onA = cancelAtFirst('A');
    app.ctx.events.on('event', onA);
    const [ra, rb] = await Promise.all([
      app.call('reports.preview', { planId: plan.id, files, taskId: 'A' }),
      app.call('reports.preview', { planId: plan.id, files, taskId: 'B' }),
    ]);
    expect(ra.files).toHaveLength(1);
    expect(rb.files).toHaveLength(4);
    expect(new Set(seen)).toEqual(new Set(['A', 'B']));
    app.ctx.events.off('event', onA);
    // A stale cancel (nothing running) does not stop the next call.
    expect(await app.call('tasks.cancel', { task: 'A' })).toEqual({ cancelled: false });
    expect((await app.call('reports.preview', { planId: plan.id, files, taskId: 'A' })).files).toHaveLength(4);
    // The renderer's way: no taskId, cancelled by the task name.
    app.ctx.events.on('event', cancelAtFirst('reports.preview'));
    expect((await app.call('reports.preview', { planId: plan.id, files })).files).toHaveLength(1);
    const c = await app.call('reports.commit', {
      planId: plan.id,
      files: [{ file: files[0]!, unitId: a.id, receivedOn: '2023-12-30' }],
      taskId: 'C',
    });
    expect(c.files[0]?.status).toBe('imported');
  });
});
