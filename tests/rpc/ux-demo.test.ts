// The demo database (issue #14): "Dùng thử với dữ liệu mẫu" opens a separate file beside the real one, generated
// by code (units, a plan, imported reports, models), and one call goes back; the two never mix.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/context';
import { demoFileOf, realFileOf } from '../../src-main/features/demo';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());
const unitsIn = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT code FROM units ORDER BY code').all() as { code: string }[]).map((r) => r.code);
  } finally {
    db.close();
  }
};

it('names the demo file beside the real one, and back', () => {
  expect(demoFileOf('/d/dan-van.sqlite')).toBe('/d/dan-van-demo.sqlite');
  expect(demoFileOf('/d/dan-van-demo.sqlite')).toBe('/d/dan-van-demo.sqlite');
  expect(realFileOf('/d/dan-van-demo.sqlite')).toBe('/d/dan-van.sqlite');
  expect(realFileOf('/d/dan-van.sqlite')).toBe('/d/dan-van.sqlite');
});

it('enters the sample data (generated once), leaves it, and never mixes it with the real data', async () => {
  expect(await app.call('demo.status', {})).toEqual({ active: false, realEmpty: true });
  const real = app.ctx.dbFile;
  expect((await app.call('demo.enter', {})).active).toBe(true);
  expect(app.ctx.dbFile).toBe(join(app.dir, 'test-demo.sqlite'));
  expect(existsSync(join(app.dir, 'test-demo.sqlite'))).toBe(true);
  const units = await app.call('units.list', {});
  expect(units).toHaveLength(12);
  const plans = await app.call('plans.list', {});
  expect(plans).toHaveLength(1);
  const list = await app.call('reports.list', { planId: plans[0]!.id });
  expect(list.map((r) => r.state).sort()).toEqual([...Array(7).fill('on_time'), 'late', ...Array(4).fill('missing')].sort());
  expect((await app.call('models.list', { year: null })).length).toBe(8);
  expect((await app.call('settings.get', {})).ownOrg).toBe('LIÊN ĐOÀN LAO ĐỘNG HUYỆN MẪU');
  expect(unitsIn(real)).toEqual([]); // the real file is untouched

  expect(await app.call('demo.leave', {})).toEqual({ active: false, realEmpty: true });
  expect(app.ctx.dbFile).toBe(real);
  expect(await app.call('units.list', {})).toEqual([]);
  await app.call('units.save', { code: 'TT01', name: 'Công đoàn Trường Tiểu học Thật' });
  expect((await app.call('demo.status', {})).realEmpty).toBe(false);

  // back in: the same sample data, not generated twice, and without the real unit
  await app.call('demo.enter', {});
  const again = await app.call('units.list', {});
  expect(again).toHaveLength(12);
  expect(again.some((u) => u.code === 'TT01')).toBe(false);
  await app.call('demo.leave', {});
  expect((await app.call('units.list', {})).map((u) => u.code)).toEqual(['TT01']);
});

it('the sample data is made on any day of the year (no step or recognition dated after today)', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { createContext } = await import('../../src-main/runtime/create-context');
  const { enterDemo } = await import('../../src-main/features/demo');
  const dir = mkdtempSync(join(tmpdir(), 'danvan-demo-'));
  const ctx = createContext({
    mode: 'test',
    dbFile: join(dir, 'dan-van.sqlite'),
    version: 'test',
    now: () => new Date('2027-02-01T03:00:00Z'),
  });
  try {
    expect((await enterDemo(ctx)).active).toBe(true);
    expect((ctx.db.prepare('SELECT COUNT(*) AS n FROM models').get() as { n: number }).n).toBe(8);
    const latest = ctx.db.prepare('SELECT MAX(reached_on) AS d FROM model_steps').get() as { d: string };
    expect(latest.d <= '2027-02-01').toBe(true);
  } finally {
    ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
