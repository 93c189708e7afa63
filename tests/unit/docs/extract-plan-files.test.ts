// End to end: real files (Word built with `docx`, a LibreOffice text PDF) -> readDocumentText -> extractPlan.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanExtract } from '../../../src-main/contract/plan-extract';
import { extractPlan } from '../../../src-main/docs/extract-plan';
import { readDocumentText } from '../../../src-main/docs/read-document';
import { buildPlanDocx, THANG_BINH_PLAN, type PlanDocxSpec } from './helpers/plan-docx';
import { toTcvn3, toVni } from '../../fixtures/gen/report-workbooks';

const EXPECTED = {
  documentType: 'KẾ HOẠCH',
  number: '15/KH-LĐLĐ',
  issuedOn: '2019-07-05',
  place: 'Thăng Bình',
  issuer: 'LĐLĐ HUYỆN THĂNG BÌNH',
  parentIssuer: 'LĐLĐ TỈNH QUẢNG NAM',
  title: 'Phối hợp làm công tác dân vận đợt 1 năm 2019',
  basis: [
    {
      text: 'Kế hoạch số 71-KH/LĐLĐ ngày 25/6/2019 của Ban Thường vụ LĐLĐ tỉnh Quảng Nam về phối hợp làm công tác dân vận đợt 1 năm 2019',
      number: '71-KH/LĐLĐ',
      issuedOn: '2019-06-25',
      issuer: 'Ban Thường vụ LĐLĐ tỉnh Quảng Nam',
    },
  ],
  period: { label: 'Đợt 1 năm 2019', startsOn: '2019-07-16', endsOn: '2019-07-30' },
  reportDueOn: '2019-07-31',
  targets: [
    { text: 'Mỗi CĐCS thực hiện ít nhất 01 công trình', min: 1, max: null, unit: 'công trình' },
    { text: 'toàn huyện vận động 300 - 500 suất quà cho gia đình chính sách', min: 300, max: 500, unit: 'suất' },
  ],
  signer: { authority: 'TM. BAN THƯỜNG VỤ KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Thị Hoa' },
  recipients: ['Thường trực LĐLĐ tỉnh (b/c)', 'Ban Dân vận Huyện ủy (b/c)', 'Các CĐCS', 'Lưu: VT'],
  warnings: [],
  missing: [],
};

