// Text boxes drawn on a sheet (xl/drawings/drawingN.xml shapes): each shape's <txBody> as its paragraphs
// (<a:p>, runs <a:t> joined). indexOf loops only, bounded in total text; charts and pictures carry no txBody.
import { attr, decodeXml } from '../../bytes/xml';
import { nfc } from './cell-value';
import { parseRels } from './workbook-parts';
import type { TextBox } from './grid';

/** Total characters kept from one drawing part (a narrative is a few pages at most). */
const MAX_CHARS = 200_000;

/** The r:id of the sheet's <drawing> element (after its data), or null. */
export function drawingRelId(sheetXml: string, from: number): string | null {
  let i = sheetXml.indexOf('drawing', from);
  while (i !== -1) {
    const lt = sheetXml.lastIndexOf('<', i);
    const name = sheetXml.slice(lt + 1, i + 7);
    if (lt >= from && (name === 'drawing' || /^[A-Za-z_][\w.-]*:drawing$/.test(name))) {
      const gt = sheetXml.indexOf('>', i);
      return attr(sheetXml.slice(i + 7, gt < 0 ? undefined : gt), 'id', true) ?? null;
    }
    i = sheetXml.indexOf('drawing', i + 7);
  }
  return null;
}

/** Start of the next opening (or empty) element named `local` (any prefix) at or after `from`; -1 when none. */
function findTag(xml: string, local: string, from: number): number {
  for (let i = xml.indexOf(local, from); i !== -1; i = xml.indexOf(local, i + local.length)) {
    const after = xml.charCodeAt(i + local.length);
    if (!(after === 32 || after === 62 || after === 47 || after === 9 || after === 10 || after === 13)) continue;
    const before = xml.charCodeAt(i - 1);
    if (before === 60) return i - 1;
    if (before === 58) {
      // A prefix is short: look back at most 40 characters for its '<'.
      const lt = xml.lastIndexOf('<', i);
      if (lt >= 0 && i - lt <= 40 && /^<[A-Za-z_][\w.-]*:$/.test(xml.slice(lt, i))) return lt;
    }
  }
  return -1;
}

/**
 * findTag with the last answer per name remembered: a search from inside the span it already covered gives the
 * same answer without scanning again, so a part with many empty paragraphs is still read in linear time.
 */
function tagFinder(xml: string): (local: string, from: number) => number {
  const memo = new Map<string, { from: number; at: number }>();
  return (local, from) => {
    const m = memo.get(local);
    if (m && from >= m.from && (m.at === -1 || from <= m.at)) return m.at;
    const at = findTag(xml, local, from);
    memo.set(local, { from, at });
    return at;
  };
}

/** Just after the local name of the tag starting at `lt` (so the next search cannot find the same tag). */
const past = (xml: string, lt: number, local: string): number => xml.indexOf(local, lt) + local.length;

/** The <from><row> of the anchor holding the shape whose text body starts at `at` (searched back to `from`). */
function anchorRow(xml: string, from: number, at: number): number | null {
  const fe = xml.lastIndexOf('from>', at);
  if (fe < from || fe < 0) return null;
  const m = /row>\s*(\d{1,7})\s*</.exec(xml.slice(Math.max(from, fe - 400), fe));
  return m ? Number(m[1]) : null;
}

/** Paragraphs of every text body in a drawing part, one list per shape; empty shapes are left out. */
export function drawingTextBoxes(xml: string): TextBox[] {
  const nextTag = (_x: string, local: string, from: number): number => find(local, from);
  const find = tagFinder(xml);
  const boxes: TextBox[] = [];
  let prevEnd = 0;
  let budget = MAX_CHARS;
  for (let b = nextTag(xml, 'txBody', 0); b !== -1 && budget > 0;) {
    const end = nextTag(xml, 'txBody', past(xml, b, 'txBody'));
    const bodyEnd = end === -1 ? xml.length : end;
    const paras: string[] = [];
    for (let p = nextTag(xml, 'p', b); p !== -1 && p < bodyEnd;) {
      const pNext = nextTag(xml, 'p', past(xml, p, 'p'));
      const pEnd = pNext === -1 || pNext > bodyEnd ? bodyEnd : pNext;
      let text = '';
      for (let t = nextTag(xml, 't', p); t !== -1 && t < pEnd; t = nextTag(xml, 't', past(xml, t, 't'))) {
        const gt = xml.indexOf('>', t);
        if (gt < 0 || xml.charCodeAt(gt - 1) === 47) continue;
        const close = xml.indexOf('<', gt + 1);
        text += xml.slice(gt + 1, close < 0 ? pEnd : close);
      }
      const clean = nfc(decodeXml(text)).trim();
      if (clean) {
        paras.push(clean.slice(0, budget));
        budget -= clean.length;
      }
      p = pNext === -1 || pNext > bodyEnd ? -1 : pNext;
    }
    if (paras.length) boxes.push({ row: anchorRow(xml, prevEnd, b), paragraphs: paras });
    prevEnd = b;
    b = end; // nextTag finds opening tags only
  }
  return boxes;
}

/**
 * Text boxes of a sheet's drawing part, found through the sheet's rels; none when it has no drawing. `part` reads
 * (and guards) one zip part as text.
 */
export function sheetTextBoxes(part: (path: string) => string | undefined, sheetPath: string, sheetXml: string): TextBox[] {
  const id = drawingRelId(sheetXml, Math.max(0, sheetXml.lastIndexOf('sheetData>')));
  if (!id) return [];
  const dir = sheetPath.slice(0, sheetPath.lastIndexOf('/') + 1);
  const rels = parseRels(part(`${dir}_rels/${sheetPath.slice(dir.length)}.rels`) ?? '', dir);
  const target = rels.get(id)?.target;
  const drawing = target ? part(target) : undefined;
  return drawing ? drawingTextBoxes(drawing) : [];
}
