// Reading the small workbook parts for the fast path: workbook.xml (+rels) for sheet names, states, paths
// and the 1904 flag; sharedStrings.xml (rich runs, legacy run fonts); styles.xml (legacy fonts, date formats).
import type { CellRun, SheetState } from './grid';
import { isLegacyFontName } from '../../text/legacy-vi';
import { attr, blocks, decodeStr, elements, section, withoutBlocks } from '../../bytes/xml';
import { decodeUtf8 } from '../../bytes/zip';
import { validUtf8Text } from '../../bytes/utf8-text';
import { isNfcStable } from '../../text/nfc-stable';
import { cleanIfTidy, isTidyBetween } from '../../text/tidy-text';

export interface SheetRef {
  name: string;
  state: SheetState;
  /** Zip path of the sheet part, e.g. "xl/worksheets/sheet1.xml"; null for chart sheets or unresolved. */
  path: string | null;
}

interface SharedString {
  text: string;
  /** Legacy font when any run uses one. */
  font?: string;
  runs?: CellRun[];
  /** The text is known to be left as it is by vi-text clean() (see text/tidy-text.ts); absent: not known. */
  clean?: true;
}

export interface StyleInfo {
  /** Per cellXfs index: legacy font name or undefined. */
  legacyFont: (string | undefined)[];
  /** Per cellXfs index: number format is a date/time. */
  isDate: boolean[];
  /** Per cellXfs index: number format is a percent (built-in 9/10 or a custom code with '%'). */
  isPercent?: boolean[];
}

