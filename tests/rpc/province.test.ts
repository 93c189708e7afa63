// The province level (issue #18): 5 district offices × 20 base unions, each district's upward package imported by
// the province database. Round trip exact for both measures; each kind of wrong package refused or held with the
// totals unchanged; same content twice is a duplicate; the default assignment expects the districts.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { cli, tempDirs } from '../helpers/cli';
import mammoth from 'mammoth';
import { importHeadless } from '../../src-main/features/report-import/one-pass';
import {
  CODES,
  districtCode,
  unitValues,
  generateProvince,
  makeDistrict,
  makeProvince,
  type District,
  type Province,
} from '../helpers/province-gen';

const tmp = tempDirs('danvan-province-');
const D = 5;
const U = 20;
let gen: Awaited<ReturnType<typeof generateProvince>>;
let districts: District[];
let prov: Province;

beforeAll(async () => {
  gen = await generateProvince(D, U);
  districts = gen.districts;
  gen.province.app.close();
}, 240_000);
afterAll(() => {
  for (const d of districts ?? []) d.app.close();
});
beforeEach(async () => {
  prov = await makeProvince(D);
});
afterEach(() => prov.app.close());

const importFiles = (files: { name: string; bytes: Uint8Array; lastModified?: number }[]) =>
  importHeadless(prov.app.ctx, prov.planId, files, false);
const importAll = () => importFiles(districts.map((d) => ({ ...d.pkg, lastModified: Date.parse('2025-12-13T09:00:00+07:00') })));
const totals = async () => {
  const c = await prov.app.call('consolidation.get', { planId: prov.planId });
  return { submitted: c.submitted, byCode: Object.fromEntries(c.indicators.map((i) => [i.code, [i.total, i.total2]])) };
};
const sum = (k: string) => Math.round(districts.reduce((a, d) => a + d.expect[k]!, 0) * 1000) / 1000;

async function edit(bytes: Uint8Array, change: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  change(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
/** Row of the report sheet holding an indicator code (from _meta). */
const rowOf = (wb: ExcelJS.Workbook, code: string): number => {
  let row = 0;
  wb.getWorksheet('_meta')!.eachRow((r) => {
    if (r.getCell(1).value === 'row' && r.getCell(3).value === code) row = Number(r.getCell(2).value);
  });
  return row;
};

describe('province setup', () => {
  it('a province plan on the default assignment expects its districts (units of kind "công đoàn cấp trên")', async () => {
    const t = await prov.app.call('tracking.get', { planId: prov.planId });
    expect(t.expected).toBe(D);
    expect(t.rows.map((r) => r.unit.code).sort()).toEqual(districts.map((d) => d.code).sort());
  });
});

describe('province report wording', () => {
  it('names the districts by their kind, not by free text typed in Settings ("Các lĐLĐ huyện")', async () => {
    await importAll();
    const doc = await prov.app.call('consolidation.exportDocx', { planId: prov.planId, date: '2025-12-20' });
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(doc.bytes) })).value.normalize('NFC');
    expect(text).toContain('Các công đoàn cấp trên trực tiếp cơ sở trực thuộc');
    expect(text).not.toMatch(/lĐLĐ/);
    expect(text).toMatch(new RegExp(`Có ${D}/${D} đơn vị báo cáo`));
  });

  it('the reminder letter to missing districts names them by kind too', async () => {
    const letter = await prov.app.call('reminders.letter', {
      planId: prov.planId,
      number: '12/LĐLĐ',
      date: '2025-12-16',
      unitIds: null,
      newDueOn: null,
      record: false,
    });
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(letter.file.bytes) })).value.normalize('NFC');
    expect(text).toContain('Ban Chấp hành các công đoàn cấp trên trực tiếp cơ sở có tên dưới đây');
    expect(text).not.toMatch(/lđlđ huyện/);
  });
});

