// Times our reader (parseReport, fast path) against a plain exceljs full load of the same workbooks in the
// same run; returns numbers only (CLI wiring and file generation belong to the caller).
import { parseReport } from './parse-report';

export interface BenchReadResult {
  files: number;
  oursMs: number;
  exceljsMs: number;
  /** exceljsMs / oursMs */
  ratio: number;
  rowsRead: number;
}

export async function benchRead(files: readonly Uint8Array[], rounds = 1): Promise<BenchReadResult> {
  const mod = (await import('exceljs')) as unknown as { default?: typeof import('exceljs') } & typeof import('exceljs');
  const ExcelJS = mod.default ?? mod;
  let oursMs = Number.POSITIVE_INFINITY;
  let exceljsMs = Number.POSITIVE_INFINITY;
  let rowsRead = 0;
  for (let round = 0; round < rounds; round++) {
    let t = performance.now();
    rowsRead = 0;
    for (const bytes of files) rowsRead += (await parseReport(bytes, 'bench.xlsx')).rows.length;
    oursMs = Math.min(oursMs, performance.now() - t);
    t = performance.now();
    for (const bytes of files) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
    }
    exceljsMs = Math.min(exceljsMs, performance.now() - t);
  }
  return { files: files.length, oursMs, exceljsMs, ratio: exceljsMs / oursMs, rowsRead };
}
