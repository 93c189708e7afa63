// Text boxes of a drawing part: shapes' paragraphs with any namespace prefix, entities decoded, empty shapes and
// pictures left out; the sheet's <drawing> reference found after its data.
import { describe, expect, it } from 'vitest';
import { drawingRelId, drawingTextBoxes } from '../../../src-main/excel/xlsx/drawing-text';

const shape = (paras: string[], p = 'a', x = 'xdr'): string =>
  `<${x}:sp><${x}:txBody><${p}:bodyPr/>${paras.map((t) => `<${p}:p><${p}:pPr/><${p}:r><${p}:rPr lang="vi-VN"/><${p}:t>${t}</${p}:t></${p}:r></${p}:p>`).join('')}</${x}:txBody></${x}:sp>`;

describe('drawing text boxes', () => {
  it('reads each shape as its paragraphs, whatever the prefixes, and decodes entities', () => {
    const xml = `<xdr:wsDr>${shape(['1. Kết quả nổi bật: A &amp; B', 'Dòng 2'])}<xdr:pic/>${shape(['Hạn chế'], 'd', 'w')}${shape([])}</xdr:wsDr>`;
    expect(drawingTextBoxes(xml).map((b) => b.paragraphs)).toEqual([['1. Kết quả nổi bật: A & B', 'Dòng 2'], ['Hạn chế']]);
  });

  it('gives each box the row of its anchor', () => {
    const anchor = (row: number, text: string): string =>
      `<xdr:twoCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:row>${row}</xdr:row></xdr:from><xdr:to><xdr:row>${row + 4}</xdr:row></xdr:to>${shape([text])}</xdr:twoCellAnchor>`;
    const xml = `<xdr:wsDr>${anchor(1, 'Độc lập - Tự do - Hạnh phúc')}<xdr:absoluteAnchor>${shape(['Trôi nổi'])}</xdr:absoluteAnchor>${anchor(12, 'Hạn chế: ít')}</xdr:wsDr>`;
    expect(drawingTextBoxes(xml).map((b) => b.row)).toEqual([1, null, 12]);
  });

  it('joins the runs of one paragraph and skips empty paragraphs', () => {
    const xml = '<wsDr><sp><txBody><p><r><t>Kiến nghị, </t></r><r><t>đề xuất</t></r></p><p/><p><r><t/></r></p></txBody></sp></wsDr>';
    expect(drawingTextBoxes(xml)).toEqual([{ row: null, paragraphs: ['Kiến nghị, đề xuất'] }]);
  });

  it('reads many empty paragraphs before a far text correctly', () => {
    const xml = `<xdr:wsDr><xdr:sp><xdr:txBody>${'<a:p></a:p>'.repeat(20_000)}<a:p><a:r><a:t>cuối</a:t></a:r></a:p></xdr:txBody></xdr:sp></xdr:wsDr>`;
    expect(drawingTextBoxes(xml).map((b) => b.paragraphs)).toEqual([['cuối']]);
  });

  it('finds the drawing reference after the sheet data only', () => {
    const sheet =
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>drawing</t></is></c></row></sheetData><drawing r:id="rId7"/></worksheet>';
    expect(drawingRelId(sheet, sheet.lastIndexOf('sheetData>'))).toBe('rId7');
    expect(drawingRelId('<worksheet><sheetData/></worksheet>', 0)).toBeNull();
  });
});
