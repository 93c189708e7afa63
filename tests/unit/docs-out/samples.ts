// Sample inputs shared by the docs-out tests: a two-page BÁO CÁO with a table, and a short CÔNG VĂN đôn đốc.
import type { OfficialDoc } from '../../../src-main/docs/official-docx/index';
import ExcelJS from 'exceljs';
import { PROFILE } from '../../rpc/consolidation-fixture';
import {
  addOfficialHeader,
  addSignatureBlock,
  addTable,
  addTitle,
  type SheetTableSpec,
  type TableResult,
} from '../../../src-main/excel/official-sheet/index';

/** A real office's profile as staff type it in Settings: full names in caps. */
export const TAY_NINH = {
  ...PROFILE,
  parentOrg: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH',
  ownOrg: 'LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU',
  placeName: 'Dương Minh Châu',
  signerAuthority: 'TM. BAN THƯỜNG VỤ',
  signerTitle: 'PHÓ CHỦ TỊCH',
};

const header = {
  parentOrg: 'LĐLĐ tỉnh Tây Ninh',
  ownOrg: 'LĐLĐ huyện Dương Minh Châu',
  number: '15/BC-LĐLĐ',
  place: 'Dương Minh Châu',
  date: '2024-01-05',
};

const filler =
  'Thực hiện Kế hoạch số 233/KH-LĐLĐ ngày 16/11/2023 của Liên đoàn Lao động tỉnh về phối hợp làm công tác dân vận, ' +
  'Ban Thường vụ Liên đoàn Lao động huyện đã chỉ đạo các công đoàn cơ sở triển khai đồng bộ, thiết thực, gắn với ' +
  'phong trào thi đua "Dân vận khéo" và chăm lo đời sống đoàn viên, người lao động.';

export const reportDoc: OfficialDoc = {
  header,
  documentType: 'Báo cáo',
  title: 'Kết quả phối hợp làm công tác dân vận đợt II/2023',
  body: [
    { kind: 'paragraph', runs: [{ text: 'Căn cứ Kế hoạch số 233/KH-LĐLĐ ngày 16/11/2023 của LĐLĐ tỉnh Tây Ninh;', italic: true }] },
    { kind: 'paragraph', runs: filler },
    { kind: 'heading', level: 1, text: 'Công tác chỉ đạo, triển khai' },
    {
      kind: 'paragraph',
      runs: ['Ban Thường vụ đã ban hành ', { text: '01 kế hoạch', bold: true }, ' và ', { text: '02 công văn', bold: true }, ' hướng dẫn.'],
    },
    { kind: 'bullet', runs: 'Tổ chức 12 buổi tuyên truyền cho 1.250 lượt đoàn viên, người lao động;' },
    { kind: 'bullet', runs: 'Thăm, tặng 90 suất quà trị giá hơn 63 triệu đồng.' },
    { kind: 'heading', level: 1, text: 'Kết quả thực hiện' },
    { kind: 'heading', level: 2, text: 'Kết quả các chỉ tiêu' },
    {
      kind: 'table',
      columns: [
        { header: 'TT', width: 1, align: 'center' },
        { header: 'Nội dung', width: 5.6 },
        { header: 'ĐVT', width: 1.6, align: 'center' },
        { header: 'Số lượng', width: 2.4 },
        { header: 'Ghi chú', width: 2 },
      ],
      rows: [
        ['1', 'Làm mới đường giao thông nông thôn', 'mét', 700, ''],
        ['2', 'Nạo vét kênh mương', 'km', 10.5, ''],
        ['3', 'Khám bệnh, cấp thuốc miễn phí', 'người', 1200, ''],
        ['4', 'Tổng kinh phí', 'đồng', 45500000, 'Xã hội hóa'],
      ],
      totalRow: ['', 'Cộng', '', 45502410.5, ''],
    },
    { kind: 'heading', level: 2, text: 'Mô hình "Dân vận khéo"' },
    { kind: 'heading', level: 3, text: 'Đăng ký mô hình' },
    ...Array.from({ length: 6 }, () => ({ kind: 'paragraph' as const, runs: filler })),
    { kind: 'heading', level: 1, text: 'Phương hướng, nhiệm vụ thời gian tới' },
    { kind: 'paragraph', runs: 'Trên đây là báo cáo kết quả phối hợp làm công tác dân vận đợt II/2023 của LĐLĐ huyện Dương Minh Châu./.' },
  ],
  recipients: ['LĐLĐ tỉnh (b/c)', 'Thường trực Huyện ủy (b/c)', 'Các CĐCS', 'Lưu: VT, ToC'],
  signer: { authority: 'TM. Ban Thường vụ', title: 'Phó Chủ tịch', name: 'Nguyễn Thị Hồng Đào' },
};