describe('extract-plan from files', () => {
  it('a .docx with the usual two-column header and footer tables', async () => {
    const text = await readDocumentText('ke-hoach.docx', await buildPlanDocx(THANG_BINH_PLAN));
    const plan = extractPlan(text);
    expect(PlanExtract.parse(plan)).toEqual(EXPECTED);
  });

  it('a .docx whose header table has one row per line (columns interleave when read)', async () => {
    const spec: PlanDocxSpec = { ...THANG_BINH_PLAN, headerLayout: 'rows' };
    const text = await readDocumentText('ke-hoach.docx', await buildPlanDocx(spec));
    expect(text.indexOf('CỘNG HÒA')).toBeLessThan(text.indexOf('LĐLĐ HUYỆN THĂNG BÌNH'));
    expect(extractPlan(text)).toEqual(EXPECTED);
  });

  it('a .docx from another issuer (Ban Dân vận Huyện ủy, Party numbering)', async () => {
    const spec: PlanDocxSpec = {
      headerLeft: ['HUYỆN ỦY PHÚ NINH', 'BAN DÂN VẬN', '*', 'Số 21-KH/BDVHU'],
      headerRight: ['ĐẢNG CỘNG SẢN VIỆT NAM', '', 'Phú Ninh, ngày 02 tháng 12 năm 2023'],
      type: 'KẾ HOẠCH',
      title: ['Phối hợp làm công tác dân vận', 'đợt II năm 2023'],
      body: [
        'Căn cứ Kế hoạch số 88-KH/BDVTU ngày 20/11/2023 của Ban Dân vận Tỉnh ủy;',
        'Ban Dân vận Huyện ủy xây dựng kế hoạch như sau:',
        'I. NỘI DUNG',
        'Thời gian từ ngày 16/12 đến ngày 30/12/2023; mỗi xã thực hiện ít nhất 02 công trình dân vận.',
        'II. TỔ CHỨC THỰC HIỆN',
        'Các đơn vị báo cáo kết quả về Ban Dân vận Huyện ủy chậm nhất ngày 03/01/2024.',
      ],
      recipients: ['- Ban Dân vận Tỉnh ủy (b/c);', '- Lưu: VT.'],
      signer: ['K/T TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN', '', 'Nguyễn Văn Tư'],
    };
    const plan = extractPlan(await readDocumentText('kh.docx', await buildPlanDocx(spec)));
    expect(plan).toMatchObject({
      number: '21-KH/BDVHU',
      issuedOn: '2023-12-02',
      place: 'Phú Ninh',
      issuer: 'BAN DÂN VẬN',
      parentIssuer: 'HUYỆN ỦY PHÚ NINH',
      title: 'Phối hợp làm công tác dân vận đợt II năm 2023',
      period: { label: 'Đợt II năm 2023', startsOn: '2023-12-16', endsOn: '2023-12-30' },
      reportDueOn: '2024-01-03',
      targets: [{ min: 2, max: null, unit: 'công trình' }],
      signer: { authority: 'K/T TRƯỞNG BAN', title: 'PHÓ TRƯỞNG BAN', name: 'Nguyễn Văn Tư' },
      recipients: ['Ban Dân vận Tỉnh ủy (b/c)', 'Lưu: VT'],
    });
    expect(plan.basis).toEqual([
      {
        text: 'Kế hoạch số 88-KH/BDVTU ngày 20/11/2023 của Ban Dân vận Tỉnh ủy',
        number: '88-KH/BDVTU',
        issuedOn: '2023-11-20',
        issuer: 'Ban Dân vận Tỉnh ủy',
      },
    ]);
  });

  it('a .docx typed in VNI fonts reads as the same plan, with a warning to check it against the original', async () => {
    const vni = (l: string[]) => l.map(toVni);
    const spec: PlanDocxSpec = {
      ...THANG_BINH_PLAN,
      headerLeft: vni(THANG_BINH_PLAN.headerLeft),
      headerRight: vni(THANG_BINH_PLAN.headerRight),
      type: toVni(THANG_BINH_PLAN.type),
      title: vni(THANG_BINH_PLAN.title),
      body: vni(THANG_BINH_PLAN.body),
      recipients: vni(THANG_BINH_PLAN.recipients),
      signer: vni(THANG_BINH_PLAN.signer),
    };
    const plan = extractPlan(await readDocumentText('ke-hoach-vni.docx', await buildPlanDocx(spec)));
    const { warnings, ...rest } = plan;
    const { warnings: _none, ...expected } = EXPECTED;
    expect(rest).toEqual(expected);
    expect(warnings).toEqual([
      { field: 'document', message: expect.stringMatching(/bảng mã cũ VNI .*đã tự chuyển \d+ dòng sang Unicode/) as unknown as string },
    ]);
  });

  it('TCVN3 lines pasted into a Unicode plan are converted; the Unicode lines are left alone', async () => {
    const body = [
      toTcvn3('Căn cứ Kế hoạch số 88-KH/BDVTU ngày 20/11/2023 của Ban Dân vận Tỉnh ủy;'),
      'Ban Dân vận Huyện ủy xây dựng kế hoạch như sau:',
      'I. NỘI DUNG',
      toTcvn3('Thời gian từ ngày 16/12 đến ngày 30/12/2023; mỗi xã thực hiện ít nhất 02 công trình dân vận.'),
      'II. TỔ CHỨC THỰC HIỆN',
      toTcvn3('Các đơn vị báo cáo kết quả về Ban Dân vận Huyện ủy chậm nhất ngày 03/01/2024.'),
    ];
    expect(body[0]).not.toContain('Căn cứ'); // really encoded
    const spec: PlanDocxSpec = {
      headerLeft: ['HUYỆN ỦY PHÚ NINH', 'BAN DÂN VẬN', '*', 'Số 21-KH/BDVHU'],
      headerRight: ['ĐẢNG CỘNG SẢN VIỆT NAM', '', 'Phú Ninh, ngày 02 tháng 12 năm 2023'],
      type: 'KẾ HOẠCH',
      title: ['Phối hợp làm công tác dân vận', 'đợt II năm 2023'],
      body,
      recipients: ['- Ban Dân vận Tỉnh ủy (b/c);', '- Lưu: VT.'],
      signer: ['K/T TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN', '', 'Nguyễn Văn Tư'],
    };
    const plan = extractPlan(await readDocumentText('kh-tcvn3.docx', await buildPlanDocx(spec)));
    expect(plan).toMatchObject({
      number: '21-KH/BDVHU',
      period: { startsOn: '2023-12-16', endsOn: '2023-12-30' },
      reportDueOn: '2024-01-03',
      targets: [{ min: 2, max: null, unit: 'công trình' }],
    });
    expect(plan.basis[0]?.text).toBe('Kế hoạch số 88-KH/BDVTU ngày 20/11/2023 của Ban Dân vận Tỉnh ủy');
    expect(plan.warnings.filter((w) => w.field === 'document').map((w) => w.message)).toEqual([
      expect.stringMatching(/TCVN3 .*3 dòng/) as unknown as string,
    ]);
  });

  it('a Unicode plan gets no encoding warning', async () => {
    const plan = extractPlan(await readDocumentText('ke-hoach.docx', await buildPlanDocx(THANG_BINH_PLAN)));
    expect(plan.warnings.some((w) => w.field === 'document')).toBe(false);
  });

  it('a text PDF exported by LibreOffice (Quốc hiệu and date wrapped in the narrow header column)', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/plans/ke-hoach-thang-binh-text.pdf', import.meta.url)));
    const text = await readDocumentText('ke-hoach.pdf', bytes);
    expect(text).toMatch(/năm\n2019/u); // the wrap this test is about
    expect(extractPlan(text)).toEqual(EXPECTED);
  });
});
