// CLI `templates --plan ID --out FILE.zip --json`: one stamped workbook per assigned unit, each recognised by the
// report reader as that unit's; usage errors exit 2, a plan without units exits 1 with a Vietnamese message.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { makeTestApp, type TestApp } from '../helpers/context';
import { cli, tempDirs } from '../helpers/cli';
import { parseReport } from '../../src-main/excel/report/parse-report';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());
const tmp = tempDirs('cli-templates-');

describe('cli templates', () => {
  it('writes one workbook per assigned unit into the zip, with its own targets', async () => {
    await app.call('units.save', { code: 'GD01', name: 'Công đoàn Trường THCS Lê Lợi', members: 20 });
    await app.call('units.save', { code: 'YT01', name: 'Công đoàn Trạm Y tế xã Bình An', members: 60 });
    const ct25 = (await app.call('indicators.list', {})).find((i) => i.code === 'CT25')!.id;
    const plan = await app.call('plans.save', {
      title: 'Dân vận đợt II/2023',
      status: 'dang_thuc_hien',
      targets: [{ indicatorId: ct25, min: 100 }],
      assignment: 'all_base',
    });
    await app.call('unitTargets.split', { planId: plan.id, indicatorId: ct25, by: 'members' });
    const out = join(tmp(), 'mau.zip');
    const r = await cli('templates', '--plan', String(plan.id), '--out', out, '--json', '--db', app.ctx.dbFile);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { units: number; files: string[]; file: string };
    expect(json.units).toBe(2);
    expect(json.file).toBe(out);
    const entries = unzipSync(new Uint8Array(readFileSync(out)));
    expect(Object.keys(entries).sort()).toEqual([...json.files].sort());
    const seen: [string | null | undefined, unknown][] = [];
    for (const [name, bytes] of Object.entries(entries)) {
      const p = await parseReport(bytes, name);
      seen.push([p.template?.unitCode, p.rows.find((x) => x.code === 'CT25')?.target]);
    }
    expect(seen.sort()).toEqual([
      ['GD01', 25],
      ['YT01', 75],
    ]);
  });

  it('exits 2 without --out FILE.zip and 1 for a plan without units', async () => {
    expect((await cli('templates', '--plan', '1', '--db', app.ctx.dbFile)).code).toBe(2);
    const ct01 = (await app.call('indicators.list', {})).find((i) => i.code === 'CT01')!.id;
    const plan = await app.call('plans.save', { title: 'Kế hoạch trống', targets: [{ indicatorId: ct01, min: 1 }], assignment: 'picked' });
    const r = await cli('templates', '--plan', String(plan.id), '--out', join(tmp(), 'x.zip'), '--db', app.ctx.dbFile);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/chưa có đơn vị/);
  });
});
