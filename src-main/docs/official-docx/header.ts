// The top of an official document: the borderless two-column header table (cơ quan / Số ‖ Quốc hiệu,
// tiêu ngữ / địa danh-ngày), then the document type and trích yếu, or "V/v …" and "Kính gửi:" for công văn.
import {
  Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType,
} from 'docx';
import { formatViLongDate } from '../../text/vi-date';
import { estimateWidthTwip, line, rule, run, runs, twip, upperVi } from './layout';
import type { OfficialDoc } from './types';

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';
const SIZE = { parent: 13, own: 13, number: 13, vv: 12, quocHieu: 12, tieuNgu: 13, date: 14 } as const;
const CELL_MARGIN = 60;
const MAX_EXTEND_MM = { left: 10, right: 5 } as const;

export const isCongVan = (doc: OfficialDoc): boolean =>
  upperVi(doc.documentType).replace(/\s+/g, ' ').trim() === 'CÔNG VĂN';

/** "Tây Ninh, ngày 05 tháng 01 năm 2024" */
export function placeDateLine(place: string, isoDate: string): string {
  const p = place.trim();
  return p ? `${p}, ${formatViLongDate(isoDate)}` : formatViLongDate(isoDate);
}

function cell(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 0, bottom: 0 },
    verticalAlign: VerticalAlign.TOP,
    children,
  });
}

/** Column widths and outward extension (into the margins) so the issuing-org name fits on one line if it can. */
function headerGeometry(doc: OfficialDoc, widthTwip: number): { left: number; right: number; indent: number } {
  const dateW = estimateWidthTwip(placeDateLine(doc.header.place, doc.header.date), SIZE.date, false);
  const qhW = estimateWidthTwip(QUOC_HIEU, SIZE.quocHieu, true);
  const right = Math.max(Math.max(dateW, qhW) + 2 * CELL_MARGIN + twip(3), Math.round(widthTwip * 0.5));
  const ownNeed = estimateWidthTwip(upperVi(doc.header.ownOrg), SIZE.own, true) + 2 * CELL_MARGIN + twip(2);
  const deficit = Math.max(0, ownNeed - (widthTwip - right));
  // Word templates commonly let the header table reach into the margins; we allow up to 10 mm left, 5 mm right.
  const indent = Math.min(deficit, twip(MAX_EXTEND_MM.left));
  const extRight = Math.min(deficit - indent, twip(MAX_EXTEND_MM.right));
  return { left: widthTwip + indent + extRight - right, right, indent };
}

export function headerTable(doc: OfficialDoc, widthTwip: number): Table {
  const h = doc.header;
  const { left, right, indent } = headerGeometry(doc, widthTwip);
  const inner = (w: number): number => w - 2 * CELL_MARGIN;

  const own = upperVi(h.ownOrg);
  const orgLines: Paragraph[] = [];
  if (h.parentOrg.trim()) orgLines.push(line([run(upperVi(h.parentOrg), { size: SIZE.parent })]));
  orgLines.push(line([run(own, { size: SIZE.own, bold: true })]));
  // Rule under the issuing organisation: 1/3–1/2 of its (first line's) length.
  const ownWidth = Math.min(estimateWidthTwip(own, SIZE.own, true), inner(left));
  orgLines.push(rule(Math.round(ownWidth * 0.4), inner(left)));

  const tnWidth = estimateWidthTwip(TIEU_NGU, SIZE.tieuNgu, true);
  const nationLines = [
    line([run(QUOC_HIEU, { size: SIZE.quocHieu, bold: true })]),
    line([run(TIEU_NGU, { size: SIZE.tieuNgu, bold: true })]),
    rule(Math.min(tnWidth, inner(right)), inner(right)),
  ];

  const gap = { spacing: { before: 120, after: 0 } };
  const numberLines = [line([run('Số: ', { size: SIZE.number }), run(h.number.trim(), { size: SIZE.number })], 'center', gap)];
  if (isCongVan(doc) && doc.title.trim()) {
    const vv = doc.title.trim().replace(/^V\/v\s*/i, '');
    numberLines.push(line([run(`V/v ${vv}`, { size: SIZE.vv })], 'center', { spacing: { before: 120, after: 0 } }));
  }
  const dateLines = [line([run(placeDateLine(h.place, h.date), { size: SIZE.date, italic: true })], 'center', gap)];

  return new Table({
    width: { size: left + right, type: WidthType.DXA },
    indent: { size: -indent, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({ children: [cell(orgLines, left), cell(nationLines, right)] }),
      new TableRow({ children: [cell(numberLines, left), cell(dateLines, right)] }),
    ],
  });
}

/** "BÁO CÁO" + bold trích yếu with a short rule; for công văn the "Kính gửi:" block instead. */
export function typeAndTitle(doc: OfficialDoc, widthTwip: number, size: number): Paragraph[] {
  const out: Paragraph[] = [];
  if (!isCongVan(doc)) {
    out.push(line([run(upperVi(doc.documentType), { size, bold: true })], 'center', { spacing: { before: 360, after: 0 }, keepNext: true }));
    if (doc.title.trim()) {
      out.push(line([run(doc.title.trim(), { size, bold: true })], 'center', { keepNext: true }));
      const w = Math.min(estimateWidthTwip(doc.title.trim(), size, true), widthTwip);
      out.push(rule(Math.round(w * 0.4), widthTwip));
    }
  }
  const to = (doc.kinhGui ?? []).map((s) => s.trim()).filter(Boolean);
  if (to.length === 1) {
    out.push(line(runs(`Kính gửi: ${to[0]}`, size), 'center', { spacing: { before: 240, after: 0 } }));
  } else if (to.length > 1) {
    // "Kính gửi: - A;" then "- B;" aligned under "- A" (hanging indent), as in NĐ 30/2020 samples.
    const labelWidth = estimateWidthTwip('Kính gửi: ', size, false);
    const start = Math.round(widthTwip * 0.15) + labelWidth;
    to.forEach((t, i) => {
      const text = `- ${/[;.,:]$/.test(t) ? t : `${t}${i === to.length - 1 ? '.' : ';'}`}`;
      out.push(
        i === 0
          ? line(runs(`Kính gửi: ${text}`, size), 'left', { indent: { left: start, hanging: labelWidth }, spacing: { before: 240, after: 0 } })
          : line(runs(text, size), 'left', { indent: { left: start } }),
      );
    });
  }
  out.push(line([], 'center', { spacing: { before: 0, after: 120 } }));
  return out;
}