describe('upward packages at the province', () => {
  it('round trip: every district imported, totals exact for both measures (money to three decimals)', async () => {
    const res = await importAll();
    expect(res.files.map((f) => [f.unitCode, f.status])).toEqual(districts.map((d) => [d.code, 'imported']));
    const t = await totals();
    expect(t.submitted).toBe(D);
    for (const c of CODES) expect(t.byCode[c]![0]).toBe(sum(c));
    expect(t.byCode.CT08![1]).toBe(sum('CT08#2'));
    expect(t.byCode.CT25![1]).toBe(sum('CT25#2'));
  });

  it("another district's code: refused with a reason, nobody replaced, totals unchanged", async () => {
    await importAll();
    const before = await totals();
    const d0 = districts[0]!;
    const wrong = await d0.app.call('consolidation.upwardPackage', {
      planId: d0.planId,
      unitCode: districtCode(1),
      unitName: d0.name,
      number: '99/BC-LĐLĐ',
      date: '2025-12-14',
    });
    const res = await importFiles([{ name: wrong.name, bytes: wrong.bytes }]);
    expect(res.files[0]).toMatchObject({ status: 'error', unitCode: districtCode(1) });
    expect(res.files[0]!.issues.at(-1)!.message).toMatch(/mã và tên không khớp/);
    expect(await totals()).toEqual(before);
    // the remembered identity is put back for the other tests
    await d0.app.call('consolidation.upwardPackage', { planId: d0.planId, unitCode: d0.code, unitName: d0.name });
  });

  it('another period: a 6-month package is refused by the year plan, totals unchanged', async () => {
    await importAll();
    const before = await totals();
    const half = await makeDistrict(2, 3, {
      periodLabel: '6 tháng đầu năm 2025',
      startsOn: '2025-01-01',
      endsOn: '2025-06-30',
      reportDueOn: '2025-06-20',
    });
    try {
      const res = await importFiles([half.pkg]);
      expect(res.files[0]).toMatchObject({ status: 'error' });
      expect(res.files[0]!.issues.at(-1)!.message).toMatch(/không khớp kỳ của kế hoạch này/);
      expect(await totals()).toEqual(before);
    } finally {
      half.app.close();
    }
  });

  it('edited after export: held as "đã bị sửa sau khi xuất", not counted; used only on purpose (audited), then counted as edited', async () => {
    const d = districts[3]!;
    const edited = await edit(d.pkg.bytes, (wb) => {
      const cell = wb.getWorksheet('Báo cáo')!.getCell(rowOf(wb, 'CT01'), 5);
      cell.value = Number(cell.value) + 100;
    });
    await importFiles(districts.filter((x) => x !== d).map((x) => x.pkg));
    const before = await totals();
    const res = await importFiles([{ name: 'sua-tay.xlsx', bytes: edited }]);
    expect(res.files[0]).toMatchObject({ status: 'held', unitCode: d.code });
    expect(res.files[0]!.issues[0]!.message).toMatch(/đã bị sửa sau khi xuất/);
    expect(await totals()).toEqual(before);
    const held = prov.app.ctx.db.prepare("SELECT id FROM reports WHERE status = 'held'").get() as { id: number };
    await prov.app.call('reports.decideHeld', { reportId: held.id, action: 'activate' });
    const after = await totals();
    expect(after.byCode.CT01![0]).toBe((before.byCode.CT01![0] as number) + d.expect.CT01! + 100);
    const audit = prov.app.ctx.db.prepare("SELECT action FROM audit_log WHERE action = 'report.package_edited'").all();
    expect(audit).toHaveLength(1);
    // the province view marks that district's report as edited, and only that one
    const view = await prov.app.call('province.overview', { planId: prov.planId });
    expect(view.districts.filter((x) => x.edited).map((x) => x.unit.code)).toEqual([d.code]);
    expect(
      (await prov.app.call('province.district', { planId: prov.planId, unitId: view.districts.find((x) => x.edited)!.unit.id })).edited,
    ).toBe(true);
  });

  it('a total cell turned into a formula with an empty cached result: held as edited, flagged at its cell, totals unchanged', async () => {
    const d = districts[2]!;
    let at = '';
    const bad = await edit(d.pkg.bytes, (wb) => {
      const cell = wb.getWorksheet('Báo cáo')!.getCell(rowOf(wb, 'CT25'), 5);
      cell.value = { formula: 'SUM(Z1:Z3)', result: '' } as ExcelJS.CellFormulaValue;
      at = cell.address;
    });
    const res = await importFiles([{ name: 'cong-thuc.xlsx', bytes: bad }]);
    expect(res.files[0]!.status).toBe('held');
    // (other findings may sit at the same cell: the formula one must be among them)
    expect(
      res.files[0]!.issues.filter((i) => i.cell === at)
        .map((i) => i.message)
        .join(' | '),
    ).toMatch(/công thức/);
    expect((await totals()).submitted).toBe(0);
  });

  it('copied into a new workbook (no manifest): refused, second measures never silently dropped', async () => {
    const d = districts[4]!;
    const copy = await edit(d.pkg.bytes, (wb) => {
      wb.removeWorksheet(wb.getWorksheet('_manifest')!.id);
      wb.removeWorksheet(wb.getWorksheet('_meta')!.id);
    });
    // as in the app: the user picks the district by hand, the import still refuses
    const file = { name: `ban-chep-${d.code}.xlsx`, bytes: copy };
    const res = await prov.app.call('reports.commit', {
      planId: prov.planId,
      files: [{ file, unitId: prov.districtIds.get(d.code)!, receivedOn: '2025-12-13' }],
    });
    expect(res.files[0]).toMatchObject({ status: 'error' });
    expect(res.files[0]!.issues.at(-1)!.message).toMatch(/không có phần xác thực/);
    expect((await totals()).submitted).toBe(0);
    // an upper-level union filling our unit template for this plan still reports like a unit
    const tpl = await prov.app.call('reports.templates', {
      planId: prov.planId,
      unitIds: [prov.districtIds.get(districts[0]!.code)!],
      zip: false,
    });
    const filled = await edit(tpl.bytes, (wb) => {
      wb.getWorksheet('Báo cáo')!.getCell(rowOf(wb, 'CT01'), 5).value = 7;
    });
    const own = await importFiles([{ name: 'mau-don-vi.xlsx', bytes: filled }]);
    expect(own.files[0]).toMatchObject({ status: 'imported', unitCode: districts[0]!.code });
    // and the original, with its manifest, is read with both measures
    await importFiles([d.pkg]);
    expect((await totals()).byCode.CT08![1]).toBe(d.expect['CT08#2']);
    expect((await totals()).byCode.CT01![0]).toBe(7 + d.expect.CT01!);
  });

  it('the same content exported twice is a duplicate, not a version; the district stays on time', async () => {
    await importAll();
    const d = districts[1]!;
    const again = await d.app.call('consolidation.upwardPackage', {
      planId: d.planId,
      unitCode: d.code,
      unitName: d.name,
      number: `${41}/BC-LĐLĐ`,
      date: '2025-12-12',
    });
    expect(Buffer.from(again.bytes).equals(Buffer.from(d.pkg.bytes))).toBe(false);
    const res = await importFiles([{ name: 'gui-lai.xlsx', bytes: again.bytes, lastModified: Date.parse('2025-12-20T09:00:00+07:00') }]);
    expect(res.files[0]!.status).toBe('duplicate');
    const t = await prov.app.call('tracking.get', { planId: prov.planId });
    expect(t.rows.find((r) => r.unit.code === d.code)).toMatchObject({ state: 'on_time', version: 1 });
  });
});

