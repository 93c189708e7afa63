// Body blocks of an official document: numbered headings (I. / 1. / a)), justified paragraphs with
// first-line indent, "- " bullet lines, and bordered tables with vi-VN right-aligned numbers.
import {
  AlignmentType,
  BorderStyle,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import { formatViNumber } from '../../text/vi-number';
import { FIRST_LINE_INDENT, PARA_AFTER, line, run, runs, upperVi } from './layout';
import type { BodyBlock, CellValue, DocTableColumn } from '../../layout/types';
import { toLetter, toRoman } from './numbering';

export { toLetter, toRoman };

const BODY_LINE = 276; // 1.15 lines

const ALIGN = {
  justify: AlignmentType.JUSTIFIED,
  center: AlignmentType.CENTER,
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
} as const;

interface ParaOpts {
  indent?: boolean;
  align?: keyof typeof ALIGN;
  keepNext?: boolean;
  keepLines?: boolean;
}

function bodyParagraph(children: ReturnType<typeof runs>, opts: ParaOpts = {}): Paragraph {
  return new Paragraph({
    alignment: ALIGN[opts.align ?? 'justify'],
    indent: opts.indent === false ? {} : { firstLine: FIRST_LINE_INDENT },
    spacing: { before: 0, after: PARA_AFTER, line: BODY_LINE },
    keepNext: opts.keepNext ?? false,
    keepLines: opts.keepLines ?? false,
    children,
  });
}

function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'number' ? formatViNumber(v) : v;
}

function docTable(
  columns: DocTableColumn[],
  rows: CellValue[][],
  totalRow: CellValue[] | undefined,
  size: number,
  widthTwip: number,
): Table {
  const weights = columns.map((c) => (c.width && c.width > 0 ? c.width : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * widthTwip));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
  const mkCell = (text: string, width: number, align: keyof typeof ALIGN, bold: boolean): TableCell =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: { left: 80, right: 80, top: 30, bottom: 30 },
      verticalAlign: VerticalAlign.CENTER,
      children: text.split('\n').map((t) => line([run(t, { size, bold })], align)),
    });
  const alignOf = (col: DocTableColumn | undefined, v: CellValue): keyof typeof ALIGN =>
    col?.align ?? (typeof v === 'number' ? 'right' : 'left');
  const dataRow = (r: CellValue[], bold: boolean): TableRow =>
    new TableRow({
      cantSplit: true,
      children: columns.map((c, i) => mkCell(cellText(r[i]), widths[i] ?? 0, alignOf(c, r[i]), bold)),
    });
  return new Table({
    width: { size: widthTwip, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c, i) => mkCell(c.header, widths[i] ?? 0, 'center', true)),
      }),
      ...rows.map((r) => dataRow(r, false)),
      ...(totalRow ? [dataRow(totalRow, true)] : []),
    ],
  });
}

/**
 * Turn body blocks into docx paragraphs and tables; `size` is the body font size in pt. With `keepLast`, the
 * last paragraph is kept whole and with what follows (the signature block never starts a page alone).
 */
export function bodyBlocks(blocks: BodyBlock[], size: number, widthTwip: number, keepLast = false): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  const counters = [0, 0, 0];
  blocks.forEach((b, k) => {
    const keep: ParaOpts = keepLast && k === blocks.length - 1 ? { keepNext: true, keepLines: true } : {};
    switch (b.kind) {
      case 'heading': {
        const lvl = b.level - 1;
        counters[lvl] = (counters[lvl] ?? 0) + 1;
        for (let j = lvl + 1; j < counters.length; j++) counters[j] = 0;
        const n = counters[lvl] ?? 1;
        const auto = b.level === 1 ? `${toRoman(n)}.` : b.level === 2 ? `${n}.` : `${toLetter(n)})`;
        const num = b.number ?? auto;
        const text = b.level === 1 ? upperVi(b.text) : b.text;
        const full = num ? `${num} ${text}` : text;
        out.push(bodyParagraph([run(full, { size, bold: true, italic: b.level === 3 })], { keepNext: true }));
        break;
      }
      case 'paragraph':
        out.push(bodyParagraph(runs(b.runs, size), { align: b.align ?? 'justify', indent: b.indent ?? true, ...keep }));
        break;
      case 'bullet': {
        const list = typeof b.runs === 'string' ? [b.runs] : b.runs;
        out.push(bodyParagraph(runs(['- ', ...list], size), keep));
        break;
      }
      case 'list': {
        const items = b.items.map((t) => t.trim()).filter(Boolean);
        items.forEach((t, i) => {
          const mark = b.numbered ? `${i + 1}. ` : '- ';
          const end = /[;.,:]$/.test(t) ? '' : i === items.length - 1 ? '.' : ';';
          const last = i === items.length - 1;
          out.push(
            new Paragraph({
              alignment: AlignmentType.LEFT,
              indent: { left: FIRST_LINE_INDENT + 360, hanging: 360 },
              spacing: { before: 0, after: last ? PARA_AFTER : 0, line: 240 },
              keepNext: last ? (keep.keepNext ?? false) : false,
              keepLines: true,
              children: runs(`${mark}${t}${end}`, size),
            }),
          );
        });
        break;
      }
      case 'table':
        out.push(docTable(b.columns, b.rows, b.totalRow, b.fontSize ?? Math.min(size, 13), widthTwip));
        out.push(line([], 'left', { spacing: { before: 0, after: PARA_AFTER } }));
        break;
      case 'pageBreak':
        out.push(new Paragraph({ children: [new PageBreak()] }));
        break;
    }
  });
  return out;
}
