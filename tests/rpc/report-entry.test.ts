// Manual entry of a unit report (contract/report-entry.ts): a paper or phoned-in report becomes a version like an
// imported one (supersede, held, audit), the value checks hold an odd value until a reason is given, and input
// that cannot be stored is refused with a Vietnamese message naming the row, nothing stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/context';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

async function setup() {
  const a = await app.call('units.save', { code: 'GD01', name: 'Công đoàn Trường THCS Lê Lợi' });
  const b = await app.call('units.save', { code: 'YT01', name: 'Công đoàn Trạm Y tế xã Bình An' });
  await app.call('indicators.save', {
    code: 'R01',
    groupCode: 'VII',
    groupLabel: 'Chỉ tiêu khác',
    label: 'Số buổi sinh hoạt chuyên đề',
    unit: 'buổi',
    rules: { min: 0, max: 50, integer: true, required: false },
  });
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
    targets: [{ indicatorId: id('CT01'), min: 2 }, { indicatorId: id('CT08') }, { indicatorId: id('R01') }, { indicatorId: id('TX01') }],
    assignment: 'all_base',
  });
  return { a, b, plan, id };
}

const count = (t: string) => (app.ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
const audits = (action: string) =>
  app.ctx.db.prepare('SELECT entity_id AS id, summary FROM audit_log WHERE action = ? ORDER BY id').all(action) as {
    id: number;
    summary: string;
  }[];

describe('reports.enter', () => {
  it("stores a paper report as the unit's version with both measures, narrative, channel and an audit row", async () => {
    const { a, plan, id } = await setup();
    const form = await app.call('reports.entryForm', { planId: plan.id, unitId: a.id });
    expect(form.current).toBeNull();
    expect(form.indicators.map((i) => i.code)).toEqual(['CT01', 'CT08', 'R01', 'TX01']);
    expect(form.indicators.find((i) => i.code === 'CT08')?.unit2).toBe('triệu đồng');
    expect(form.indicators.find((i) => i.code === 'TX01')?.numeric).toBe(false);
    const res = await app.call('reports.enter', {
      planId: plan.id,
      unitId: a.id,
      receivedOn: '2023-12-29',
      via: 'paper',
      rows: [
        { indicatorId: id('CT01'), value: 3 },
        { indicatorId: id('CT08'), value: 1, value2: 45.5 },
        { indicatorId: id('TX01'), value: 'Bữa cơm công đoàn' },
      ],
      narrative: [{ heading: 'Đánh giá chung', text: 'Hoàn thành các chỉ tiêu.' }],
    });
    expect(res).toMatchObject({ status: 'imported', version: 1 });
    const list = await app.call('reports.list', { planId: plan.id });
    const row = list.find((r) => r.unit.id === a.id)!;
    expect(row.state).toBe('on_time');
    expect(row.report).toMatchObject({ channel: 'manual', receivedVia: 'paper', receivedOn: '2023-12-29' });
    const detail = await app.call('reports.get', { reportId: res.reportId });
    expect(detail.values.find((v) => v.code === 'CT08')).toMatchObject({ value: 1, value2: 45.5 });
    expect(detail.values.find((v) => v.code === 'TX01')?.value).toBe('Bữa cơm công đoàn');
    expect(detail.narrative).toEqual([{ heading: 'Đánh giá chung', text: 'Hoàn thành các chỉ tiêu.' }]);
    const cons = await app.call('consolidation.get', { planId: plan.id });
    expect(cons.submitted).toBe(1);
    expect(cons.indicators.find((i) => i.code === 'CT08')).toMatchObject({ total: 1, total2: 45.5 });
    const tracking = await app.call('tracking.get', { planId: plan.id });
    expect(tracking.rows.find((r) => r.unit.id === a.id)?.channel).toBe('Giấy (nhập tay)');
    const audit = audits('reports.enter');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ id: res.reportId });
    expect(audit[0]!.summary).toMatch(/Nhập tay báo cáo của GD01.*bản 1.*29\/12\/2023.*giấy/);
  });

  it('a new version from the current one supersedes it; one received earlier than the one in use is held', async () => {
    const { a, plan, id } = await setup();
    const first = await app.call('reports.enter', {
      planId: plan.id,
      unitId: a.id,
      receivedOn: '2023-12-29',
      via: 'phone',
      rows: [{ indicatorId: id('CT01'), value: 3 }],
    });
    const form = await app.call('reports.entryForm', { planId: plan.id, unitId: a.id });
    expect(form.current).toMatchObject({
      reportId: first.reportId,
      version: 1,
      via: 'phone',
      values: [{ indicatorId: id('CT01'), value: 3, value2: null }],
    });
    const second = await app.call('reports.enter', {
      planId: plan.id,
      unitId: a.id,
      receivedOn: '2023-12-30',
      via: 'zalo',
      rows: [{ indicatorId: id('CT01'), value: 4 }],
    });
    expect(second).toMatchObject({ status: 'superseded', version: 2 });
    const status = (rid: number) => (app.ctx.db.prepare('SELECT status FROM reports WHERE id = ?').get(rid) as { status: string }).status;
    expect([status(first.reportId), status(second.reportId)]).toEqual(['superseded', 'active']);
    const old = await app.call('reports.enter', {
      planId: plan.id,
      unitId: a.id,
      receivedOn: '2023-12-20',
      via: 'paper',
      rows: [{ indicatorId: id('CT01'), value: 9 }],
    });
    expect(old.status).toBe('held');
    expect(status(second.reportId)).toBe('active');
    const detail = await app.call('reports.get', { reportId: second.reportId });
    expect(detail.versions.map((v) => [v.version, v.receivedVia])).toEqual([
      [1, 'phone'],
      [2, 'zalo'],
      [3, 'paper'],
    ]);
    expect(audits('reports.enter')).toHaveLength(3);
  });

  it('a value the checks hold is refused until a reason is given; the confirmation is audited', async () => {
    const { a, plan, id } = await setup();
    const input = {
      planId: plan.id,
      unitId: a.id,
      receivedOn: '2023-12-29',
      via: 'paper' as const,
      rows: [
        { indicatorId: id('CT01'), value: 3 },
        { indicatorId: id('R01'), value: 60 },
      ],
    };
    const check = await app.call('reports.entryCheck', input);
    expect(check.open).toBe(1);
    expect(check.findings.find((f) => f.indicatorId === id('R01'))).toMatchObject({ rule: 'rule_max', blocking: true, confirmed: false });
    const negative = await app.call('reports.entryCheck', { ...input, rows: [{ indicatorId: id('CT01'), value: -3 }] });
    expect(negative.findings).toEqual([expect.objectContaining({ rule: 'negative', blocking: true, indicatorId: id('CT01') })]);
    await expect(app.call('reports.enter', input)).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/Chưa lưu báo cáo.*R01/),
    });
    expect(count('reports')).toBe(0);
    const ok = await app.call('reports.enter', {
      ...input,
      confirmations: [{ indicatorId: id('R01'), reason: 'Đơn vị xác nhận qua điện thoại' }],
    });
    expect(ok.status).toBe('imported');
    const detail = await app.call('reports.get', { reportId: ok.reportId });
    expect(detail.values.find((v) => v.code === 'R01')?.value).toBe(60);
    expect(detail.issues.some((i) => /R01.*Đã xác nhận khi nhập tay, lý do: Đơn vị xác nhận/.test(i.message))).toBe(true);
    expect(audits('report.value_confirmed')[0]?.summary).toMatch(/GD01.*R01.*60.*Đơn vị xác nhận/);
  });

  it('bad input is refused naming the row, nothing stored', async () => {
    const { a, plan, id } = await setup();
    const base = { planId: plan.id, unitId: a.id, receivedOn: '2023-12-29', via: 'paper' as const };
    await expect(app.call('reports.enter', { ...base, rows: [{ indicatorId: id('CT01'), value: 'ba buổi' }] })).rejects.toMatchObject({
      message: expect.stringMatching(/Dòng CT01 – Số buổi tuyên truyền.*"ba buổi" không phải là số/),
    });
    await expect(app.call('reports.enter', { ...base, rows: [{ indicatorId: id('CT01'), value: 2, value2: 5 }] })).rejects.toMatchObject({
      message: expect.stringMatching(/Dòng CT01.*không có số liệu thứ hai/),
    });
    await expect(app.call('reports.enter', { ...base, rows: [{ indicatorId: id('CT02'), value: 2 }] })).rejects.toMatchObject({
      message: expect.stringMatching(/không thuộc kế hoạch/),
    });
    await expect(
      app.call('reports.enter', { ...base, receivedOn: '2999-01-01', rows: [{ indicatorId: id('CT01'), value: 2 }] }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/ở tương lai/) });
    await expect(
      app.call('reports.enter', { ...base, receivedOn: '2023-02-31', rows: [{ indicatorId: id('CT01'), value: 2 }] }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/Ngày nhận .*không có thật/) });
    await expect(app.call('reports.enter', { ...base, rows: [] })).rejects.toMatchObject({
      message: expect.stringMatching(/Chưa nhập số liệu nào/),
    });
    await expect(
      app.call('reports.enter', { ...base, via: 'fax' as never, rows: [{ indicatorId: id('CT01'), value: 2 }] }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect(count('reports')).toBe(0);
    expect(audits('reports.enter')).toHaveLength(0);
  });

  it('a warning (far above target) is kept on the report and listed by the check view and the correction letter', async () => {
    const { a, plan, id } = await setup();
    const res = await app.call('reports.enter', {
      planId: plan.id,
      unitId: a.id,
      receivedOn: '2023-12-29',
      via: 'phone',
      rows: [{ indicatorId: id('CT01'), value: 40 }],
    });
    expect(res.findings).toEqual([expect.objectContaining({ rule: 'far_above_target', blocking: false, indicatorId: id('CT01') })]);
    const { warnings } = await app.call('checks.plan', { planId: plan.id });
    expect(warnings.filter((w) => w.unitCode === 'GD01').map((w) => [w.indicatorCode, w.rule, w.status])).toEqual([
      ['CT01', 'far_above_target', 'open'],
    ]);
    const letter = await app.call('checks.correctionLetter', { reportId: res.reportId, date: '2024-01-02', record: false });
    expect(letter.problems).toBeGreaterThan(0);
    expect(letter.text).toMatch(/CT01|Số buổi tuyên truyền/);
  });

  it('numbers typed the Vietnamese way and "x" for not applicable are read right', async () => {
    const { a, plan, id } = await setup();
    const res = await app.call('reports.enter', {
      planId: plan.id,
      unitId: a.id,
      receivedOn: '2023-12-29',
      via: 'email',
      rows: [
        { indicatorId: id('CT01'), value: '1.234' },
        { indicatorId: id('CT08'), value: 'x' },
      ],
    });
    const detail = await app.call('reports.get', { reportId: res.reportId });
    expect(detail.values.find((v) => v.code === 'CT01')?.value).toBe(1234);
    expect(detail.values.find((v) => v.code === 'CT08')?.value).toBe('không áp dụng');
  });
});
