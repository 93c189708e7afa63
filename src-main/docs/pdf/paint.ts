// pdfkit side of the renderer: one document with the four font faces embedded (subset), a Measurer over them,
// and the painting of the paginated drawing operations. Text is laid out the way Word prints it (no kerning,
// no ligatures): one glyph per character from the font's cmap, its advance width; fontkit's OpenType shaping
// (slow, and not wanted) is bypassed, and advances are cached per font file for the life of the process.
import PDFDocument from 'pdfkit';
import type { Op } from './boxes';
import { faceOf, fontBytes, type Face, type FontFiles } from './fonts';
import type { Measurer } from './lines';

type Doc = PDFKit.PDFDocument;
interface FkGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface FkFont {
  unitsPerEm: number;
  'OS/2'?: { winAscent: number; winDescent: number };
  hhea?: { ascent: number; descent: number; lineGap: number };
  glyphForCodePoint(c: number): FkGlyph;
  layout: unknown;
}
interface EmbeddedFont {
  font?: FkFont;
  ascender: number;
  descender: number;
}

/** Per font file: advance width (font units) of each code point, 0 id = missing. */
const advances = new Map<string, Map<number, { id: number; adv: number }>>();

function simpleLayout(this: FkFont, text: string): { glyphs: FkGlyph[]; positions: object[]; advanceWidth: number } {
  const glyphs: FkGlyph[] = [];
  const positions: object[] = [];
  let advanceWidth = 0;
  for (const ch of text) {
    const g = this.glyphForCodePoint(ch.codePointAt(0)!);
    glyphs.push(g);
    positions.push({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
    advanceWidth += g.advanceWidth;
  }
  return { glyphs, positions, advanceWidth };
}

interface Face1 {
  font: FkFont;
  adv: Map<number, { id: number; adv: number }>;
  ascender: number;
  descender: number;
}

interface RenderDoc {
  doc: Doc;
  select(face: Face): Face1;
}

export function newDocument(fonts: FontFiles, info: { title?: string; author?: string }): RenderDoc {
  const doc = new PDFDocument({
    autoFirstPage: false,
    font: null as unknown as string,
    compress: true, // no Helvetica loaded
    info: {
      Producer: 'Dân vận',
      Creator: 'Dân vận',
      ...(info.title ? { Title: info.title } : {}),
      ...(info.author ? { Author: info.author } : {}),
    },
  });
  for (const face of ['R', 'B', 'I', 'BI'] as Face[]) doc.registerFont(face, fontBytes(fonts[face]));
  const faces = new Map<Face, Face1>();
  return {
    doc,
    select(face) {
      doc.font(face);
      let f = faces.get(face);
      if (!f) {
        const ef = (doc as unknown as { _font: EmbeddedFont })._font;
        const font = ef.font!;
        font.layout = simpleLayout;
        let adv = advances.get(fonts[face]);
        if (!adv) advances.set(fonts[face], (adv = new Map()));
        const os2 = font['OS/2'];
        const hhea = font.hhea;
        const upm = font.unitsPerEm;
        // Word's single line: Windows ascent + descent plus the external leading (Times New Roman: 1.15 em),
        // the leading above the text
        const lead = os2 && hhea ? Math.max(0, hhea.lineGap - (os2.winAscent + os2.winDescent - (hhea.ascent - hhea.descent))) : 0;
        f = os2
          ? { font, adv, ascender: (os2.winAscent + lead) / upm, descender: os2.winDescent / upm }
          : { font, adv, ascender: ef.ascender / 1000, descender: -ef.descender / 1000 };
        faces.set(face, f);
      }
      return f;
    },
  };
}

export function measurer(r: RenderDoc): Measurer {
  const glyph = (f: Face1, c: number): { id: number; adv: number } => {
    let g = f.adv.get(c);
    if (!g) {
      const fg = f.font.glyphForCodePoint(c);
      g = { id: fg.id, adv: fg.advanceWidth };
      f.adv.set(c, g);
    }
    return g;
  };
  return {
    width(text, st) {
      const f = r.select(faceOf(st.bold, st.italic));
      let units = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.codePointAt(i)!;
        if (c > 0xffff) i++;
        units += glyph(f, c).adv;
      }
      return (units / f.font.unitsPerEm) * st.size;
    },
    missing(text, st) {
      const f = r.select(faceOf(st.bold, st.italic));
      for (const ch of text) if (glyph(f, ch.codePointAt(0)!).id === 0) return ch;
      return null;
    },
    ascent: (st) => r.select(faceOf(st.bold, st.italic)).ascender * st.size,
    descent: (st) => r.select(faceOf(st.bold, st.italic)).descender * st.size,
  };
}

const num = (v: number): string => (Math.round(v * 1000) / 1000).toString();

/**
 * Paint the pages: one content block per page in PDF's own (bottom-up) coordinates, text as BT…Tj…ET at exact
 * positions with the glyphs pdfkit encodes (and subsets), lines as plain strokes. pdfkit's text() is not used:
 * its per-call wrapping and layout work was most of the time.
 */
export function paint(r: RenderDoc, pages: Op[][], size: { width: number; height: number }): void {
  const { doc } = r;
  const H = size.height;
  for (const ops of pages) {
    doc.addPage({ size: [size.width, size.height], margin: 0 });
    const page = (doc as unknown as { page: { fonts: Record<string, unknown> } }).page;
    const out: string[] = [`q 1 0 0 -1 0 ${num(H)} cm 0 g 0 G`];
    for (const op of ops) {
      if (op.kind === 'text') {
        const face = faceOf(op.style.bold, op.style.italic);
        r.select(face);
        const ef = (doc as unknown as { _font: { id: string; ref(): unknown; encode(t: string): [string[], unknown] } })._font;
        if (page.fonts[ef.id] == null) page.fonts[ef.id] = ef.ref();
        const [hex] = ef.encode(op.text);
        out.push(`BT 1 0 0 1 ${num(op.x)} ${num(H - op.y)} Tm /${ef.id} ${num(op.style.size)} Tf <${hex.join('')}> Tj ET`);
      } else {
        out.push(`${num(op.width)} w ${num(op.x1)} ${num(H - op.y1)} m ${num(op.x2)} ${num(H - op.y2)} l S`);
      }
    }
    out.push('Q');
    doc.addContent(out.join('\n'));
  }
}

export function finish(r: RenderDoc): Promise<Uint8Array> {
  const { doc } = r;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => {
      const b = Buffer.concat(chunks);
      resolve(new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
    });
    doc.on('error', reject);
    doc.end();
  });
}