/** Resolve a relationship target against the folder of the part that owns the rels. */
function resolveTarget(baseDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${baseDir}${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** Relationship id -> { type, target } (Map: ids are file text, never object keys). */
export function parseRels(xml: string, baseDir: string): Map<string, { type: string; target: string }> {
  const map = new Map<string, { type: string; target: string }>();
  for (const a of elements(xml, 'Relationship')) {
    const id = attr(a, 'Id');
    const target = attr(a, 'Target');
    if (!id || !target || attr(a, 'TargetMode') === 'External') continue;
    map.set(id, { type: attr(a, 'Type') ?? '', target: resolveTarget(baseDir, target) });
  }
  return map;
}

export function parseWorkbook(xml: string, rels: Map<string, { type: string; target: string }>): { sheets: SheetRef[]; date1904: boolean } {
  let date1904 = false;
  for (const a of elements(xml, 'workbookPr')) {
    const v = attr(a, 'date1904');
    date1904 = v === '1' || v === 'true';
  }
  const sheets: SheetRef[] = [];
  for (const a of elements(xml, 'sheet')) {
    const name = attr(a, 'name') ?? `Sheet${sheets.length + 1}`;
    const st = attr(a, 'state');
    const state: SheetState = st === 'hidden' ? 'hidden' : st === 'veryHidden' ? 'veryHidden' : 'visible';
    const rid = attr(a, 'id', true);
    const rel = rid ? rels.get(rid) : undefined;
    const path = rel && /\/worksheet$/.test(rel.type) ? rel.target : rel && !rel.type ? rel.target : null;
    sheets.push({ name, state, path });
  }
  return { sheets, date1904 };
}

/** Text of every <t> in a string item or run, in order. */
function joinT(body: string): string {
  let s = '';
  for (const t of blocks(body, 't')) s += body.slice(t.start, t.end);
  return s;
}

/**
 * Fast path for the usual `<si><t>text</t></si>` / `<t xml:space="preserve">`: indexOf only, no regex. Gives the
 * [start, end) of each string's raw text, or null as soon as anything else shows up (rich runs, prefixes, odd
 * spacing), and the caller uses the regex parser. Works on the decoded text or on a latin1 view of the bytes. The
 * text is searched once: its end is the first '<' after the start tag, which must open "</t></si>" (a start tag
 * holding a '<' takes the general rule, where the string ends at the first "</si>").
 */
export function plainSpans(xml: string, tick: () => void): number[] | null {
  if (xml.indexOf(':si') !== -1 || xml.indexOf(':t') !== -1) return null;
  const spans: number[] = [];
  // the next "<si" is usually right where the last string ended: looked at there before searching
  for (let pos = xml.indexOf('<si'); pos !== -1; pos = xml.startsWith('<si', pos) ? pos : xml.indexOf('<si', pos)) {
    if ((spans.length & 2047) === 0) tick();
    // "<si ...>", "<si/>", "<sift": leave to the regex parser
    if (xml.charCodeAt(pos + 3) !== 62 || !xml.startsWith('<t', pos + 4)) return null;
    const ch = xml.charCodeAt(pos + 6);
    const tgt = ch === 62 ? pos + 6 : xml.indexOf('>', pos + 6);
    if (tgt < 0 || xml.charCodeAt(tgt - 1) === 47 || !(ch === 62 || ch === 32)) return null;
    const lt = xml.indexOf('<', pos + 5);
    if (lt > tgt) {
      if (!xml.startsWith('</t></si>', lt)) return null;
      spans.push(tgt + 1, lt);
      pos = lt + 9;
      continue;
    }
    const close = xml.indexOf('</si>', pos + 4);
    if (close < 0 || tgt > close) return null;
    const end = close - 4;
    if (!xml.startsWith('</t>', end) || xml.indexOf('<', tgt + 1) !== end) return null;
    spans.push(tgt + 1, end);
    pos = close + 5;
  }
  return spans;
}

/** Shared string by index; undefined when out of range. */
export type SharedStringTable = (i: number) => SharedString | undefined;

/**
 * The shared-strings part. Valid UTF-8 (nearly every file) is decoded whole at once (bytes/utf8-text.ts: far cheaper
 * than string by string on Vietnamese text) and each string is cut from it on first use; NFC is skipped when every
 * character of the string is one NFC leaves alone (text/nfc-stable.ts), and tidy strings are marked clean
 * (text/tidy-text.ts). Other bytes are scanned as a latin1 view (tag
 * syntax is ASCII, offsets are byte offsets) and each string is UTF-8-decoded on first use. Parts the fast path does
 * not handle are parsed whole. The caller has guarded the bytes (guardXml).
 */
export function sharedStringTable(bytes: Uint8Array, tick: () => void): SharedStringTable {
  // nothing below keeps a view of `bytes` after returning (the caller may reuse them)
  const text = validUtf8Text(bytes);
  if (text !== null) {
    const spans = plainSpans(text, tick);
    if (!spans) {
      // as decodeUtf8 gives it: TextDecoder drops a leading byte-order mark
      const all = parseSharedStrings(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, tick);
      return (i) => (Number.isInteger(i) && i >= 0 ? all[i] : undefined);
    }
    const escapes = escapeStarts(text);
    // Each string is judged when first asked for (a third of a part's text is often never read): tidy text is
    // NFC-stable too, and clean unless it starts or ends with a space.
    return lazyStrings(spans, (a, b) => {
      const raw = text.slice(a, b);
      if (someIn(escapes, a, b)) {
        const s = decodeStr(raw);
        // judged on the decoded text itself: an entity may stand for a mark (&#769;), a newline or a no-break space
        if (isTidyBetween(s, 0, s.length) && cleanIfTidy(s)) return { text: s, clean: true };
        return { text: s.normalize('NFC') };
      }
      if (isTidyBetween(raw, 0, raw.length)) return cleanIfTidy(raw) ? { text: raw, clean: true } : { text: raw };
      return { text: isNfcStable(raw) ? raw : raw.normalize('NFC') };
    });
  }
  // an own copy: strings are decoded from it later, and the caller's bytes may be a reused buffer
  const buf = Buffer.from(bytes);
  const view = buf.toString('latin1');
  const spans = plainSpans(view, tick);
  if (!spans) {
    const all = parseSharedStrings(decodeUtf8(bytes), tick);
    return (i) => (Number.isInteger(i) && i >= 0 ? all[i] : undefined);
  }
  // Buffer#toString(utf8, start, end): same decoding as TextDecoder (U+FFFD for bad bytes), less per-call cost.
  return lazyStrings(spans, (a, b) => ({ text: decodeStr(buf.toString('utf8', a, b)).normalize('NFC') }));
}

/** Where an entity ('&') or an _xHHHH_ escape ('_x') may start, in order: decodeStr changes no text without one. */
function escapeStarts(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) out.push(i);
  const amps = out.length;
  for (let i = text.indexOf('_x'); i !== -1; i = text.indexOf('_x', i + 1)) out.push(i);
  if (amps > 0 && out.length > amps) out.sort((x, y) => x - y);
  return out;
}

/** Whether sorted `at` holds a position in [from, to). */
function someIn(at: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((at[mid] ?? 0) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < at.length && (at[lo] ?? 0) < to;
}

/** Strings at spans [start, end) pairs, each made by `make` on first use and kept. */
function lazyStrings(spans: number[], make: (start: number, end: number) => SharedString): SharedStringTable {
  const n = spans.length / 2;
  const cache: (SharedString | undefined)[] = [];
  return (i) => {
    if (!Number.isInteger(i) || i < 0 || i >= n) return undefined;
    let s = cache[i];
    if (!s) {
      s = make(spans[2 * i] ?? 0, spans[2 * i + 1] ?? 0);
      cache[i] = s;
    }
    return s;
  };
}

export function parseSharedStrings(xml: string, tick: () => void): SharedString[] {
  const plain = plainSpans(xml, tick);
  if (plain) {
    const out: SharedString[] = [];
    for (let k = 0; k < plain.length; k += 2) out.push({ text: decodeStr(xml.slice(plain[k], plain[k + 1])).normalize('NFC') });
    return out;
  }
  const out: SharedString[] = [];
  for (const si of blocks(xml, 'si')) {
    if ((out.length & 1023) === 0) tick();
    const body = xml.slice(si.start, si.end);
    if (body.indexOf('<r') === -1 && body.indexOf(':r') === -1) {
      out.push({ text: decodeStr(joinT(body)).normalize('NFC') });
      continue;
    }
    const runs: CellRun[] = [];
    let legacy: string | undefined;
    let text = '';
    let any = false;
    for (const r of blocks(body, 'r')) {
      any = true;
      const inner = body.slice(r.start, r.end);
      let font: string | null = null;
      for (const fa of elements(inner, 'rFont')) {
        const name = attr(fa, 'val');
        if (name && isLegacyFontName(name)) font = name;
      }
      const t = decodeStr(joinT(inner));
      if (font) legacy ??= font;
      runs.push({ text: t, font });
      text += t;
    }
    // No runs: the <t> outside any phonetic guide (<rPh>, not cell text).
    if (!any) text = decodeStr(joinT(withoutBlocks(body, 'rPh')));
    const s: SharedString = { text: legacy ? text : text.normalize('NFC') };
    if (legacy) {
      s.font = legacy;
      s.runs = runs;
    }
    out.push(s);
  }
  return out;
}

const BUILTIN_DATE = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** A custom format code is a date when it has d/m/y/h/s outside quotes, brackets and escapes (not "0.0%"). */
function isDateFormat(code: string): boolean {
  // Excel keeps format codes to 255 characters; a longer one is hostile, and the regex below is quadratic on it.
  if (code.length > 255) return false;
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
  return /[dmyhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare) && !/General/i.test(bare);
}

/** A custom format code shows numbers as percent when it has '%' outside quotes and escapes. */
export function isPercentFormat(code: string): boolean {
  if (code.length > 255) return false; // hostile (see isDateFormat): the regex below is quadratic on it
  return code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').includes('%');
}

export function parseStyles(xml: string): StyleInfo {
  const fonts: (string | undefined)[] = [];
  const fs = section(xml, 'fonts');
  if (fs) {
    const body = xml.slice(fs.start, fs.end);
    for (const f of blocks(body, 'font')) {
      let name: string | undefined;
      for (const a of elements(body.slice(f.start, f.end), 'name')) name = attr(a, 'val');
      fonts.push(name && isLegacyFontName(name) ? name : undefined);
    }
  }
  const custom = new Map<number, boolean>();
  const customPct = new Map<number, boolean>();
  for (const a of elements(xml, 'numFmt')) {
    const id = Number(attr(a, 'numFmtId'));
    const code = attr(a, 'formatCode') ?? '';
    custom.set(id, isDateFormat(code));
    customPct.set(id, isPercentFormat(code));
  }
  const legacyFont: (string | undefined)[] = [];
  const isDate: boolean[] = [];
  const isPercent: boolean[] = [];
  const xfs = section(xml, 'cellXfs');
  if (xfs) {
    for (const a of elements(xml, 'xf', xfs.start, xfs.end)) {
      const fontId = Number(attr(a, 'fontId') ?? 0);
      const fmt = Number(attr(a, 'numFmtId') ?? 0);
      legacyFont.push(fonts[fontId]);
      isDate.push(custom.get(fmt) ?? BUILTIN_DATE.has(fmt));
      isPercent.push(customPct.get(fmt) ?? (fmt === 9 || fmt === 10));
    }
  }
  return { legacyFont, isDate, isPercent };
}