describe('in the app', () => {
  it('the import preview says why before anything is stored: wrong code refused, edited held', async () => {
    const d0 = districts[0]!;
    const wrong = await d0.app.call('consolidation.upwardPackage', {
      planId: d0.planId,
      unitCode: districtCode(1),
      unitName: d0.name,
      date: '2025-12-14',
    });
    await d0.app.call('consolidation.upwardPackage', { planId: d0.planId, unitCode: d0.code, unitName: d0.name });
    const edited = await edit(districts[3]!.pkg.bytes, (wb) => {
      wb.getWorksheet('Chi tiết đơn vị')!.getCell('E5').value = 999;
    });
    const pv = await prov.app.call('reports.preview', {
      planId: prov.planId,
      files: [
        { name: wrong.name, bytes: wrong.bytes },
        { name: 'sua.xlsx', bytes: edited },
      ],
    });
    expect(pv.files.map((f) => f.status)).toEqual(['error', 'held']);
    expect(pv.files[0]!.reason).toMatch(/mã và tên không khớp/);
    expect(pv.files[1]!.reason).toMatch(/đã bị sửa sau khi xuất/);
    expect((await totals()).submitted).toBe(0);
  });

  it('the manifest carries issuer, plan, period, indicators and units, counts, time +07:00, hash, and the reserved signature fields', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(districts[0]!.pkg.bytes) as unknown as ArrayBuffer);
    const ms = wb.getWorksheet('_manifest')!;
    expect(ms.state).toBe('veryHidden');
    const kv = new Map<string, unknown>();
    ms.eachRow((r) => {
      const k = String(r.getCell(1).value);
      if (!kv.has(k)) kv.set(k, r.getCell(2).value);
    });
    expect(
      Object.fromEntries(
        ['format', 'issuerCode', 'planNumber', 'periodStart', 'periodEnd', 'indicator', 'detailUnits', 'expected'].map((k) => [
          k,
          kv.get(k),
        ]),
      ),
    ).toEqual({
      format: 'danvan-goi-bao-cao',
      issuerCode: districts[0]!.code,
      planNumber: '10/KH-LĐLĐ',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      indicator: 'CT01',
      detailUnits: U,
      expected: U,
    });
    expect(String(kv.get('createdAt'))).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    expect(String(kv.get('contentSha256'))).toMatch(/^[0-9a-f]{64}$/);
    for (const k of ['signatureAlg', 'signerKeyId', 'signature']) expect(kv.has(k)).toBe(true);
  });
});

