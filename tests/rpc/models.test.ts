// Models ("Dân vận khéo") over rpc: save/list/search, lifecycle rules, steps with evidence, coverage counts
// (new vs carried over, on time vs late, per field), byUnit and the unit's record count.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/context';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

async function seedUnits() {
  const a = await app.call('units.save', { code: 'GD01', name: 'Công đoàn Trường THCS Lê Lợi' });
  const b = await app.call('units.save', { code: 'YT01', name: 'Công đoàn Trạm Y tế xã' });
  const c = await app.call('units.save', { code: 'DN01', name: 'Công đoàn Công ty May Đồng Tiến' });
  await app.call('units.save', { code: 'LD', name: 'LĐLĐ huyện', kind: 'cap_tren' });
  return { a, b, c };
}
const base = { year: 2025, field: 'kinh_te' as const, registeredOn: '2025-03-01' };

describe('models register', () => {
  it('saves, lists and finds models ignoring diacritics, by model text or by unit', async () => {
    const { a, b } = await seedUnits();
    const m = await app.call('models.save', {
      ...base,
      unitId: a.id,
      name: 'Đoàn viên giúp nhau phát triển kinh tế',
      person: 'Nguyễn Thị Hồng',
      phone: '0905111222',
    });
    expect(m).toMatchObject({ unitCode: 'GD01', step: 1, status: 'dang_ky', isNew: true, startedYear: 2025 });
    expect(m.steps).toEqual([{ step: 1, reachedOn: '2025-03-01', note: 'Đăng ký mô hình' }]);
    await app.call('models.save', { ...base, unitId: b.id, name: 'Tổ tự quản công nhân khu nhà trọ', field: 'quoc_phong_an_ninh' });
    expect((await app.call('models.list', { query: 'doan vien giup nhau' })).map((x) => x.id)).toEqual([m.id]);
    expect((await app.call('models.list', { query: 'nguyen thi hong' })).map((x) => x.id)).toEqual([m.id]);
    expect((await app.call('models.list', { query: 'tram y te' })).map((x) => x.name)).toEqual(['Tổ tự quản công nhân khu nhà trọ']);
    expect(await app.call('models.list', { query: 'không có đâu' })).toEqual([]);
    expect((await app.call('models.byUnit', { unitId: a.id })).map((x) => x.name)).toEqual([m.name]);
    expect((await app.call('units.get', { id: a.id })).recordCount).toBe(1);
    await expect(app.call('units.delete', { id: a.id })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses a duplicate name for the same unit and year, a carried-over year after the year, and a non-DVK plan', async () => {
    const { a } = await seedUnits();
    await app.call('models.save', { ...base, unitId: a.id, name: 'Mô hình A' });
    await expect(app.call('models.save', { ...base, unitId: a.id, name: 'mô hình a' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(app.call('models.save', { ...base, unitId: a.id, name: 'Mô hình B', startedYear: 2026 })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    const plan = await app.call('plans.save', { title: 'Kế hoạch đợt dân vận II/2025', kind: 'dot_dan_van' });
    await expect(app.call('models.save', { ...base, unitId: a.id, name: 'Mô hình C', planId: plan.id })).rejects.toThrow(
      /không phải kế hoạch Dân vận khéo/,
    );
    const dvk = await app.call('plans.save', { title: 'Kế hoạch Dân vận khéo 2025', kind: 'dan_van_kheo' });
    expect((await app.call('models.save', { ...base, unitId: a.id, name: 'Mô hình C', planId: dvk.id })).planTitle).toBe(
      'Kế hoạch Dân vận khéo 2025',
    );
  });
});

describe('lifecycle', () => {
  it('advances through four steps with dated evidence, then proposal, recognition and replication', async () => {
    const { a } = await seedUnits();
    let m = await app.call('models.save', { ...base, unitId: a.id, name: 'Mô hình chuyển bước' });
    await expect(app.call('models.setStatus', { id: m.id, status: 'duoc_cong_nhan' })).rejects.toThrow(
      /Không thể chuyển từ "Đăng ký" sang "Được công nhận"/,
    );
    await expect(app.call('models.advanceStep', { id: m.id, reachedOn: '2025-02-01' })).rejects.toThrow(/không được trước ngày của bước 1/);
    const pdf = { name: 'bien-ban-trien-khai.pdf', bytes: new TextEncoder().encode('%PDF-1.4 biên bản') };
    m = await app.call('models.advanceStep', { id: m.id, reachedOn: '2025-04-02', note: 'Họp triển khai', evidence: pdf });
    expect(m).toMatchObject({ step: 2, status: 'dang_thuc_hien' });
    expect(m.evidence).toEqual([expect.objectContaining({ step: 2, onDate: '2025-04-02', name: 'bien-ban-trien-khai.pdf' })]);
    const back = await app.call('models.evidenceFile', { evidenceId: m.evidence[0]!.id });
    expect(new TextDecoder().decode(back.bytes)).toBe('%PDF-1.4 biên bản');
    await expect(app.call('models.setStatus', { id: m.id, status: 'de_nghi_cong_nhan', proposedLevel: 'cap_tren' })).rejects.toThrow(
      /bước 3/,
    );
    m = await app.call('models.advanceStep', { id: m.id, reachedOn: '2025-06-30' });
    await expect(app.call('models.setStatus', { id: m.id, status: 'de_nghi_cong_nhan' })).rejects.toThrow(/cấp đề nghị/);
    m = await app.call('models.setStatus', { id: m.id, status: 'de_nghi_cong_nhan', proposedLevel: 'cap_tren' });
    await expect(app.call('models.setStatus', { id: m.id, status: 'duoc_cong_nhan' })).rejects.toThrow(/cấp công nhận và ngày công nhận/);
    m = await app.call('models.setStatus', {
      id: m.id,
      status: 'duoc_cong_nhan',
      recognitionLevel: 'cap_tren',
      recognizedOn: '2025-11-20',
    });
    expect(m).toMatchObject({ status: 'duoc_cong_nhan', recognitionLevel: 'cap_tren', recognizedOn: '2025-11-20' });
    await expect(app.call('models.setStatus', { id: m.id, status: 'nhan_rong' })).rejects.toThrow(/bước 4/);
    m = await app.call('models.advanceStep', { id: m.id, reachedOn: '2025-12-01' });
    await expect(app.call('models.advanceStep', { id: m.id, reachedOn: '2025-12-02' })).rejects.toThrow(/không còn bước/);
    m = await app.call('models.setStatus', { id: m.id, status: 'nhan_rong' });
    expect(m.steps.map((s) => s.step)).toEqual([1, 2, 3, 4]);
    await expect(app.call('models.delete', { id: m.id })).rejects.toMatchObject({ code: 'conflict' });
    const audit = (await app.call('audit.list', {})).map((x) => x.action);
    expect(audit.filter((x) => x === 'model.step')).toHaveLength(3);
    expect(audit).toContain('model.status');
  });

  it('the database itself refuses a recognised model without level and date', async () => {
    const { a } = await seedUnits();
    const m = await app.call('models.save', { ...base, unitId: a.id, name: 'Mô hình X' });
    expect(() => app.ctx.db.prepare("UPDATE models SET status = 'duoc_cong_nhan' WHERE id = ?").run(m.id)).toThrow(/CHECK/);
  });
});

describe('coverage', () => {
  it('counts new models by deadline (on time / late / missing) and per field; carried-over models are not new', async () => {
    const { a, b, c } = await seedUnits();
    await app.call('models.save', { ...base, unitId: a.id, name: 'Mới đúng hạn', registeredOn: '2025-03-13' });
    await app.call('models.save', { ...base, unitId: a.id, name: 'Mới thứ hai', field: 'xay_dung_cong_doan', registeredOn: '2025-03-20' });
    await app.call('models.save', { ...base, unitId: b.id, name: 'Mới trễ hạn', field: 'van_hoa_xa_hoi', registeredOn: '2025-03-14' });
    await app.call('models.save', { ...base, unitId: c.id, name: 'Duy trì từ 2023', startedYear: 2023, registeredOn: '2025-01-10' });
    await app.call('models.save', { ...base, unitId: c.id, name: 'Năm khác', year: 2024, registeredOn: '2024-03-01' });
    let cov = await app.call('models.coverage', { year: 2025 });
    expect(cov).toMatchObject({
      deadline: '2025-03-13',
      baseUnits: 3,
      onTime: 1,
      late: 1,
      missing: 1,
      meetingTarget: 2,
      newModels: 3,
      carriedModels: 1,
    });
    expect(cov.units.find((u) => u.code === 'DN01')).toMatchObject({ state: 'chua_dang_ky', newCount: 0, carriedCount: 1 });
    expect(cov.units.find((u) => u.code === 'GD01')).toMatchObject({ state: 'dung_han', newCount: 2, firstRegisteredOn: '2025-03-13' });
    expect(cov.byField).toEqual([
      { field: 'kinh_te', newCount: 1, carriedCount: 1 },
      { field: 'van_hoa_xa_hoi', newCount: 1, carriedCount: 0 },
      { field: 'quoc_phong_an_ninh', newCount: 0, carriedCount: 0 },
      { field: 'xay_dung_cong_doan', newCount: 1, carriedCount: 0 },
    ]);
    // the deadline comes from the org profile
    const profile = await app.call('settings.get', {});
    await app.call('settings.save', { ...profile, modelRegistrationDeadline: '03-31' });
    cov = await app.call('models.coverage', { year: 2025 });
    expect(cov).toMatchObject({ deadline: '2025-03-31', onTime: 2, late: 0 });
    expect((await app.call('models.coverage', { year: 2024 })).units.find((u) => u.code === 'DN01')?.state).toBe('dung_han');
  });
});
