// Rules per indicator in the catalog (min, max, whole numbers only, required), edited by staff: bad rules are refused
// with a clear message and nothing saved; a value breaking a rule is held at import like any other odd value, and a
// report without a required value says so.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillTemplate, makeTestApp, type TestApp } from '../helpers/context';
import { checkValue } from '../../src-main/checks/value-checks';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

const base = { groupCode: 'VII', groupLabel: 'Chỉ tiêu khác', aggregation: 'sum' as const };

describe('indicator rules', () => {
  it('are saved and read back; min > max and non-numbers are refused, nothing saved', async () => {
    const i = await app.call('indicators.save', {
      ...base,
      code: 'R01',
      label: 'Số buổi sinh hoạt chuyên đề',
      unit: 'buổi',
      rules: { min: 0, max: 50, integer: true, required: true },
    });
    expect(i.rules).toEqual({ min: 0, max: 50, integer: true, required: true });
    await expect(
      app.call('indicators.save', {
        ...base,
        id: i.id,
        code: 'R01',
        label: i.label,
        unit: 'buổi',
        rules: { min: 10, max: 5, integer: false, required: false },
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/tối đa.*tối thiểu/) });
    await expect(
      app.call('indicators.save', {
        ...base,
        id: i.id,
        code: 'R01',
        label: i.label,
        rules: { min: 'mười' as never, max: null, integer: false, required: false },
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await app.call('indicators.list', {})).find((x) => x.id === i.id)!.rules).toEqual({
      min: 0,
      max: 50,
      integer: true,
      required: true,
    });
  });

  it('a value breaking a rule is flagged (and a near one is not)', () => {
    const indicator = {
      code: 'R01',
      label: 'Số buổi',
      unit: 'buổi',
      aggregation: 'sum',
      rules: { min: 0, max: 50, integer: true, required: true },
    };
    expect(checkValue({ indicator, value: 60 }).map((f) => f.rule)).toEqual(['rule_max']);
    expect(checkValue({ indicator, value: 2.5 }).map((f) => f.rule)).toEqual(['rule_integer']);
    expect(checkValue({ indicator, value: 50 }).map((f) => f.rule)).toEqual([]);
    expect(
      checkValue({ indicator: { ...indicator, rules: { min: 5, max: null, integer: false, required: false } }, value: 3 }).map(
        (f) => f.rule,
      ),
    ).toEqual(['rule_min']);
  });

  it('at import: a value over the catalog maximum is held; a report lacking a required value says so', async () => {
    const r1 = await app.call('indicators.save', {
      ...base,
      code: 'R01',
      label: 'Số buổi sinh hoạt chuyên đề',
      unit: 'buổi',
      rules: { min: 0, max: 50, integer: true, required: false },
    });
    const r2 = await app.call('indicators.save', {
      ...base,
      code: 'R02',
      label: 'Số đoàn viên được khen thưởng',
      unit: 'người',
      rules: { min: null, max: null, integer: true, required: true },
    });
    const u = await app.call('units.save', { code: 'U1', name: 'Công đoàn Trường Tiểu học Kim Đồng' });
    const plan = await app.call('plans.save', {
      title: 'Kế hoạch quy tắc',
      status: 'dang_thuc_hien',
      periodLabel: 'Năm 2024',
      assignment: 'all_base',
      targets: [
        { indicatorId: r1.id, min: null },
        { indicatorId: r2.id, min: null },
      ],
    });
    const tpl = (await app.call('reports.templates', { planId: plan.id, unitIds: [u.id], zip: false })).bytes;
    const bytes = await fillTemplate(tpl, { 'Số buổi sinh hoạt': 70 });
    const pre = (
      await app.call('reports.preview', {
        planId: plan.id,
        files: [{ name: 'u1.xlsx', bytes, lastModified: Date.parse('2024-12-20T03:00:00Z') }],
      })
    ).files[0]!;
    expect(pre.status).toBe('confirm');
    expect(pre.rows.find((r) => r.indicatorId === r1.id)!.checks?.map((c) => c.rule)).toEqual(['rule_max']);
    expect(pre.issues.map((i) => i.message).join('\n')).toMatch(/bắt buộc R02/);
  });
});
