// Laid-out blocks that draw themselves at a position: paragraphs (line by line) and table rows (cells with their
// content, borders), plus the drawing operations they emit. Pagination decides where; this decides how.
import { BOXES, layoutPara, paraHeight, type Fields, type Line, type Measurer, type ParaLayout } from './lines';
import type { Block, Cell, Row, RunStyle, Table } from './model';

export type Op =
  | { kind: 'text'; x: number; y: number; text: string; style: RunStyle }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; width: number };

/** A ballot box drawn with lines: its square from the baseline up, with a tick or a cross inside. */
function boxOps(x: number, baseline: number, width: number, size: number, mark: 'none' | 'check' | 'cross'): Op[] {
  const side = size * 0.62;
  const lw = Math.max(0.5, size * 0.05);
  const x1 = x + (width - side) / 2;
  const y2 = baseline + size * 0.02;
  const y1 = y2 - side;
  const x2 = x1 + side;
  const l = (a: number, b: number, c: number, d: number): Op => ({ kind: 'line', x1: a, y1: b, x2: c, y2: d, width: lw });
  const ops = [l(x1, y1, x2, y1), l(x2, y1, x2, y2), l(x2, y2, x1, y2), l(x1, y2, x1, y1)];
  const i = side * 0.2;
  if (mark === 'cross') ops.push(l(x1 + i, y1 + i, x2 - i, y2 - i), l(x1 + i, y2 - i, x2 - i, y1 + i));
  if (mark === 'check') ops.push(l(x1 + i, y1 + side * 0.5, x1 + side * 0.42, y2 - i), l(x1 + side * 0.42, y2 - i, x2 - i, y1 + i));
  return ops;
}

/** Draw lines with their top at y; returns the height used. */
export function drawLines(lines: Line[], x: number, y: number, ops: Op[]): number {
  let top = y;
  for (const l of lines) {
    for (const f of l.frags) {
      if (f.box) {
        ops.push(...boxOps(x + f.x, top + l.baseline, f.width, f.style.size, BOXES[f.text] ?? 'none'));
        continue;
      }
      ops.push({ kind: 'text', x: x + f.x, y: top + l.baseline, text: f.text, style: f.style });
      if (f.style.underline) {
        const uy = top + l.baseline + f.style.size * 0.12;
        ops.push({ kind: 'line', x1: x + f.x, y1: uy, x2: x + f.x + f.width, y2: uy, width: Math.max(0.5, f.style.size * 0.05) });
      }
    }
    top += l.height;
  }
  return top - y;
}

export function drawBorder(l: ParaLayout, x: number, y: number, ops: Op[]): void {
  if (!l.border) return;
  const by = y + l.border.space + l.border.width / 2;
  ops.push({ kind: 'line', x1: x + l.border.x1, y1: by, x2: x + l.border.x2, y2: by, width: l.border.width });
}

/** A paragraph drawn whole (inside a cell or a page header). */
function drawParaWhole(l: ParaLayout, x: number, y: number, ops: Op[]): number {
  let h = l.before;
  for (const seg of l.segments) h += drawLines(seg, x, y + h, ops);
  drawBorder(l, x, y + h, ops);
  return h + l.borderBelow + l.after;
}

interface RowBox {
  row: Row;
  height: number;
  draw(x: number, y: number, ops: Op[], firstOnPage: boolean): void;
}
export interface TableLayout {
  kind: 'tbl';
  indent: number;
  rows: RowBox[];
  headerRows: number;
}
export type BlockLayout = (ParaLayout & { kind: 'p' }) | TableLayout;

