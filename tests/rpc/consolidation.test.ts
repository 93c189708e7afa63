// Tracking and consolidation computed from active reports against hand-computed figures (see the fixture),
// including a superseded version and undone batches; reminders history; the CLI `consolidate --json` shape.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/context';
import { runCli } from '../../src-main/runtime/cli-commands';
import { narrativeKey } from '../../src-main/features/consolidation';
import { setupPlan, submitS1 } from './consolidation-fixture';
import type { Consolidation } from '../../src-main/contract/consolidation';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

const pick = (c: Consolidation, code: string) => c.indicators.find((i) => i.code === code)!;

describe('consolidation', () => {
  it('computes S1 totals by aggregation rule, targets and per-unit targets, tracking counts and the matrix', async () => {
    const f = await setupPlan(app);
    await submitS1(f);
    const c = await app.call('consolidation.get', { planId: f.plan.id });
    expect(c).toMatchObject({ expected: 5, submitted: 4, onTime: 3, late: 1, missing: [{ code: 'TM01', name: 'Công đoàn Chợ Hà Lam' }] });
    expect(c.completenessPct).toBe(80);
    expect(c.timelinessPct).toBe(75);
    expect(c.lateUnits).toEqual([{ code: 'XD01', name: 'Công đoàn Công ty CP Xây dựng Thăng Long', receivedOn: '2024-01-03' }]);
    expect(pick(c, 'CT01')).toMatchObject({ target: 10, total: 19, achievedPct: 190, reporting: 4 });
    expect(pick(c, 'CT08')).toMatchObject({ scope: 'per_unit', target: 1, total: 4, total2: 190, unitsMet: 3, achievedPct: 60 });
    expect(pick(c, 'CT25')).toMatchObject({ total: 200, achievedPct: 133.3 });
    expect(pick(c, 'TL01')).toMatchObject({ aggregation: 'percent', total: 80, achievedPct: 100 });
    expect(pick(c, 'MX01')).toMatchObject({ aggregation: 'max', total: 300, target: null, achievedPct: null });
    expect(pick(c, 'TX01')).toMatchObject({ aggregation: 'text', texts: [{ unitCode: 'GD01', text: 'Mô hình "Bữa cơm công đoàn"' }] });
    // matrix: every expected unit, values in indicator order, blanks for the missing unit
    const row = (code: string) => c.matrix.values[c.matrix.units.findIndex((u) => u.code === code)]!;
    expect(c.indicators.map((i) => i.code)).toEqual(['CT01', 'CT08', 'CT25', 'TL01', 'MX01', 'TX01']);
    expect(row('NN01')).toEqual([7, 1, 20, 60, 300, null]);
    expect(row('TM01')).toEqual([null, null, null, null, null, null]);
    expect(c.matrix.units.find((u) => u.code === 'XD01')).toMatchObject({ state: 'late', receivedOn: '2024-01-03' });
    // narrative grouped by kind, side by side
    const limits = c.narrative.find((s) => s.key === 'limits')!;
    expect(limits.items.map((i) => [i.unitCode, i.text])).toEqual([
      ['GD01', 'Kinh phí còn hạn chế.'],
      ['YT01', 'Đoàn viên phân tán, khó tập trung.'],
    ]);
    expect(c.narrative.find((s) => s.key === 'proposals')?.items[0]?.text).toMatch(/hỗ trợ kinh phí/);
  });

  it('follows superseded versions and undone batches (nothing stored that could drift)', async () => {
    const f = await setupPlan(app);
    const s1 = await submitS1(f);
    await app.call('reports.undoBatch', { batchId: s1.d });
    let c = await app.call('consolidation.get', { planId: f.plan.id });
    // S2: D undone → missing. CT01 3+5+4 = 12; CT08 3 căn / 150 triệu, 2 units met; CT25 180; TL01 (90+70+100)/3; MX01 200
    expect(c).toMatchObject({ expected: 5, submitted: 3, onTime: 2, late: 1 });
    expect(c.missing.map((m) => m.code).sort()).toEqual(['NN01', 'TM01']);
    expect(pick(c, 'CT01').total).toBe(12);
    expect(pick(c, 'CT08')).toMatchObject({ total: 3, total2: 150, unitsMet: 2, achievedPct: 40 });
    expect(pick(c, 'CT25')).toMatchObject({ total: 180, achievedPct: 120 });
    expect(pick(c, 'TL01').total).toBeCloseTo(86.666667, 5);
    expect(pick(c, 'MX01').total).toBe(200);
    // S3: A sends a correction after the deadline: it supersedes v1, and A stays on time (its first report was on
    // time; the issue "Timeliness judged fairly": a later correction is "sửa sau hạn", not late)
    const v2 = await f.submit(0, '2024-01-02', { CT01: 10, CT08: 1, 'CT08#2': 60, CT25: 50, TL01: 95, MX01: 150 });
    c = await app.call('consolidation.get', { planId: f.plan.id });
    expect(c).toMatchObject({ submitted: 3, onTime: 2, late: 1 });
    expect(c.lateUnits.map((u) => u.code).sort()).toEqual(['XD01']);
    expect((await app.call('tracking.get', { planId: f.plan.id })).rows.find((r) => r.unit.code === 'GD01')).toMatchObject({
      state: 'on_time',
      correctedAfterDue: true,
    });
    expect(pick(c, 'CT01').total).toBe(19);
    expect(pick(c, 'CT08')).toMatchObject({ total: 3, total2: 160 });
    expect(pick(c, 'CT25')).toMatchObject({ total: 190, achievedPct: 126.7 });
    expect(pick(c, 'TL01').total).toBeCloseTo(88.333333, 5);
    expect(pick(c, 'TX01').texts).toEqual([]); // v2 left the text answer empty; v1's no longer counts
    // undo v2: back to S2 exactly
    await app.call('reports.undoBatch', { batchId: v2 });
    c = await app.call('consolidation.get', { planId: f.plan.id });
    expect(c).toMatchObject({ submitted: 3, onTime: 2, late: 1 });
    expect(pick(c, 'CT01').total).toBe(12);
    expect(pick(c, 'CT08').total2).toBe(150);
  });

  it('tracking board: days late, reminder counts and history; letters name the missing units', async () => {
    const f = await setupPlan(app);
    await submitS1(f);
    const e = f.units[4]!;
    expect(
      await app.call('reminders.record', {
        planId: f.plan.id,
        unitIds: [e.id],
        channel: 'zalo',
        sentOn: '2024-01-02',
        note: 'Nhắn nhóm Zalo',
      }),
    ).toEqual({ recorded: 1 });
    const letter = await app.call('reminders.letter', { planId: f.plan.id, date: '2024-01-04', record: true, number: '05/LĐLĐ' });
    expect(letter.units.map((u) => u.code)).toEqual(['TM01']);
    expect(letter.text).toContain('Công đoàn Chợ Hà Lam');
    expect(letter.text).toContain('trước ngày 07/01/2024');
    expect(letter.file.name).toMatch(/\.docx$/);
    const t = await app.call('tracking.get', { planId: f.plan.id });
    expect(t).toMatchObject({ expected: 5, submitted: 4, onTime: 3, late: 1, missingCount: 1, completenessPct: 80, timelinessPct: 75 });
    expect(t.rows.find((r) => r.unit.code === 'XD01')).toMatchObject({ state: 'late', receivedOn: '2024-01-03', daysLate: 3 });
    expect(t.rows.find((r) => r.unit.code === 'YT01')).toMatchObject({ state: 'on_time', daysLate: null });
    expect(t.rows.find((r) => r.unit.code === 'TM01')).toMatchObject({ state: 'missing', reminders: 2, lastReminderOn: '2024-01-04' });
    const hist = await app.call('reminders.history', { planId: f.plan.id, unitId: e.id });
    expect(hist.map((h) => [h.sentOn, h.channel, h.number])).toEqual([
      ['2024-01-04', 'letter', '05/LĐLĐ'],
      ['2024-01-02', 'zalo', null],
    ]);
    await expect(app.call('reminders.letter', { planId: f.plan.id, unitIds: [] })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('classifies narrative headings by their folded words', () => {
    expect(narrativeKey('Hạn chế, khó khăn')).toBe('limits');
    expect(narrativeKey('KIẾN NGHỊ, ĐỀ XUẤT')).toBe('proposals');
    expect(narrativeKey('Cách làm hay, sáng tạo')).toBe('practices');
    expect(narrativeKey('Kết quả nổi bật')).toBe('results');
    expect(narrativeKey('Ghi chú')).toBe('other');
  });
});

describe('CLI consolidate', () => {
  it('prints exactly the DESIGN §5 keys (extras beside them) and exits 2 without --plan', async () => {
    const f = await setupPlan(app);
    await submitS1(f);
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
    const code = await runCli(['consolidate', '--plan', String(f.plan.id), '--json', '--db', app.ctx.dbFile], io);
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    const json = JSON.parse(out[0]!) as Record<string, unknown> & { indicators: Record<string, unknown>[] };
    for (const k of ['expected', 'submitted', 'onTime', 'late', 'missing', 'indicators']) expect(json).toHaveProperty(k);
    expect(json).toMatchObject({
      expected: 5,
      submitted: 4,
      onTime: 3,
      late: 1,
      missing: [{ code: 'TM01', name: 'Công đoàn Chợ Hà Lam' }],
    });
    expect(json.indicators[0]).toMatchObject({
      code: 'CT01',
      label: 'Số buổi tuyên truyền, phổ biến pháp luật',
      unit: 'buổi',
      target: 10,
      total: 19,
    });
    for (const i of json.indicators) for (const k of ['code', 'label', 'unit', 'target', 'total']) expect(i).toHaveProperty(k);
    expect(await runCli(['consolidate', '--json', '--db', app.ctx.dbFile], { out: () => {}, err: () => {} })).toBe(2);
    expect(
      await runCli(['consolidate', '--plan', '999', '--json', '--db', app.ctx.dbFile], { out: () => {}, err: (s) => err.push(s) }),
    ).toBe(1);
    expect(err.join('')).toMatch(/Không tìm thấy kế hoạch/);
  });
});
