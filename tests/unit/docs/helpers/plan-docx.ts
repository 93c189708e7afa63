// Builds a plan .docx the way offices lay it out (two-column header table, title, body, footer table),
// with the `docx` package, so tests read real Word files rather than hand-made text.
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

export interface PlanDocxSpec {
  headerLeft: string[];
  headerRight: string[];
  type: string;
  title: string[];
  body: string[];
  recipients: string[];
  signer: string[];
  /** 'cells' (default): one row, each column one cell; 'rows': one table row per header line (interleaves on reading). */
  headerLayout?: 'cells' | 'rows';
}

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };

function cell(lines: string[], bold = false): TableCell {
  return new TableCell({
    width: { size: 50, type: WidthType.PERCENTAGE },
    children: lines.map(
      (t) =>
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: t, bold, font: 'Times New Roman', size: 26 })] }),
    ),
  });
}

function rowPerLine(left: string[], right: string[]): Table {
  const n = Math.max(left.length, right.length);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: Array.from({ length: n }, (_, i) => new TableRow({ children: [cell([left[i] ?? '']), cell([right[i] ?? ''], true)] })),
  });
}

function twoColumns(left: string[], right: string[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [new TableRow({ children: [cell(left), cell(right, true)] })],
  });
}

const para = (text: string, bold = false): Paragraph =>
  new Paragraph({ children: [new TextRun({ text, bold, font: 'Times New Roman', size: 28 })] });

export async function buildPlanDocx(spec: PlanDocxSpec): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          spec.headerLayout === 'rows' ? rowPerLine(spec.headerLeft, spec.headerRight) : twoColumns(spec.headerLeft, spec.headerRight),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: spec.type, bold: true, size: 28 })] }),
          ...spec.title.map(
            (t) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: t, bold: true, size: 28 })] }),
          ),
          ...spec.body.map((t) => para(t)),
          twoColumns(['Nơi nhận:', ...spec.recipients], spec.signer),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A typical district plan (LĐLĐ huyện Thăng Bình), used for the .docx test and the committed PDF fixture. */
export const THANG_BINH_PLAN: PlanDocxSpec = {
  headerLeft: ['LĐLĐ TỈNH QUẢNG NAM', 'LĐLĐ HUYỆN THĂNG BÌNH', '______', 'Số: 15/KH-LĐLĐ'],
  headerRight: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '__________', 'Thăng Bình, ngày 05 tháng 7 năm 2019'],
  type: 'KẾ HOẠCH',
  title: ['Phối hợp làm công tác dân vận đợt 1 năm 2019'],
  body: [
    'Thực hiện Kế hoạch số 71-KH/LĐLĐ ngày 25/6/2019 của Ban Thường vụ LĐLĐ tỉnh Quảng Nam về phối hợp làm công tác dân vận đợt 1 năm 2019, Ban Thường vụ LĐLĐ huyện xây dựng kế hoạch như sau:',
    'I. MỤC ĐÍCH, YÊU CẦU',
    'Phát huy sức mạnh tổng hợp của hệ thống chính trị trong công tác dân vận.',
    'II. NỘI DUNG',
    '1. Thời gian: từ ngày 16/7/2019 – 30/7/2019.',
    '2. Mỗi CĐCS thực hiện ít nhất 01 công trình; toàn huyện vận động 300 - 500 suất quà cho gia đình chính sách.',
    'III. TỔ CHỨC THỰC HIỆN',
    'Các CĐCS báo cáo kết quả về LĐLĐ huyện (qua Ban Tuyên giáo) trước ngày 31/7/2019./.',
  ],
  recipients: ['- Thường trực LĐLĐ tỉnh (b/c);', '- Ban Dân vận Huyện ủy (b/c);', '- Các CĐCS;', '- Lưu: VT.'],
  signer: ['TM. BAN THƯỜNG VỤ', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', '', '', 'Nguyễn Thị Hoa'],
};
