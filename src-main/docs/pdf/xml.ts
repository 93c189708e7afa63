// A small bounded XML reader for the parts of our own .docx files: one linear scan into a tree of elements
// (name, attributes, children, text). No DTD, no entity expansion; size, node and depth limits.
import { decodeXml } from '../../bytes/xml';

export interface XmlEl {
  name: string;
  attrs: Record<string, string>;
  children: XmlEl[];
  text: string;
}

export const XML_LIMITS = { maxChars: 40_000_000, maxNodes: 2_000_000, maxDepth: 100 } as const;

export class PdfInputError extends Error {}

const ATTR = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

function parseAttrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!s) return out;
  for (const m of s.matchAll(ATTR)) out[m[1]!] = decodeXml(m[3] ?? m[4] ?? '');
  return out;
}

/** Parse `xml` into its root element; text is kept only inside elements whose name is in `textIn`. */
export function parseXml(xml: string, textIn: ReadonlySet<string> = new Set(['w:t', 'w:instrText'])): XmlEl {
  if (xml.length > XML_LIMITS.maxChars) throw new PdfInputError('Tài liệu quá lớn để chuyển sang PDF.');
  if (/<!DOCTYPE|<!ENTITY/.test(xml)) throw new PdfInputError('Tài liệu chứa khai báo DTD, không chuyển sang PDF.');
  const root: XmlEl = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: XmlEl[] = [root];
  let nodes = 0;
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) break;
    const top = stack[stack.length - 1]!;
    if (lt > i && textIn.has(top.name)) top.text += decodeXml(xml.slice(i, lt));
    const c = xml.charCodeAt(lt + 1);
    if (c === 63 /* ? */ || c === 33 /* ! */) {
      const close = xml.startsWith('<!--', lt)
        ? xml.indexOf('-->', lt) + 3
        : xml.startsWith('<![CDATA[', lt)
          ? xml.indexOf(']]>', lt) + 3
          : xml.indexOf('>', lt) + 1;
      if (close <= 0) break;
      if (xml.startsWith('<![CDATA[', lt) && textIn.has(top.name)) top.text += xml.slice(lt + 9, close - 3);
      i = close;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) throw new PdfInputError('Tài liệu Word bị hỏng (XML không đóng thẻ).');
    if (c === 47 /* / */) {
      const name = xml.slice(lt + 2, gt).trim();
      // close the innermost open element of that name (and any left open inside it); a stray end tag is ignored
      let k = stack.length - 1;
      while (k > 0 && stack[k]!.name !== name) k--;
      if (k > 0) stack.length = k;
      i = gt + 1;
      continue;
    }
    const selfClose = xml.charCodeAt(gt - 1) === 47;
    const body = xml.slice(lt + 1, selfClose ? gt - 1 : gt);
    const sp = body.search(/\s/);
    const name = sp < 0 ? body : body.slice(0, sp);
    const el: XmlEl = { name, attrs: parseAttrs(sp < 0 ? '' : body.slice(sp)), children: [], text: '' };
    if (++nodes > XML_LIMITS.maxNodes) throw new PdfInputError('Tài liệu có quá nhiều phần tử để chuyển sang PDF.');
    top.children.push(el);
    if (!selfClose) {
      stack.push(el);
      if (stack.length > XML_LIMITS.maxDepth) throw new PdfInputError('Tài liệu lồng nhau quá sâu để chuyển sang PDF.');
    }
    i = gt + 1;
  }
  return root;
}

export const child = (el: XmlEl | undefined, name: string): XmlEl | undefined => el?.children.find((c) => c.name === name);
export const kids = (el: XmlEl | undefined, name: string): XmlEl[] => el?.children.filter((c) => c.name === name) ?? [];
export const num = (v: string | undefined, dflt = 0): number => {
  const x = v === undefined ? NaN : Number(v);
  return Number.isFinite(x) ? x : dflt;
};
/** An on/off property: present without w:val, or w:val true/1/on. */
export const onOff = (el: XmlEl | undefined): boolean | undefined => {
  if (!el) return undefined;
  const v = el.attrs['w:val'];
  return v === undefined || v === 'true' || v === '1' || v === 'on';
};
