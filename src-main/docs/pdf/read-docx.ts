// Reads one of our generated .docx files (document.xml, its page headers, the default run style) into the
// layout model: bounded unzip of only the parts needed, then a walk over the element tree.
import { strFromU8, unzipSync } from 'fflate';
import type { Block, Borders, Cell, DocModel, Para, Row, Run, RunStyle, Section, Table } from './model';
import { child, kids, num, onOff, parseXml, PdfInputError, type XmlEl } from './xml';

const MAX_PART_BYTES = 40_000_000;
const pt = (twip: number): number => twip / 20;

function unzipParts(bytes: Uint8Array): Map<string, string> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (f.originalSize > MAX_PART_BYTES) throw new PdfInputError('Tài liệu quá lớn để chuyển sang PDF.');
        return /^word\/(document|styles|header\d+)\.xml$|^word\/_rels\/document\.xml\.rels$|^docProps\/core\.xml$/.test(f.name);
      },
    });
  } catch (e) {
    if (e instanceof PdfInputError) throw e;
    throw new PdfInputError('Tệp Word bị hỏng, không chuyển được sang PDF.');
  }
  return new Map(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

function runStyle(rPr: XmlEl | undefined, base: RunStyle): RunStyle {
  if (!rPr) return base;
  const sz = child(rPr, 'w:sz')?.attrs['w:val'];
  const u = child(rPr, 'w:u')?.attrs['w:val'];
  return {
    size: sz !== undefined ? num(sz, base.size * 2) / 2 : base.size,
    bold: onOff(child(rPr, 'w:b')) ?? base.bold,
    italic: onOff(child(rPr, 'w:i')) ?? base.italic,
    underline: child(rPr, 'w:u') ? u !== 'none' : base.underline,
    caps: onOff(child(rPr, 'w:caps')) ?? base.caps,
  };
}

interface Ctx {
  base: RunStyle;
}

/** Content our documents never use: refused by name rather than left out of the PDF without a word. */
const UNSUPPORTED: Record<string, string> = {
  'w:drawing': 'hình ảnh',
  'w:pict': 'hình ảnh',
  'w:object': 'đối tượng nhúng',
  'w:numPr': 'danh sách đánh số tự động',
  'w:txbxContent': 'hộp văn bản',
  'w:sym': 'ký hiệu chèn từ phông Symbol',
  'w:footnoteReference': 'chú thích cuối trang',
  'w:endnoteReference': 'chú thích cuối văn bản',
};
function refuse(name: string): never {
  throw new PdfInputError(
    `Tài liệu có ${UNSUPPORTED[name] ?? name} mà trình tạo PDF của ứng dụng chưa hỗ trợ. Hãy mở tệp Word và chọn "Lưu thành PDF".`,
  );
}

/** PAGE and NUMPAGES/SECTIONPAGES are drawn by us; any other field shows its result as saved in the file. */
function pageField(code: string, style: RunStyle): Run | null {
  const name = /^\s*([A-Z]+)/i.exec(code)?.[1]?.toUpperCase();
  if (name === 'PAGE') return { kind: 'pageNumber', style };
  if (name === 'NUMPAGES' || name === 'SECTIONPAGES') return { kind: 'pageNumber', style, total: true };
  return null;
}

function readRuns(p: XmlEl, ctx: Ctx): Run[] {
  const out: Run[] = [];
  // 'code': between begin and separate; 'result': a page field's saved result (skipped); 'shown': another field's
  let field: 'none' | 'code' | 'result' | 'shown' = 'none';
  let code = '';
  let codeStyle: RunStyle = ctx.base;
  const walk = (el: XmlEl): void => {
    for (const c of el.children) {
      if (c.name === 'w:r') {
        const style = runStyle(child(c, 'w:rPr'), ctx.base);
        for (const r of c.children) {
          if (r.name in UNSUPPORTED) refuse(r.name);
          if (r.name === 'w:fldChar') {
            const t = r.attrs['w:fldCharType'];
            if (t === 'begin') {
              field = 'code';
              code = '';
              codeStyle = style;
            } else if (t === 'separate' && field === 'code') {
              const f = pageField(code, codeStyle);
              if (f) out.push(f);
              field = f ? 'result' : 'shown';
            } else if (t === 'end') {
              if (field === 'code') {
                const f = pageField(code, codeStyle);
                if (f) out.push(f);
              }
              field = 'none';
            }
          } else if (r.name === 'w:instrText') {
            if (field === 'code') code += r.text;
          } else if (field === 'result' || field === 'code') {
            continue; // the saved result of a page field is replaced by ours
          } else if (r.name === 'w:t') {
            if (r.text) out.push({ kind: 'text', text: r.text.normalize('NFC'), style });
          } else if (r.name === 'w:tab') {
            out.push({ kind: 'text', text: '\t', style });
          } else if (r.name === 'w:br' || r.name === 'w:cr') {
            out.push(r.attrs['w:type'] === 'page' ? { kind: 'page', style } : { kind: 'break', style });
          } else if (r.name === 'w:noBreakHyphen') {
            out.push({ kind: 'text', text: '\u2011', style });
          }
        }
      } else if (c.name === 'w:sdt') {
        walk(child(c, 'w:sdtContent') ?? c);
      } else if (c.name === 'w:fldSimple') {
        const f = pageField(c.attrs['w:instr'] ?? '', runStyle(child(child(c, 'w:r'), 'w:rPr'), ctx.base));
        if (f) out.push(f);
        else walk(c);
      } else if (['w:hyperlink', 'w:smartTag', 'w:ins', 'w:moveTo', 'w:customXml'].includes(c.name)) {
        walk(c);
      }
    }
  };
  walk(p);
  return out;
}

function readPara(p: XmlEl, ctx: Ctx): Para {
  const pPr = child(p, 'w:pPr');
  if (child(pPr, 'w:numPr')) refuse('w:numPr');
  const sp = child(pPr, 'w:spacing')?.attrs ?? {};
  const ind = child(pPr, 'w:ind')?.attrs ?? {};
  const jc = child(pPr, 'w:jc')?.attrs['w:val'];
  const bottom = child(child(pPr, 'w:pBdr'), 'w:bottom');
  const rule = sp['w:lineRule'];
  const hanging = num(ind['w:hanging']);
  return {
    kind: 'p',
    runs: readRuns(p, ctx),
    mark: runStyle(child(pPr, 'w:rPr'), ctx.base),
    align: jc === 'center' ? 'center' : jc === 'right' || jc === 'end' ? 'right' : jc === 'both' || jc === 'distribute' ? 'both' : 'left',
    left: pt(num(ind['w:left'] ?? ind['w:start'])),
    right: pt(num(ind['w:right'] ?? ind['w:end'])),
    firstLine: hanging ? -pt(hanging) : pt(num(ind['w:firstLine'])),
    before: pt(num(sp['w:before'])),
    after: pt(num(sp['w:after'])),
    line:
      rule === 'exact' || rule === 'atLeast'
        ? { rule, value: pt(num(sp['w:line'], 240)) }
        : { rule: 'auto', value: num(sp['w:line'], 240) / 240 },
    keepNext: onOff(child(pPr, 'w:keepNext')) ?? false,
    keepLines: onOff(child(pPr, 'w:keepLines')) ?? false,
    pageBreakBefore: onOff(child(pPr, 'w:pageBreakBefore')) ?? false,
    borderBottom:
      bottom && !['none', 'nil'].includes(bottom.attrs['w:val'] ?? 'none')
        ? { width: Math.max(0.25, num(bottom.attrs['w:sz'], 4) / 8), space: num(bottom.attrs['w:space']) }
        : null,
  };
}

const borderWidth = (el: XmlEl | undefined): number | undefined => {
  if (!el) return undefined;
  const v = el.attrs['w:val'] ?? 'none';
  return v === 'none' || v === 'nil' ? 0 : Math.max(0.25, num(el.attrs['w:sz'], 4) / 8);
};

function readTable(t: XmlEl, ctx: Ctx): Table {
  const tblPr = child(t, 'w:tblPr');
  const b = child(tblPr, 'w:tblBorders');
  const borders: Borders = {
    top: borderWidth(child(b, 'w:top')) ?? 0,
    left: borderWidth(child(b, 'w:left') ?? child(b, 'w:start')) ?? 0,
    bottom: borderWidth(child(b, 'w:bottom')) ?? 0,
    right: borderWidth(child(b, 'w:right') ?? child(b, 'w:end')) ?? 0,
    insideH: borderWidth(child(b, 'w:insideH')) ?? 0,
    insideV: borderWidth(child(b, 'w:insideV')) ?? 0,
  };
  const mar = child(tblPr, 'w:tblCellMar');
  const dflt = {
    top: pt(num(child(mar, 'w:top')?.attrs['w:w'])),
    bottom: pt(num(child(mar, 'w:bottom')?.attrs['w:w'])),
    left: pt(num((child(mar, 'w:left') ?? child(mar, 'w:start'))?.attrs['w:w'], 108)),
    right: pt(num((child(mar, 'w:right') ?? child(mar, 'w:end'))?.attrs['w:w'], 108)),
  };
  const grid = kids(child(t, 'w:tblGrid'), 'w:gridCol').map((g) => pt(num(g.attrs['w:w'])));
  const rows: Row[] = kids(t, 'w:tr').map((tr) => {
    const trPr = child(tr, 'w:trPr');
    const cells: Cell[] = kids(tr, 'w:tc').map((tc) => {
      const tcPr = child(tc, 'w:tcPr');
      const m = child(tcPr, 'w:tcMar');
      const side = (name: string, alt: string, d: number): number => {
        const el = child(m, name) ?? child(m, alt);
        return el ? pt(num(el.attrs['w:w'])) : d;
      };
      const vm = child(tcPr, 'w:vMerge');
      const va = child(tcPr, 'w:vAlign')?.attrs['w:val'];
      const cb = child(tcPr, 'w:tcBorders');
      const cellBorders: Cell['borders'] = {};
      for (const s of ['top', 'left', 'bottom', 'right'] as const) {
        const w = borderWidth(child(cb, `w:${s}`));
        if (w !== undefined) cellBorders[s] = w;
      }
      return {
        span: Math.max(1, num(child(tcPr, 'w:gridSpan')?.attrs['w:val'], 1)),
        vMerge: vm ? (vm.attrs['w:val'] === 'restart' ? 'restart' : 'continue') : null,
        margins: {
          top: side('w:top', 'w:top', dflt.top),
          bottom: side('w:bottom', 'w:bottom', dflt.bottom),
          left: side('w:left', 'w:start', dflt.left),
          right: side('w:right', 'w:end', dflt.right),
        },
        vAlign: va === 'center' ? 'center' : va === 'bottom' ? 'bottom' : 'top',
        blocks: readBlocks(tc, ctx),
        borders: cellBorders,
      };
    });
    const h = child(trPr, 'w:trHeight');
    return {
      cells,
      cantSplit: onOff(child(trPr, 'w:cantSplit')) ?? false,
      header: onOff(child(trPr, 'w:tblHeader')) ?? false,
      minHeight: h ? pt(num(h.attrs['w:val'])) : 0,
    };
  });
  // a table without a grid (never made by us): equal columns over the cells of the widest row
  if (!grid.length) {
    const cols = Math.max(1, ...rows.map((r) => r.cells.reduce((s, c) => s + c.span, 0)));
    const w = pt(num(child(tblPr, 'w:tblW')?.attrs['w:w'], 9000));
    for (let k = 0; k < cols; k++) grid.push(w / cols);
  }
  return { kind: 'tbl', grid, indent: pt(num(child(tblPr, 'w:tblInd')?.attrs['w:w'])), borders, rows };
}

function readBlocks(parent: XmlEl, ctx: Ctx): Block[] {
  const out: Block[] = [];
  for (const c of parent.children) {
    if (c.name === 'w:p') out.push(readPara(c, ctx));
    else if (c.name === 'w:tbl') out.push(readTable(c, ctx));
    else if (c.name === 'w:sdt') out.push(...readBlocks(child(c, 'w:sdtContent') ?? c, ctx));
  }
  return out;
}

function defaultStyle(styles: string | undefined): RunStyle {
  const base: RunStyle = { size: 10, bold: false, italic: false, underline: false, caps: false };
  if (!styles) return base;
  const root = parseXml(styles, new Set());
  const rPr = child(child(child(child(root, 'w:styles'), 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr');
  return runStyle(rPr, base);
}

function headerTargets(rels: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!rels) return out;
  for (const r of kids(child(parseXml(rels, new Set()), 'Relationships'), 'Relationship')) {
    if (r.attrs.Id && r.attrs.Target) out.set(r.attrs.Id, `word/${r.attrs.Target.replace(/^\/?word\//, '')}`);
  }
  return out;
}

/** The layout model of a .docx made by this app. */
export function readDocx(bytes: Uint8Array): DocModel {
  const parts = unzipParts(bytes);
  const docXml = parts.get('word/document.xml');
  if (!docXml) throw new PdfInputError('Tệp không phải tài liệu Word (.docx), không chuyển được sang PDF.');
  const ctx: Ctx = { base: defaultStyle(parts.get('word/styles.xml')) };
  const body = child(child(parseXml(docXml), 'w:document'), 'w:body');
  if (!body) throw new PdfInputError('Tài liệu Word không có nội dung.');
  const sectPr = child(body, 'w:sectPr');
  const pgSz = child(sectPr, 'w:pgSz')?.attrs ?? {};
  const pgMar = child(sectPr, 'w:pgMar')?.attrs ?? {};
  const rels = headerTargets(parts.get('word/_rels/document.xml.rels'));
  const headerOf = (type: string): Para[] => {
    const ref = kids(sectPr, 'w:headerReference').find((h) => (h.attrs['w:type'] ?? 'default') === type);
    const xml = ref ? parts.get(rels.get(ref.attrs['r:id'] ?? '') ?? '') : undefined;
    if (!xml) return [];
    return readBlocks(child(parseXml(xml), 'w:hdr') ?? { name: '', attrs: {}, children: [], text: '' }, ctx).filter(
      (b): b is Para => b.kind === 'p',
    );
  };
  let width = pt(num(pgSz['w:w'], 11906));
  let height = pt(num(pgSz['w:h'], 16838));
  // docx writes the landscape dimensions already swapped; guard against files that only set w:orient
  if (pgSz['w:orient'] === 'landscape' && width < height) [width, height] = [height, width];
  const section: Section = {
    width,
    height,
    margin: {
      top: pt(num(pgMar['w:top'], 1440)),
      right: pt(num(pgMar['w:right'], 1440)),
      bottom: pt(num(pgMar['w:bottom'], 1440)),
      left: pt(num(pgMar['w:left'], 1440)),
      header: pt(num(pgMar['w:header'], 720)),
      footer: pt(num(pgMar['w:footer'], 720)),
    },
    titlePage: onOff(child(sectPr, 'w:titlePg')) ?? false,
    header: headerOf('default'),
    firstHeader: headerOf('first'),
  };
  const core = parts.get('docProps/core.xml');
  const props = core ? child(parseXml(core, new Set(['dc:title', 'dc:creator'])), 'cp:coreProperties') : undefined;
  const title = child(props, 'dc:title')?.text.trim().normalize('NFC');
  const author = child(props, 'dc:creator')?.text.trim().normalize('NFC');
  return { section, blocks: readBlocks(body, ctx), ...(title ? { title } : {}), ...(author ? { author } : {}) };
}
