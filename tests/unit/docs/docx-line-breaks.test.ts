// A .docx whose signer block and header are typed with Shift+Enter (<w:br/>) and tabs inside one paragraph: each
// break is a new line and a tab a column gap, so the signer and the header fields come out apart, not glued.
import { AlignmentType, Document, Packer, Paragraph, Tab, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { readDocumentText } from '../../../src-main/docs/read-document';
import { extractPlan } from '../../../src-main/docs/extract-plan/index';
import { elementText } from '../../../src-main/docs/docx-text';

/** Lines of one paragraph joined by Shift+Enter, as Word writes them. */
const brLines = (lines: string[], bold = false): Paragraph =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: lines.map((text, i) => new TextRun({ text, bold, break: i ? 1 : 0 })) });

async function shiftEnterPlan(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          brLines(['LĐLĐ TỈNH QUẢNG NAM', 'LĐLĐ HUYỆN THĂNG BÌNH']),
          new Paragraph({
            children: [
              new TextRun('Số: 15/KH-LĐLĐ'),
              new TextRun({ children: [new Tab(), new Tab(), 'Thăng Bình, ngày 05 tháng 7 năm 2019'] }),
            ],
          }),
          brLines(['KẾ HOẠCH', 'Phối hợp làm công tác dân vận đợt 1 năm 2019'], true),
          new Paragraph(
            'Thực hiện Kế hoạch số 71-KH/LĐLĐ ngày 25/6/2019 của Ban Thường vụ LĐLĐ tỉnh Quảng Nam, Ban Thường vụ LĐLĐ huyện xây dựng kế hoạch như sau:',
          ),
          new Paragraph('Mỗi CĐCS thực hiện ít nhất 01 công trình.'),
          new Paragraph('Các CĐCS báo cáo kết quả về LĐLĐ huyện trước ngày 31/7/2019./.'),
          brLines(['Nơi nhận:', '- Ban Dân vận Huyện ủy;', '- Lưu: VT.']),
          brLines(['TM. BAN THƯỜNG VỤ', 'PHÓ CHỦ TỊCH', '', 'Lê Văn Tám'], true),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('docx line breaks (Shift+Enter) and tabs', () => {
  it('reads each Shift+Enter line as its own line and a tab as a column gap', async () => {
    const text = await readDocumentText('ke-hoach.docx', await shiftEnterPlan());
    expect(text).not.toContain('VỤPHÓ');
    expect(text).not.toContain('\t');
    expect(text).toMatch(/^TM\. BAN THƯỜNG VỤ\nPHÓ CHỦ TỊCH\n\nLê Văn Tám$/m);
    expect(text).toMatch(/^Số: 15\/KH-LĐLĐ {2,}Thăng Bình, ngày 05 tháng 7 năm 2019$/m);
  });

  it('extracts the signer, number, date and title of such a plan', async () => {
    const x = extractPlan(await readDocumentText('ke-hoach.docx', await shiftEnterPlan()));
    expect(x.signer).toEqual({ authority: 'TM. BAN THƯỜNG VỤ', title: 'PHÓ CHỦ TỊCH', name: 'Lê Văn Tám' });
    expect(x.number).toBe('15/KH-LĐLĐ');
    expect(x.issuedOn).toBe('2019-07-05');
    expect(x.title).toBe('Phối hợp làm công tác dân vận đợt 1 năm 2019');
    expect(x.reportDueOn).toBe('2019-07-31');
  });

  it('walks a deeply nested document tree without recursion', () => {
    let el = { type: 'text', value: 'x' } as { type: string; value?: string; children?: unknown[] };
    for (let i = 0; i < 200_000; i++) el = { type: 'run', children: [el] };
    expect(elementText(el as never)).toBe('x');
  });
});
