// fontkit ships no types (pdfkit depends on it); the tests only open a font file and ask for glyphs.
declare module 'fontkit' {
  export function openSync(path: string): { hasGlyphForCodePoint(codePoint: number): boolean };
}