export const letterDoc: OfficialDoc = {
  header: { ...header, number: '208/LĐLĐ', date: '2023-12-28' },
  documentType: 'CÔNG VĂN',
  title: 'đôn đốc báo cáo kết quả công tác dân vận đợt II/2023',
  kinhGui: ['Ban Chấp hành các công đoàn cơ sở trực thuộc'],
  body: [
    { kind: 'paragraph', runs: 'Đến ngày 28/12/2023, LĐLĐ huyện chưa nhận được báo cáo của 12 công đoàn cơ sở (có danh sách kèm theo).' },
    { kind: 'paragraph', runs: ['Đề nghị các đơn vị gửi báo cáo về LĐLĐ huyện ', { text: 'trước ngày 31/12/2023', bold: true }, './.'] },
  ],
  recipients: ['Như trên', 'Lưu: VT'],
  signer: { authority: 'KT. Chủ tịch', title: 'Phó Chủ tịch', name: 'Trần Văn Bình' },
};

/** Consolidated table, one row per CĐCS in two groups with subtotals: TT / Đơn vị / `indicators` number columns / Ghi chú. */
export function sampleTableSpec(indicators: number): SheetTableSpec {
  const names = [
    'Số buổi tuyên truyền',
    'Lượt ĐVCĐ, NLĐ tham dự',
    'Suất quà',
    'Trị giá quà (đồng)',
    'Nạo vét kênh mương (km)',
    'Mái ấm Công đoàn (căn)',
    'Ngày công',
    'Khám bệnh (người)',
    'Học bổng (suất)',
    'Xe đạp (chiếc)',
  ];
  const ind = names.slice(0, indicators).map((header, i) => ({ header, key: `c${i + 1}`, width: 12, kind: 'number' as const }));
  const mk = (tt: string, unit: string, k: number, note = ''): Record<string, string | number> => {
    const row: Record<string, string | number> = { tt, unit, note };
    ind.forEach((c, i) => {
      row[c.key] = i === 3 ? 4_500_000 * k : i === 4 ? 0.5 * k + 0.25 : k * (i + 1) * 7;
    });
    return row;
  };
  return {
    columns: [
      { header: 'TT', key: 'tt', width: 5, align: 'center', trusted: true },
      { header: 'Đơn vị', key: 'unit', width: 30 },
      ...ind,
      { header: 'Ghi chú', key: 'note', width: 16 },
    ],
    labelKey: 'unit',
    groups: [
      {
        label: 'I. Khối doanh nghiệp',
        subtotal: true,
        rows: [
          mk('1', 'CĐCS Công ty TNHH Giày da Hoàng Phúc', 3),
          mk('2', 'CĐCS Công ty CP Mía đường Tây Ninh', 5, '=HYPERLINK("http://x","bấm")'),
        ],
      },
      {
        label: 'II. Khối hành chính sự nghiệp',
        subtotal: true,
        rows: [mk('3', 'CĐCS Trường THCS Phan Bội Châu', 1, '-2+3+cmd'), mk('4', 'CĐCS Trạm Y tế xã Phước Ninh', 2, 'Nộp trễ')],
      },
    ],
    totalRow: 'Tổng cộng',
  };
}

export async function buildSampleWorkbook(units: number): Promise<{ buffer: Uint8Array; table: TableResult }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tổng hợp');
  const spec = sampleTableSpec(units);
  addOfficialHeader(ws, { ...reportDoc.header, number: '16/BC-LĐLĐ' }, spec.columns.length);
  addTitle(ws, 'Báo cáo tổng hợp kết quả phối hợp làm công tác dân vận đợt II/2023', 'Số liệu tính đến ngày 31/12/2023');
  const table = addTable(ws, spec);
  addSignatureBlock(ws, reportDoc.recipients, reportDoc.signer);
  const buf = await wb.xlsx.writeBuffer();
  return { buffer: new Uint8Array(buf as ArrayBuffer), table };
}
