// `npm run bench` must keep working (it is the only place performance goals are measured): a tiny run imports
// every generated file and reports its figures. Deliberately no timing assertion here.
import { describe, expect, it } from 'vitest';
import { runBench } from '../../bench/run-bench';

describe('import benchmark harness', () => {
  it('imports every generated workbook into a fresh database and reports figures against exceljs', async () => {
    const lines: string[] = [];
    const r = await runBench(12, (s) => lines.push(s));
    expect(r.files).toBe(12);
    expect(r.imported).toBe(12);
    expect(r.avgFileKb).toBeGreaterThan(5);
    expect(r.seconds).toBeGreaterThan(0);
    expect(r.baselineSeconds).toBeGreaterThan(0);
    expect(r.ratio).toBeCloseTo(r.baselineSeconds / r.seconds, 1);
    expect(r.peakRssMb).toBeGreaterThan(0);
    expect(r.importPeakRssMb).toBeGreaterThan(0);
    expect(r.importPeakRssMb).toBeLessThanOrEqual(r.peakRssMb);
    expect(lines.some((l) => l.includes('exceljs'))).toBe(true);
    // the same files through a real CLI process, from disk, with its peak memory
    expect(r.cli).toMatchObject({ imported: 12 });
    expect(r.cli!.peakRssMb).toBeGreaterThan(0);
    expect(r.cli!.seconds).toBeGreaterThan(0);
    // where the CPU went, on Linux (from /proc): the parts add up and bound the wall time from below
    if (process.platform === 'linux') {
      const c = r.cpu!;
      expect(c.total).toBeCloseTo(c.main + c.workers + c.helpers, 1);
      expect(c.main).toBeGreaterThan(0);
      expect(c.floorSeconds).toBeCloseTo(c.total / c.cores, 2);
      expect(c.ceilingRatio).toBeGreaterThan(0);
    }
  }, 60_000);
});
