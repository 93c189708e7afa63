// docxToPdf: a .docx made by this app → PDF bytes in the same layout (A4, margins, Times New Roman or the
// metric-compatible Tinos embedded, page numbers from page 2), without LibreOffice or Word. Pure (no electron).
import { findFonts, type FontFiles } from './fonts';
import { paginate } from './paginate';
import { finish, measurer, newDocument, paint } from './paint';
import { readDocx } from './read-docx';

export { PdfInputError } from './xml';
export { findFonts } from './fonts';
export type { FontFiles } from './fonts';

interface PdfOptions {
  fonts?: FontFiles;
  title?: string;
  author?: string;
}

export async function docxToPdf(bytes: Uint8Array, opts: PdfOptions = {}): Promise<Uint8Array> {
  const model = readDocx(bytes);
  const doc = newDocument(opts.fonts ?? findFonts(), { title: opts.title ?? model.title, author: opts.author ?? model.author });
  const pages = paginate(model, measurer(doc));
  paint(doc, pages, model.section);
  return finish(doc);
}
