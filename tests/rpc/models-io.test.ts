// Models forms, import and exports over rpc: our blank form round-trips through the importer, free-form lists
// are read by their header labels, dry run writes nothing, bad files get Vietnamese messages; the register
// (.xlsx, read back with exceljs) and summary (.docx, read back with mammoth) carry the right content.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { makeTestApp, workbookOf, type TestApp } from '../helpers/context';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

const file = (bytes: Uint8Array, name = 'dang-ky.xlsx', lastModified?: number) => ({
  name,
  bytes,
  ...(lastModified ? { lastModified } : {}),
});
const count = () => (app.ctx.db.prepare('SELECT COUNT(*) AS n FROM models').get() as { n: number }).n;
async function load(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

async function seed() {
  const a = await app.call('units.save', { code: 'GD01', name: 'Công đoàn Trường THCS Lê Lợi', aliases: ['THCS Lê Lợi'] });
  const b = await app.call('units.save', { code: 'YT01', name: 'Công đoàn Trạm Y tế xã' });
  return { a, b };
}

describe('registration form and import', () => {
  it('our blank form, filled in, imports after a dry run that writes nothing; re-import is unchanged', async () => {
    const { a } = await seed();
    const form = await app.call('models.formXlsx', { year: 2025, unitId: a.id });
    expect(form.name).toBe('mau-dang-ky-dan-van-kheo-2025-GD01.xlsx');
    const wb = await load(form.bytes);
    const ws = wb.getWorksheet('Đăng ký mô hình')!;
    expect(wb.getWorksheet('_meta')?.state).toBe('veryHidden');
    expect(ws.getCell('B6').value).toBe('GD01');
    expect(String(ws.getCell('A3').value)).toContain('13/03/2025');
    ws.getCell('D6').value = 'Đoàn viên giúp nhau phát triển kinh tế';
    ws.getCell('E6').value = 'Mô hình';
    ws.getCell('F6').value = 'Kinh tế';
    ws.getCell('G6').value = 'Mới';
    ws.getCell('I6').value = 'Nhiều đoàn viên khó khăn';
    ws.getCell('Q6').value = 'Nguyễn Thị Hồng';
    ws.getCell('S6').value = '12/03/2025';
    ws.getCell('D7').value = 'Tổ tự quản nhà trọ';
    ws.getCell('F7').value = 'An ninh trật tự';
    ws.getCell('G7').value = 'Duy trì';
    ws.getCell('H7').value = 2023;
    ws.getCell('D8').value = 'Mô hình không rõ lĩnh vực';
    ws.getCell('F8').value = 'Thể thao';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const dry = await app.call('models.import', { file: file(bytes), dryRun: true });
    expect(dry).toMatchObject({ ourForm: true, year: 2025, headerRow: 5, created: 2, skipped: 1 });
    expect(dry.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        row: 8,
        message: expect.stringMatching(/Dòng 8: lĩnh vực "Thể thao" không thuộc 4 lĩnh vực/),
      }),
    ]);
    expect(count()).toBe(0);
    await expect(app.call('models.import', { file: file(bytes), dryRun: false })).rejects.toMatchObject({ code: 'bad_file' });
    expect(count()).toBe(0);
    const done = await app.call('models.import', { file: file(bytes), dryRun: false, skipInvalid: true });
    expect(done.created).toBe(2);
    const list = await app.call('models.list', { year: 2025 });
    expect(list.find((m) => m.name.startsWith('Đoàn viên'))).toMatchObject({
      registeredOn: '2025-03-12',
      situation: 'Nhiều đoàn viên khó khăn',
      person: 'Nguyễn Thị Hồng',
      isNew: true,
      field: 'kinh_te',
    });
    expect(list.find((m) => m.name.startsWith('Tổ tự quản'))).toMatchObject({
      isNew: false,
      startedYear: 2023,
      field: 'quoc_phong_an_ninh',
    });
    const again = await app.call('models.import', { file: file(bytes), dryRun: true });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('reads a free-form list by its header labels, matches units by name or alias, dates by the file when none is given', async () => {
    await seed();
    const bytes = await workbookOf([
      ['DANH SÁCH ĐĂNG KÝ MÔ HÌNH DÂN VẬN KHÉO'],
      [],
      ['TT', 'Đơn vị', 'Tên mô hình', 'Lĩnh vực', 'Mục tiêu', 'Người phụ trách'],
      [1, 'THCS Lê Lợi', 'Thư viện xanh', 'Văn hóa - xã hội', 'Mỗi lớp một tủ sách', 'Lê Văn Tâm'],
      [2, 'Công đoàn Trạm Y tế xã', 'Khám bệnh miễn phí', 'văn hoá xã hội', null, null],
      [3, 'Trường Không Có', 'Mô hình lạ', 'Kinh tế', null, null],
      ['Nơi nhận:'],
      [null, null, 'Dòng sau chữ ký', 'Kinh tế'],
    ]);
    const mtime = Date.UTC(2025, 2, 20, 3);
    const dry = await app.call('models.import', { file: file(bytes, 'ds.xlsx', mtime), dryRun: true, year: 2025 });
    expect(dry).toMatchObject({ ourForm: false, headerRow: 3, created: 2, skipped: 1 });
    expect(dry.issues[0]?.message).toMatch(/Dòng 6: không tìm thấy đơn vị "Trường Không Có"/);
    await app.call('models.import', { file: file(bytes, 'ds.xlsx', mtime), dryRun: false, skipInvalid: true, year: 2025 });
    const list = await app.call('models.list', { year: 2025 });
    expect(list.map((m) => [m.unitCode, m.name, m.registeredOn])).toEqual([
      ['YT01', 'Khám bệnh miễn phí', '2025-03-20'],
      ['GD01', 'Thư viện xanh', '2025-03-20'],
    ]);
    expect((await app.call('models.coverage', { year: 2025 })).late).toBe(2);
  });

  it.each([
    ['not excel', new TextEncoder().encode('xin chào'), /không phải tệp Excel/],
    ['empty', new Uint8Array(0), /rỗng/],
    ['xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /\.xls/],
    ['truncated zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /hỏng/],
  ])('refuses %s with a Vietnamese message and leaves the database unchanged', async (_n, bytes, msg) => {
    await seed();
    await expect(app.call('models.import', { file: file(bytes), dryRun: false })).rejects.toMatchObject({
      code: 'bad_file',
      message: expect.stringMatching(msg),
    });
    expect(count()).toBe(0);
  });

  it('refuses a sheet without the model headers', async () => {
    await expect(
      app.call('models.import', {
        file: file(
          await workbookOf([
            ['Mã đơn vị', 'Tên đơn vị'],
            ['A', 'B'],
          ]),
        ),
        dryRun: true,
      }),
    ).rejects.toThrow(/Tên mô hình.*Lĩnh vực/);
  });
});

describe('exports', () => {
  async function seedModels() {
    const { a, b } = await seed();
    await app.call('settings.save', {
      ...(await app.call('settings.get', {})),
      ownOrg: 'LĐLĐ huyện Thăng Bình',
      parentOrg: 'LĐLĐ tỉnh Quảng Nam',
      placeName: 'Thăng Bình',
      signerName: 'Trần Văn Đông',
    });
    const m = await app.call('models.save', {
      unitId: a.id,
      year: 2025,
      name: 'Đoàn viên giúp nhau phát triển kinh tế',
      field: 'kinh_te',
      registeredOn: '2025-03-10',
      person: 'Nguyễn Thị Hồng',
      phone: '0905111222',
    });
    await app.call('models.advanceStep', { id: m.id, reachedOn: '2025-04-01' });
    const r = await app.call('models.advanceStep', { id: m.id, reachedOn: '2025-06-01' });
    await app.call('models.setStatus', { id: r.id, status: 'de_nghi_cong_nhan', proposedLevel: 'tinh' });
    await app.call('models.setStatus', { id: r.id, status: 'duoc_cong_nhan', recognitionLevel: 'tinh', recognizedOn: '2025-10-15' });
    await app.call('models.save', {
      unitId: b.id,
      year: 2025,
      name: 'Tổ tự quản nhà trọ',
      field: 'quoc_phong_an_ninh',
      registeredOn: '2025-03-30',
      startedYear: 2024,
    });
  }

  it('exports the register in the official layout, grouped by field, numbers and dates real', async () => {
    await seedModels();
    const out = await app.call('models.exportRegister', { year: 2025 });
    expect(out.name).toBe('mo-hinh-dan-van-kheo-2025.xlsx');
    const ws = (await load(out.bytes)).worksheets[0]!;
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value instanceof Date ? c.value.toISOString().slice(0, 10) : c.value))));
    expect(cells).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(cells).toContain('LĐLĐ HUYỆN THĂNG BÌNH');
    expect(cells).toContain('DANH SÁCH MÔ HÌNH, ĐIỂN HÌNH "DÂN VẬN KHÉO" NĂM 2025');
    expect(cells).toContain('I. Lĩnh vực kinh tế');
    expect(cells).toContain('III. Lĩnh vực quốc phòng – an ninh');
    expect(cells).not.toContain('II. Lĩnh vực văn hóa – xã hội');
    expect(cells).toContain('Cấp tỉnh, 15/10/2025');
    expect(cells).toContain('Duy trì (từ 2024)');
    expect(cells).toContain('2025-03-10');
    expect(cells).toContain('Trần Văn Đông');
    let stepCell: ExcelJS.Cell | undefined;
    ws.eachRow((row) => {
      if (row.getCell(3).value === 'Đoàn viên giúp nhau phát triển kinh tế') stepCell = row.getCell(8);
    });
    expect(stepCell?.value).toBe(3);
    expect(ws.pageSetup.orientation).toBe('landscape');
  });

  it('writes the summary report and the registration form as Word documents', async () => {
    await seedModels();
    const out = await app.call('models.exportSummary', { year: 2025 });
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(out.bytes) })).value.normalize('NFC');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kết quả đăng ký, thực hiện mô hình, điển hình "Dân vận khéo" năm 2025');
    expect(text).toMatch(/có 1\/2 công đoàn cơ sở \(50%\)/);
    expect(text).toMatch(/1 đơn vị đăng ký đúng hạn \(trước ngày 13\/03\/2025\)/);
    expect(text).toMatch(/PHỤ LỤC[\s\S]*Công đoàn Trạm Y tế xã\s+\S+\s+Chưa đăng ký/); // the unregistered list is a phụ lục table
    expect(text).toContain('Cấp tỉnh');
    expect(text).toContain('Thăng Bình, ngày');
    const form = await app.call('models.formDocx', { year: 2025, unitId: null });
    const ftext = (await mammoth.extractRawText({ buffer: Buffer.from(form.bytes) })).value.normalize('NFC');
    expect(ftext).toContain('PHIẾU ĐĂNG KÝ');
    for (const label of [
      'Thực trạng, lý do xây dựng',
      'Nguồn lực và thời gian',
      'Khả năng duy trì, nhân rộng',
      'Xây dựng hệ thống Công đoàn',
      'Điển hình cá nhân',
    ])
      expect(ftext).toContain(label);
    expect(ftext).toContain('trước ngày 13/03/2025');
  });
});
