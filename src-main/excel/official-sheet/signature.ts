// Foot of an official worksheet: "Nơi nhận:" (12pt bold italic) and "- …;" lines (11pt) on the left,
// authority / title / signing space / name (bold) on the right, after the table.
import type { Worksheet } from 'exceljs';
import { recipientLines } from '../../layout/text-lines';
import type { OfficialSigner } from '../../layout/types';
import { fitWrappedRows, font, mergeRow, put, sheetState } from './style';

/** Rows left empty for the handwritten signature and seal. */
const SIGN_ROWS = 4;
const upperVi = (s: string): string => s.normalize('NFC').toLocaleUpperCase('vi');

/** Returns the next free row. */
export function addSignatureBlock(ws: Worksheet, recipients: string[], signer: OfficialSigner): number {
  const st = sheetState(ws);
  const start = st.next + 1;
  const L = st.leftCols;
  const W = st.widthCols;
  const leftLines = recipients.length ? ['Nơi nhận:', ...recipientLines(recipients)] : [];
  leftLines.forEach((t, i) => {
    const f = i === 0 ? font(12, { bold: true, italic: true }) : font(11);
    put(mergeRow(ws, start + i, 1, L), t, f, { horizontal: 'left', vertical: 'top', wrapText: false });
  });
  const rightLines = [signer.authority, signer.title].map((s) => upperVi(s.trim())).filter(Boolean);
  rightLines.forEach((t, i) => {
    put(mergeRow(ws, start + i, L + 1, W), t, font(13, { bold: true }), { horizontal: 'center' });
  });
  const nameRow = start + Math.max(rightLines.length + SIGN_ROWS, leftLines.length);
  put(mergeRow(ws, nameRow, L + 1, W), signer.name.trim(), font(13, { bold: true }), { horizontal: 'center' });
  st.next = nameRow + 1;
  fitWrappedRows(ws);
  return st.next;
}
