import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeTestApp, workbookOf, type TestApp } from '../helpers/context';
import { createPlanFromJson } from '../../src-main/features/plan-create';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

async function seedUnits() {
  const a = await app.call('units.save', { code: 'GD1', name: 'Trường A', sector: 'Giáo dục' });
  const b = await app.call('units.save', { code: 'GD2', name: 'Trường B', sector: 'giáo dục' });
  const c = await app.call('units.save', { code: 'YT1', name: 'Trạm Y tế', sector: 'Y tế' });
  const upper = await app.call('units.save', { code: 'K1', name: 'Khối', kind: 'cap_tren' });
  return { a, b, c, upper };
}

describe('indicator catalog', () => {
  it('is seeded with the default catalog in group order and can be edited and retired', async () => {
    const list = await app.call('indicators.list', {});
    expect(list).toHaveLength(52);
    expect(list[0]).toMatchObject({ code: 'CT01', groupCode: 'I', unit: 'buổi' });
    expect(list.find((i) => i.code === 'CT08')).toMatchObject({ unit: 'căn', unit2: 'triệu đồng' });
    expect(list.at(-1)).toMatchObject({ code: 'CT52', aggregation: 'percent', groupCode: 'VI' });
    const edited = await app.call('indicators.save', { ...list[0]!, label: 'Số buổi tuyên truyền pháp luật' });
    expect(edited.label).toBe('Số buổi tuyên truyền pháp luật');
    await expect(app.call('indicators.save', { ...list[1]!, code: 'ct01' })).rejects.toMatchObject({ code: 'conflict' });
    const retired = await app.call('indicators.setRetired', { id: edited.id, retired: true });
    expect(retired.retired).toBe(true);
    expect((await app.call('indicators.list', { includeRetired: false })).map((i) => i.code)).not.toContain('CT01');
  });
});

