// Test helpers: a real AppContext on a temporary SQLite file (same pragmas and migrations as the app),
// a typed call through dispatch that validates outputs too, and small workbook builders.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Channel, In, Out } from '../../src-main/contract/index';
import { dispatch } from '../../src-main/rpc/dispatch';
import { createContext, type RunningContext } from '../../src-main/runtime/create-context';
import { TEMPLATE_COLUMNS, TEMPLATE_SHEETS } from '../../src-main/excel/report-template-layout';

export interface TestApp {
  ctx: RunningContext;
  dir: string;
  call: <C extends Channel>(name: C, input: In<C>) => Promise<Out<C>>;
  close: () => void;
}

export function makeTestApp(): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'danvan-test-'));
  const ctx = createContext({ mode: 'test', dbFile: join(dir, 'test.sqlite'), version: 'test' });
  return {
    ctx,
    dir,
    call: async (name, input) => {
      const res = await dispatch(name, input, ctx, { checkOutput: true });
      if (!res.ok) throw Object.assign(new Error(res.error.message), res.error);
      return res.data as never;
    },
    close: () => {
      ctx.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A one-sheet workbook from rows of cells (for import tests). */
export async function workbookOf(rows: (string | number | null)[][], sheetName = 'DS'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Fill our template like a unit does: numbers into "Kết quả" by row label. */
export async function fillTemplate(bytes: Uint8Array, values: Record<string, number>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(TEMPLATE_SHEETS.report)!;
  ws.eachRow((row) => {
    const label = String(row.getCell(TEMPLATE_COLUMNS.label).value ?? '');
    for (const [k, v] of Object.entries(values)) if (label.startsWith(k)) row.getCell(TEMPLATE_COLUMNS.value).value = v;
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
