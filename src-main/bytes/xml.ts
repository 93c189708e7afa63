// Tiny XML helpers for the fast scanner: DTD/entity guard (no DTD is ever expanded), the five predefined
// entities + character references + OOXML _xHHHH_ escapes, and attribute lookup. No tree, no recursion.
import { XlsxError } from './limits';

/**
 * Reject any part that declares a DTD or entities (billion laughs, XXE): any "<!DOCTYPE" or "<!ENTITY" in its
 * UTF-8 bytes, checked before they are decoded (the markup is ASCII). A native byte search for "!" (rare in a
 * part, where "<" starts every tag), each checked for the "<" before it: every "<!" is found.
 */
export function guardXml(bytes: Uint8Array, part: string): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let bang = buf.indexOf(0x21, 1); bang !== -1; bang = buf.indexOf(0x21, bang + 1)) {
    if (buf[bang - 1] !== 0x3c) continue;
    const i = bang - 1;
    if (buf.toString('latin1', i + 2, i + 9) === 'DOCTYPE' || buf.toString('latin1', i + 2, i + 8) === 'ENTITY') {
      throw new XlsxError(
        'dtd',
        `Tệp chứa khai báo DTD/thực thể XML trong "${part.slice(0, 60)}" (dấu hiệu tệp độc hại) – không đọc. Hãy mở bằng Excel, Lưu lại rồi gửi lại.`,
      );
    }
  }
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const OOXML_ESC = /_x([0-9a-fA-F]{4})_/g;

function fromCode(code: number): string {
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);

/** Length of the run of characters passing `ok` in s from `from` (stops past `max`). */
function runLength(s: string, from: number, ok: (c: number) => boolean, max: number): number {
  let n = 0;
  while (n <= max && ok(s.charCodeAt(from + n))) n++;
  return n;
}

/**
 * The entity at s[amp] ('&'): [text it stands for, index past its ';'], or null. One of the five names, or numeric:
 * '#x' and 1–6 hex digits (a longer run is no match), or '#' and 1–7 digits, then ';'.
 */
function entityAt(s: string, amp: number): [string, number] | null {
  const p = amp + 1;
  if (s.charCodeAt(p) === 35) {
    if (s.charCodeAt(p + 1) === 120) {
      const n = runLength(s, p + 2, isHex, 6);
      if (n >= 1 && n <= 6 && s.charCodeAt(p + 2 + n) === 59) return [fromCode(parseInt(s.slice(p + 2, p + 2 + n), 16)), p + 3 + n];
      return null;
    }
    const n = runLength(s, p + 1, isDigit, 7);
    if (n >= 1 && n <= 7 && s.charCodeAt(p + 1 + n) === 59) return [fromCode(parseInt(s.slice(p + 1, p + 1 + n), 10)), p + 2 + n];
    return null;
  }
  for (const name of NAMES) if (s.startsWith(name, p)) return [NAMED[name.slice(0, -1)] ?? '', p + name.length];
  return null;
}
const NAMES = ['lt;', 'gt;', 'amp;', 'quot;', 'apos;'];

/**
 * Decode XML text content. Unknown entities (e.g. "&lol9;") are left as literal text, never expanded. The same text
 * as replacing /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, read from each '&' without a regex and its
 * callback per entity (narrative text is full of &quot;).
 */
