// The top of an official document: the borderless two-column header table (cơ quan / Số ‖ Quốc hiệu,
// tiêu ngữ / địa danh-ngày), then the document type and trích yếu, or "V/v …" and "Kính gửi:" for công văn.
import { Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { placeDateLine, QUOC_HIEU, TIEU_NGU } from '../../layout/text-lines';
import { fitCost, fitName, type FittedName } from '../../layout/header-fit';
import { estimateWidthTwip, FONT, hp, line, rule, run, runs, twip, upperVi } from './layout';
import type { OfficialDoc } from '../../layout/types';

export { placeDateLine, QUOC_HIEU, TIEU_NGU };

const SIZE = { parent: 13, own: 13, number: 13, vv: 12, quocHieu: 12, tieuNgu: 13, date: 14 } as const;
const CELL_MARGIN = 60;
const MAX_EXTEND_MM = { left: 10, right: 5 } as const;

const isCongVan = (doc: OfficialDoc): boolean => upperVi(doc.documentType).replace(/\s+/g, ' ').trim() === 'CÔNG VĂN';

function cell(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 0, bottom: 0 },
    verticalAlign: VerticalAlign.TOP,
    children,
  });
}

interface HeaderGeometry {
  left: number;
  right: number;
  indent: number;
  dateSize: number;
  parent: FittedName | null;
  own: FittedName;
}

/**
 * Column widths, outward extension (into the margins) and the organisation names fitted to the left column:
 * the right column is as wide as the Quốc hiệu / date line needs; the names get the rest (one line when they
 * fit, else two lines at a good break); the date line drops to 13 pt when that spares a name a second line.
 */
function headerGeometry(doc: OfficialDoc, widthTwip: number): HeaderGeometry {
  const h = doc.header;
  const maxTotal = widthTwip + twip(MAX_EXTEND_MM.left) + twip(MAX_EXTEND_MM.right);
  const qhW = Math.max(estimateWidthTwip(QUOC_HIEU, SIZE.quocHieu, true), estimateWidthTwip(TIEU_NGU, SIZE.tieuNgu, true));
  let best: { cost: number; g: HeaderGeometry } | null = null;
  for (const dateSize of [SIZE.date, 13]) {
    const dateW = estimateWidthTwip(placeDateLine(h.place, h.date), dateSize, false);
    const right = Math.max(Math.max(dateW, qhW) + 2 * CELL_MARGIN + twip(3), Math.round(widthTwip * 0.5));
    const avail = maxTotal - right - 2 * CELL_MARGIN - twip(2);
    const parent = h.parentOrg.trim() ? fitName(h.parentOrg, false, avail) : null;
    const own = fitName(h.ownOrg, true, avail);
    const cost = (parent ? fitCost(parent) : 0) + fitCost(own) + (SIZE.date - dateSize) * 1.5;
    const need = Math.max(parent?.width ?? 0, own.width) + 2 * CELL_MARGIN + twip(2);
    const left = Math.max(widthTwip - right, Math.min(need, maxTotal - right));
    const deficit = left + right - widthTwip;
    // Word templates commonly let the header table reach into the margins; we allow up to 10 mm left, 5 mm right.
    const indent = Math.min(deficit, twip(MAX_EXTEND_MM.left));
    const g = { left, right, indent, dateSize, parent, own };
    if (!best || cost < best.cost) best = { cost, g };
  }
  return best!.g;
}

/** The fitted name's lines as one paragraph with line breaks. */
function nameParagraph(f: FittedName, bold: boolean): Paragraph {
  return line(f.lines.map((t, i) => new TextRun({ text: t, font: FONT, size: hp(f.size), bold, break: i > 0 ? 1 : 0 })));
}

export function headerTable(doc: OfficialDoc, widthTwip: number): Table {
  const h = doc.header;
  const { left, right, indent, dateSize, parent, own } = headerGeometry(doc, widthTwip);
  const inner = (w: number): number => w - 2 * CELL_MARGIN;

  const orgLines: Paragraph[] = [];
  if (parent) orgLines.push(nameParagraph(parent, false));
  orgLines.push(nameParagraph(own, true));
  // Rule under the issuing organisation: 1/3–1/2 of its (widest line's) length.
  orgLines.push(rule(Math.round(Math.min(own.width, inner(left)) * 0.4), inner(left)));

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
  const dateLines = [line([run(placeDateLine(h.place, h.date), { size: dateSize, italic: true })], 'center', gap)];

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
    out.push(
      line([run(upperVi(doc.documentType), { size, bold: true })], 'center', { spacing: { before: 360, after: 0 }, keepNext: true }),
    );
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
          ? line(runs(`Kính gửi: ${text}`, size), 'left', {
              indent: { left: start, hanging: labelWidth },
              spacing: { before: 240, after: 0 },
            })
          : line(runs(text, size), 'left', { indent: { left: start } }),
      );
    });
  }
  out.push(line([], 'center', { spacing: { before: 0, after: 120 } }));
  return out;
}
