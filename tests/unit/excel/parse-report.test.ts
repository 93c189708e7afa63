// parseReport over generated workbooks: every layout variant must give back what the generator wrote,
// through the fast reader and through the exceljs fallback alike.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src-main/excel/report/parse-report';
import { ParsedReport } from '../../../src-main/contract/parsed-report';
import { makeReport, type GenOptions, type Generated } from '../../fixtures/gen/report-workbooks';
import { foldKey } from '../../../src-main/text/vi-text';

function check(g: Generated, p: ParsedReport): void {
  expect(ParsedReport.safeParse(p).success).toBe(true);
  expect(p.issues.filter((i) => i.severity === 'fatal')).toEqual([]);
  expect(foldKey(p.unitName ?? '')).toContain(foldKey(g.expected.unitCore));
  expect(p.title).toContain(g.expected.titleHas);
  expect(p.period?.round).toBe(g.expected.round);
  expect(p.period?.year).toBe(g.expected.year);
  const got = p.rows.map((r) => ({
    stt: r.stt,
    label: r.label,
    unit: r.unit,
    value: r.value,
    isSection: r.isSection,
    isBreakdown: r.isBreakdown,
    code: r.code,
  }));
  expect(got).toEqual(g.expected.rows);
  expect(p.narrative.map((n) => foldKey(n.heading))).toEqual(g.expected.narrativeHeadings.map(foldKey));
  expect(p.template !== null).toBe(g.expected.template);
}

const VARIANTS: [string, Omit<GenOptions, 'seed'>][] = [
  ['plain free-form', {}],
  ['our template with _meta', { template: true }],
  ['merged two-row header', { mergedHeader: true }],
  ['numbers typed as vi-VN text', { numbersAsText: true }],
  ['ditto marks in the unit column', { ditto: true }],
  ['formulas with cached values', { formulas: true }],
  ['"Trong đó" sub-rows', { breakdown: true }],
  ['narrative after the table', { narrative: 'after' }],
  ['narrative sheet', { narrative: 'sheet' }],
  ['TCVN3 fonts', { legacyFont: 'tcvn3' }],
  ['VNI fonts', { legacyFont: 'vni' }],
  ['NFD text', { nfd: true }],
  ['hidden draft sheet', { hiddenSheet: true }],
  ['empty first sheet', { emptySheetFirst: true }],
  ['1904 date system', { date1904: true }],
  [
    'everything at once',
    { template: true, mergedHeader: true, numbersAsText: true, ditto: true, formulas: true, breakdown: true, narrative: 'after' },
  ],
];

describe('parseReport on generated layouts', () => {
  for (const [name, opts] of VARIANTS) {
    it(`${name} (fast reader and exceljs fallback agree with the generator)`, async () => {
      for (let seed = 1; seed <= 6; seed++) {
        const g = await makeReport({ seed: seed * 31 + name.length, ...opts });
        const fast = await parseReport(g.bytes, g.fileName);
        expect(fast.reader).toBe('fast');
        check(g, fast);
        const slow = await parseReport(g.bytes, g.fileName, { forceExceljs: true });
        expect(slow.reader).toBe('exceljs');
        check(g, slow);
      }
    });
  }
});
