// Layout checker for a produced .docx (NĐ 30/2020 Phụ lục I), reading word/document.xml and the page headers
// itself: A4, margins, Times New Roman, a header block whose lines fit their columns, Số and place–date lines,
// page numbers top-centre from page 2 only, the signature kept with the last paragraph, no caps names in text.
import { estimateWidthTwip } from '../../../../src-main/docs/official-docx/layout';
import { readZipEntry } from '../zip';

export interface LayoutIssue {
  rule: string;
  message: string;
}

const MM = 1440 / 25.4;
const attr = (xml: string, tag: string, name: string): string | null => {
  const m = new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml);
  return m ? (m[1] ?? null) : null;
};
const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

export interface Run {
  text: string;
  pt: number;
  bold: boolean;
  italic: boolean;
  font: string | null;
}
export interface Para {
  xml: string;
  runs: Run[];
  text: string;
  keepNext: boolean;
  keepLines: boolean;
  align: string | null;
  border: boolean;
  breaks: number;
}
export interface Block {
  kind: 'p' | 'tbl';
  xml: string;
}

/** Top-level body children in order (paragraphs and tables; tables are not nested by our builders). */
export function bodyBlocks(doc: string): Block[] {
  const body = doc.slice(doc.indexOf('<w:body>') + 8, doc.lastIndexOf('<w:sectPr'));
  const out: Block[] = [];
  const re = /<w:tbl>[\s\S]*?<\/w:tbl>|<w:p\b[^>]*\/>|<w:p\b[\s\S]*?<\/w:p>/g;
  for (const m of body.matchAll(re)) out.push({ kind: m[0].startsWith('<w:tbl>') ? 'tbl' : 'p', xml: m[0] });
  return out;
}

export function parsePara(xml: string, defaultPt: number): Para {
  const runs: Run[] = [];
  let breaks = 0;
  for (const r of xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>|<w:r [\s\S]*?<\/w:r>/g)) {
    const rx = r[0];
    const sz = attr(rx, 'w:sz', 'w:val');
    const b = /<w:b\/>|<w:b w:val="(true|1)"\/>/.test(rx);
    const i = /<w:i\/>|<w:i w:val="(true|1)"\/>/.test(rx);
    breaks += (rx.match(/<w:br\/>/g) ?? []).length;
    const text = decode(
      [...rx.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((t) => (t[0] === '<w:br/>' ? '\n' : t[1])).join(''),
    ).replace(/\u200B/g, '');
    runs.push({ text, pt: sz ? Number(sz) / 2 : defaultPt, bold: b, italic: i, font: attr(rx, 'w:rFonts', 'w:ascii') });
  }
  const pPr = /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(xml)?.[0] ?? '';
  return {
    xml,
    runs,
    text: runs.map((r) => r.text).join(''),
    keepNext: /<w:keepNext\/>/.test(pPr),
    keepLines: /<w:keepLines\/>/.test(pPr),
    align: attr(pPr, 'w:jc', 'w:val'),
    border: /<w:pBdr>/.test(pPr),
    breaks,
  };
}

/** Printed width (twips) of the widest line in a paragraph (lines split at <w:br/>). */
export function widestLine(p: Para): { text: string; width: number } {
  const lines: { text: string; width: number }[] = [{ text: '', width: 0 }];
  for (const r of p.runs) {
    const parts = r.text.split('\n');
    parts.forEach((part, k) => {
      if (k > 0) lines.push({ text: '', width: 0 });
      const cur = lines[lines.length - 1]!;
      cur.text += part;
      cur.width += estimateWidthTwip(part, r.pt, r.bold);
    });
  }
  return lines.reduce((a, b) => (b.width > a.width ? b : a));
}

