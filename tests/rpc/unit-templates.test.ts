// Unit report templates (issues #13, #17): the unit named once, date left blank, the second measure named, each
// unit's own targets (by hand, split by members or equally, summing exactly) in its Chỉ tiêu column and blank where
// none; a stamped template keeps protection and hidden metadata and imports back exactly through the real import.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { fillTemplate, makeTestApp, type TestApp } from '../helpers/context';
import { parseReport } from '../../src-main/excel/report/parse-report';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

async function setup() {
  const a = await app.call('units.save', { code: 'GD01', name: 'Công đoàn Trường THCS Lê Lợi', members: 30 });
  const b = await app.call('units.save', { code: 'GD02', name: 'CĐCS Trường Tiểu học Kim Đồng', members: 70 });
  const c = await app.call('units.save', { code: 'YT01', name: 'Trạm Y tế xã Bình An & <Phước> _x0041_', members: 0 });
  const cat = await app.call('indicators.list', {});
  const byCode = (code: string) => cat.find((i) => i.code === code)!;
  const plan = await app.call('plans.save', {
    title: 'Phối hợp làm công tác dân vận đợt II/2023',
    status: 'dang_thuc_hien',
    reportDueOn: '2023-12-31',
    periodLabel: 'Đợt II/2023',
    targets: [
      { indicatorId: byCode('CT01').id, min: 10 },
      { indicatorId: byCode('CT08').id, min: 1, scope: 'per_unit' },
      { indicatorId: byCode('CT25').id, min: 150 },
    ],
    assignment: 'all_base',
  });
  return { a, b, c, plan, ct01: byCode('CT01').id, ct08: byCode('CT08').id, ct25: byCode('CT25').id };
}

async function sheetOf(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return { wb, ws: wb.getWorksheet('Báo cáo')! };
}

/** Row label (column B) -> Chỉ tiêu cell (column D) value. */
function targetColumn(ws: ExcelJS.Worksheet): Map<string, unknown> {
  const out = new Map<string, unknown>();
  ws.eachRow((r) => {
    if (typeof r.getCell(1).value === 'number') out.set(String(r.getCell(2).value), r.getCell(4).value);
  });
  return out;
}

async function perUnit(planId: number, unitIds: number[]) {
  const out = await app.call('reports.templates', { planId, unitIds, zip: true });
  const entries = unzipSync(out.bytes);
  const byCode = new Map(Object.entries(entries).map(([n, b]) => [n.split('-')[2]!.replace(/\.xlsx$/, ''), { name: n, bytes: b }]));
  return byCode;
}