export function decodeXml(s: string): string {
  let amp = s.indexOf('&');
  if (amp === -1) return s;
  let out = '';
  let last = 0;
  while (amp !== -1) {
    const hit = entityAt(s, amp);
    if (hit) {
      out += s.slice(last, amp) + hit[0];
      last = hit[1];
      amp = s.indexOf('&', last);
    } else amp = s.indexOf('&', amp + 1);
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Decode a string value as stored in sharedStrings/inline strings (adds the OOXML `_xHHHH_` escapes). */
export function decodeStr(s: string): string {
  let out = decodeXml(s);
  if (out.indexOf('_x') !== -1) {
    out = out.replace(/_x005[fF]_(x[0-9a-fA-F]{4}_)/g, '\u0000$1').replace(OOXML_ESC, (_m, h: string) => fromCode(parseInt(h, 16)));
    out = out.replace(/\u0000/g, '_');
  }
  return out;
}

/**
 * Value of attribute `name` inside a tag's attribute text (e.g. ` r="A1" t="s"`), decoded; undefined if absent.
 * Matches a bare name or any namespace prefix (`r:id` when asked for "id" with prefix allowed).
 */
export function attr(attrs: string, name: string, anyPrefix = false): string | undefined {
  let from = 0;
  for (;;) {
    const i = attrs.indexOf(name, from);
    if (i < 0) return undefined;
    from = i + name.length;
    const before = attrs.charCodeAt(i - 1);
    const okBefore = i === 0 || before === 32 || before === 9 || before === 10 || before === 13 || (anyPrefix && before === 58);
    if (!okBefore) continue;
    let j = from;
    while (attrs.charCodeAt(j) === 32) j++;
    if (attrs.charCodeAt(j) !== 61) continue;
    j++;
    while (attrs.charCodeAt(j) === 32) j++;
    const q = attrs.charCodeAt(j);
    if (q !== 34 && q !== 39) continue;
    const end = attrs.indexOf(q === 34 ? '"' : "'", j + 1);
    if (end < 0) return undefined;
    const raw = attrs.slice(j + 1, end);
    return raw.indexOf('&') === -1 ? raw : decodeXml(raw);
  }
}

const openTag = (name: string): RegExp => new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}(?=[\\s/>])`, 'g');

/**
 * Every element `<[prefix:]name ...>` or `<name/>`: yields its attribute text. Namespace prefixes accepted.
 * Linear time: a tag that never ends (no ">") stops the scan instead of being retried from every later "<".
 */
export function* elements(xml: string, name: string, from = 0, to = xml.length): Generator<string> {
  const re = openTag(name);
  let pos = from;
  for (;;) {
    re.lastIndex = pos;
    const m = re.exec(xml);
    if (!m || m.index >= to) return;
    const gt = xml.indexOf('>', re.lastIndex);
    if (gt < 0) return;
    const a = xml.slice(re.lastIndex, gt);
    yield a.endsWith('/') ? a.slice(0, -1) : a;
    pos = gt + 1;
  }
}

export interface Block {
  /** Attribute text of the open tag. */
  attrs: string;
  /** [start, end) of the content; start === end for `<name/>`. */
  start: number;
  end: number;
  /** [outerStart, outerEnd) of the whole element, tags included. */
  outerStart: number;
  outerEnd: number;
}

/**
 * Every closed element `<[p:]name ...>content</[p:]name>` (or self-closed) between from and to, in linear time:
 * each search starts where the previous element ended, and an element that is never closed ends the scan (no later
 * one can be closed either), so hostile unclosed tags cost one pass, not one pass per tag. Not for nested same names.
 */
export function* blocks(xml: string, name: string, from = 0, to = xml.length): Generator<Block> {
  const open = openTag(name);
  const close = new RegExp(`</(?:[A-Za-z_][\\w.-]*:)?${name}\\s*>`, 'g');
  let pos = from;
  for (;;) {
    open.lastIndex = pos;
    const m = open.exec(xml);
    if (!m || m.index >= to) return;
    const gt = xml.indexOf('>', open.lastIndex);
    if (gt < 0 || gt >= to) return;
    const attrs = xml.slice(open.lastIndex, gt);
    if (attrs.endsWith('/')) {
      yield { attrs: attrs.slice(0, -1), start: gt + 1, end: gt + 1, outerStart: m.index, outerEnd: gt + 1 };
      pos = gt + 1;
      continue;
    }
    close.lastIndex = gt + 1;
    const c = close.exec(xml);
    if (!c || c.index + c[0].length > to) return;
    yield { attrs, start: gt + 1, end: c.index, outerStart: m.index, outerEnd: c.index + c[0].length };
    pos = c.index + c[0].length;
  }
}

/** The text with every `name` element (tags and content) removed. */
export function withoutBlocks(xml: string, name: string): string {
  let out = '';
  let at = 0;
  for (const b of blocks(xml, name)) {
    out += xml.slice(at, b.outerStart);
    at = b.outerEnd;
  }
  return out + xml.slice(at);
}

/** Index range of the content of the first `<[p:]name ...>...</[p:]name>`; null when absent or self-closed. */
export function section(xml: string, name: string, from = 0): { start: number; end: number } | null {
  const open = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}(?=[\\s/>])[^>]*>`, 'g');
  open.lastIndex = from;
  const m = open.exec(xml);
  if (!m) return null;
  if (m[0].endsWith('/>')) return { start: open.lastIndex, end: open.lastIndex };
  const close = new RegExp(`</(?:[A-Za-z_][\\w.-]*:)?${name}\\s*>`, 'g');
  close.lastIndex = open.lastIndex;
  const c = close.exec(xml);
  return { start: open.lastIndex, end: c ? c.index : xml.length };
}
