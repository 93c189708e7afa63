// buildOfficialDocx: an OfficialDoc (header, type, title, body, nơi nhận, signer) → .docx bytes in the
// NĐ 30/2020 Phụ lục I layout: A4, margins 20/20/30/15 mm, Times New Roman, page numbers top-centre from page 2.
import { AlignmentType, Document, Header, Packer, PageNumber, PageOrientation, Paragraph, type Table, TextRun } from 'docx';
import { bodyBlocks, toRoman } from './body';
import { headerTable, typeAndTitle } from './header';
import { A4_MM, FONT, HEADER_MM, MARGIN_MM, hp, line, run, textWidthTwip, twip, upperVi } from './layout';
import { signatureTable } from './signature';
import type { OfficialAppendix, OfficialDoc } from '../../layout/types';

export type * from '../../layout/types';
export { placeDateLine, QUOC_HIEU, TIEU_NGU } from './header';
export { recipientLines } from './signature';
export { toLetter, toRoman } from './body';

/** A phụ lục on its own page: "PHỤ LỤC" (numbered I, II… when several), bold title, italic "(Kèm theo …)", body. */
function appendixBlocks(a: OfficialAppendix, n: number, size: number, width: number): (Paragraph | Table)[] {
  const head = [
    line([run(n ? `PHỤ LỤC ${toRoman(n)}` : 'PHỤ LỤC', { size, bold: true })], 'center', { pageBreakBefore: true, keepNext: true }),
    line([run(upperVi(a.title.trim()), { size, bold: true })], 'center', { keepNext: true }),
    ...(a.subtitle?.trim() ? [line([run(a.subtitle.trim(), { size, italic: true })], 'center', { keepNext: true })] : []),
    line([], 'center', { spacing: { before: 0, after: 120 }, keepNext: true }),
  ];
  return [...head, ...bodyBlocks(a.body, size, width)];
}

export async function buildOfficialDocx(doc: OfficialDoc): Promise<Uint8Array> {
  const landscape = doc.landscape ?? false;
  const size = doc.bodySize ?? 14;
  const width = textWidthTwip(landscape);
  const pageNumberHeader = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: hp(size) })],
      }),
    ],
  });
  const file = new Document({
    creator: doc.header.ownOrg,
    title: `${doc.documentType} ${doc.title}`.trim(),
    styles: {
      default: {
        document: { run: { font: FONT, size: hp(size), language: { value: 'vi-VN' } } },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: {
              // docx swaps width/height itself for landscape; pass portrait dimensions.
              width: twip(A4_MM.width),
              height: twip(A4_MM.height),
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: twip(MARGIN_MM.top),
              bottom: twip(MARGIN_MM.bottom),
              left: twip(MARGIN_MM.left),
              right: twip(MARGIN_MM.right),
              header: twip(HEADER_MM),
              footer: twip(HEADER_MM),
            },
          },
        },
        headers: { default: pageNumberHeader, first: new Header({ children: [line([], 'center')] }) },
        children: [
          headerTable(doc, width),
          ...typeAndTitle(doc, width, size),
          ...bodyBlocks(doc.body, size, width, true),
          line([], 'left', { spacing: { before: 0, after: 120 }, keepNext: true }),
          signatureTable(doc.recipients, doc.signer, size, width),
          ...(doc.appendix ?? []).flatMap((a, i, all) => appendixBlocks(a, all.length > 1 ? i + 1 : 0, size, width)),
        ],
      },
    ],
  });
  const buf = await Packer.toBuffer(file);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
