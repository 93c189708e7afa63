// Writing values into mapped cells of an outside workbook (the province's own template), pure: the bytes pass the
// same gate as every outside workbook first (pre-flight, every part inflated once against the caps, no DTD, no
// huge merges), then exceljs loads, fills and writes it. Whole-column dropdowns, which make exceljs expand millions
// of cells, are dropped with a note. Run behind the gate worker (gate/isolated.ts).
import { loadExcelJs } from './exceljs-load';
import { AppError } from '../contract/errors';
import { inertText } from './official-sheet/inert';
import { parseRange } from './xlsx/grid';
import { XlsxError } from '../bytes/limits';
import { preflight } from './xlsx/preflight';
import { attr, elements, guardXml } from '../bytes/xml';
import { decodeUtf8, readEntry } from '../bytes/zip';
import { xlsxBytes } from './xlsx-bytes';

export interface FillCell {
  code: string;
  measure: string;
  sheet: string;
  cell: string;
  /** undefined: the code is not in this plan (the cell is skipped with a note). */
  value: number | string | null | undefined;
}

export interface FillResult {
  bytes: Uint8Array;
  written: { code: string; measure: string; sheet: string; cell: string; value: number | string | null }[];
  issues: string[];
}

const HUGE_CELLS = 100_000;

function area(ref: string): number {
  const r = parseRange(ref);
  return r ? (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1) : 0;
}

/** The gate: throws XlsxError for hostile or broken files; tells whether some dropdown covers whole columns. */
function vet(bytes: Uint8Array): { hugeValidation: boolean } {
  const zip = preflight(bytes);
  const probe = { ...zip, inflated: 0 };
  let hugeValidation = false;
  for (const e of zip.entries.values()) {
    const part = readEntry(probe, e);
    if (!/\.(xml|rels|vml)$/i.test(e.name)) continue;
    guardXml(part, e.name);
    if (!/worksheets\//.test(e.name)) continue;
    const xml = decodeUtf8(part);
    if (xml.indexOf('mergeCell') !== -1) {
      for (const a of elements(xml, 'mergeCell')) {
        if (area(attr(a, 'ref') ?? '') > HUGE_CELLS) {
          throw new XlsxError(
            'bomb',
            'Tệp có vùng gộp ô khổng lồ (có thể là tệp lỗi hoặc độc hại) nên không điền được. Hãy mở bằng Excel, bỏ gộp các ô thừa, lưu lại rồi chọn lại.',
          );
        }
      }
    }
    if (xml.indexOf('dataValidation') !== -1) {
      for (const a of elements(xml, 'dataValidation')) {
        if ((attr(a, 'sqref') ?? '').split(/\s+/).some((ref) => area(ref) > HUGE_CELLS)) hugeValidation = true;
      }
    }
  }
  return { hugeValidation };
}

export async function fillCells(bytes: Uint8Array, fileName: string, cells: readonly FillCell[]): Promise<FillResult> {
  let hugeValidation: boolean;
  try {
    ({ hugeValidation } = vet(bytes));
  } catch (e) {
    if (!(e instanceof XlsxError)) throw e;
    throw new AppError('bad_file', `Tệp "${fileName}": ${e.message.charAt(0).toLocaleLowerCase('vi')}${e.message.slice(1)}`);
  }
  const xl = await loadExcelJs();
  const wb = new xl.Workbook();
  try {
    await wb.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
      { ignoreNodes: hugeValidation ? ['dataValidations'] : [] } as never,
    );
  } catch {
    throw new AppError('bad_file', 'Không đọc được tệp Excel (.xlsx). Nếu là tệp .xls cũ, hãy mở bằng Excel và lưu lại dạng .xlsx.');
  }
  const written: FillResult['written'] = [];
  const issues: string[] = [];
  if (hugeValidation)
    issues.push('Tệp có danh sách chọn (data validation) phủ cả cột: đã bỏ các danh sách chọn đó trong tệp được điền, số liệu giữ nguyên.');
  for (const e of cells) {
    const ws = wb.getWorksheet(e.sheet);
    if (!ws) {
      issues.push(`Không có sheet "${e.sheet}" trong tệp (ô ${e.cell} của chỉ tiêu ${e.code}).`);
      continue;
    }
    if (e.value === undefined) {
      issues.push(`Mã "${e.code}" không thuộc kế hoạch này: bỏ qua ô ${e.sheet}!${e.cell}.`);
      continue;
    }
    const cell = ws.getCell(e.cell);
    if (cell.type === xl.ValueType.Formula) {
      issues.push(`Ô ${e.sheet}!${e.cell} đang chứa công thức: giữ nguyên, không ghi đè.`);
      continue;
    }
    cell.value = typeof e.value === 'string' ? inertText(e.value) : e.value;
    written.push({ code: e.code, measure: e.measure, sheet: e.sheet, cell: e.cell, value: e.value });
  }
  wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  return { bytes: await xlsxBytes(wb), written, issues };
}
