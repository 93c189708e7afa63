// Audit log export for the user to keep or send: .xlsx (text cells made inert) or .csv (UTF-8 with BOM, RFC 4180
// quoting, cells starting with = + - @ escaped with an apostrophe so a spreadsheet never runs them as formulas).
import { loadExcelJs } from '../excel/exceljs-load';
import type { FileOut } from '../contract/common';
import { listAudit, type AuditRow } from '../db/audit';
import type { Db } from '../db/connection';
import { csvField, inertText } from '../excel/official-sheet/inert';
import { MIME } from '../contract/mime';
import { xlsxBytes } from '../excel/xlsx-bytes';

const HEADERS = ['Thời gian', 'Người thực hiện', 'Thao tác', 'Đối tượng', 'Nội dung'];
const cells = (r: AuditRow) => [r.at, r.actor, r.action, r.entity, r.summary];

export function auditCsv(rows: AuditRow[]): string {
  const lines = [HEADERS, ...rows.map(cells)].map((r) => r.map((c) => csvField(c)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

async function auditXlsx(rows: AuditRow[]): Promise<Uint8Array> {
  const xl = await loadExcelJs();
  const wb = new xl.Workbook();
  wb.creator = 'Dân vận';
  const ws = wb.addWorksheet('Nhật ký', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ width: 26 }, { width: 18 }, { width: 20 }, { width: 14 }, { width: 90 }];
  ws.addRow(HEADERS).font = { bold: true };
  for (const r of rows) ws.addRow(cells(r).map((c) => inertText(c)));
  return xlsxBytes(wb);
}

export async function exportAudit(db: Db, format: 'xlsx' | 'csv', limit: number, now: Date): Promise<FileOut> {
  const rows = listAudit(db, limit);
  const day = now.toISOString().slice(0, 10);
  if (format === 'csv')
    return { name: `nhat-ky-${day}.csv`, mime: 'text/csv;charset=utf-8', bytes: new TextEncoder().encode(auditCsv(rows)) };
  return { name: `nhat-ky-${day}.xlsx`, mime: MIME.xlsx, bytes: await auditXlsx(rows) };
}
