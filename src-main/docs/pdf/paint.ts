// pdfkit side of the renderer: one document with the four font faces embedded (subset), a Measurer over them
// (no kerning or ligatures, as Word prints), and the painting of the paginated drawing operations.
import PDFDocument from 'pdfkit';
import type { Op } from './boxes';
import { faceOf, fontBytes, type Face, type FontFiles } from './fonts';
import type { Measurer } from './lines';
import type { RunStyle } from './model';

/** Word prints without kerning or ligatures; the same features are used to measure and to draw. */
const FEATURES = { kern: false, liga: false, clig: false, calt: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[];

type Doc = PDFKit.PDFDocument;
interface FontInfo { ascender: number; descender: number }

export function newDocument(fonts: FontFiles, info: { title?: string; author?: string }): Doc {
  const doc = new PDFDocument({ autoFirstPage: false, font: undefined as unknown as string, compress: true, info: { Producer: 'Dân vận', Creator: 'Dân vận', ...(info.title ? { Title: info.title } : {}), ...(info.author ? { Author: info.author } : {}) } });
  for (const face of ['R', 'B', 'I', 'BI'] as Face[]) doc.registerFont(face, fontBytes(fonts[face]));
  return doc;
}

export function measurer(doc: Doc): Measurer {
  const widths = new Map<string, number>();
  const metrics = new Map<Face, FontInfo>();
  const use = (st: RunStyle): Face => {
    const face = faceOf(st.bold, st.italic);
    doc.font(face);
    return face;
  };
  const info = (st: RunStyle): FontInfo => {
    const face = faceOf(st.bold, st.italic);
    let mtx = metrics.get(face);
    if (!mtx) {
      use(st);
      type FkFont = { unitsPerEm: number; 'OS/2'?: { winAscent: number; winDescent: number }; hhea?: { ascent: number; descent: number; lineGap: number } };
      const f = (doc as unknown as { _font: { ascender: number; descender: number; font?: FkFont } })._font;
      const os2 = f.font?.['OS/2'];
      const hhea = f.font?.hhea;
      // Word's single line: Windows ascent + descent plus the external leading (Times New Roman: 1.15 em),
      // the leading above the text
      if (os2 && hhea && f.font) {
        const lead = Math.max(0, hhea.lineGap - (os2.winAscent + os2.winDescent - (hhea.ascent - hhea.descent)));
        mtx = { ascender: ((os2.winAscent + lead) / f.font.unitsPerEm) * 1000, descender: (os2.winDescent / f.font.unitsPerEm) * 1000 };
      } else mtx = { ascender: f.ascender, descender: -f.descender };
      metrics.set(face, mtx);
    }
    return mtx;
  };
  return {
    width(text, st) {
      const key = `${faceOf(st.bold, st.italic)}|${st.size}|${text}`;
      let w = widths.get(key);
      if (w === undefined) {
        use(st);
        w = doc.fontSize(st.size).widthOfString(text, { features: FEATURES });
        widths.set(key, w);
      }
      return w;
    },
    missing(text, st) {
      use(st);
      const font = (doc as unknown as { _font: { font?: { hasGlyphForCodePoint(c: number): boolean } } })._font.font;
      if (!font) return null;
      for (const ch of text) {
        const c = ch.codePointAt(0)!;
        if (c < 0x20 || c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0xfeff) continue; // invisible, never printed
        if (!font.hasGlyphForCodePoint(c)) return ch;
      }
      return null;
    },
    ascent: (st) => (info(st).ascender / 1000) * st.size,
    descent: (st) => (info(st).descender / 1000) * st.size,
  };
}

export function paint(doc: Doc, pages: Op[][], size: { width: number; height: number }): void {
  for (const ops of pages) {
    doc.addPage({ size: [size.width, size.height], margin: 0 });
    for (const op of ops) {
      if (op.kind === 'text') {
        doc.font(faceOf(op.style.bold, op.style.italic)).fontSize(op.style.size)
          .text(op.text, op.x, op.y, { lineBreak: false, baseline: 'alphabetic', features: FEATURES });
      } else {
        doc.save().lineWidth(op.width).moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).strokeColor('black').stroke().restore();
      }
    }
  }
}

export function finish(doc: Doc): Promise<Uint8Array> {
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