describe('timeliness', () => {
  it('is judged on the first usable package; a correction after the deadline is shown as such, not made late', async () => {
    await importAll();
    const d = districts[2]!;
    const fix = await d.app.call('consolidation.upwardPackage', {
      planId: d.planId,
      unitCode: d.code,
      unitName: d.name,
      number: '77/BC-LĐLĐ',
      date: '2025-12-20',
    });
    const res = await importFiles([{ name: 'bao-cao-sua.xlsx', bytes: fix.bytes, lastModified: Date.parse('2025-12-21T09:00:00+07:00') }]);
    expect(res.files[0]!.status).toBe('superseded');
    const t = await prov.app.call('tracking.get', { planId: prov.planId });
    expect(t.rows.find((r) => r.unit.code === d.code)).toMatchObject({ state: 'on_time', correctedAfterDue: true, version: 2 });
    const o = await prov.app.call('province.overview', { planId: prov.planId });
    expect(o.districts.find((x) => x.unit.code === d.code)).toMatchObject({ state: 'on_time', correctedAfterDue: true });
  });
});

describe('down to the base units', () => {
  it("per district totals for both measures, % of its own targets, a ranking, coverage; a base unit's value from a province total", async () => {
    await importAll();
    const o = await prov.app.call('province.overview', { planId: prov.planId });
    expect(o.indicators.map((i) => i.code)).toEqual([...CODES]);
    expect(o.coverage).toEqual({ expected: D * U, submitted: D * (U - 1), onTime: D * (U - 2), late: D, missing: D });
    for (const d of districts) {
      const row = o.districts.find((x) => x.unit.code === d.code)!;
      expect(row.totals).toEqual(CODES.map((c) => d.expect[c]));
      expect(row.totals2).toEqual([null, d.expect['CT08#2'], d.expect['CT25#2']]);
      expect(row.targets).toEqual([U * 8, U, U * 20]);
      expect(row.pct[0]).toBe(Math.round((d.expect.CT01! / (U * 8)) * 1000) / 10);
    }
    expect(o.districts.map((d) => d.rank).sort()).toEqual([1, 2, 3, 4, 5]);
    const best = o.districts.find((d) => d.rank === 1)!;
    expect(Math.max(...o.districts.map((d) => d.meanPct!))).toBe(best.meanPct);
    // drill down: the province total of CT08#2 is the sum of the districts', each the sum of its base units'
    const c = await prov.app.call('consolidation.get', { planId: prov.planId });
    const total2 = c.indicators.find((i) => i.code === 'CT08')!.total2!;
    let fromUnits = 0;
    for (const d of districts) {
      const det = await prov.app.call('province.district', { planId: prov.planId, unitId: prov.districtIds.get(d.code)! });
      expect(det.units).toHaveLength(U);
      const k = CODES.indexOf('CT08');
      for (const u of det.units) fromUnits += u.values2[k] ?? 0;
      const third = det.units.find((u) => u.code === d.unitCodes[2])!;
      const want = unitValues(districts.indexOf(d), 2);
      expect([third.values, third.values2]).toEqual([
        [want.CT01, want.CT08, want.CT25],
        [null, want['CT08#2'], want['CT25#2']],
      ]);
      expect(det.units.find((u) => u.code === d.unitCodes[U - 1])).toMatchObject({ state: 'Chưa nộp', values: [null, null, null] });
    }
    expect(Math.round(fromUnits * 1000) / 1000).toBe(total2);
  });
});

