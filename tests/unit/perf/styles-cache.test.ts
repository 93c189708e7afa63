// styles.xml is parsed once per distinct part (styles-cache.ts): a part that differs in one byte, even at the same
// size, is parsed again, so a date or percent format is never taken from another file.
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../src-main/excel/xlsx/read-workbook';
import { writeZip } from '../../fixtures/gen/report-workbooks';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
function book(formatCode: string): Uint8Array {
  return writeZip([
    {
      name: 'xl/workbook.xml',
      data: `<workbook ${NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: `<worksheet ${NS}><sheetData><row r="1"><c r="A1" s="1"><v>45300</v></c></row></sheetData></worksheet>`,
    },
    {
      name: 'xl/styles.xml',
      data: `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="${formatCode}"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`,
    },
  ]);
}

const a1 = async (bytes: Uint8Array) => (await readWorkbook(bytes)).sheets[0]?.rows[0]?.[0];

describe('styles cache', () => {
  it('reads each file with its own number formats, however alike the parts are', async () => {
    const date = book('dd/mm/yyyy');
    const plain = book('00/00/0000'); // same length, not a date
    const pct = book('0000.0000%');
    for (let round = 0; round < 2; round++) {
      expect(await a1(date)).toMatchObject({ v: 45300, date: true });
      const p = await a1(plain);
      expect(p).toMatchObject({ v: 45300 });
      expect(p?.date).toBeUndefined();
      expect(p?.pct).toBeUndefined();
      expect(await a1(pct)).toMatchObject({ v: 45300, pct: true });
    }
  });
});
