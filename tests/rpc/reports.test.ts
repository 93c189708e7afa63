import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { fillTemplate, makeTestApp, workbookOf, type TestApp } from '../helpers/context';
import { parseReport } from '../../src-main/excel/report/parse-report';
import { importHeadless } from '../../src-main/features/report-import/one-pass';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

async function setup() {
  const a = await app.call('units.save', { code: 'GD01', name: 'Công đoàn Trường THCS Lê Lợi', aliases: ['THCS Lê Lợi'] });
  const b = await app.call('units.save', { code: 'YT01', name: 'Công đoàn Trạm Y tế xã Bình An' });
  const cat = await app.call('indicators.list', {});
  const byCode = (c: string) => cat.find((i) => i.code === c)!;
  const plan = await app.call('plans.save', {
    title: 'Phối hợp làm công tác dân vận đợt II/2023',
    status: 'dang_thuc_hien',
    reportDueOn: '2023-12-31',
    periodLabel: 'Đợt II/2023',
    targets: [
      { indicatorId: byCode('CT01').id, min: 2 },
      { indicatorId: byCode('CT08').id, min: 1 },
      { indicatorId: byCode('CT25').id, min: 150 },
    ],
    assignment: 'all_base',
  });
  return { a, b, plan };
}

const file = (name: string, bytes: Uint8Array, day = '2023-12-30') => ({ name, bytes, lastModified: Date.parse(`${day}T03:00:00Z`) });

describe('report templates', () => {
  it('generates one workbook per unit (zipped) with unit name, locked layout, and a hidden _meta sheet the reader recognises', async () => {
    const { a, b, plan } = await setup();
    const out = await app.call('reports.templates', { planId: plan.id, unitIds: [a.id, b.id], zip: true });
    expect(out.name).toMatch(/\.zip$/);
    const entries = unzipSync(out.bytes);
    const names = Object.keys(entries).sort();
    expect(names).toEqual([expect.stringMatching(/^bao-cao-GD01-/), expect.stringMatching(/^bao-cao-YT01-/)]);
    const bytes = entries[names[0]!]!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('_meta')?.state).toBe('veryHidden');
    expect(wb.getWorksheet('Thuyết minh')).toBeTruthy();
    const ws = wb.getWorksheet('Báo cáo')!;
    const texts: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toEqual(
      expect.arrayContaining(['STT', 'Nội dung', 'ĐVT', 'Chỉ tiêu', 'Kết quả', 'Ghi chú', 'Đơn vị: Công đoàn Trường THCS Lê Lợi']),
    );
    const parsed = await parseReport(bytes, names[0]!);
    expect(parsed.template).toMatchObject({ planId: String(plan.id), unitCode: 'GD01' });
    expect(parsed.rows.filter((r) => r.code).map((r) => r.code)).toEqual(['CT01', 'CT08', 'CT08#2', 'CT25', 'CT25#2']);
    const generic = await app.call('reports.templates', { planId: plan.id, unitIds: null, zip: false });
    expect(generic.name).toMatch(/\.xlsx$/);
  });
});

