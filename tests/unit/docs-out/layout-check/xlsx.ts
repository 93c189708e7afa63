// Layout checker for a produced .xlsx: per sheet, A4 paper, NĐ 30/2020 margins, page number top-centre from
// page 2 (differentFirst), Times New Roman in every used style, and header lines (rows 1–4) that fit their merge.
import { estimateWidthTwip } from '../../../../src-main/docs/official-docx/layout';
import { readZipEntry } from '../zip';
import type { LayoutIssue } from './docx';

const attr = (xml: string, tag: string, name: string): string | null =>
  new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1] ?? null;
const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function colNum(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** Check every worksheet; `official` lists sheet names expected to carry the two-column header. */
export function checkXlsx(bytes: Uint8Array, opts: { headerSheets?: number } = {}): LayoutIssue[] {
  const issues: LayoutIssue[] = [];
  const add = (rule: string, message: string): void => {
    issues.push({ rule, message });
  };
  const styles = readZipEntry(bytes, 'xl/styles.xml') ?? '';
  const fonts = [...(/<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)?.[1] ?? '').matchAll(/<font>([\s\S]*?)<\/font>|<font\/>/g)].map(
    (m) => ({
      name: attr(m[0], 'name', 'val'),
      pt: Number(attr(m[0], 'sz', 'val') ?? 11),
      bold: /<b\/>/.test(m[0]),
    }),
  );
  const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\b[^>]*>/g)].map((m) =>
    Number(attr(m[0], 'xf', 'fontId') ?? 0),
  );
  const shared = [...(readZipEntry(bytes, 'xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    decode([...(m[1] ?? '').matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>/g)].map((t) => t[1]).join('')),
  );
  const wb = readZipEntry(bytes, 'xl/workbook.xml') ?? '';
  const sheets = [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => ({
    name: decode(attr(m[0], 'sheet', 'name') ?? ''),
    hidden: /state="(hidden|veryHidden)"/.test(m[0]),
  }));
  sheets.forEach(({ name, hidden }, i) => {
    if (hidden) return; // never printed (e.g. the template's _meta)
    const ws = readZipEntry(bytes, `xl/worksheets/sheet${i + 1}.xml`);
    if (!ws) {
      add('file', `no sheet${i + 1}.xml`);
      return;
    }
    const at = `sheet "${name}": `;
    if (attr(ws, 'pageSetup', 'paperSize') !== '9') add('a4', `${at}paper is not A4`);
    const mm = (side: string): number => Number(attr(ws, 'pageMargins', side) ?? 0) * 25.4;
    const within = (side: string, lo: number, hi: number): void => {
      const v = mm(side);
      if (!(v >= lo - 0.1 && v <= hi + 0.1)) add('margin', `${at}${side} margin ${v.toFixed(1)} mm outside ${lo}–${hi} mm`);
    };
    within('top', 20, 25);
    within('bottom', 20, 25);
    within('left', 30, 35);
    within('right', 15, 20);
    const hf = /<headerFooter\b[^>]*>[\s\S]*?<\/headerFooter>/.exec(ws)?.[0] ?? '';
    if (!/differentFirst="1"/.test(hf) || !/<oddHeader>[^<]*&amp;C[^<]*&amp;P/.test(hf))
      add('page-number', `${at}no centred page number from page 2`);
    // Fonts of every written cell.
    const cells = [...ws.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)];
    const used = new Set<number>();
    for (const c of cells) if (c[4] !== undefined) used.add(Number(attr(`<c ${c[3]}>`, 'c', 's') ?? 0));
    for (const s of used) {
      const f = fonts[xfs[s] ?? 0];
      if (f?.name !== 'Times New Roman') add('font', `${at}style ${s} uses ${f?.name ?? 'no font'}`);
    }
    if (i >= (opts.headerSheets ?? 1)) return;
    // Header rows 1–4: each text fits its merged width on one line.
    const widths = new Map<number, number>();
    for (const m of ws.matchAll(/<col\b[^>]*>/g)) {
      const min = Number(attr(m[0], 'col', 'min'));
      const max = Number(attr(m[0], 'col', 'max'));
      const width = Number(attr(m[0], 'col', 'width'));
      for (let k = min; k <= max; k++) widths.set(k, width);
    }
    const merges = [...ws.matchAll(/<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)].map((m) => ({
      row: Number(m[2]),
      from: colNum(m[1]!),
      to: colNum(m[3]!),
    }));
    for (const c of cells) {
      const row = Number(c[2]);
      if (row > 4 || c[4] === undefined) continue;
      const col = colNum(c[1]!);
      const t = attr(`<c ${c[3]}>`, 'c', 't');
      const v = /<v>([^<]*)<\/v>/.exec(c[4])?.[1];
      const text = t === 's' ? (shared[Number(v)] ?? '') : t === 'inlineStr' ? decode(/<t[^>]*>([^<]*)<\/t>/.exec(c[4])?.[1] ?? '') : '';
      if (!text.trim()) continue;
      const mg = merges.find((m) => m.row === row && m.from === col) ?? { from: col, to: col };
      let px = 0; // Excel width units → px (7 px a unit at the default 11pt font, + 5 px padding), px → twips
      for (let k = mg.from; k <= mg.to; k++) px += Math.trunc((widths.get(k) ?? 9) * 7 + 5);
      const availTwip = (px - 6) * 15;
      const f = fonts[xfs[Number(attr(`<c ${c[3]}>`, 'c', 's') ?? 0)] ?? 0];
      for (const line of text.split('\n')) {
        const need = estimateWidthTwip(line, f?.pt ?? 11, f?.bold ?? false);
        if (need > availTwip) add('header-break', `${at}"${line}" (${need} twips) does not fit ${c[1]}${row}'s ${availTwip}-twip width`);
      }
      if (/^(LIÊN ĐOÀN LAO ĐỘNG|CÔNG ĐOÀN|LĐLĐ)( (TỈNH|HUYỆN|THÀNH PHỐ|QUẬN|THỊ XÃ))?$/u.test(text.trim()))
        add('empty-name', `${at}"${text}" names no organisation`);
    }
  });
  return issues;
}
