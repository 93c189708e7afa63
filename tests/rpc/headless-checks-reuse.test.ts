// The one-pass import (CLI, bench) checks each value once, in its analysis, and its commit uses those findings
// instead of checking again: what it stores (values, statuses, the issues kept with each report) must be exactly
// what the app's commit stores for the same files, which checks the values itself. Odd values of every kind:
// blocking (a đồng amount in a triệu đồng cell, a negative count) and warnings only (far above the target).
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/context';
import { importHeadless } from '../../src-main/features/report-import/one-pass';
import { commitBatch } from '../../src-main/features/report-import/commit';
import { filledTemplate, moneyPlan } from '../helpers/test-plans';

const apps: TestApp[] = [];
afterEach(() => apps.splice(0).forEach((a) => a.close()));

const ON = Date.parse('2024-12-20T03:00:00Z');

/** The same data in a fresh app: 8 units, a plan, and a first batch of 5 ordinary reports (the peers). */
async function world() {
  const app = makeTestApp();
  apps.push(app);
  const units: { id: number; code: string }[] = [];
  for (let i = 1; i <= 8; i++) units.push(await app.call('units.save', { code: `DV${i}`, name: `Công đoàn Trường Tiểu học số ${i}` }));
  const { plan } = await moneyPlan(app, 'Kế hoạch kiểm tra một lần');
  const filled = async (k: number, buoi: number, kp: number) => {
    return {
      name: `bc-${units[k]!.code}-${buoi}-${kp}.xlsx`,
      bytes: await filledTemplate(app, plan.id, units[k]!.id, { 'Số buổi': buoi, 'Kinh phí vận động': kp }),
      lastModified: ON,
    };
  };
  const first = [];
  for (let k = 0; k < 5; k++) first.push(await filled(k, 3 + k, 40 + 5 * k));
  const r = await importHeadless(app.ctx, plan.id, first, false);
  expect(r.files.every((f) => f.status === 'imported')).toBe(true);
  const second = [
    await filled(5, 4, 600), // far above the target: a warning, stored
    await filled(6, 3, 45_500_000), // đồng in a triệu đồng cell: held back until confirmed
    await filled(7, -3, 55), // a negative count: held back
    await filled(0, 40, 700), // a new version, far above on both
  ];
  return { app, plan, units, second };
}

/** What the database keeps of the plan's reports (timestamps and the bytes' hash aside: each app writes its own files). */
function stored(app: TestApp, planId: number) {
  return {
    reports: app.ctx.db
      .prepare('SELECT unit_id, version, status, received_on, file_name, issues FROM reports WHERE plan_id = ? ORDER BY id')
      .all(planId),
    values: app.ctx.db
      .prepare(
        `SELECT r.unit_id, r.version, v.indicator_id, v.value_num, v.value_text, v.value2_num, v.source_cell
         FROM report_values v JOIN reports r ON r.id = v.report_id WHERE r.plan_id = ? ORDER BY r.id, v.indicator_id`,
      )
      .all(planId),
  };
}

describe('the one-pass import checks each value once', () => {
  it('stores exactly what the app commit stores for the same files', async () => {
    const one = await world();
    const headless = await importHeadless(one.app.ctx, one.plan.id, one.second, false);
    const two = await world();
    await commitBatch(
      two.app.ctx,
      two.plan.id,
      two.second.map((f) => ({
        file: f,
        unitId: two.units.find((u) => f.name.includes(`-${u.code}-`))!.id,
        receivedOn: '2024-12-20',
        channel: 'file',
        mapping: [],
        remember: false,
      })),
    );
    const a = stored(one.app, one.plan.id);
    expect(a).toEqual(stored(two.app, two.plan.id));
    // the case is what it says: warnings kept, odd values left out
    const kept = (a.reports as { issues: string }[]).slice(5).map((r) => r.issues);
    expect(kept.join('\n')).toMatch(/Chưa lưu giá trị này/);
    expect(headless.files.map((f) => f.status)).toEqual(['imported', 'imported', 'imported', 'superseded']);
    expect(headless.files.flatMap((f) => f.issues).some((i) => (i as { rule?: string }).rule === 'far_above_target')).toBe(true);
  }, 60_000);
});
