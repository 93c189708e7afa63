// Test-time only: what a file we made says, to compare two makings of it whose own timestamps differ (a workbook's
// cells as values, a Word document's text).
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';

/** Every cell of every sheet, as values. */
export async function workbookCells(bytes: Uint8Array): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => ({ name: ws.name, rows: ws.getSheetValues().map((r) => JSON.stringify(r ?? null)) }));
}

/** The raw text of a .docx. */
export const docxText = async (bytes: Uint8Array): Promise<string> => (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
