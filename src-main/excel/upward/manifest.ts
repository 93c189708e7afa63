// The upward package's proof of origin: the manifest (a veryHidden "_manifest" sheet of key/value rows) and the
// SHA-256 of the package's content. This module owns that format: the fields, the rows, the reader, the hash.
import { createHash } from 'node:crypto';
import type { SheetGrid, WorkbookGrid } from '../xlsx/grid';
import { cellText } from '../xlsx/grid';

export const MANIFEST_SHEET = '_manifest';
const PACKAGE_FORMAT = 'danvan-goi-bao-cao';
const MANIFEST_VERSION = '1';
/** The template id the package's _meta sheet carries (the report reader still reads it as one of our templates). */
export const PACKAGE_TEMPLATE_ID = 'danvan-bao-cao-tong-hop';

interface ManifestIndicator {
  code: string;
  unit: string | null;
  unit2: string | null;
}
export interface Coverage {
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
}

/**
 * Rows of `_manifest`, column A = key, B = value (C = more for `indicator`):
 *   format | danvan-goi-bao-cao     manifestVersion | 1        issuerCode | LDLD-HL    issuerName | LĐLĐ huyện Hậu Lộc
 *   planNumber | 15/KH-LĐLĐ         planTitle | …              periodLabel | Năm 2025  periodStart | 2025-01-01
 *   periodEnd | 2025-12-31          reportDueOn | 2025-12-20   basisNumber | 233/KH-LĐLĐ (one row per plan cited)
 *   reportNumber | 20/BC-LĐLĐ       reportDate | 2025-12-18    appVersion | 0.9.0     createdAt | 2025-12-18T09:30:00+07:00
 *   indicator | CT08 | lượt | triệu đồng (code, unit, second unit; one row per indicator)
 *   indicatorRows | 14   detailUnits | 52   expected | 52   submitted | 50   onTime | 47   late | 3   missing | 2
 *   contentSha256 | 64 hex digits: contentHash() of every other sheet's cells (see below)
 *   signatureAlg | (empty)   signerKeyId | (empty)   signature | (empty)
 * Signature (not used yet, the fields are read and kept): signatureAlg "ed25519", signerKeyId the id of the issuing
 * office's public key registered at the level above, signature the base64 Ed25519 signature of the UTF-8 text
 * `${format}/${manifestVersion}\n${issuerCode}\n${contentSha256}\n${createdAt}`. A verifier that knows the key checks
 * it; one that does not ignores the three fields. Adding keys later changes no field of this format.
 */
export interface Manifest {
  format: string;
  manifestVersion: string;
  issuerCode: string;
  issuerName: string;
  planNumber: string | null;
  planTitle: string;
  periodLabel: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  reportDueOn: string | null;
  basisNumbers: string[];
  reportNumber: string | null;
  reportDate: string | null;
  appVersion: string;
  createdAt: string;
  indicators: ManifestIndicator[];
  indicatorRows: number;
  detailUnits: number;
  coverage: Coverage;
  contentSha256: string;
  signatureAlg: string | null;
  signerKeyId: string | null;
  signature: string | null;
}

const SCALARS = [
  'format',
  'manifestVersion',
  'issuerCode',
  'issuerName',
  'planNumber',
  'planTitle',
  'periodLabel',
  'periodStart',
  'periodEnd',
  'reportDueOn',
  'reportNumber',
  'reportDate',
  'appVersion',
  'createdAt',
  'contentSha256',
  'signatureAlg',
  'signerKeyId',
  'signature',
] as const;
const COUNTS = ['indicatorRows', 'detailUnits'] as const;
const COVERAGE = ['expected', 'submitted', 'onTime', 'late', 'missing'] as const;

export function manifestRows(m: Manifest): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const k of SCALARS) rows.push([k, m[k] ?? '']);
  for (const b of m.basisNumbers) rows.push(['basisNumber', b]);
  for (const i of m.indicators) rows.push(['indicator', i.code, i.unit ?? '', i.unit2 ?? '']);
  for (const k of COUNTS) rows.push([k, m[k]]);
  for (const k of COVERAGE) rows.push([k, m.coverage[k]]);
  return rows;
}

