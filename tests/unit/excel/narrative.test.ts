// Narrative from our own template's "Thuyết minh" sheet: the sheet title is not narrative text, and a heading
// whose input cell is left empty gives no item; filled headings come back with their text. Other sheets are only
// probed (each row's first cells) before being read: headed paragraphs there are still found, lists are not.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src-main/excel/report/parse-report';
import { writeReportTemplate, type TemplateInput } from '../../../src-main/excel/report-template';
import { makeReport } from '../../fixtures/gen/report-workbooks';

const INPUT: TemplateInput = {
  planId: 7,
  planTitle: 'PHỐI HỢP LÀM CÔNG TÁC DÂN VẬN NĂM 2024',
  periodLabel: 'Đợt I năm 2024',
  reportDueOn: null,
  parentOrg: 'LĐLĐ huyện Thăng Bình',
  unit: { code: 'GD01', name: 'Công đoàn Trường THCS Lê Lợi' },
  indicators: [
    {
      code: 'CT01',
      groupCode: 'I',
      groupLabel: 'TUYÊN TRUYỀN',
      label: 'Số buổi tuyên truyền',
      unit: 'buổi',
      unit2: null,
      aggregation: 'sum',
      target: 5,
    },
    {
      code: 'CT02',
      groupCode: 'I',
      groupLabel: 'TUYÊN TRUYỀN',
      label: 'Lượt người tham gia',
      unit: 'lượt',
      unit2: null,
      aggregation: 'sum',
      target: null,
    },
  ],
  today: '2024-06-30',
};

/** The template with the "Thuyết minh" input cells below headings (rows 4, 7, 10, 13) set as given. */
async function filled(narrative: Record<number, string>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await writeReportTemplate(INPUT)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Thuyết minh');
  if (!ws) throw new Error('template has no narrative sheet');
  for (const [row, text] of Object.entries(narrative)) ws.getCell(Number(row), 1).value = text;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('narrative of our template', () => {
  it('an untouched template has no narrative (no title, no empty headings)', async () => {
    const bytes = await filled({});
    for (const forceExceljs of [false, true]) {
      const p = await parseReport(bytes, 'mau.xlsx', { forceExceljs });
      expect(p.issues.filter((i) => i.severity === 'fatal')).toEqual([]);
      expect(p.narrative).toEqual([]);
    }
  });

  it('keeps only the headings that have text, each with its own text', async () => {
    const bytes = await filled({ 4: 'Sửa 02 căn nhà cho hộ nghèo.', 13: 'Đề nghị hỗ trợ thêm kinh phí.' });
    for (const forceExceljs of [false, true]) {
      const p = await parseReport(bytes, 'bao-cao.xlsx', { forceExceljs });
      expect(p.narrative).toEqual([
        { heading: 'Kết quả nổi bật', text: 'Sửa 02 căn nhà cho hộ nghèo.' },
        { heading: 'Kiến nghị, đề xuất', text: 'Đề nghị hỗ trợ thêm kinh phí.' },
      ]);
    }
  });
});

describe("narrative on other sheets (probed by their rows' first cells)", () => {
  it('finds headings split over cells or after long first cells, ignores list sheets; fast and exceljs agree', async () => {
    const g = await makeReport({ seed: 5 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(g.bytes) as unknown as ArrayBuffer);
    const list = wb.addWorksheet('Danh sách');
    list.addRow(['TT', 'Họ và tên', 'Đơn vị', 'Ghi chú']);
    for (let i = 1; i <= 40; i++) list.addRow([i, `Nguyễn Văn Người Thứ ${i}`, 'Tổ công đoàn khối văn phòng', 'Hạn chế đi lại']);
    const other = wb.addWorksheet('Ghi chép');
    other.addRow(['Kết quả', 'nổi bật']);
    other.addRow(['Tổ chức 03 buổi tuyên truyền pháp luật cho người lao động.']);
    other.addRow(['2.', 'Kiến nghị, đề xuất:', 'Hỗ trợ thêm kinh phí.']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const fast = await parseReport(bytes, 'a.xlsx');
    const slow = await parseReport(bytes, 'a.xlsx', { forceExceljs: true });
    expect(fast.reader).toBe('fast');
    const extra = fast.narrative.slice(-2);
    expect(extra).toEqual([
      { heading: 'Kết quả nổi bật', text: 'Tổ chức 03 buổi tuyên truyền pháp luật cho người lao động.' },
      { heading: 'Kiến nghị, đề xuất', text: 'Hỗ trợ thêm kinh phí.' },
    ]);
    expect(fast.narrative).toEqual(slow.narrative);
    expect(fast.narrative.some((n) => /Nguyễn Văn/.test(n.text))).toBe(false);
  });

  it('rows that start with a number (STT) are never headings, on the probe and on a full read alike', async () => {
    const g = await makeReport({ seed: 6 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(g.bytes) as unknown as ArrayBuffer);
    // A list whose rows start with an STT number and then read like headings: not narrative.
    const list = wb.addWorksheet('Phụ lục 2');
    list.addRow(['STT', 'Nội dung hoạt động', 'Ngày']);
    for (let i = 1; i <= 30; i++) list.addRow([i, 'Kết quả nổi bật: hoạt động số ' + i, new Date(Date.UTC(2024, 5, (i % 28) + 1))]);
    // Below the list, a real heading in its own text cell: the probe must still find it.
    const mixed = wb.addWorksheet('Ghi chép');
    for (let i = 1; i <= 5; i++) mixed.addRow([i * 1000, 'Hạn chế số liệu']);
    mixed.addRow(['III.', 'Kiến nghị:', 'Bổ sung kinh phí cho công đoàn cơ sở.']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const fast = await parseReport(bytes, 'a.xlsx');
    const slow = await parseReport(bytes, 'a.xlsx', { forceExceljs: true });
    expect(fast.reader).toBe('fast');
    expect(fast.narrative).toEqual(slow.narrative);
    expect(fast.narrative.some((n) => /hoạt động số/.test(n.heading + n.text))).toBe(false);
    expect(fast.narrative.at(-1)).toEqual({ heading: 'Kiến nghị', text: 'Bổ sung kinh phí cho công đoàn cơ sở.' });
  });
});