describe('unit templates', () => {
  it('names the unit once in the header, leaves the date blank and names the second measure', async () => {
    const { a, b, plan } = await setup();
    const files = await perUnit(plan.id, [a.id, b.id]);
    const { ws } = await sheetOf(files.get('GD01')!.bytes);
    expect(ws.getCell(2, 1).value).toBe('CÔNG ĐOÀN TRƯỜNG THCS LÊ LỢI');
    const other = (await sheetOf(files.get('GD02')!.bytes)).ws;
    expect(other.getCell(2, 1).value).toBe('CĐCS TRƯỜNG TIỂU HỌC KIM ĐỒNG');
    const texts: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    expect(texts.find((t) => /ngày/.test(t))).toMatch(/ngày \.+ tháng \.+ năm \.+/);
    expect(texts).toContain('- Trị giá (triệu đồng)');
    expect(texts).toContain('- Số lượng (lượt người)');
    expect(texts.join('|')).not.toMatch(/thứ hai/);
  });

  it('splits a plan target by members and equally (parts sum exactly), takes hand targets, and fills each unit its own', async () => {
    const { a, b, c, plan, ct01, ct08, ct25 } = await setup();
    // members 30/70/0 of 150 -> 45/105/0
    const g1 = await app.call('unitTargets.split', { planId: plan.id, indicatorId: ct25, by: 'members' });
    const of = (g: typeof g1, unit: number, ind: number) => g.cells.find((x) => x.unitId === unit && x.indicatorId === ind)?.target;
    expect([of(g1, a.id, ct25), of(g1, b.id, ct25), of(g1, c.id, ct25)]).toEqual([45, 105, 0]);
    expect(g1.indicators.find((i) => i.indicatorId === ct25)?.assigned).toBe(150);
    // 10 among 3 equally: 4 + 3 + 3, never 3.33 each
    const g2 = await app.call('unitTargets.split', { planId: plan.id, indicatorId: ct01, by: 'equal' });
    const parts = [a.id, b.id, c.id].map((u) => of(g2, u, ct01)!);
    expect(parts.reduce((s, x) => s + x, 0)).toBe(10);
    expect(parts.every((p) => Number.isInteger(p) && p >= 3 && p <= 4)).toBe(true);
    // by hand: one unit's CT01 changed, another's cleared
    const g3 = await app.call('unitTargets.save', {
      planId: plan.id,
      cells: [
        { unitId: a.id, indicatorId: ct01, target: 6 },
        { unitId: c.id, indicatorId: ct01, target: null },
      ],
    });
    expect(of(g3, a.id, ct01)).toBe(6);
    expect(of(g3, c.id, ct01)).toBeUndefined();
    // a plan target set "per unit" cannot be split
    await expect(app.call('unitTargets.split', { planId: plan.id, indicatorId: ct08, by: 'equal' })).rejects.toThrow(/mỗi đơn vị/);

    const files = await perUnit(plan.id, [a.id, b.id, c.id]);
    const colA = targetColumn((await sheetOf(files.get('GD01')!.bytes)).ws);
    expect(colA.get('Số buổi tuyên truyền, phổ biến pháp luật')).toBe(6);
    expect(colA.get('Hiến máu tình nguyện')).toBe(45);
    expect(colA.get('Nhà "Mái ấm Công đoàn" xây mới')).toBe(1); // the plan's per-unit target
    const colC = targetColumn((await sheetOf(files.get('YT01')!.bytes)).ws);
    expect(colC.get('Số buổi tuyên truyền, phổ biến pháp luật')).toBeNull(); // none: blank, not the district's 10
    expect(colC.get('Hiến máu tình nguyện')).toBe(0);
    // the generic template never shows the district total as a unit's target
    const generic = targetColumn(
      (await sheetOf((await app.call('reports.templates', { planId: plan.id, unitIds: null, zip: false })).bytes)).ws,
    );
    expect(generic.get('Hiến máu tình nguyện')).toBe('');
    expect(generic.get('Nhà "Mái ấm Công đoàn" xây mới')).toBe(1);
  });

  it('refuses to split by members when a unit has no member count, naming it', async () => {
    await app.call('units.save', { code: 'X01', name: 'Công đoàn Xã Tân Hoà' });
    const { plan, ct25 } = await setup();
    const p = await app.call('plans.get', { id: plan.id });
    expect(p.unitIds.length).toBeGreaterThanOrEqual(3);
    await expect(app.call('unitTargets.split', { planId: plan.id, indicatorId: ct25, by: 'members' })).rejects.toThrow(
      /Xã Tân Hoà.*chia đều/,
    );
  });

  it('keeps protection and the hidden metadata, and a stamped template imports back exactly (values, unit from _meta)', async () => {
    const { a, c, plan, ct25 } = await setup();
    await app.call('unitTargets.split', { planId: plan.id, indicatorId: ct25, by: 'members' });
    const files = await perUnit(plan.id, [a.id, c.id]);
    const yt = files.get('YT01')!;
    const parts = unzipSync(yt.bytes);
    const sheets = Object.keys(parts).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    // the table and the narrative sheets stay protected (the hidden _meta is not a user sheet)
    expect(sheets.filter((n) => strFromU8(parts[n]!).includes('<sheetProtection')).length).toBe(2);
    expect(strFromU8(parts['xl/worksheets/sheet1.xml']!)).toContain('<sheetProtection');
    const { wb, ws } = await sheetOf(yt.bytes);
    expect(wb.getWorksheet('_meta')?.state).toBe('veryHidden');
    const name = 'Trạm Y tế xã Bình An & <Phước> _x0041_';
    expect(ws.getCell(2, 1).value).toBe(`CÔNG ĐOÀN ${name.toLocaleUpperCase('vi')}`);
    expect(ws.getCell(5, 5).protection?.locked).not.toBe(false); // layout cells stay locked

    const parsed = await parseReport(yt.bytes, yt.name);
    expect(parsed.template).toMatchObject({ planId: String(plan.id), unitCode: 'YT01' });
    expect(parsed.unitName).toBe(name);
    expect(parsed.rows.filter((r) => r.code === 'CT25').map((r) => r.target)).toEqual([0]);

    const filled = await fillTemplate(files.get('GD01')!.bytes, { 'Số buổi': 3, 'Nhà "Mái ấm': 2, 'Hiến máu': 40 });
    const f = { name: 'bc.xlsx', bytes: filled, lastModified: Date.parse('2023-12-30T03:00:00Z') };
    const pre = await app.call('reports.preview', { planId: plan.id, files: [f] });
    expect(pre.files[0]).toMatchObject({ status: 'new', unit: { code: 'GD01' }, unitSure: true, template: true });
    const done = await app.call('reports.commit', { planId: plan.id, files: [{ file: f, unitId: a.id, receivedOn: '2023-12-30' }] });
    const detail = await app.call('reports.get', { reportId: done.files[0]!.reportId! });
    expect(detail.values.map((v) => [v.code, v.value])).toEqual([
      ['CT01', 3],
      ['CT08', 2],
      ['CT25', 40],
    ]);
    // the unit's report is judged against its own target where it has one (45 of 150 by members), else the plan's
    expect(detail.values.find((v) => v.code === 'CT25')?.target).toEqual({ min: 45, max: null, text: null, scope: 'per_unit' });
    expect(detail.values.find((v) => v.code === 'CT01')?.target).toMatchObject({ min: 10, scope: 'total' });
  });
});
