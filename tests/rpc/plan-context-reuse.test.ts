// The plan context of an import (units register, indicators, the values so far) is built once per data version: a
// preview, the single-file previews of the mapping screen and the commit share it, and any write makes a fresh one
// (a unit added a moment ago is known to the next preview).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/context';
import { ct01Plan } from '../helpers/test-plans';
import { loadPlanContext } from '../../src-main/features/report-import/context';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

async function planWithUnit() {
  await app.call('units.save', { code: 'A1', name: 'Công đoàn trường Mầm non Hoa Sen' });
  const plan = await ct01Plan(app, 'Kế hoạch thử bối cảnh nhập');
  return { plan };
}

describe('the plan context of an import', () => {
  it('is reused while the data is unchanged and built again after any write', async () => {
    const { plan } = await planWithUnit();
    const first = loadPlanContext(app.ctx.db, plan.id);
    expect(loadPlanContext(app.ctx.db, plan.id)).toBe(first);
    await app.call('units.save', { code: 'B2', name: 'Công đoàn Trạm Y tế xã Bình An' });
    const after = loadPlanContext(app.ctx.db, plan.id);
    expect(after).not.toBe(first);
    expect(after.units.units.map((u) => u.code)).toContain('B2');
  });
});