/** Blocks inside a cell or header: stacked, never split. */
function layoutStack(blocks: Block[], width: number, m: Measurer): { height: number; draw(x: number, y: number, ops: Op[]): void } {
  const parts = blocks.map((b) => layoutBlock(b, width, m));
  const heights = parts.map((p) => (p.kind === 'p' ? paraHeight(p) : p.rows.reduce((s, r) => s + r.height, 0)));
  return {
    height: heights.reduce((s, h) => s + h, 0),
    draw(x, y, ops) {
      let top = y;
      parts.forEach((p, k) => {
        if (p.kind === 'p') drawParaWhole(p, x, top, ops);
        else {
          let ry = top;
          p.rows.forEach((r, i) => {
            r.draw(x + p.indent, ry, ops, i === 0);
            ry += r.height;
          });
        }
        top += heights[k]!;
      });
    },
  };
}

function layoutTable(t: Table, m: Measurer): TableLayout {
  const colX = [0];
  for (const w of t.grid) colX.push(colX[colX.length - 1]! + w);
  const nCols = t.grid.length;
  // grid columns where each row's vertically continued cells start
  const continuedAt = t.rows.map((row) => {
    const set = new Set<number>();
    let col = 0;
    for (const c of row.cells) {
      if (c.vMerge === 'continue') set.add(col);
      col += c.span;
    }
    return set;
  });
  const rows: RowBox[] = t.rows.map((row, ri) => {
    let col = 0;
    const cells = row.cells.map((cell: Cell) => {
      const c0 = Math.min(col, nCols - 1);
      const c1 = Math.min(col + cell.span, nCols);
      col += cell.span;
      const x = colX[c0]!;
      const w = Math.max(1, colX[c1]! - x);
      const content =
        cell.vMerge === 'continue'
          ? { height: 0, draw: () => {} }
          : layoutStack(cell.blocks, Math.max(1, w - cell.margins.left - cell.margins.right), m);
      return { cell, x, w, c0, c1, content };
    });
    const height = Math.max(row.minHeight, ...cells.map((c) => c.content.height + c.cell.margins.top + c.cell.margins.bottom), 1);
    const next = t.rows[ri + 1];
    const nextContinued = continuedAt[ri + 1];
    return {
      row,
      height,
      draw(x0, y, ops, firstOnPage) {
        for (const c of cells) {
          const inner = c.content.height;
          const free = height - c.cell.margins.top - c.cell.margins.bottom - inner;
          const dy = c.cell.vAlign === 'center' ? free / 2 : c.cell.vAlign === 'bottom' ? free : 0;
          c.content.draw(x0 + c.x + c.cell.margins.left, y + c.cell.margins.top + Math.max(0, dy), ops);
          const b = t.borders;
          const continues = nextContinued?.has(c.c0) ?? false;
          const top = c.cell.vMerge === 'continue' && !firstOnPage ? 0 : (c.cell.borders.top ?? (firstOnPage ? b.top : b.insideH));
          const bottom = continues ? 0 : (c.cell.borders.bottom ?? (next ? b.insideH : b.bottom));
          const left = c.cell.borders.left ?? (c.c0 === 0 ? b.left : b.insideV);
          const right = c.cell.borders.right ?? (c.c1 >= nCols ? b.right : b.insideV);
          const X1 = x0 + c.x;
          const X2 = X1 + c.w;
          if (top) ops.push({ kind: 'line', x1: X1, y1: y, x2: X2, y2: y, width: top });
          if (bottom) ops.push({ kind: 'line', x1: X1, y1: y + height, x2: X2, y2: y + height, width: bottom });
          if (left) ops.push({ kind: 'line', x1: X1, y1: y, x2: X1, y2: y + height, width: left });
          if (right) ops.push({ kind: 'line', x1: X2, y1: y, x2: X2, y2: y + height, width: right });
        }
      },
    };
  });
  let headerRows = 0;
  while (headerRows < t.rows.length && t.rows[headerRows]!.header) headerRows++;
  return { kind: 'tbl', indent: t.indent, rows, headerRows };
}

export function layoutBlock(b: Block, width: number, m: Measurer, fields?: Fields): BlockLayout {
  return b.kind === 'p' ? { ...layoutPara(b, width, m, fields), kind: 'p' } : layoutTable(b, m);
}

export { drawParaWhole };
