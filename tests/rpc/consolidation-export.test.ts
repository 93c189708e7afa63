// Consolidated exports read back: the official workbook (numbers as numbers, real UTC dates, Times New Roman,
// print setup, inert imported text), the Word report and reminder letter (mammoth text), the upward package
// imported by a province database, the province-workbook cell map, and the CLI export commands.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { makeTestApp, type TestApp } from '../helpers/context';
import { importHeadless } from '../../src-main/features/report-import/one-pass';
import { toPdf } from '../../src-main/features/pdf-export';
import { runCli } from '../../src-main/runtime/cli-commands';
import { PROFILE, setupPlan, submitS1 } from './consolidation-fixture';
import { TEMPLATE_COLUMNS, TEMPLATE_SHEETS } from '../../src-main/excel/report-template-layout';

let app: TestApp;
let prov: TestApp | null = null;
beforeEach(() => (app = makeTestApp()));
afterEach(() => {
  app.close();
  prov?.close();
  prov = null;
});

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}
const rowWith = (ws: ExcelJS.Worksheet, col: number, text: string): ExcelJS.Row => {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((r) => {
    if (!found && String(r.getCell(col).value ?? '') === text) found = r;
  });
  if (!found) throw new Error(`no row with "${text}" in column ${col} of ${ws.name}`);
  return found;
};
const docText = async (bytes: Uint8Array): Promise<string> =>
  (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.normalize('NFC').replace(/\s+/g, ' ');

describe('consolidated workbook', () => {
  it('round-trips the figures as numbers, dates as real UTC dates, and keeps imported text inert', async () => {
    const f = await setupPlan(app);
    await submitS1(f);
    await f.submit(4, '2024-01-05', { CT01: 1, TX01: '=HYPERLINK("http://x","bấm")' });
    const out = await app.call('consolidation.exportXlsx', { planId: f.plan.id, date: '2024-01-06', number: '03/BC-LĐLĐ' });
    expect(out.name).toMatch(/^tong-hop-.*\.xlsx$/);
    const wb = await load(out.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Chi tiết đơn vị', 'Tình hình nộp', 'Thuyết minh']);
    const ws = wb.getWorksheet('Tổng hợp')!;
    const texts: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toEqual(
      expect.arrayContaining([
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Số: 03/BC-LĐLĐ',
        'Thăng Bình, ngày 06 tháng 01 năm 2024',
        'BÁO CÁO TỔNG HỢP KẾT QUẢ PHỐI HỢP LÀM CÔNG TÁC DÂN VẬN ĐỢT II/2023',
        'Nội dung',
        'Tỷ lệ đạt',
        'Số đơn vị báo cáo',
        'Nơi nhận:',
        'Nguyễn Thị Hồng Đào',
      ]),
    );
    const ct01 = rowWith(ws, 2, 'Số buổi tuyên truyền, phổ biến pháp luật');
    expect([ct01.getCell(4).value, ct01.getCell(5).value, ct01.getCell(6).value, ct01.getCell(7).value]).toEqual([10, 20, 2, 5]);
    expect(ct01.getCell(5).numFmt).toBe('#,##0');
    expect(ct01.getCell(6).numFmt).toBe('0%');
    expect(ct01.getCell(5).font?.name).toBe('Times New Roman');
    const value2 = ws.getRow(rowWith(ws, 2, 'Nhà "Mái ấm Công đoàn" xây mới').number + 1);
    expect([value2.getCell(2).value, value2.getCell(3).value, value2.getCell(5).value]).toEqual(['Trị giá', 'triệu đồng', 190]);
    expect(rowWith(ws, 2, 'Tỷ lệ đoàn viên tham gia').getCell(5).value).toBe(80);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    const notes = texts.find((t) => t.includes('Đơn vị báo cáo trễ hạn (2)')) ?? '';
    expect(notes).toContain('Công đoàn Công ty CP Xây dựng Thăng Long (03/01/2024)');
    expect(notes).toContain('Công đoàn Chợ Hà Lam (05/01/2024)');
    // matrix: per-indicator total by its own rule (MX01 max 300, TL01 average 80), not a column sum
    const m = wb.getWorksheet('Chi tiết đơn vị')!;
    const total = rowWith(m, 2, 'Tổng hợp');
    expect([4, 5, 6, 7, 8].map((c) => total.getCell(c).value)).toEqual([20, 4, 200, 80, 300]);
    expect(m.pageSetup.orientation).toBe('landscape'); // units × indicators is wide
    // status: received dates are real dates at UTC midnight, shown dd/mm/yyyy
    const st = wb.getWorksheet('Tình hình nộp')!;
    const late = rowWith(st, 2, 'XD01');
    expect(late.getCell(5).value).toEqual(new Date(Date.UTC(2024, 0, 3)));
    expect(late.getCell(5).numFmt).toBe('dd/mm/yyyy');
    expect(late.getCell(6).value).toBe(3);
    // imported text never becomes a live formula
    let formulas = 0;
    wb.eachSheet((s) =>
      s.eachRow((r) =>
        r.eachCell((c) => {
          if (c.type === ExcelJS.ValueType.Formula) formulas++;
        }),
      ),
    );
    expect(formulas).toBe(0);
    expect(rowWith(ws, 2, 'Mô hình, cách làm tiêu biểu').getCell(5).value).toBe('2 ý kiến (Phụ lục 1)');
    const matrixText = String(rowWith(m, 2, 'Công đoàn Chợ Hà Lam').getCell(9).value);
    expect(matrixText.startsWith("'=HYPERLINK")).toBe(true);
  });

  it('exports the missing/late list with contacts and reminder counts', async () => {
    const f = await setupPlan(app);
    await submitS1(f);
    await app.call('reminders.record', { planId: f.plan.id, unitIds: [f.units[4]!.id], channel: 'phone', sentOn: '2024-01-02' });
    const wb = await load((await app.call('tracking.exportMissing', { planId: f.plan.id })).bytes);
    const ws = wb.worksheets[0]!;
    expect(rowWith(ws, 2, 'I. Chưa báo cáo (1 đơn vị)')).toBeTruthy();
    const e = rowWith(ws, 2, 'TM01');
    expect([e.getCell(3).value, e.getCell(6).value, e.getCell(7).value]).toEqual([
      'Công đoàn Chợ Hà Lam',
      1,
      new Date(Date.UTC(2024, 0, 2)),
    ]);
    expect(rowWith(ws, 2, 'XD01').getCell(4).value).toEqual(new Date(Date.UTC(2024, 0, 3)));
  });
});

describe('Word report and reminder letter', () => {
  it('drafts sentences from the data with the right counts, căn cứ, hạn chế and kiến nghị from the units', async () => {
    const f = await setupPlan(app);
    await submitS1(f);
    const text = await docText((await app.call('consolidation.exportDocx', { planId: f.plan.id, date: '2024-01-06' })).bytes);
    for (const s of [
      'Căn cứ Kế hoạch số 233/KH-LĐLĐ ngày 16/11/2023 của Liên đoàn Lao động tỉnh Quảng Nam về phối hợp làm công tác dân vận;',
      'Căn cứ Kế hoạch số 15/KH-LĐLĐ ngày 01/12/2023 của Liên đoàn Lao động huyện Thăng Bình về phối hợp làm công tác dân vận đợt II/2023,',
      'Kính gửi: Ban Thường vụ LĐLĐ tỉnh Quảng Nam',
      'Có 4/5 CĐCS báo cáo (đạt 80%), trong đó 3 đơn vị báo cáo đúng hạn (hạn 31/12/2023), 1 đơn vị báo cáo trễ hạn; còn 1 đơn vị chưa báo cáo.',
      'I. TÌNH HÌNH TRIỂN KHAI',
      'Kế hoạch được triển khai đến 5 CĐCS; thời gian thực hiện từ ngày 16/12/2023 đến ngày 30/12/2023',
      'II. KẾT QUẢ THỰC HIỆN',
      '1. Tuyên truyền, vận động',
      'Số buổi tuyên truyền, phổ biến pháp luật: 19 buổi (đạt 190% so với chỉ tiêu).',
      'Nhà "Mái ấm Công đoàn" xây mới: 4 căn, trị giá 190 triệu đồng (3/5 đơn vị đạt chỉ tiêu).',
      'Hiến máu tình nguyện: 200 ĐVM (đạt 133,3% so với chỉ tiêu).',
      'Tỷ lệ đoàn viên tham gia: bình quân 80% (đạt 100% so với chỉ tiêu); số người dự buổi đông nhất: cao nhất 300 người.',
      'Tổ chức 3 buổi tuyên truyền pháp luật cho công nhân khu trọ (CĐCS Trường THCS Lê Lợi).',
      'III. ĐÁNH GIÁ CHUNG',
      'Ưu điểm',
      'Có 3/4 chỉ tiêu đạt và vượt so với chỉ tiêu kế hoạch',
      'Hạn chế, tồn tại',
      'Đoàn viên phân tán, khó tập trung (CĐCS Trạm Y tế xã Bình An).',
      'nhà "Mái ấm Công đoàn" xây mới (đạt 60%)',
      'Còn 1 đơn vị chưa gửi báo cáo, 1 đơn vị gửi báo cáo trễ hạn',
      'IV. PHƯƠNG HƯỚNG, KIẾN NGHỊ',
      'Đề nghị LĐLĐ huyện hỗ trợ kinh phí xây nhà Mái ấm (CĐCS Trường THCS Lê Lợi).',
      'PHỤ LỤC',
      'Đơn vị chưa báo cáo (1): Công đoàn Chợ Hà Lam.',
      'Nơi nhận:',
      'PHÓ CHỦ TỊCH',
      'Nguyễn Thị Hồng Đào',
    ])
      expect(text).toContain(s);
  });

  it('writes the công văn đôn đốc naming the missing units, and turns it into a PDF without LibreOffice', async () => {
    const f = await setupPlan(app);
    await submitS1(f);
    await app.call('reports.undoBatch', { batchId: (await app.call('reports.batches', { planId: f.plan.id })).at(-1)!.id }); // A's batch: A missing again
    const l = await app.call('reminders.letter', { planId: f.plan.id, date: '2024-01-04', newDueOn: '2024-01-08' });
    const text = await docText(l.file.bytes);
    expect(text).toContain('V/v đôn đốc báo cáo kết quả phối hợp làm công tác dân vận đợt II/2023');
    expect(text).toContain(
      'Đến ngày 04/01/2024, Liên đoàn Lao động huyện Thăng Bình đã nhận được báo cáo của 3/5 đơn vị; 2 đơn vị sau đây chưa gửi báo cáo:',
    );
    expect(text).toContain('1. Công đoàn Chợ Hà Lam (mã TM01); 2. Công đoàn Trường THCS Lê Lợi (mã GD01).');
    expect(text).toContain('Kính gửi: - Ban Chấp hành Công đoàn Chợ Hà Lam; - Ban Chấp hành Công đoàn Trường THCS Lê Lợi.');
    expect(text).toContain('trước ngày 08/01/2024');
    expect(l.text).toMatch(/^\[Liên đoàn Lao động huyện Thăng Bình\] Kính gửi BCH Công đoàn Chợ Hà Lam; Công đoàn Trường THCS Lê Lợi\./);
    expect(
      Buffer.from(await toPdf(l.file.bytes, 'docx'))
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });
});

describe('upward', () => {
  it('district db → upward package → province db imports it like any unit report, with the same numbers', async () => {
    const f = await setupPlan(app);
    await submitS1(f);
    const pkg = await app.call('consolidation.upwardPackage', { planId: f.plan.id, unitCode: 'LDLD-TB' });
    prov = makeTestApp();
    const p = await setupPlan(prov, {
      units: [{ code: 'LDLD-TB', name: 'Liên đoàn Lao động huyện Thăng Bình' }],
      profile: {
        ...PROFILE,
        parentOrg: 'Tổng Liên đoàn Lao động Việt Nam',
        ownOrg: 'Liên đoàn Lao động tỉnh Quảng Nam',
        placeName: 'Quảng Nam',
      },
    });
    const res = await importHeadless(prov.ctx, p.plan.id, [{ name: pkg.name, bytes: pkg.bytes }], false);
    expect(res.files[0]).toMatchObject({ status: 'imported', unitCode: 'LDLD-TB' });
    const c = await prov.call('consolidation.get', { planId: p.plan.id });
    const by = (code: string) => c.indicators.find((i) => i.code === code)!;
    expect(c).toMatchObject({ expected: 1, submitted: 1 });
    expect([by('CT01').total, by('CT08').total, by('CT08').total2, by('CT25').total, by('TL01').total, by('MX01').total]).toEqual([
      19, 4, 190, 200, 80, 300,
    ]);
    expect(by('TX01').texts[0]?.text).toContain('Bữa cơm công đoàn');
    expect(c.narrative.find((s) => s.key === 'limits')?.items[0]?.text).toContain('Kinh phí còn hạn chế');
    // the package is the district's report: a per-unit target reads as one ("1/đơn vị"), signed by the Ban Thường vụ
    const wb = await load(pkg.bytes);
    let ct08 = 0;
    wb.getWorksheet(TEMPLATE_SHEETS.meta)!.eachRow((r) => {
      if (r.getCell(1).value === 'row' && r.getCell(3).value === 'CT08') ct08 = Number(r.getCell(2).value);
    });
    const report = wb.getWorksheet(TEMPLATE_SHEETS.report)!;
    expect(report.getCell(ct08, TEMPLATE_COLUMNS.target).value).toBe('1/đơn vị');
    const texts: string[] = [];
    report.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('TM. BAN THƯỜNG VỤ');
    expect(texts.join(' ')).not.toMatch(/ô nền vàng/);
    // the identity is remembered for next time
    const again = await app.call('consolidation.upwardPackage', { planId: f.plan.id });
    expect(again.name).toMatch(/^bao-cao-ldld-tb-/);
  });

  it('writes the totals into a province workbook by the saved cell map, leaving the rest intact', async () => {
    const f = await setupPlan(app);
    await submitS1(f);
    const src = new ExcelJS.Workbook();
    const b1 = src.addWorksheet('Biểu 01');
    b1.mergeCells('A1:F1');
    b1.getCell('A1').value = 'BIỂU TỔNG HỢP KẾT QUẢ DÂN VẬN';
    b1.getColumn(2).width = 44;
    b1.getCell('B5').value = 'Số buổi tuyên truyền';
    b1.getCell('D8').value = { formula: 'D5*2', result: 0 };
    src.addWorksheet('Hướng dẫn').getCell('A1').value = 'Không sửa sheet này';
    const file = { name: 'mau-tinh.xlsx', bytes: new Uint8Array(await src.xlsx.writeBuffer()) };
    await expect(app.call('consolidation.fillProvinceWorkbook', { planId: f.plan.id, file })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    const saved = await app.call('consolidation.cellMap.save', {
      planId: f.plan.id,
      entries: [
        { code: 'CT01', sheet: 'Biểu 01', cell: 'd5' },
        { code: 'CT08', measure: 'total2', sheet: 'Biểu 01', cell: '$D$7' },
        { code: '#submitted', sheet: 'Biểu 01', cell: 'F2' },
        { code: 'CT25', measure: 'rate', sheet: 'Biểu 01', cell: 'E9' },
        { code: 'CT01', measure: 'target', sheet: 'Biểu 01', cell: 'C5' },
        { code: 'MX01', sheet: 'Biểu 01', cell: 'D8' },
        { code: 'CT25', sheet: 'Không có', cell: 'A1' },
      ],
    });
    expect(saved.inherited).toBe(false);
    expect(saved.entries.find((e) => e.code === 'CT08')).toMatchObject({ cell: 'D7', measure: 'total2' });
    const res = await app.call('consolidation.fillProvinceWorkbook', { planId: f.plan.id, file });
    expect(res.written.map((w) => [w.cell, w.value])).toEqual(
      expect.arrayContaining([
        ['D5', 19],
        ['D7', 190],
        ['F2', 4],
        ['E9', 1.333],
        ['C5', 10],
      ]),
    );
    expect(res.issues).toHaveLength(2);
    expect(res.issues.join(' ')).toMatch(/công thức.*|Không có sheet/);
    const wb = await load(res.file.bytes);
    const ws = wb.getWorksheet('Biểu 01')!;
    expect([ws.getCell('D5').value, ws.getCell('D7').value, ws.getCell('F2').value, ws.getCell('C5').value]).toEqual([19, 190, 4, 10]);
    expect(ws.getCell('D8').formula).toBe('D5*2');
    expect(ws.getCell('A1').value).toBe('BIỂU TỔNG HỢP KẾT QUẢ DÂN VẬN');
    expect(ws.getCell('B5').value).toBe('Số buổi tuyên truyền');
    expect(ws.getColumn(2).width).toBe(44);
    expect((ws.model as { merges?: string[] }).merges).toEqual(['A1:F1']);
    expect(wb.getWorksheet('Hướng dẫn')!.getCell('A1').value).toBe('Không sửa sheet này');
    // another plan is offered the last saved map
    const other = await app.call('plans.save', { title: 'Kế hoạch đợt I/2024', assignment: 'all_base' });
    expect(await app.call('consolidation.cellMap.get', { planId: other.id })).toMatchObject({
      inherited: true,
      entries: expect.arrayContaining([expect.objectContaining({ code: 'CT01', cell: 'D5' })]),
    });
  });
});

describe('CLI export', () => {
  it('writes consolidated (.xlsx), docx and reminders (.docx) files and reports them', async () => {
    const f = await setupPlan(app);
    await submitS1(f);
    const io = { out: (s: string) => outs.push(s), err: (s: string) => errs.push(s) };
    const outs: string[] = [];
    const errs: string[] = [];
    for (const [kind, ext] of [
      ['consolidated', 'xlsx'],
      ['docx', 'docx'],
      ['reminders', 'docx'],
    ] as const) {
      const path = join(app.dir, `${kind}.${ext}`);
      expect(await runCli(['export', kind, '--plan', String(f.plan.id), '--out', path, '--json', '--db', app.ctx.dbFile], io)).toBe(0);
      expect(existsSync(path)).toBe(true);
      expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
      expect(JSON.parse(outs.at(-1)!)).toMatchObject({ file: path, format: ext });
    }
    expect(errs.join('')).toBe('');
    expect(await docText(readFileSync(join(app.dir, 'reminders.docx')))).toContain('Công đoàn Chợ Hà Lam');
    expect(await runCli(['export', 'bogus', '--plan', '1', '--out', 'x', '--db', app.ctx.dbFile], { out: () => {}, err: () => {} })).toBe(
      2,
    );
    expect(await runCli(['export', 'docx', '--plan', String(f.plan.id), '--db', app.ctx.dbFile], { out: () => {}, err: () => {} })).toBe(2);
  });
});