describe('report import pipeline', () => {
  it('imports a filled template, then a newer version supersedes it, the same bytes twice is a no-op, an older one is held, and undo restores', async () => {
    const { a, plan } = await setup();
    const tpl = (await app.call('reports.templates', { planId: plan.id, unitIds: [a.id], zip: false })).bytes;
    const v1 = await fillTemplate(tpl, { 'Số buổi': 3, 'Nhà "Mái ấm': 1, 'Hiến máu': 120 });
    const pre = await app.call('reports.preview', { planId: plan.id, files: [file('bc.xlsx', v1)] });
    expect(pre.files[0]).toMatchObject({ status: 'new', unit: { code: 'GD01' }, unitSure: true, template: true });
    expect(await app.call('reports.list', { planId: plan.id })).toEqual(
      expect.arrayContaining([expect.objectContaining({ state: 'missing' })]),
    );
    const progress: string[] = [];
    const listen = (name: string, p: { task: string; message: string }) =>
      void (name === 'progress' && p.task === 'reports.commit' && progress.push(p.message));
    app.ctx.events.on('event', listen);
    const c1 = await app.call('reports.commit', {
      planId: plan.id,
      files: [{ file: file('bc.xlsx', v1), unitId: a.id, receivedOn: '2023-12-30' }],
    });
    app.ctx.events.off('event', listen);
    expect(c1.files[0]).toMatchObject({ status: 'imported', unitCode: 'GD01' });
    const backups = await app.call('backups.list', {});
    expect(JSON.stringify(backups)).toMatch(/Trước khi nhập 1 báo cáo/);
    // The user is told about the backup before it runs, then sees the import's own progress.
    expect(progress).toEqual(['Đang sao lưu dữ liệu trước khi nhập…', 'Đã nhập 1/1 tệp']);
    const list1 = await app.call('reports.list', { planId: plan.id });
    expect(list1.find((r) => r.unit.code === 'GD01')).toMatchObject({ state: 'on_time', report: { version: 1 } });
    const detail = await app.call('reports.get', { reportId: c1.files[0]!.reportId! });
    expect(detail.values.map((v) => [v.code, v.value])).toEqual([
      ['CT01', 3],
      ['CT08', 1],
      ['CT25', 120],
    ]);
    expect(detail.values[0]?.target).toMatchObject({ min: 2 });

    // same bytes again: no-op
    const dupPre = await app.call('reports.preview', { planId: plan.id, files: [file('bc-copy.xlsx', v1)] });
    expect(dupPre.files[0]?.status).toBe('duplicate');
    // a newer version sent after the deadline supersedes
    const v2 = await fillTemplate(tpl, { 'Số buổi': 4, 'Nhà "Mái ấm': 1, 'Hiến máu': 150 });
    const pre2 = await app.call('reports.preview', { planId: plan.id, files: [file('bc2.xlsx', v2, '2024-01-02')] });
    expect(pre2.files[0]).toMatchObject({ status: 'replace', replaces: { version: 1 } });
    const c2 = await app.call('reports.commit', {
      planId: plan.id,
      files: [{ file: file('bc2.xlsx', v2), unitId: a.id, receivedOn: '2024-01-02' }],
    });
    expect(c2.files[0]?.status).toBe('superseded');
    const row = (await app.call('reports.list', { planId: plan.id })).find((r) => r.unit.code === 'GD01');
    // the first report arrived on time: the later correction is "sửa sau hạn", the unit stays on time (issue: timeliness judged fairly)
    expect(row).toMatchObject({ state: 'on_time', report: { version: 2, versions: 2, correctedAfterDue: true } });
    // an older one is held
    const v0 = await fillTemplate(tpl, { 'Số buổi': 1 });
    const c0 = await app.call('reports.commit', {
      planId: plan.id,
      files: [{ file: file('bc0.xlsx', v0), unitId: a.id, receivedOn: '2023-12-20' }],
    });
    expect(c0.files[0]?.status).toBe('held');
    expect((await app.call('reports.list', { planId: plan.id })).find((r) => r.unit.code === 'GD01')?.report).toMatchObject({
      version: 2,
      held: 1,
    });
    // undo the batch that brought v2: v1 is active again
    await app.call('reports.undoBatch', { batchId: c2.batchId! });
    const after = (await app.call('reports.list', { planId: plan.id })).find((r) => r.unit.code === 'GD01');
    expect(after).toMatchObject({ state: 'on_time', report: { version: 1 } });
    expect((await app.call('plans.list', {}))[0]?.submittedCount).toBe(1);
    await expect(app.call('reports.undoBatch', { batchId: c2.batchId! })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('reads a free-form workbook: unit from the header cells, rows matched by folded label, guesses need confirmation', async () => {
    const { b, plan } = await setup();
    const bytes = await workbookOf(
      [
        ['LĐLĐ HUYỆN'],
        ['Công đoàn cơ sở: Trạm Y tế xã Bình An'],
        ['BÁO CÁO KẾT QUẢ DÂN VẬN ĐỢT II NĂM 2023'],
        [],
        ['TT', 'Nội dung công việc', 'Đơn vị tính', 'Kết quả thực hiện', 'Ghi chú'],
        ['1', 'SỐ BUỔI TUYÊN TRUYỀN, PHỔ BIẾN PHÁP LUẬT', 'buổi', '5', ''],
        ['2', 'Hiến máu tình nguyện', 'ĐVM', '45', ''],
        ['3', 'Nhà mái ấm công đoàn được xây', 'căn', '2', ''],
      ],
      'Báo cáo',
    );
    const pre = await app.call('reports.preview', { planId: plan.id, files: [file('YT-baocao.xlsx', bytes)] });
    const f = pre.files[0]!;
    expect(f.unit?.id).toBe(b.id);
    expect(f.rows.map((r) => [r.how, r.sure])).toEqual([
      ['label', true],
      ['label', true],
      ['similar', false],
    ]);
    expect(f.status).toBe('confirm');
    const c = await app.call('reports.commit', {
      planId: plan.id,
      files: [
        {
          file: file('YT-baocao.xlsx', bytes),
          unitId: b.id,
          receivedOn: f.receivedOn,
          mapping: [{ label: 'Nhà mái ấm công đoàn được xây', indicatorId: f.rows[2]!.indicatorId }],
        },
      ],
    });
    expect(c.files[0]?.status).toBe('imported');
    // remembered for next time: the same wording from this unit is now sure
    const again = await app.call('reports.preview', {
      planId: plan.id,
      files: [
        file(
          'YT2.xlsx',
          await workbookOf([
            ['Công đoàn cơ sở: Trạm Y tế xã Bình An'],
            ['STT', 'Nội dung', 'ĐVT', 'Kết quả'],
            ['1', 'Nhà mái ấm công đoàn được xây', 'căn', 3],
          ]),
        ),
      ],
    });
    expect(again.files[0]?.rows[0]).toMatchObject({ how: 'remembered', sure: true });
  });

  it('refuses broken files with a Vietnamese message and writes nothing; CLI shape', async () => {
    const { plan } = await setup();
    const res = await importHeadless(
      app.ctx,
      plan.id,
      [
        file('not.xlsx', new TextEncoder().encode('hello')),
        file('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])),
        file(
          'GD01.xlsx',
          await workbookOf([
            ['STT', 'Nội dung', 'ĐVT', 'Kết quả'],
            ['1', 'Số buổi tuyên truyền, phổ biến pháp luật', 'buổi', 7],
          ]),
        ),
      ],
      false,
    );
    expect(res.files.map((f) => [f.file, f.status, f.unitCode])).toEqual([
      ['not.xlsx', 'error', null],
      ['old.xls', 'error', null],
      ['GD01.xlsx', 'imported', 'GD01'],
    ]);
    expect(res.files[1]?.issues.at(-1)?.message).toMatch(/\.xls/);
    expect(app.ctx.db.prepare('SELECT COUNT(*) AS n FROM reports').get()).toEqual({ n: 1 });
  });

  it('a plan that is gone: the preview and the headless import say so in Vietnamese and write nothing', async () => {
    await setup();
    const bytes = await workbookOf([
      ['STT', 'Nội dung', 'ĐVT', 'Kết quả'],
      ['1', 'Số buổi tuyên truyền, phổ biến pháp luật', 'buổi', 7],
    ]);
    await expect(app.call('reports.preview', { planId: 999_999, files: [file('GD01.xlsx', bytes)] })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/Không tìm thấy kế hoạch/),
    });
    await expect(importHeadless(app.ctx, 999_999, [file('GD01.xlsx', bytes)], false)).rejects.toMatchObject({ code: 'not_found' });
    expect(app.ctx.db.prepare('SELECT COUNT(*) AS n FROM reports').get()).toEqual({ n: 0 });
    expect(app.ctx.db.prepare('SELECT COUNT(*) AS n FROM import_batches').get()).toEqual({ n: 0 });
  });

  it('edits a value by hand with an audit entry', async () => {
    const { a, plan } = await setup();
    const tpl = (await app.call('reports.templates', { planId: plan.id, unitIds: [a.id], zip: false })).bytes;
    const c = await app.call('reports.commit', {
      planId: plan.id,
      files: [{ file: file('x.xlsx', await fillTemplate(tpl, { 'Số buổi': 3 })), unitId: a.id, receivedOn: '2023-12-30' }],
    });
    const ct01 = (await app.call('indicators.list', {})).find((i) => i.code === 'CT01')!;
    const d = await app.call('reports.editValue', { reportId: c.files[0]!.reportId!, indicatorId: ct01.id, value: 5 });
    expect(d.values.find((v) => v.code === 'CT01')).toMatchObject({ value: 5, edited: true });
    expect((await app.call('audit.list', {})).map((x) => x.action)).toContain('reports.edit');
  });
});
