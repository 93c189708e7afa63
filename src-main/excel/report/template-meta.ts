// Our own report template is recognised by a hidden sheet "_meta" of key/value rows. This module owns that
// format: the TemplateMeta type, the reader, and the rows a template writer must put there.
import type { SheetGrid, WorkbookGrid } from '../xlsx/grid';
import { cellText } from '../xlsx/grid';

export const META_SHEET = '_meta';

interface TemplateMeta {
  templateId: string;
  templateVersion: string | null;
  planId: string | null;
  unitCode: string | null;
  /** Name of the sheet holding the table. */
  sheet: string | null;
  /** 1-based sheet row -> indicator code. */
  rowCodes: Map<number, string>;
}

/**
 * Rows of the _meta sheet, column A = key, B = value:
 *   templateId | dv-ket-qua        templateVersion | 1      planId | 42      unitCode | CD001
 *   sheet | Báo cáo                row | 12 | I.1   (one per indicator row: row number, indicator code)
 */
export function templateMetaRows(meta: TemplateMeta): (string | number)[][] {
  const rows: (string | number)[][] = [['templateId', meta.templateId]];
  if (meta.templateVersion !== null) rows.push(['templateVersion', meta.templateVersion]);
  if (meta.planId !== null) rows.push(['planId', meta.planId]);
  if (meta.unitCode !== null) rows.push(['unitCode', meta.unitCode]);
  if (meta.sheet !== null) rows.push(['sheet', meta.sheet]);
  for (const [row, code] of meta.rowCodes) rows.push(['row', row, code]);
  return rows;
}

export function readTemplateMetaSheet(sheet: SheetGrid): TemplateMeta | null {
  const kv = new Map<string, string>();
  const rowCodes = new Map<number, string>();
  for (const row of sheet.rows) {
    if (!row) continue;
    const key = cellText(row[0]);
    const val = cellText(row[1]);
    if (!key) continue;
    if (key === 'row') {
      const n = Number(val);
      const code = cellText(row[2]);
      if (Number.isInteger(n) && n > 0 && code) rowCodes.set(n, code.slice(0, 100));
    } else if (!kv.has(key)) {
      kv.set(key, val.slice(0, 200));
    }
  }
  const templateId = kv.get('templateId');
  if (!templateId) return null;
  const opt = (k: string): string | null => kv.get(k) || null;
  return {
    templateId,
    templateVersion: opt('templateVersion'),
    planId: opt('planId'),
    unitCode: opt('unitCode'),
    sheet: opt('sheet'),
    rowCodes,
  };
}

export function readTemplateMeta(grid: WorkbookGrid): TemplateMeta | null {
  const sheet = grid.sheets.find((s) => s.name === META_SHEET);
  return sheet ? readTemplateMetaSheet(sheet) : null;
}
