// A total cell holding a formula whose cached result is empty (t="str" with <v></v>, as Excel and exceljs write a
// formula returning "" or never calculated) is never read as silently empty: flagged at its cell, both readers.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parseReport } from '../../../src-main/excel/report/parse-report';

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Báo cáo');
  ws.addRow(['CÔNG ĐOÀN TRƯỜNG THCS LÊ LỢI']);
  ws.addRow(['BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN NĂM 2025']);
  ws.addRow([]);
  ws.addRow(['STT', 'Nội dung', 'ĐVT', 'Kết quả']);
  ws.addRow([1, 'Số buổi tuyên truyền', 'buổi', 12]);
  ws.addRow([2, 'Hiến máu tình nguyện', 'ĐVM', null]);
  ws.getCell('D6').value = { formula: 'SUM(F1:F3)', result: '' } as ExcelJS.CellFormulaValue;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('formula with an empty cached result', () => {
  for (const forceExceljs of [false, true]) {
    it(`is flagged at its cell, never silently empty (${forceExceljs ? 'exceljs' : 'fast'} reader)`, async () => {
      const p = await parseReport(await workbook(), 'bc.xlsx', { forceExceljs });
      const row = p.rows.find((r) => r.label.startsWith('Hiến máu'))!;
      expect(row.value).toBeNull();
      expect(p.issues.find((i) => i.cell === 'D6')).toMatchObject({ severity: 'error', message: expect.stringMatching(/công thức/) });
      expect(p.rows.find((r) => r.label.startsWith('Số buổi'))!.value).toBe(12);
    });
  }
});
