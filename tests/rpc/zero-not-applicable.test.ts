// Zero, nothing, not applicable: blank = not reported; "-", "—", "không" = 0 (said in the preview); "x", "/", "không áp
// dụng" = not applicable: neither 0 nor missing. Consolidation says per indicator how many units reported it and how
// many said not applicable (CLI consolidate: reportedBy, notApplicable).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/context';
import { setupPlan } from './consolidation-fixture';
import { cli } from '../helpers/cli';
import { classifyBlankWord } from '../../src-main/text/blank-words';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

describe('words that mean zero or not applicable', () => {
  it('classifies the words offices write', () => {
    for (const w of ['-', '—', '–', 'không', 'Không', 'ko', 'không có', '0']) expect(classifyBlankWord(w), w).toBe('zero');
    for (const w of ['x', 'X', '/', 'không áp dụng', 'Không áp dụng', 'KAD', 'N/A', 'n/a', 'k/a'])
      expect(classifyBlankWord(w), w).toBe('na');
    for (const w of ['', 'có', 'nt', '-"-', '12', 'xã', 'không rõ']) expect(classifyBlankWord(w), w).toBeNull();
  });

  it('imports "-" as 0 (said), "x" as not applicable; consolidation counts them apart', async () => {
    const f = await setupPlan(app); // CT01 sum, target 10; units 0..4
    await f.submit(0, '2023-12-30', { CT01: 3 });
    await f.submit(1, '2023-12-30', { CT01: '-' });
    await f.submit(2, '2023-12-30', { CT01: 'x' });
    await f.submit(3, '2023-12-30', { CT01: 'không áp dụng' });
    // the preview says what "-" and "x" were taken to mean
    const list = await app.call('reports.list', { planId: f.plan.id });
    const detail = async (i: number) => app.call('reports.get', { reportId: list.find((r) => r.unit.id === f.units[i]!.id)!.report!.id });
    const d1 = await detail(1);
    expect(d1.values.find((v) => v.code === 'CT01')!.value).toBe(0);
    expect(d1.issues.map((i) => i.message).join('\n')).toMatch(/'-'.*hiểu là 0/);
    const d2 = await detail(2);
    expect(d2.values.find((v) => v.code === 'CT01')!.value).toBe('không áp dụng');
    expect(d2.issues.map((i) => i.message).join('\n')).toMatch(/'x'.*không áp dụng/);
    expect(d2.issues.every((i) => i.severity !== 'error')).toBe(true);

    const c = await app.call('consolidation.get', { planId: f.plan.id });
    const ct01 = c.indicators.find((i) => i.code === 'CT01')!;
    expect([ct01.total, ct01.reporting, ct01.notApplicable]).toEqual([3, 2, 2]);
    expect(ct01.texts).toEqual([]);
    app.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const r = await cli('consolidate', '--plan', String(f.plan.id), '--json', '--db', app.ctx.dbFile);
    const j = JSON.parse(r.out) as { indicators: { code: string; reportedBy: number; notApplicable: number }[] };
    expect(j.indicators.find((i) => i.code === 'CT01')).toMatchObject({ reportedBy: 2, notApplicable: 2 });
  });
});
