// The blank "Dân vận khéo" registration workbook sent to units: one row per model under a header row the
// importer recognises, drop-down lists for type/field/new-or-carried, and a hidden _meta sheet with the year.
import { loadExcelJs } from './exceljs-load';
import { MODEL_FIELD_LABELS, MODEL_TYPE_LABELS, REGISTRATION_FIELDS } from '../contract/model-labels';
import { FORM_KIND, META_SHEET } from './models-read';
import { applyPageSetup, font, THIN } from './official-sheet/style';
import { inertText } from './official-sheet/inert';
import { xlsxBytes } from './xlsx-bytes';

const FORM_COLUMNS: { header: string; width: number }[] = [
  { header: 'STT', width: 5 },
  { header: 'Mã đơn vị', width: 12 },
  { header: 'Tên đơn vị', width: 28 },
  { header: 'Tên mô hình, điển hình', width: 32 },
  { header: 'Loại', width: 18 },
  { header: 'Lĩnh vực', width: 22 },
  { header: 'Mới / Duy trì', width: 12 },
  { header: 'Năm bắt đầu', width: 10 },
  ...REGISTRATION_FIELDS.map((f) => ({ header: f.label, width: 30 })),
  { header: 'Người phụ trách', width: 20 },
  { header: 'Điện thoại', width: 14 },
  { header: 'Ngày đăng ký', width: 13 },
  { header: 'Ghi chú', width: 20 },
];

interface FormInfo {
  year: number;
  ownOrg: string;
  deadline: string; // dd/mm/yyyy
  unit: { code: string; name: string } | null;
}

const HEADER_ROW = 5;
const BLANK_ROWS = 10;

export async function writeModelFormWorkbook(info: FormInfo): Promise<Uint8Array> {
  const xl = await loadExcelJs();
  const wb = new xl.Workbook();
  wb.creator = 'Dân vận';
  const ws = wb.addWorksheet('Đăng ký mô hình', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const last = FORM_COLUMNS.length;
  ws.columns = FORM_COLUMNS.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, 6);
  ws.getCell(1, 1).value = info.ownOrg.toLocaleUpperCase('vi');
  ws.getCell(1, 1).font = font(12, { bold: true });
  ws.mergeCells(2, 1, 2, last);
  ws.getCell(2, 1).value = `ĐĂNG KÝ MÔ HÌNH, ĐIỂN HÌNH "DÂN VẬN KHÉO" NĂM ${info.year}`;
  ws.getCell(2, 1).font = font(14, { bold: true });
  ws.getCell(2, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(3, 1, 3, last);
  ws.getCell(3, 1).value =
    `Mỗi mô hình ghi một dòng; đơn vị đăng ký 01–02 mô hình mới mỗi năm. Mô hình của năm trước tiếp tục thực hiện ghi "Duy trì" và năm bắt đầu. Gửi về ${info.ownOrg} trước ngày ${info.deadline}.`;
  ws.getCell(3, 1).font = font(12, { italic: true });
  ws.getCell(3, 1).alignment = { horizontal: 'center', wrapText: true };
  ws.getRow(3).height = 32;
  const header = ws.getRow(HEADER_ROW);
  FORM_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = font(12, { bold: true });
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN;
  });
  header.height = 48;
  const types = Object.values(MODEL_TYPE_LABELS).join(',');
  const fields = Object.values(MODEL_FIELD_LABELS).join(',');
  for (let i = 1; i <= BLANK_ROWS; i++) {
    const r = HEADER_ROW + i;
    const row = ws.getRow(r);
    row.getCell(1).value = i;
    if (info.unit) {
      row.getCell(2).value = inertText(info.unit.code);
      row.getCell(3).value = inertText(info.unit.name);
    }
    for (let c = 1; c <= last; c++) {
      const cell = row.getCell(c);
      cell.border = THIN;
      cell.font = font(12);
      cell.alignment = { vertical: 'top', wrapText: true, ...(c === 1 ? { horizontal: 'center' } : {}) };
    }
    row.getCell(5).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${types}"`] };
    row.getCell(6).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${fields}"`] };
    row.getCell(7).dataValidation = { type: 'list', allowBlank: true, formulae: ['"Mới,Duy trì"'] };
    row.getCell(last - 1).numFmt = 'dd/mm/yyyy';
  }
  ws.views = [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 4 }];
  applyPageSetup(ws, true, HEADER_ROW);
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.getCell('A1').value = 'kind';
  meta.getCell('B1').value = FORM_KIND;
  meta.getCell('A2').value = 'year';
  meta.getCell('B2').value = info.year;
  return xlsxBytes(wb);
}
