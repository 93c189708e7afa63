// Replacing given cells of a worksheet's XML (pure): the sheet is cut once around those cells, then each unit's
// copy is the pieces joined with its own cells (inline strings, numbers or blanks) in the original cell styles.

export type StampValue = string | number | null;

/** Text safe inside <t>: XML entities, no characters XML 1.0 forbids, and literal "_xHHHH_" kept literal (OOXML). */
export function xmlText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/_(x[0-9a-fA-F]{4}_)/g, '_x005F_$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function colLetters(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

export interface CutSheet {
  /** pieces.length === refs.length + 1; output = pieces[0] + cell(refs[0]) + pieces[1] + … */
  pieces: string[];
  refs: { ref: string; style: string }[];
}

/** Cut `xml` around the cells `refs` (e.g. "A2", "D14"); every one must be present (a template writes them all). */
export function cutSheet(xml: string, refs: string[]): CutSheet {
  const spans = refs
    .map((ref) => {
      const m = new RegExp(`<c r="${ref}"[\\s>/]`).exec(xml);
      if (!m) throw new Error(`template cell ${ref} not found`);
      const open = xml.indexOf('>', m.index);
      const selfClosing = xml[open - 1] === '/';
      const end = selfClosing ? open + 1 : xml.indexOf('</c>', open) + 4;
      const style = /\ss="(\d+)"/.exec(xml.slice(m.index, open))?.[1];
      return { ref, start: m.index, end, style: style === undefined ? '' : ` s="${style}"` };
    })
    .sort((a, b) => a.start - b.start);
  const pieces: string[] = [];
  let at = 0;
  for (const s of spans) {
    pieces.push(xml.slice(at, s.start));
    at = s.end;
  }
  pieces.push(xml.slice(at));
  return { pieces, refs: spans.map((s) => ({ ref: s.ref, style: s.style })) };
}

function cellXml(ref: string, style: string, v: StampValue): string {
  if (v === null || v === '') return `<c r="${ref}"${style}/>`;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number for ${ref}`);
    return `<c r="${ref}"${style}><v>${v}</v></c>`;
  }
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
}

/** The sheet with the cut cells set to `values` (by ref; a ref not given becomes blank). */
export function stampSheet(cut: CutSheet, values: Map<string, StampValue>): string {
  let out = cut.pieces[0]!;
  cut.refs.forEach((r, i) => {
    out += cellXml(r.ref, r.style, values.get(r.ref) ?? null) + cut.pieces[i + 1]!;
  });
  return out;
}