function cellsOf(tbl: string): { width: number; margin: number; paras: string[] }[][] {
  return [...tbl.matchAll(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => {
      const w = Number(attr(tc[0], 'w:tcW', 'w:w') ?? 0);
      const l = Number(/<w:tcMar>[\s\S]*?<w:(?:left|start)\b[^>]*w:w="(\d+)"/.exec(tc[0])?.[1] ?? 108);
      const r = Number(/<w:tcMar>[\s\S]*?<w:(?:right|end)\b[^>]*w:w="(\d+)"/.exec(tc[0])?.[1] ?? 108);
      return { width: w, margin: l + r, paras: tc[0].match(/<w:p\b[\s\S]*?<\/w:p>|<w:p\b[^>]*\/>/g) ?? [] };
    }),
  );
}

/** A line of an organisation name may start with a level or body word, or follow one ("… ĐỘNG / HUYỆN …"). */
const LEVEL_START = /^((TỈNH|HUYỆN|QUẬN|XÃ|PHƯỜNG|CÔNG|LIÊN|TRƯỜNG|BAN|SỞ|PHÒNG|KHỐI|NGÀNH)(?=\s|$)|THÀNH PHỐ|THỊ (XÃ|TRẤN)|\[)/u;
const LEVEL_END = /^(TỈNH|HUYỆN|PHỐ|QUẬN|XÃ|TRẤN|PHƯỜNG|ĐỘNG|ĐOÀN|…+)$/u;
const CAPS_WORD = /^[A-ZÀ-ỸĐ]+$/u;
const hasVowel = (w: string): boolean => /[AEIOUY]/.test(w.normalize('NFD').replace(/\p{M}/gu, ''));
/** Two or more caps words in a row that are words, not acronyms ("LIÊN ĐOÀN", "HUYỆN DƯƠNG"); LĐLĐ, CĐCS, II pass. */
export function capsPhrase(text: string): string | null {
  const words = text
    .normalize('NFC')
    .split(/[\s,;:.()"“”]+/)
    .filter(Boolean);
  let run: string[] = [];
  for (const w of [...words, '']) {
    if (w.length >= 2 && CAPS_WORD.test(w) && hasVowel(w) && !/^[IVXLC]+$/.test(w)) run.push(w);
    else {
      if (run.length >= 2) return run.join(' ');
      run = [];
    }
  }
  return null;
}

function placeDate(text: string): boolean {
  return /^\S.*\S, ngày \d{1,2} tháng \d{1,2} năm \d{4}$/u.test(text.trim());
}

export function checkDocx(bytes: Uint8Array): LayoutIssue[] {
  const issues: LayoutIssue[] = [];
  const add = (rule: string, message: string): void => {
    issues.push({ rule, message });
  };
  const doc = readZipEntry(bytes, 'word/document.xml');
  if (!doc) return [{ rule: 'file', message: 'no word/document.xml' }];
  const styles = readZipEntry(bytes, 'word/styles.xml') ?? '';
  const defaultPt = Number(/<w:docDefaults>[\s\S]*?<w:sz w:val="(\d+)"/.exec(styles)?.[1] ?? 24) / 2;

  // Page: A4, margins, title page.
  const sect = doc.slice(doc.lastIndexOf('<w:sectPr'));
  const w = Number(attr(sect, 'w:pgSz', 'w:w'));
  const h = Number(attr(sect, 'w:pgSz', 'w:h'));
  if (Math.abs(Math.min(w, h) - 210 * MM) > 3 || Math.abs(Math.max(w, h) - 297 * MM) > 3) add('a4', `page ${w}×${h} twips is not A4`);
  const mm = (n: string): number => Number(attr(sect, 'w:pgMar', n)) / MM;
  const within = (name: string, v: number, lo: number, hi: number): void => {
    if (!(v >= lo - 0.05 && v <= hi + 0.05)) add('margin', `${name} margin ${v.toFixed(1)} mm outside ${lo}–${hi} mm`);
  };
  within('top', mm('w:top'), 20, 25);
  within('bottom', mm('w:bottom'), 20, 25);
  within('left', mm('w:left'), 30, 35);
  within('right', mm('w:right'), 15, 20);
  const textWidth = w - Number(attr(sect, 'w:pgMar', 'w:left')) - Number(attr(sect, 'w:pgMar', 'w:right'));

  // Page numbers: none on page 1 (titlePg + a first header without PAGE), centred PAGE field from page 2.
  const rels = readZipEntry(bytes, 'word/_rels/document.xml.rels') ?? '';
  const headerXml = (type: string): string | null => {
    const id = new RegExp(
      `<w:headerReference[^>]*w:type="${type}"[^>]*r:id="([^"]+)"|<w:headerReference[^>]*r:id="([^"]+)"[^>]*w:type="${type}"`,
    ).exec(sect);
    const rid = id?.[1] ?? id?.[2];
    if (!rid) return null;
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels);
    return readZipEntry(bytes, `word/${target?.[1] ?? target?.[2]}`);
  };
  const hasPage = (x: string | null): boolean =>
    !!x && (/<w:instrText[^>]*>\s*PAGE\b/.test(x) || /w:fldSimple[^>]*w:instr="\s*PAGE\b/.test(x));
  const def = headerXml('default');
  if (!/<w:titlePg\/>|<w:titlePg w:val="(true|1)"\/>/.test(sect)) add('page-number', 'no titlePg: page 1 would carry a page number');
  if (!hasPage(def)) add('page-number', 'no PAGE field in the default header: pages 2+ are not numbered');
  else if (!/<w:jc w:val="center"\/>/.test(def ?? '')) add('page-number', 'page number is not centred');
  if (hasPage(headerXml('first'))) add('page-number', 'page 1 carries a page number');

  // Fonts.
  if (!/<w:docDefaults>[\s\S]*?w:ascii="Times New Roman"/.test(styles)) add('font', 'default font is not Times New Roman');
  for (const f of new Set([...doc.matchAll(/w:rFonts [^>]*w:ascii="([^"]+)"/g)].map((m) => m[1])))
    if (f !== 'Times New Roman') add('font', `font ${f} used`);

  const blocks = bodyBlocks(doc);
  // Header block: the first table, two columns; every line fits its column at its size (no bad break).
  const head = blocks[0];
  if (!head || head.kind !== 'tbl') add('header', 'the document does not start with the header table');
  else {
    const rows = cellsOf(head.xml);
    const cols = rows[0] ?? [];
    if (cols.length !== 2) add('header', `header has ${cols.length} columns, not 2`);
    const indent = Number(/<w:tblInd\b[^>]*w:w="(-?\d+)"/.exec(head.xml)?.[1] ?? 0);
    const total = cols.reduce((a, c) => a + c.width, 0);
    if (-indent > 10 * MM + 1 || total + indent - textWidth > 5 * MM + 1) add('header', 'header table reaches too far into the margins');
    for (const row of rows)
      for (const c of row)
        for (const px of c.paras) {
          const p = parsePara(px, defaultPt);
          if (!p.text.trim() || p.text.startsWith('V/v ')) continue; // the công văn's trích yếu may wrap
          const widest = widestLine(p);
          if (widest.width > c.width - c.margin)
            add('header-break', `"${widest.text}" (${widest.width} twips) does not fit its ${c.width - c.margin}-twip column and breaks`);
        }
    const left = (rows[0]?.[0]?.paras ?? []).map((x) => parsePara(x, defaultPt));
    const named = left.filter((p) => p.text.trim());
    const own = named[named.length - 1];
    const parent = named.length > 1 ? named[0] : undefined;
    if (!own || !own.runs.every((r) => r.bold || !r.text.trim()) || own.text !== own.text.toLocaleUpperCase('vi'))
      add('header', 'issuing body is not bold caps');
    if (parent && (parent.runs.some((r) => r.bold && r.text.trim()) || parent.text !== parent.text.toLocaleUpperCase('vi')))
      add('header', 'parent name is not regular caps');
    if (own && !left.slice(left.indexOf(own) + 1).some((p) => p.border)) add('header', 'no short rule under the issuing body');
    for (const p of named) {
      if (p.text.trim().startsWith('[')) continue; // a "[chưa nhập …]" placeholder is no name to keep whole
      const lines = p.text.split('\n').map((l) => l.trim().split(/\s+/));
      for (let k = 1; k < lines.length; k++) {
        const end = lines[k - 1]![lines[k - 1]!.length - 1] ?? '';
        const start = lines[k]!.slice(0, 2).join(' ');
        if (!LEVEL_START.test(start) && !LEVEL_END.test(end))
          add('header-break', `"${end} / ${start.split(' ')[0]}": the name is broken inside a proper name`);
      }
    }
    for (const p of named)
      if (/^(LIÊN ĐOÀN LAO ĐỘNG|CÔNG ĐOÀN|LĐLĐ)( (TỈNH|HUYỆN|THÀNH PHỐ|QUẬN|THỊ XÃ))?$/u.test(p.text.trim()))
        add('empty-name', `"${p.text}" names no organisation`);
    const right = (rows[0]?.[1]?.paras ?? []).map((x) => parsePara(x, defaultPt));
    if (!right.slice(2).some((p) => p.border)) add('header', 'no short rule under the tiêu ngữ');
    const second = (rows[1] ?? []).map((c) => c.paras.map((x) => parsePara(x, defaultPt).text).join('\n'));
    if (!/^Số:\s*\S+/.test(second[0]?.replace(/\u00A0/g, ' ').trim() ?? '')) add('header', 'no "Số: …" line');
    if (!placeDate(second[1] ?? '')) add('empty-place', `place–date line "${second[1] ?? ''}" has no place`);
  }

  // Signature block: the last table, kept with the last paragraph (every paragraph from the last text one on keepNext).
  // The signature table: the last table holding "Nơi nhận:", else the last table; only phụ lục may follow it.
  const tbls = blocks.flatMap((b, i) => (b.kind === 'tbl' ? [i] : []));
  const lastTbl = [...tbls].reverse().find((i) => blocks[i]!.xml.includes('>Nơi nhận:<')) ?? tbls[tbls.length - 1] ?? -1;
  const after = blocks.slice(lastTbl + 1).map((b) => parsePara(b.xml, defaultPt));
  if (lastTbl <= 0 || (after.length && !after[0]!.text.startsWith('PHỤ LỤC')))
    add('signature', 'the document does not end with the signature table (or a phụ lục)');
  else {
    const sig = blocks[lastTbl]!.xml;
    if (!/<w:cantSplit\/>/.test(sig)) add('signature', 'signature row may split across pages');
    let k = lastTbl - 1;
    while (k > 0 && blocks[k]!.kind === 'p' && !parsePara(blocks[k]!.xml, defaultPt).text.trim()) {
      if (!parsePara(blocks[k]!.xml, defaultPt).keepNext)
        add('signature-alone', 'an empty paragraph before the signature is not kept with it');
      k--;
    }
    const last = blocks[k];
    if (!last || last.kind !== 'p') add('signature-alone', 'the signature does not follow a paragraph');
    else {
      const p = parsePara(last.xml, defaultPt);
      if (!p.keepNext || !p.keepLines)
        add('signature-alone', `the last paragraph "${p.text.slice(0, 40)}…" is not kept with the signature (keepNext/keepLines)`);
    }
  }

  // Running text: names in normal case (outside tables and all-bold headings/titles).
  for (const b of blocks) {
    if (b.kind !== 'p') continue;
    const p = parsePara(b.xml, defaultPt);
    const textRuns = p.runs.filter((r) => r.text.trim());
    if (!textRuns.length || textRuns.every((r) => r.bold)) continue;
    const caps = capsPhrase(p.text);
    if (caps) add('caps-in-text', `caps "${caps}" in running text: "${p.text.slice(0, 60)}…"`);
  }
  return issues;
}
