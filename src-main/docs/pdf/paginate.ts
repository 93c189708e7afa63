// Flows the laid-out body onto pages: lines and table rows go down the page until the bottom margin; keepNext
// chains, keepLines and cantSplit move to a new page whole when they fit on one; header rows repeat; page headers
// (the page number from page 2 when the first page has its own header) are drawn last.
import { drawBorder, drawLines, drawParaWhole, layoutBlock, type BlockLayout, type Op } from './boxes';
import { linesHeight, paraHeight, type Measurer } from './lines';
import type { DocModel } from './model';
import { PdfInputError } from './xml';

const EPS = 0.01;

function tableHead(l: BlockLayout): number {
  if (l.kind !== 'tbl') return 0;
  return l.rows.slice(0, Math.min(l.rows.length, l.headerRows + 1)).reduce((s, r) => s + r.height, 0);
}

/** What of block k must share the page with a keepNext paragraph before it. */
function leadHeight(l: BlockLayout | undefined): number {
  if (!l) return 0;
  if (l.kind === 'tbl') return tableHead(l);
  if (l.pageBreakBefore) return 0;
  if (l.keepLines) return paraHeight(l);
  const first = l.segments[0]?.[0];
  return l.before + (first?.height ?? 0);
}

export function paginate(doc: DocModel, m: Measurer): Op[][] {
  const s = doc.section;
  const x0 = s.margin.left;
  const width = s.width - s.margin.left - s.margin.right;
  const top = s.margin.top;
  const bottom = s.height - s.margin.bottom;
  const pages: Op[][] = [[]];
  let y = top;
  const ops = (): Op[] => pages[pages.length - 1]!;
  const newPage = (): void => {
    pages.push([]);
    y = top;
  };
  const atTop = (): boolean => y <= top + EPS;

  const layouts = doc.blocks.map((b) => layoutBlock(b, width, m));
  layouts.forEach((l, k) => {
    if (l.kind === 'p') {
      if (l.pageBreakBefore && !atTop()) newPage();
      if (l.keepNext && !l.pageBreakBefore) {
        let need = 0;
        let j = k;
        for (; j < layouts.length; j++) {
          const lj = layouts[j]!;
          if (lj.kind !== 'p' || !lj.keepNext || (j > k && lj.pageBreakBefore)) break;
          need += paraHeight(lj);
        }
        need += leadHeight(layouts[j]);
        if (y + need > bottom + EPS && !atTop() && need <= bottom - top) newPage();
      }
      l.segments.forEach((seg, si) => {
        if (si > 0) newPage();
        if (si === 0 && !seg.length && l.segments.length > 1) return;
        const before = si === 0 ? l.before : 0;
        if ((l.keepLines || seg.length === 1) && !atTop()) {
          const h = before + linesHeight(seg);
          if (y + h > bottom + EPS && h <= bottom - top) newPage();
        }
        y += before;
        for (const line of seg) {
          if (y + line.height > bottom + EPS && !atTop()) newPage();
          drawLines([line], x0, y, ops());
          y += line.height;
        }
      });
      drawBorder(l, x0, y, ops());
      y += l.borderBelow + l.after;
      return;
    }
    const x = x0 + l.indent;
    let first = true;
    l.rows.forEach((r, i) => {
      if (r.height > bottom - top + EPS) {
        throw new PdfInputError(
          'Một hàng của bảng dài hơn một trang giấy nên không chuyển được sang PDF. Hãy rút gọn nội dung ô đó rồi xuất lại.',
        );
      }
      if (y + r.height > bottom + EPS && !atTop()) {
        newPage();
        first = true;
        if (i >= l.headerRows) {
          for (const h of l.rows.slice(0, l.headerRows)) {
            h.draw(x, y, ops(), first);
            y += h.height;
            first = false;
          }
        }
      }
      r.draw(x, y, ops(), first);
      y += r.height;
      first = false;
    });
  });

  // page headers
  pages.forEach((pageOps, n) => {
    const paras = s.titlePage && n === 0 ? s.firstHeader : s.header;
    let hy = s.margin.header;
    for (const p of paras) {
      const l = layoutBlock(p, width, m, { page: String(n + 1), pages: String(pages.length) });
      if (l.kind === 'p') hy += drawParaWhole(l, x0, hy, pageOps);
    }
  });
  return pages;
}