describe('plans', () => {
  it('creates a plan with targets, resolves assigned units by rule, and keeps the source document', async () => {
    const { a, b, c } = await seedUnits();
    const [i1, i2] = await app.call('indicators.list', {});
    const doc = new TextEncoder().encode('KẾ HOẠCH ...');
    const plan = await app.call('plans.save', {
      title: 'Phối hợp làm công tác dân vận đợt II/2023',
      number: '71-KH/LĐLĐ',
      issuedOn: '2023-12-13',
      periodLabel: 'Đợt II/2023',
      startsOn: '2023-12-16',
      endsOn: '2023-12-30',
      reportDueOn: '2023-12-31',
      status: 'ban_hanh',
      targets: [
        { indicatorId: i1!.id, min: 1 },
        { indicatorId: i2!.id, min: 300, max: 500, scope: 'per_unit' },
      ],
      assignment: 'group',
      assignmentGroup: 'Giáo dục',
      document: { name: 'ke-hoach.txt', bytes: doc },
    });
    expect(plan.unitIds.sort()).toEqual([a.id, b.id].sort()); // sector matched ignoring case, upper union excluded
    expect(plan.targets.map((t) => [t.code, t.min, t.max, t.scope])).toEqual([
      ['CT01', 1, null, 'total'],
      ['CT02', 300, 500, 'per_unit'],
    ]);
    expect(plan.document).toMatchObject({ name: 'ke-hoach.txt', size: doc.byteLength });
    const opened = await app.call('plans.document', { id: plan.id });
    expect(opened.opened).toBe(false);
    expect(new TextDecoder().decode(opened.file!.bytes)).toBe('KẾ HOẠCH ...');
    const all = await app.call('plans.save', { ...plan, targets: [], assignment: 'all_base', document: undefined });
    expect(all.unitIds.sort()).toEqual([a.id, b.id, c.id].sort());
    expect(all.document).not.toBeNull(); // kept when no new document is given
    const [summary] = await app.call('plans.list', {});
    expect(summary).toMatchObject({ unitCount: 3, submittedCount: 0, number: '71-KH/LĐLĐ' });
    expect((await app.call('units.get', { id: a.id })).recordCount).toBe(1);
    await expect(app.call('units.delete', { id: a.id })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('validates dates, duplicate indicators and group assignment', async () => {
    const [i1] = await app.call('indicators.list', {});
    await expect(app.call('plans.save', { title: 'Kế hoạch X', startsOn: '2024-05-10', endsOn: '2024-05-01' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(
      app.call('plans.save', { title: 'Kế hoạch X', targets: [{ indicatorId: i1!.id }, { indicatorId: i1!.id }] }),
    ).rejects.toThrow(/hai lần/);
    await expect(app.call('plans.save', { title: 'Kế hoạch X', assignment: 'group' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(app.call('plans.save', { title: 'Kế hoạch X', targets: [{ indicatorId: i1!.id, min: 5, max: 2 }] })).rejects.toMatchObject(
      { code: 'invalid_input' },
    );
    expect(await app.call('plans.list', {})).toEqual([]);
  });

  it('copies a plan to the next period with dates shifted and targets kept; deletes only drafts', async () => {
    await seedUnits();
    const [i1] = await app.call('indicators.list', {});
    const src = await app.call('plans.save', {
      title: 'Dân vận đợt I/2024',
      status: 'ban_hanh',
      issuedOn: '2024-07-01',
      startsOn: '2024-07-16',
      endsOn: '2024-07-30',
      reportDueOn: '2024-07-31',
      targets: [{ indicatorId: i1!.id, min: 2 }],
    });
    const copy = await app.call('plans.copy', {
      id: src.id,
      startsOn: '2024-12-16',
      periodLabel: 'Đợt II/2024',
      title: 'Dân vận đợt II/2024',
    });
    expect(copy).toMatchObject({
      status: 'du_thao',
      startsOn: '2024-12-16',
      endsOn: '2024-12-30',
      reportDueOn: '2024-12-31',
      issuedOn: '2024-12-01',
      periodLabel: 'Đợt II/2024',
      number: null,
    });
    expect(copy.targets.map((t) => [t.indicatorId, t.min])).toEqual([[i1!.id, 2]]);
    await expect(app.call('plans.delete', { id: src.id })).rejects.toMatchObject({ code: 'conflict' });
    await app.call('plans.delete', { id: copy.id });
    expect((await app.call('plans.list', {})).map((p) => p.id)).toEqual([src.id]);
  });

  it('shows upcoming deadlines and overdue plans on the overview', async () => {
    await seedUnits();
    const now = app.ctx.now().toISOString().slice(0, 10);
    const inDays = (d: number) => new Date(Date.parse(`${now}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
    await app.call('plans.save', { title: 'Sắp đến hạn', status: 'dang_thuc_hien', reportDueOn: inDays(10) });
    await app.call('plans.save', { title: 'Quá hạn', status: 'dang_thuc_hien', reportDueOn: inDays(-3) });
    await app.call('plans.save', { title: 'Còn xa', status: 'ban_hanh', reportDueOn: inDays(90) });
    await app.call('plans.save', { title: 'Dự thảo sắp hạn', status: 'du_thao', reportDueOn: inDays(5) });
    const o = await app.call('overview.get', {});
    expect(o.upcoming.map((p) => p.title)).toEqual(['Sắp đến hạn']);
    expect(o.overdue.map((p) => p.title)).toEqual(['Quá hạn']);
    expect(o.inProgress.map((p) => p.title).sort()).toEqual(['Còn xa', 'Quá hạn', 'Sắp đến hạn']);
    expect(o.unitCount).toBe(4);
  });

  it('exports the plans register in the official layout and imports it back without duplicates', async () => {
    await seedUnits();
    await app.call('plans.save', {
      title: 'Kế hoạch đợt I',
      number: '10/KH-LĐLĐ',
      issuedOn: '2024-07-01',
      reportDueOn: '2024-07-31',
      status: 'ban_hanh',
    });
    const out = await app.call('plans.exportRegister', {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.bytes) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const cells: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => cells.push(String(c.value instanceof Date ? c.value.toISOString().slice(0, 10) : c.value))));
    expect(cells).toEqual(
      expect.arrayContaining(['SỔ THEO DÕI KẾ HOẠCH', 'Trích yếu', 'Kế hoạch đợt I', '10/KH-LĐLĐ', '2024-07-01', '2024-07-31', 'Ban hành']),
    );
    const back = await app.call('plans.importRegister', { file: { name: out.name, bytes: out.bytes }, dryRun: true });
    expect(back).toMatchObject({ created: 0, skipped: 1 });
    const other = await workbookOf([
      ['Số', 'Ngày', 'Trích yếu', 'Hạn báo cáo', 'Trạng thái'],
      ['5/KH', '02/03/2023', 'Kế hoạch Dân vận khéo 2023', '31/12/2023', 'Đã tổng kết'],
      ['6/KH', '12/75/2023', 'Kế hoạch khác', '', ''],
    ]);
    const imp = await app.call('plans.importRegister', { file: { name: 'so.xlsx', bytes: other }, dryRun: false });
    expect(imp.created).toBe(2);
    expect(imp.issues).toEqual([expect.objectContaining({ severity: 'warning', row: 3 })]);
    const list = await app.call('plans.list', {});
    expect(list.find((p) => p.number === '5/KH')).toMatchObject({
      kind: 'dan_van_kheo',
      status: 'da_tong_ket',
      issuedOn: '2023-03-02',
      reportDueOn: '2023-12-31',
    });
    expect(list.find((p) => p.number === '6/KH')?.issuedOn).toBeNull();
  });

  it('creates a plan from the CLI JSON shape, matching indicators by code or folded label and creating new ones', async () => {
    await seedUnits();
    const { id } = createPlanFromJson(
      app.ctx.db,
      {
        title: 'Kế hoạch dân vận',
        number: '71-KH/LĐLĐ',
        period: { label: 'Đợt II/2023', startsOn: '2023-12-16', endsOn: '2023-12-30' },
        reportDueOn: '2023-12-31',
        indicators: [
          { code: 'CT08', label: 'x', unit: 'căn', target: 1 },
          { label: 'HIẾN MÁU TÌNH NGUYỆN', unit: 'ĐVM', target: '150' },
          { label: 'Trồng cây xanh', unit: 'cây', target: { min: 100, max: 200 } },
        ],
        unitCodes: ['GD1', 'YT1'],
      },
      new Date(),
    );
    const plan = await app.call('plans.get', { id });
    expect(plan.targets.map((t) => [t.code, t.min, t.max])).toEqual([
      ['CT08', 1, null],
      ['CT25', 150, null],
      ['CT53', 100, 200],
    ]);
    expect(plan.unitIds).toHaveLength(2);
    expect(() => createPlanFromJson(app.ctx.db, { title: 'X Y Z', unitCodes: ['NOPE'] }, new Date())).toThrow(/NOPE/);
  });
});
