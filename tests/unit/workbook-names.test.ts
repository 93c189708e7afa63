// Which picked/dropped files the imports take as workbooks (src-renderer/lib/report-import.ts): every format the
// readers convert (.xls, .ods, .csv/.tsv) besides .xlsx/.xlsm; other files of a dropped folder stay out.
import { describe, expect, it } from 'vitest';
import { isWorkbookName, WORKBOOK_ACCEPT } from '../../src-renderer/lib/report-import';

describe('workbook file names', () => {
  it('takes every readable spreadsheet format, in any case, and nothing else', () => {
    for (const n of ['a.xlsx', 'B.XLSM', 'cu.xls', 'lo.ods', 'ds.csv', 'ds.TSV']) expect(isWorkbookName(n), n).toBe(true);
    for (const n of ['ke-hoach.docx', 'ghi chu.txt', 'anh.png', 'xls', 'bao cao.xls.pdf']) expect(isWorkbookName(n), n).toBe(false);
  });

  it('the pickers accept the same extensions the drop filter takes', () => {
    const exts = WORKBOOK_ACCEPT.split(',');
    expect(exts.sort()).toEqual(['.csv', '.ods', '.tsv', '.xls', '.xlsm', '.xlsx']);
    for (const e of exts) expect(isWorkbookName(`x${e}`)).toBe(true);
  });
});