/** The manifest of a package, or null when the sheet is absent or is not ours. Values are capped, never trusted. */
function readManifestSheet(sheet: SheetGrid): Manifest | null {
  const kv = new Map<string, string>();
  const basis: string[] = [];
  const indicators: ManifestIndicator[] = [];
  for (const row of sheet.rows) {
    if (!row) continue;
    const key = cellText(row[0]);
    const val = cellText(row[1]).slice(0, 500);
    if (!key) continue;
    if (key === 'basisNumber' && val && basis.length < 50) basis.push(val);
    else if (key === 'indicator' && val && indicators.length < 1000)
      indicators.push({ code: val.slice(0, 100), unit: cellText(row[2]) || null, unit2: cellText(row[3]) || null });
    else if (!kv.has(key)) kv.set(key, val);
  }
  if (kv.get('format') !== PACKAGE_FORMAT) return null;
  const s = (k: string): string | null => kv.get(k) || null;
  const n = (k: string): number => {
    const x = Number(kv.get(k));
    return Number.isInteger(x) && x >= 0 ? x : 0;
  };
  return {
    format: PACKAGE_FORMAT,
    manifestVersion: s('manifestVersion') ?? '',
    issuerCode: s('issuerCode') ?? '',
    issuerName: s('issuerName') ?? '',
    planNumber: s('planNumber'),
    planTitle: s('planTitle') ?? '',
    periodLabel: s('periodLabel'),
    periodStart: s('periodStart'),
    periodEnd: s('periodEnd'),
    reportDueOn: s('reportDueOn'),
    basisNumbers: basis,
    reportNumber: s('reportNumber'),
    reportDate: s('reportDate'),
    appVersion: s('appVersion') ?? '',
    createdAt: s('createdAt') ?? '',
    indicators,
    indicatorRows: n('indicatorRows'),
    detailUnits: n('detailUnits'),
    coverage: { expected: n('expected'), submitted: n('submitted'), onTime: n('onTime'), late: n('late'), missing: n('missing') },
    contentSha256: (s('contentSha256') ?? '').toLowerCase(),
    signatureAlg: s('signatureAlg'),
    signerKeyId: s('signerKeyId'),
    signature: s('signature'),
  };
}

export function readManifest(grid: WorkbookGrid): Manifest | null {
  const sheet = grid.sheets.find((x) => x.name === MANIFEST_SHEET);
  return sheet ? readManifestSheet(sheet) : null;
}

/** Manifest keys that are not content: when and by which version it was made, the hash itself, the signature. */
const NOT_CONTENT = new Set(['createdAt', 'appVersion', 'contentSha256', 'signatureAlg', 'signerKeyId', 'signature']);

/**
 * SHA-256 of what the package says: every non-empty cell value of every sheet (the manifest's rows too, but for
 * NOT_CONTENT), as read back (sheet name, row, column, kind, value), in sheet and cell order. Formats, widths and
 * styles are not content, so a file opened and saved again in Excel keeps its hash, and the same figures exported
 * twice hash the same; any changed, added or removed value (the issuer's code, a total, a unit's value) changes it.
 */
export function contentHash(grid: WorkbookGrid): string {
  const h = createHash('sha256');
  h.update(`${PACKAGE_FORMAT}/${MANIFEST_VERSION}\n`);
  for (const sheet of grid.sheets) {
    const manifest = sheet.name === MANIFEST_SHEET;
    h.update(`#${sheet.name.normalize('NFC')}\n`);
    sheet.rows.forEach((row, r) => {
      if (manifest && NOT_CONTENT.has(cellText(row?.[0]))) return;
      row?.forEach((cell, c) => {
        if (!cell || cell.v === null || cell.v === '') return;
        const v = typeof cell.v === 'string' ? cell.v.normalize('NFC') : String(cell.v);
        h.update(`${r}\t${c}\t${cell.k}\t${v}\n`);
      });
    });
  }
  return h.digest('hex');
}
