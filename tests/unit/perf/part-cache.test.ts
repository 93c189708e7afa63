// workbook.xml and its rels are read once per distinct part (part-cache.ts, fast-reader.ts): a part that differs in
// one byte, even at the same size, is read again, so sheet names, states and paths never come from another file;
// a refused part is never kept.
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../src-main/excel/xlsx/read-workbook';
import { writeZip } from '../../fixtures/gen/report-workbooks';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
function book(sheetName: string, state: string, target: string, dtd = false): Uint8Array {
  return writeZip([
    {
      name: 'xl/workbook.xml',
      data: `${dtd ? '<!DOCTYPE x [<!ENTITY a "b">]>' : ''}<workbook ${NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${sheetName}" sheetId="1" state="${state}" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}" Target="${target}"/></Relationships>`,
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
    },
    {
      name: 'xl/worksheets/sheet2.xml',
      data: `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData></worksheet>`,
    },
  ]);
}
const read = async (bytes: Uint8Array) => {
  const g = await readWorkbook(bytes);
  return { name: g.sheets[0]?.name, state: g.sheets[0]?.state, a1: g.sheets[0]?.rows[0]?.[0]?.v, reader: g.reader };
};

describe('workbook part cache', () => {
  it('reads each file with its own sheet names, states and sheet paths, however alike the parts are', async () => {
    const a = book('Báo cáo', 'visible', 'worksheets/sheet1.xml');
    const b = book('Báo cáa', 'visible', 'worksheets/sheet1.xml'); // same size, one byte apart
    const c = book('Báo cáo', 'hidden', 'worksheets/sheet1.xml');
    const d = book('Báo cáo', 'visible', 'worksheets/sheet2.xml');
    for (let round = 0; round < 2; round++) {
      expect(await read(a)).toEqual({ name: 'Báo cáo', state: 'visible', a1: 1, reader: 'fast' });
      expect(await read(b)).toEqual({ name: 'Báo cáa', state: 'visible', a1: 1, reader: 'fast' });
      expect(await read(c)).toEqual({ name: 'Báo cáo', state: 'hidden', a1: 1, reader: 'fast' });
      expect(await read(d)).toEqual({ name: 'Báo cáo', state: 'visible', a1: 2, reader: 'fast' });
    }
  });

  it('a refused part is refused every time', async () => {
    const bad = book('S', 'visible', 'worksheets/sheet1.xml', true);
    for (let round = 0; round < 2; round++) await expect(readWorkbook(bad)).rejects.toMatchObject({ code: 'dtd' });
  });
});
