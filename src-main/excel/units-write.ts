// Writing the units register to a workbook whose header row the importer reads back (round trip):
// one bordered table, Times New Roman, frozen header, print setup for A4 landscape.
import { loadExcelJs } from './exceljs-load';
import { UNIT_KIND_LABELS, type UnitListed } from '../contract/units';
import { xlsxBytes } from './xlsx-bytes';

const UNIT_EXPORT_COLUMNS = [
  { header: 'STT', width: 6 },
  { header: 'Mã đơn vị', width: 14 },
  { header: 'Tên đơn vị', width: 44 },
  { header: 'Loại đơn vị', width: 20 },
  { header: 'Mã đơn vị cấp trên', width: 16 },
  { header: 'Khối', width: 16 },
  { header: 'Số đoàn viên', width: 12 },
  { header: 'Chủ tịch', width: 22 },
  { header: 'Điện thoại', width: 14 },
  { header: 'Email', width: 24 },
  { header: 'Địa chỉ', width: 28 },
  { header: 'Tên khác', width: 28 },
  { header: 'Trạng thái', width: 16 },
  { header: 'Ghi chú', width: 24 },
] as const;

export async function writeUnitsWorkbook(list: UnitListed[], title: string, orgLines: [string, string]): Promise<Uint8Array> {
  const xl = await loadExcelJs();
  const wb = new xl.Workbook();
  wb.creator = 'Dân vận';
  const ws = wb.addWorksheet('Danh sách đơn vị', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const font = { name: 'Times New Roman', size: 12 };
  const last = UNIT_EXPORT_COLUMNS.length;
  ws.columns = UNIT_EXPORT_COLUMNS.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, 5);
  ws.getCell(1, 1).value = orgLines[0];
  ws.mergeCells(2, 1, 2, 5);
  ws.getCell(2, 1).value = orgLines[1];
  ws.getCell(2, 1).font = { ...font, bold: true };
  ws.mergeCells(4, 1, 4, last);
  ws.getCell(4, 1).value = title;
  ws.getCell(4, 1).font = { ...font, size: 14, bold: true };
  ws.getCell(4, 1).alignment = { horizontal: 'center' };
  const headerRow = ws.getRow(6);
  UNIT_EXPORT_COLUMNS.forEach((c, i) => (headerRow.getCell(i + 1).value = c.header));
  headerRow.font = { ...font, bold: true };
  headerRow.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  const byId = new Map(list.map((u) => [u.id, u]));
  list.forEach((u, i) => {
    const row = ws.getRow(7 + i);
    row.values = [
      i + 1,
      u.code,
      u.name,
      UNIT_KIND_LABELS[u.kind],
      u.parentId ? (byId.get(u.parentId)?.code ?? '') : '',
      u.sector ?? '',
      u.members ?? null,
      u.chair ?? '',
      u.phone ?? '',
      u.email ?? '',
      u.address ?? '',
      u.aliases.join('; '),
      u.active ? 'Đang hoạt động' : 'Ngừng theo dõi',
      u.note ?? '',
    ];
    row.getCell(7).numFmt = '#,##0';
    row.font = font;
  });
  for (let r = 6; r <= 6 + list.length; r++)
    for (let c = 1; c <= last; c++)
      ws.getCell(r, c).border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  ws.views = [{ state: 'frozen', ySplit: 6 }];
  ws.pageSetup.printTitlesRow = '6:6';
  return xlsxBytes(wb);
}
