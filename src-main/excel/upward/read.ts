// Reading an upward package at the level above: its manifest, the hash of its content as it is now (to compare
// with the manifest's), and the units × indicators detail (both measures) for the view down to the base units.
import type { WorkbookGrid } from '../xlsx/grid';
import { cellText } from '../xlsx/grid';
import { readWorkbook } from '../xlsx/read-workbook';
import { contentHash, readManifest, type Manifest } from './manifest';
import { DETAIL_HEAD_ROW, DETAIL_SHEET, REPORT_SHEET } from './write';
import { readTemplateMeta } from '../report/template-meta';

interface DetailUnit {
  code: string;
  name: string;
  state: string;
  receivedOn: string | null;
  /** Indicator code (CT08, CT08#2 for the second measure) → value. */
  values: Map<string, number | string | null>;
}

export interface ReadPackage {
  manifest: Manifest | null;
  /** SHA-256 of the content as it is now (contentHash). */
  contentSha256: string;
  detail: DetailUnit[];
  /** The issuing office's own targets by indicator code (column "Chỉ tiêu" of its report). */
  targets: Map<string, number | string | null>;
}

/** Column "Chỉ tiêu" (D) of the report sheet, by the row codes of _meta. */
function targetsOf(grid: WorkbookGrid): Map<string, number | string | null> {
  const out = new Map<string, number | string | null>();
  const meta = readTemplateMeta(grid);
  const sheet = grid.sheets.find((s) => s.name === (meta?.sheet ?? REPORT_SHEET));
  if (!meta || !sheet) return out;
  for (const [row, code] of meta.rowCodes) {
    if (code.endsWith('#2')) continue;
    const v = sheet.rows[row - 1]?.[3]?.v;
    out.set(code, typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? v : null);
  }
  return out;
}

function detailOf(grid: WorkbookGrid): DetailUnit[] {
  const sheet = grid.sheets.find((s) => s.name === DETAIL_SHEET);
  if (!sheet) return [];
  const codes = (sheet.rows[DETAIL_HEAD_ROW] ?? []).map((c) => cellText(c));
  const out: DetailUnit[] = [];
  for (let r = DETAIL_HEAD_ROW + 1; r < sheet.rows.length && out.length < 5000; r++) {
    const row = sheet.rows[r];
    const code = cellText(row?.[0]);
    if (!row || !code) continue;
    const values = new Map<string, number | string | null>();
    codes.forEach((k, c) => {
      if (c < 4 || !k) return;
      const v = row[c]?.v;
      values.set(k, typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? v : null);
    });
    const on = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(cellText(row[3]));
    out.push({ code, name: cellText(row[1]), state: cellText(row[2]), receivedOn: on ? `${on[3]}-${on[2]}-${on[1]}` : null, values });
  }
  return out;
}

export async function readUpwardPackage(bytes: Uint8Array, timeoutMs = 15_000): Promise<ReadPackage> {
  const grid = await readWorkbook(bytes, { timeoutMs });
  return { manifest: readManifest(grid), contentSha256: contentHash(grid), detail: detailOf(grid), targets: targetsOf(grid) };
}
