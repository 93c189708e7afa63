// Stamping one unit report template for many units (pure): the workbook is written once by exceljs, then for each
// unit only the cells that name it (header line, "Đơn vị:", hidden _meta unitCode) and its own targets (Chỉ tiêu
// column) are replaced in the sheet XML; every other part is compressed once and copied into each unit's file.
import { strFromU8, strToU8, unzipSync } from 'fflate';
import type { TemplateLayout } from '../report-template';
import { META_SHEET } from '../report/template-meta';
import { colLetters, cutSheet, stampSheet, type CutSheet, type StampValue } from './sheet-cells';
import { packEntry, writeZip, type PackedEntry } from '../../bytes/zip-write';

interface StampUnit {
  code: string;
  /** Text of the header's unit line ("CÔNG ĐOÀN TRƯỜNG …") and of the "Đơn vị: …" line. */
  headerLine: string;
  unitLine: string;
  /** Indicator code -> the unit's target (blank when absent). */
  targets: Map<string, StampValue>;
}

const attr = (tag: string, name: string): string | null => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
const unescapeAttr = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Sheet name -> part path ("xl/worksheets/sheet1.xml") from workbook.xml and its relationships. */
function sheetParts(files: Record<string, Uint8Array>): Map<string, string> {
  const wb = strFromU8(files['xl/workbook.xml'] ?? new Uint8Array());
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels'] ?? new Uint8Array());
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const rid = attr(m[0], 'r:id');
    const part = rid ? targets.get(rid) : undefined;
    if (name !== null && part) out.set(unescapeAttr(name), part);
  }
  return out;
}

interface Stamper {
  stamp(unit: StampUnit): Uint8Array;
}

/** Prepare `base` (a template written with a unit, so every stamped cell exists) for stamping many units. */
export function prepareStamper(base: Uint8Array, layout: TemplateLayout): Stamper {
  if (layout.metaUnitCodeRow === null) throw new Error('the base template must be written for a unit');
  const files = unzipSync(base);
  const parts = sheetParts(files);
  const tablePart = parts.get(layout.sheet);
  const metaPart = parts.get(META_SHEET);
  if (!tablePart || !metaPart) throw new Error('template sheets not found');
  const ref = (row: number, col: number): string => `${colLetters(col)}${row}`;
  const headerRef = ref(layout.headerCell.row, layout.headerCell.col);
  const unitRef = ref(layout.unitCell.row, layout.unitCell.col);
  const targetRefs = new Map([...layout.targetRows].map(([code, row]) => [code, ref(row, layout.targetCol)]));
  const metaRef = ref(layout.metaUnitCodeRow, 2);
  const tableCut: CutSheet = cutSheet(strFromU8(files[tablePart]!), [headerRef, unitRef, ...targetRefs.values()]);
  const metaCut: CutSheet = cutSheet(strFromU8(files[metaPart]!), [metaRef]);
  const order = Object.keys(files);
  const packed = new Map<string, PackedEntry>();
  for (const name of order) if (name !== tablePart && name !== metaPart) packed.set(name, packEntry(name, files[name]!));
  return {
    stamp(unit) {
      const values = new Map<string, StampValue>([
        [headerRef, unit.headerLine],
        [unitRef, unit.unitLine],
      ]);
      for (const [code, r] of targetRefs) values.set(r, unit.targets.get(code) ?? null);
      const own = new Map<string, PackedEntry>([
        [tablePart, packEntry(tablePart, strToU8(stampSheet(tableCut, values)))],
        [metaPart, packEntry(metaPart, strToU8(stampSheet(metaCut, new Map([[metaRef, unit.code]]))))],
      ]);
      return writeZip(order.map((n) => own.get(n) ?? packed.get(n)!));
    },
  };
}
