// Test helper: a PDF's pages as positioned text (pdf.js), top-down y, and the fonts it declares and embeds.
export interface TextItem {
  str: string;
  x: number;
  right: number;
  baseline: number;
  size: number;
  font: string;
}
export interface PdfPage {
  width: number;
  height: number;
  items: TextItem[];
  text: string;
}

export async function readPdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  const pages: PdfPage[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items: TextItem[] = [];
    for (const it of content.items) {
      if (!('str' in it) || !it.str.trim()) continue;
      const [a, , , d, e, f] = it.transform as number[];
      items.push({
        str: it.str.normalize('NFC'),
        x: e!,
        right: e! + it.width,
        baseline: height - f!,
        size: Math.abs(d! || a!),
        font: it.fontName,
      });
    }
    // reading order: by line (baseline), then x
    items.sort((u, v) => Math.round(u.baseline) - Math.round(v.baseline) || u.x - v.x);
    const lines: string[] = [];
    let last = -1e9;
    for (const it of items) {
      if (Math.abs(it.baseline - last) > 2) lines.push(it.str);
      else lines[lines.length - 1] += ` ${it.str}`;
      last = it.baseline;
    }
    pages.push({ width, height, items, text: lines.join('\n').replace(/[ \t]+/g, ' ') });
  }
  await doc.destroy();
  return pages;
}

/** Font dictionaries in the raw PDF: each font's base name and whether a font file is embedded (pdfkit writes plain dictionaries). */
export function embeddedFonts(bytes: Uint8Array): { descriptors: number; fontFiles: number; names: string[] } {
  const s = Buffer.from(bytes).toString('latin1');
  return {
    descriptors: (s.match(/\/Type \/FontDescriptor/g) ?? []).length,
    fontFiles: (s.match(/\/FontFile2 \d+ 0 R/g) ?? []).length,
    names: [...s.matchAll(/\/BaseFont \/([A-Z]{6}\+[\w-]+)/g)].map((m) => m[1]!),
  };
}
