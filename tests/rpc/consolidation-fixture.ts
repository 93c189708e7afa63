// Shared fixture for the consolidation tests: an office profile, five base unions, a plan with sum / per-unit /
// percent / max / text indicators, and unit reports imported through our template (filled by indicator code),
// so superseded versions and undone batches go through the real import pipeline.
import ExcelJS from 'exceljs';
import type { TestApp } from '../helpers/context';
import type { Unit } from '../../src-main/contract/units';
import { TEMPLATE_COLUMNS, TEMPLATE_SHEETS } from '../../src-main/excel/report-template-layout';

export const PROFILE = {
  parentOrg: 'LĐLĐ tỉnh Quảng Nam',
  ownOrg: 'Liên đoàn Lao động huyện Thăng Bình',
  ownOrgShort: 'LĐLĐ',
  placeName: 'Thăng Bình',
  documentCode: 'KH-LĐLĐ',
  signerAuthority: 'TM. Ban Thường vụ',
  signerTitle: 'Phó Chủ tịch',
  signerName: 'Nguyễn Thị Hồng Đào',
  levelNames: { province: 'LĐLĐ tỉnh', upper: 'LĐLĐ huyện', base: 'Công đoàn cơ sở' },
};

export type Values = Record<string, number | string>;

/** Fill our template like a unit would: values by indicator code (CT08#2 = second measure) via the _meta sheet. */
export async function fillByCode(
  bytes: Uint8Array,
  values: Values,
  narrative: Partial<Record<4 | 7 | 10 | 13, string>> = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(TEMPLATE_SHEETS.report)!;
  wb.getWorksheet(TEMPLATE_SHEETS.meta)!.eachRow((r) => {
    const code = String(r.getCell(3).value ?? '');
    if (r.getCell(1).value === 'row' && code in values)
      ws.getCell(Number(r.getCell(2).value), TEMPLATE_COLUMNS.value).value = values[code]!;
  });
  const nar = wb.getWorksheet(TEMPLATE_SHEETS.narrative)!;
  for (const [row, text] of Object.entries(narrative)) nar.getCell(Number(row), 1).value = text;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const UNITS = [
  { code: 'GD01', name: 'Công đoàn Trường THCS Lê Lợi' },
  { code: 'YT01', name: 'Công đoàn Trạm Y tế xã Bình An' },
  { code: 'XD01', name: 'Công đoàn Công ty CP Xây dựng Thăng Long' },
  { code: 'NN01', name: 'Công đoàn Hợp tác xã Nông nghiệp Bình Triều' },
  { code: 'TM01', name: 'Công đoàn Chợ Hà Lam' },
];

export async function setupPlan(app: TestApp, opts: { units?: typeof UNITS; profile?: typeof PROFILE } = {}) {
  await app.call('settings.save', { ...(opts.profile ?? PROFILE), modelRegistrationDeadline: '03-13' });
  const units: Unit[] = [];
  for (const u of opts.units ?? UNITS) units.push(await app.call('units.save', u));
  const extra = [
    {
      code: 'TL01',
      groupCode: 'VII',
      groupLabel: 'Chỉ tiêu khác',
      label: 'Tỷ lệ đoàn viên tham gia',
      unit: '%',
      aggregation: 'percent' as const,
    },
    {
      code: 'MX01',
      groupCode: 'VII',
      groupLabel: 'Chỉ tiêu khác',
      label: 'Số người dự buổi đông nhất',
      unit: 'người',
      aggregation: 'max' as const,
    },
    {
      code: 'TX01',
      groupCode: 'VII',
      groupLabel: 'Chỉ tiêu khác',
      label: 'Mô hình, cách làm tiêu biểu',
      unit: null,
      aggregation: 'text' as const,
    },
  ];
  for (const e of extra) await app.call('indicators.save', e);
  const cat = await app.call('indicators.list', {});
  const id = (c: string) => cat.find((i) => i.code === c)!.id;
  const plan = await app.call('plans.save', {
    title: 'Phối hợp làm công tác dân vận đợt II/2023',
    status: 'dang_thuc_hien',
    number: '15/KH-LĐLĐ',
    issuedOn: '2023-12-01',
    reportDueOn: '2023-12-31',
    periodLabel: 'Đợt II/2023',
    startsOn: '2023-12-16',
    endsOn: '2023-12-30',
    basis: [{ text: 'Kế hoạch số 233/KH-LĐLĐ ngày 16/11/2023 của Liên đoàn Lao động tỉnh Quảng Nam về phối hợp làm công tác dân vận' }],
    targets: [
      { indicatorId: id('CT01'), min: 10 },
      { indicatorId: id('CT08'), min: 1, scope: 'per_unit' },
      { indicatorId: id('CT25'), min: 150 },
      { indicatorId: id('TL01'), min: 80 },
      { indicatorId: id('MX01') },
      { indicatorId: id('TX01') },
    ],
    assignment: 'all_base',
  });
  const tpl = new Map<number, Uint8Array>();
  const template = async (unitId: number) => {
    if (!tpl.has(unitId)) tpl.set(unitId, (await app.call('reports.templates', { planId: plan.id, unitIds: [unitId], zip: false })).bytes);
    return tpl.get(unitId)!;
  };
  /** Import one unit report (its own batch); returns the batch id. */
  const submit = async (unitIndex: number, receivedOn: string, values: Values, narrative: Parameters<typeof fillByCode>[2] = {}) => {
    const u = units[unitIndex]!;
    const bytes = await fillByCode(await template(u.id), values, narrative);
    const res = await app.call('reports.commit', {
      planId: plan.id,
      files: [{ file: { name: `bc-${u.code}-${receivedOn}.xlsx`, bytes }, unitId: u.id, receivedOn }],
    });
    if (res.files[0]?.status === 'error') throw new Error(JSON.stringify(res.files[0].issues));
    return res.batchId!;
  };
  return { plan, units, submit, id };
}

/**
 * State S1: A on time, B on the due date, C late, D on time, E missing. Returns the batch ids to undo.
 * Hand-computed S1: CT01 3+5+4+7 = 19; CT08 1+0+2+1 = 4 căn, 50+0+100+40 = 190 triệu; per-unit ≥ 1: A, C, D = 3/5;
 * CT25 40+60+80+20 = 200 (133.3% of 150); TL01 avg (90+70+100+60)/4 = 80; MX01 max 300.
 */
export async function submitS1(f: Awaited<ReturnType<typeof setupPlan>>) {
  const a = await f.submit(
    0,
    '2023-12-30',
    { CT01: 3, CT08: 1, 'CT08#2': 50, CT25: 40, TL01: 90, MX01: 120, TX01: 'Mô hình "Bữa cơm công đoàn"' },
    {
      4: 'Tổ chức 3 buổi tuyên truyền pháp luật cho công nhân khu trọ.',
      7: 'Phối hợp với Đoàn xã vận động hiến máu.',
      10: 'Kinh phí còn hạn chế.',
      13: 'Đề nghị LĐLĐ huyện hỗ trợ kinh phí xây nhà Mái ấm.',
    },
  );
  const b = await f.submit(
    1,
    '2023-12-31',
    { CT01: 5, CT08: 0, 'CT08#2': 0, CT25: 60, TL01: 70, MX01: 200 },
    { 10: 'Đoàn viên phân tán, khó tập trung.' },
  );
  const c = await f.submit(2, '2024-01-03', { CT01: 4, CT08: 2, 'CT08#2': 100, CT25: 80, TL01: 100 });
  const d = await f.submit(3, '2023-12-29', { CT01: 7, CT08: 1, 'CT08#2': 40, CT25: 20, TL01: 60, MX01: 300 });
  return { a, b, c, d };
}
