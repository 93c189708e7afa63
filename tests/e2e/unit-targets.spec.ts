// Per-unit targets e2e: in the plan screen split a plan-wide target by members (and another equally), see each
// unit's number and the sum equal to the plan target, type one by hand, then download the unit templates and find
// each unit's own number in its template's Chỉ tiêu column (blank where it has none).
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { test, expect } from './fixtures';
import { call, iso } from './report-batch';
import { parseReport } from '../../src-main/excel/report/parse-report';

const UNITS: [string, string, number][] = [
  ['U01', 'Công đoàn Trường Tiểu học Kim Đồng', 10],
  ['U02', 'CĐCS Trường Mầm non Hoa Sen', 20],
  ['U03', 'Công đoàn Trung tâm Y tế huyện', 30],
  ['U04', 'Công đoàn Công ty TNHH May Việt Thắng', 40],
];

test('split a target by members, see the numbers, download templates with each unit its own', async ({ app, page }) => {
  test.setTimeout(90_000);
  for (const [code, name, members] of UNITS) await call(app.ctx, 'units.save', { code, name, members });
  const cat = await call(app.ctx, 'indicators.list', {});
  const ind = (c: string) => cat.find((i) => i.code === c)!;
  const plan = await call(app.ctx, 'plans.save', {
    number: '25/KH-LĐLĐ',
    title: 'Phối hợp làm công tác dân vận đợt II',
    periodLabel: 'Đợt II',
    status: 'dang_thuc_hien',
    reportDueOn: iso(10),
    assignment: 'all_base',
    targets: [
      { indicatorId: ind('CT25').id, min: 100 },
      { indicatorId: ind('CT01').id, min: 7 },
      { indicatorId: ind('CT08').id, min: 5 },
    ],
  });

  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open(`#/plans?id=${plan.id}`);
  const dialog = page.getByRole('dialog', { name: 'Kế hoạch 25/KH-LĐLĐ' });
  await dialog.getByTestId('toggle-unit-targets').click();
  const grid = dialog.getByTestId('unit-targets');
  await expect(grid.getByTestId('ut-sum-CT25')).toHaveText('Đã giao: —');

  await grid.getByTestId('ut-split-members-CT25').click();
  await expect(grid.getByTestId('ut-sum-CT25')).toHaveText('Đã giao: 100');
  for (const [code, , members] of UNITS) await expect(grid.getByTestId(`ut-${code}-CT25`)).toHaveValue(String(members));

  await grid.getByTestId('ut-split-equal-CT01').click();
  await expect(grid.getByTestId('ut-sum-CT01')).toHaveText('Đã giao: 7');
  const equal = await Promise.all(UNITS.map(([code]) => grid.getByTestId(`ut-${code}-CT01`).inputValue()));
  expect(equal.map(Number).sort()).toEqual([1, 2, 2, 2]);

  // by hand: U04 gets 3 for CT08 (no split there), a wrong entry is told at the cell
  await grid.getByTestId('ut-U04-CT08').fill('ba');
  await grid.getByTestId('ut-U04-CT08').press('Tab');
  await expect(grid.getByRole('alert')).toContainText('không phải là số');
  await expect(grid.getByTestId('ut-U04-CT08')).toHaveAttribute('aria-invalid', 'true');
  await grid.getByTestId('ut-U04-CT08').fill('3');
  await grid.getByTestId('ut-U04-CT08').press('Tab');
  await expect(grid.getByTestId('ut-sum-CT08')).toHaveText('Đã giao: 3');
  await expect(grid.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/shots-templates/unit-targets-1366.png' });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: '/tmp/shots-templates/unit-targets-1920.png' });

  // download the templates from the reports page, as staff do
  await app.open(`#/reports?plan=${plan.id}`);
  await page.getByTestId('open-templates').click();
  const tdialog = page.getByRole('dialog', { name: 'Tải mẫu báo cáo cho đơn vị' });
  await page.screenshot({ path: '/tmp/shots-templates/templates-dialog-1920.png' });
  const [download] = await Promise.all([page.waitForEvent('download'), tdialog.getByTestId('download-templates').click()]);
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  const seen = new Map<string, Record<string, unknown>>();
  for (const [name, bytes] of Object.entries(files)) {
    const p = await parseReport(bytes, name);
    seen.set(
      p.template!.unitCode!,
      Object.fromEntries(p.rows.filter((r) => r.code && !r.code.endsWith('#2')).map((r) => [r.code, r.target])),
    );
  }
  expect(seen.get('U01')).toEqual({ CT25: 10, CT01: expect.any(Number), CT08: null });
  expect(seen.get('U04')).toEqual({ CT25: 40, CT01: expect.any(Number), CT08: 3 });
  expect([...seen.values()].reduce((s, t) => s + (t.CT01 as number), 0)).toBe(7);
});
