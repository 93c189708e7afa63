// The foot of an official document: borderless two-column table with "Nơi nhận:" (12pt bold italic, 11pt
// "- …;" lines, flush left) beside the signature block (authority, title, signing space, name), per NĐ 30/2020.
import { Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx';
import { line, run, upperVi } from './layout';
import type { OfficialSigner } from '../../layout/types';
import { recipientLines } from '../../layout/text-lines';

export { recipientLines };

const LEFT_SHARE = 0.45;
/** Space left for the handwritten signature and seal (about 30 mm). */
const SIGN_SPACE = 1700;

export function signatureTable(recipients: string[], signer: OfficialSigner, size: number, widthTwip: number): Table {
  const left = Math.round(widthTwip * LEFT_SHARE);
  const right = widthTwip - left;
  const recs = recipientLines(recipients);
  const leftParas: Paragraph[] = recs.length
    ? [line([run('Nơi nhận:', { size: 12, bold: true, italic: true })], 'left'), ...recs.map((r) => line([run(r, { size: 11 })], 'left'))]
    : [line([], 'left')];
  const rightParas: Paragraph[] = [];
  if (signer.authority.trim()) rightParas.push(line([run(upperVi(signer.authority.trim()), { size, bold: true })]));
  if (signer.title.trim()) rightParas.push(line([run(upperVi(signer.title.trim()), { size, bold: true })]));
  rightParas.push(line([run(signer.name.trim(), { size, bold: true })], 'center', { spacing: { before: SIGN_SPACE, after: 0 } }));
  const mk = (children: Paragraph[], width: number): TableCell =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlign.TOP,
      margins: { left: 0, right: 0 },
      children,
    });
  return new Table({
    width: { size: widthTwip, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: [mk(leftParas, left), mk(rightParas, right)] })],
  });
}