describe('automation', () => {
  it('upward from the CLI; reports import with --received-on and --channel; an office not in the plan is not imported without asking', async () => {
    const dir = tmp();
    const d = districts[0]!;
    const out = join(dir, 'goi.xlsx');
    const made = await cli(
      'upward',
      '--plan',
      String(d.planId),
      '--code',
      d.code,
      '--name',
      d.name,
      '--number',
      '40/BC-LĐLĐ',
      '--date',
      '2025-12-12',
      '--out',
      out,
      '--json',
      '--db',
      d.app.ctx.dbFile,
    );
    expect(made.code, made.err).toBe(0);
    const json = JSON.parse(made.out);
    expect(json).toMatchObject({ issuerCode: d.code, detailUnits: U, coverage: { expected: U, submitted: U - 1, missing: 1 } });
    expect(json.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    const imp = await cli(
      'reports',
      'import',
      '--plan',
      String(prov.planId),
      out,
      '--received-on',
      '2025-12-14',
      '--channel',
      'zalo',
      '--json',
      '--db',
      prov.app.ctx.dbFile,
    );
    expect(imp.code, imp.err).toBe(0);
    expect(JSON.parse(imp.out).files[0]).toMatchObject({ status: 'imported', unitCode: d.code });
    expect(prov.app.ctx.db.prepare("SELECT received_on, channel FROM reports WHERE status = 'active'").get()).toEqual({
      received_on: '2025-12-14',
      channel: 'zalo',
    });
    expect(
      (await cli('reports', 'import', '--plan', String(prov.planId), out, '--received-on', '14/12/2025', '--db', prov.app.ctx.dbFile)).code,
    ).toBe(2);
    // a district registered after the plan was made is not expected by it: left out, said at the file
    const extra = await makeDistrict(D, 2);
    try {
      await prov.app.call('units.save', { code: extra.code, name: extra.name, kind: 'cap_tren' });
      const p2 = join(dir, 'ngoai.xlsx');
      writeFileSync(p2, extra.pkg.bytes);
      const res = await cli('reports', 'import', '--plan', String(prov.planId), p2, '--json', '--db', prov.app.ctx.dbFile);
      const f = JSON.parse(res.out).files[0];
      expect(f.status).toBe('error');
      expect(f.issues.at(-1).message).toMatch(/không có trong danh sách đơn vị phải báo cáo/);
    } finally {
      extra.app.close();
    }
  });
});
