// ReDoS guard: the shared-strings, styles and element scanners of the fast reader take linear time on unclosed
// or never-ending tags (a hostile <si> used to make parse-report run for minutes at 100% CPU).
import { describe, expect, it } from 'vitest';
import { parseSharedStrings, parseStyles } from '../../../src-main/excel/xlsx/workbook-parts';
import { elements } from '../../../src-main/bytes/xml';

const tick = (): void => undefined;
const N = 150_000;
// Generous: a linear scan of these inputs takes milliseconds, the old regexes took minutes.
const T = 20_000;

describe('linear scanning of hostile XML', () => {
  it(
    'unclosed <si> elements: closed strings are read, the unclosed tail is ignored',
    () => {
      const xml = `<sst><si><t>đầu</t></si>${'<si><t>x</t>'.repeat(N)}</sst>`;
      expect(parseSharedStrings(xml, tick).map((s) => s.text)).toEqual(['đầu']);
    },
    T,
  );

  it(
    '<si> with attributes (regex path) and no close',
    () => {
      const xml = `<sst><si a="1"><t>một</t></si>${'<si a="1"><t>x'.repeat(N)}`;
      expect(parseSharedStrings(xml, tick).map((s) => s.text)).toEqual(['một']);
    },
    T,
  );

  it(
    'open tags that never end (no ">")',
    () => {
      const xml = `<sst><si a="1"><t>một</t></si>${'<si a="1" '.repeat(N)}`;
      expect(parseSharedStrings(xml, tick).map((s) => s.text)).toEqual(['một']);
      expect([...elements(`<x a="1"/>${'<x a="2" '.repeat(N)}`, 'x')]).toEqual([' a="1"']);
    },
    T,
  );

  it(
    'unclosed <t> and <r> inside one closed <si>',
    () => {
      const body = `<r><t>a</t></r>${'<r><t>b'.repeat(N / 3)}`;
      const out = parseSharedStrings(`<sst><si a="1">${body}</si></sst>`, tick);
      expect(out).toHaveLength(1);
      expect(out[0]!.text.startsWith('a')).toBe(true);
      const plain = parseSharedStrings(`<sst><si a="1">${'<t>c'.repeat(N)}</si></sst>`, tick);
      expect(plain).toHaveLength(1);
    },
    T,
  );

  it(
    'unclosed <font> in styles',
    () => {
      const xml = `<styleSheet><fonts><font><name val=".VnTime"/></font>${'<font a="1">'.repeat(N)}</fonts><cellXfs><xf fontId="0" numFmtId="14"/></cellXfs></styleSheet>`;
      const s = parseStyles(xml);
      expect(s.legacyFont[0]).toBe('.VnTime');
      expect(s.isDate[0]).toBe(true);
    },
    T,
  );

  it(
    'a number format code of unclosed quotes and brackets',
    () => {
      const code = '['.repeat(N);
      const s = parseStyles(
        `<styleSheet><numFmts><numFmt numFmtId="170" formatCode="${code}"/></numFmts><cellXfs><xf numFmtId="170"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
      );
      expect(s.isDate).toEqual([false, true]);
    },
    T,
  );

  it('rich runs still read normally', () => {
    const xml =
      '<sst><si><r><rPr><rFont val="Arial"/></rPr><t>Xin </t></r><rPh><t>ignored</t></rPh><r><t>chào</t></r></si><si><x:t>khác</x:t></si></sst>';
    expect(parseSharedStrings(xml, tick).map((s) => s.text)).toEqual(['Xin chào', 'khác']);
  });
});

describe('linear scanning in the exceljs fallback pre-check', () => {
  it(
    '<mergeCell> tags without ref and without ">" do not stall the merge scan',
    async () => {
      const { writeZip } = await import('../../fixtures/gen/report-workbooks');
      const { readWorkbook } = await import('../../../src-main/excel/xlsx/read-workbook');
      const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Mã</t></is></c></row></sheetData><mergeCells>${'<mergeCell x="1" '.repeat(N)}</worksheet>`;
      const bytes = writeZip([
        {
          name: '[Content_Types].xml',
          data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        },
        {
          name: '_rels/.rels',
          data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        },
        {
          name: 'xl/workbook.xml',
          data: '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>',
        },
        {
          name: 'xl/_rels/workbook.xml.rels',
          data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        },
        { name: 'xl/worksheets/sheet1.xml', data: sheet },
      ]);
      // Refused or read, but answered: the pre-check must not spin on the broken tags.
      const out = await readWorkbook(bytes, { forceExceljs: true, timeoutMs: 10_000 }).then(
        () => 'read',
        (e: Error) => e.name,
      );
      expect(['read', 'XlsxError']).toContain(out);
    },
    T,
  );
});
