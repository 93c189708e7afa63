// "Dân vận khéo" follow-up (issue #14): the công văn đôn đốc names the base units with no model registered for the
// year (official layout), the year at a glance counts registrations, steps, recognitions and awards, and the awards
// saved on a model are in the register (Excel) and the yearly report (Word).
import { afterEach, beforeEach, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { makeTestApp, type TestApp } from '../helpers/context';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());
const docText = async (bytes: Uint8Array) => (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.replace(/\s+/g, ' ');

async function seed() {
  await app.call('settings.save', {
    ...(await app.call('settings.get', {})),
    ownOrg: 'LĐLĐ huyện Thăng Bình',
    parentOrg: 'LĐLĐ tỉnh Quảng Nam',
    placeName: 'Thăng Bình',
    signerName: 'Trần Văn Đông',
  });
  const a = await app.call('units.save', { code: 'GD01', name: 'Công đoàn Trường THCS Lê Lợi' });
  const b = await app.call('units.save', { code: 'YT01', name: 'Công đoàn Trạm Y tế xã' });
  await app.call('units.save', { code: 'TM01', name: 'Công đoàn Chợ Hà Lam' });
  const m = await app.call('models.save', {
    unitId: a.id,
    year: 2025,
    name: 'Đoàn viên giúp nhau phát triển kinh tế',
    field: 'kinh_te',
    registeredOn: '2025-03-10',
    awards: [{ form: 'Giấy khen', by: 'LĐLĐ tỉnh', on: '2025-11-20' }],
  });
  await app.call('models.advanceStep', { id: m.id, reachedOn: '2025-04-01' });
  await app.call('models.advanceStep', { id: m.id, reachedOn: '2025-06-01' });
  await app.call('models.setStatus', { id: m.id, status: 'de_nghi_cong_nhan', proposedLevel: 'tinh' });
  await app.call('models.setStatus', { id: m.id, status: 'duoc_cong_nhan', recognitionLevel: 'tinh', recognizedOn: '2025-10-15' });
  await app.call('models.save', {
    unitId: b.id,
    year: 2025,
    name: 'Tổ tự quản nhà trọ',
    field: 'quoc_phong_an_ninh',
    registeredOn: '2025-03-30',
  });
}

it('the reminder letter names the units with no model registered, in the official layout', async () => {
  await seed();
  const l = await app.call('models.reminderLetter', { year: 2025, date: '2025-04-01' });
  expect(l.units.map((u) => u.code)).toEqual(['TM01']);
  expect(l.file.name).toBe('cong-van-don-doc-dang-ky-dan-van-kheo-2025.docx');
  const text = await docText(l.file.bytes);
  expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(text).toContain('V/v đôn đốc đăng ký mô hình, điển hình "Dân vận khéo" năm 2025');
  expect(text).toContain('trước ngày 13/03/2025');
  expect(text).toContain('Đến ngày 01/04/2025, LĐLĐ huyện Thăng Bình đã nhận đăng ký của 2/3 đơn vị; 1 đơn vị sau đây chưa đăng ký:');
  expect(text).toContain('Công đoàn Chợ Hà Lam (mã TM01)');
  expect(text).toContain('Kính gửi: Ban Chấp hành Công đoàn Chợ Hà Lam');
  expect(text).toContain('trước ngày 08/04/2025');
  expect(text).toContain('Trần Văn Đông');
  expect(l.text).toMatch(/Kính gửi BCH Công đoàn Chợ Hà Lam\./);
  // Everyone registered: nothing to remind, said so.
  await app.call('models.save', {
    unitId: l.units[0]!.id,
    year: 2025,
    name: 'Chợ văn minh thương mại',
    field: 'kinh_te',
    registeredOn: '2025-04-02',
  });
  await expect(app.call('models.reminderLetter', { year: 2025, date: '2025-04-03' })).rejects.toThrow(
    /tất cả 3 công đoàn cơ sở đã đăng ký/,
  );
});

it('the year at a glance counts registrations, steps, recognitions and awards', async () => {
  await seed();
  expect(await app.call('models.yearGlance', { year: 2025 })).toEqual({
    year: 2025,
    deadline: '2025-03-13',
    baseUnits: 3,
    registered: 2,
    onTime: 1,
    late: 1,
    missing: 1,
    models: 2,
    byStep: [1, 0, 1, 0],
    recognized: { co_so: 0, cap_tren: 0, tinh: 1 },
    awarded: 1,
  });
  // counted again once the data changed (the glance is kept only while nothing is written)
  const missing = (await app.call('models.reminderLetter', { year: 2025, date: '2025-04-01' })).units[0]!;
  await app.call('models.save', { unitId: missing.id, year: 2025, name: 'Chợ văn minh', field: 'kinh_te', registeredOn: '2025-04-02' });
  expect(await app.call('models.yearGlance', { year: 2025 })).toMatchObject({ registered: 3, late: 2, missing: 0, models: 3 });
});

it('awards saved on a model are in the register and in the yearly report', async () => {
  await seed();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from((await app.call('models.exportRegister', { year: 2025 })).bytes) as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
  expect(cells).toContain('Khen thưởng');
  expect(cells).toContain('Giấy khen – LĐLĐ tỉnh, 20/11/2025');
  const report = await docText((await app.call('models.exportSummary', { year: 2025 })).bytes);
  expect(report).toContain('Có 1 mô hình, điển hình được khen thưởng');
  expect(report).toContain('Giấy khen – LĐLĐ tỉnh, 20/11/2025');
});
