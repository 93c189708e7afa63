// Loads exceljs on first use rather than at start (it costs ~0.35 s to load): each workbook writer awaits it inside
// the async function that builds its workbook, so a CLI command or a start-up that writes no workbook never pays.
import type * as ExcelJS from 'exceljs';

type ExcelJsModule = typeof ExcelJS;

let pending: Promise<ExcelJsModule> | null = null;

export function loadExcelJs(): Promise<ExcelJsModule> {
  pending ??= import('exceljs').then((m) => ((m as { default?: ExcelJsModule }).default ?? m) as ExcelJsModule);
  return pending;
}
