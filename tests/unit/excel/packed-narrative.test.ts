// A report received from a parse worker carries its narrative as UTF-8 bytes (excel/report/packed-narrative.ts):
// read, it is the worker's narrative; counted, it is not decoded; set or copied, the bytes no longer stand for it.
// Through the real worker pool the narrative equals the in-thread parse of the same file.
import { describe, expect, it } from 'vitest';
import type { ParsedReport } from '../../../src-main/contract/parsed-report';
import { narrativeCount, packNarrative, packedNarrativeOf, withPackedNarrative } from '../../../src-main/excel/report/packed-narrative';
import { ParsePool } from '../../../src-main/excel/report/parse-pool';
import { parseReport } from '../../../src-main/excel/report/parse-report';
import { warmSample } from '../../../src-main/excel/report/warm-sample';
import { unpackUtf8 } from '../../../src-main/bytes/utf8-pack';

const narrative = [
  { heading: 'Kết quả nổi bật', text: 'Tổ chức 12 buổi tuyên truyền 😀' },
  { heading: '', text: 'Tồn tại, hạn chế' },
];
const bare = (): ParsedReport =>
  ({
    unitName: null,
    title: null,
    period: null,
    rows: [],
    narrative: [],
    issues: [],
    fileName: 'a.xlsx',
    sheet: null,
    template: null,
    reader: null,
  }) as ParsedReport;

describe('packed narrative', () => {
  it('reads back as the narrative, counted without decoding', () => {
    const r = withPackedNarrative(bare(), packNarrative(narrative));
    expect(narrativeCount(r)).toBe(2);
    expect(unpackUtf8(packedNarrativeOf(r)!)).toEqual(['Kết quả nổi bật', 'Tổ chức 12 buổi tuyên truyền 😀', '', 'Tồn tại, hạn chế']);
    expect(r.narrative).toEqual(narrative);
    expect(r.narrative).toBe(r.narrative); // decoded once
    expect(JSON.parse(JSON.stringify(r)).narrative).toEqual(narrative);
  });

  it('a copy gets the strings; a report whose narrative is set no longer gives the bytes', () => {
    const r = withPackedNarrative(bare(), packNarrative(narrative));
    const copy = { ...r };
    expect(copy.narrative).toEqual(narrative);
    expect(packedNarrativeOf(copy)).toBeUndefined();
    expect(structuredClone(r).narrative).toEqual(narrative);
    r.narrative = [{ heading: 'Khác', text: 'khác' }];
    expect(packedNarrativeOf(r)).toBeUndefined();
    expect(narrativeCount(r)).toBe(1);
    expect(r.narrative).toEqual([{ heading: 'Khác', text: 'khác' }]);
  });

  it('through the worker pool: the same narrative as parsing in this thread, with its bytes kept for storing', async () => {
    const pool = new ParsePool({ size: 1 });
    try {
      for (const k of [0, 1, 2]) {
        const bytes = warmSample(k);
        const here = await parseReport(bytes, 'mau.xlsx', { timeoutMs: 10_000 });
        const { report } = await pool.parseFile(bytes, 'mau.xlsx', { timeoutMs: 10_000 });
        expect(pool.mode).toBe('workers');
        expect(here.narrative.length).toBeGreaterThan(0);
        expect(packedNarrativeOf(report), `sample ${k}`).toBeDefined();
        expect(narrativeCount(report)).toBe(here.narrative.length);
        expect(report.narrative).toEqual(here.narrative);
        expect({ ...report, narrative: [] }).toEqual({ ...here, narrative: [] });
      }
    } finally {
      await pool.close();
    }
  });
});
