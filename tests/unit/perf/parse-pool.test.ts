// The parse worker pool: same ParsedReport as parsing in this thread, a hung parse becomes a Vietnamese error
// (the worker is terminated and replaced) without holding up the other files, and a worker entry that cannot
// start falls back to in-thread parsing. No timing assertions.
import { afterAll, describe, expect, it } from 'vitest';
import { HARD_TIMEOUT_MESSAGE, ParsePool } from '../../../src-main/excel/report/parse-pool';
import { parseReport } from '../../../src-main/excel/report/parse-report';
import { makeReport } from '../../fixtures/gen/report-workbooks';

const pools: ParsePool[] = [];
const pool = (o: ConstructorParameters<typeof ParsePool>[0] = {}): ParsePool => {
  const p = new ParsePool(o);
  pools.push(p);
  return p;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('parse pool (worker threads)', () => {
  it('parses files exactly as in-thread parsing does', async () => {
    const files = await Promise.all([
      makeReport({ seed: 11, template: true, narrative: 'sheet' }),
      makeReport({ seed: 12, mergedHeader: true, numbersAsText: true, narrative: 'after' }),
      makeReport({ seed: 13, realistic: true, breakdown: true }),
      makeReport({ seed: 14, legacyFont: 'tcvn3', ditto: true }),
    ]);
    const p = pool({ size: 2 });
    const viaPool = await Promise.all(files.map((g) => p.parse(g.bytes, g.fileName, { timeoutMs: 15_000 })));
    expect(p.mode).toBe('workers');
    for (const [i, g] of files.entries()) {
      const inThread = await parseReport(g.bytes, g.fileName, { timeoutMs: 15_000 });
      expect(viaPool[i]).toEqual(inThread);
      expect(inThread.rows.length).toBeGreaterThan(0);
    }
    const broken = await p.parse(new Uint8Array([1, 2, 3]), 'x.xlsx', { timeoutMs: 15_000 });
    expect(broken.issues[0]?.severity).toBe('fatal');
  });

  it('warms its workers on the built-in samples, then parses files exactly as in-thread parsing does', async () => {
    const g = await makeReport({ seed: 15, realistic: true, narrative: 'sheet' });
    const p = pool({ size: 2 });
    await Promise.all([p.warm(6), p.warm(3)]); // a second caller (the app at start, then a batch) waits alike
    expect(p.mode).toBe('workers');
    expect(await p.parse(g.bytes, g.fileName, { timeoutMs: 15_000 })).toEqual(
      await parseReport(g.bytes, g.fileName, { timeoutMs: 15_000 }),
    );
  });

  it('reports a hung parse as an error, replaces the worker and finishes the rest of the batch', async () => {
    const good = await makeReport({ seed: 21, narrative: 'sheet' });
    const p = pool({ size: 1, workerUrl: new URL('./hang-worker.ts', import.meta.url), graceMs: 200 });
    const names = ['a.xlsx', 'hang.xlsx', 'b.xlsx', 'c.xlsx'];
    const results = await Promise.all(names.map((n) => p.parse(good.bytes, n, { timeoutMs: 500 })));
    expect(p.mode).toBe('workers');
    const hung = results[1];
    expect(hung?.rows).toEqual([]);
    expect(hung?.issues).toEqual([{ sheet: null, cell: null, severity: 'fatal', message: HARD_TIMEOUT_MESSAGE }]);
    for (const i of [0, 2, 3]) {
      expect(results[i]?.issues.some((x) => x.severity === 'fatal')).toBe(false);
      expect(results[i]?.rows.length).toBe(good.expected.rows.length);
    }
  }, 60_000);

  it('falls back to in-thread parsing when the worker entry cannot start', async () => {
    const g = await makeReport({ seed: 31 });
    const p = pool({ size: 1, workerUrl: new URL('./no-such-worker.mjs', import.meta.url) });
    const r = await p.parse(g.bytes, g.fileName, { timeoutMs: 15_000 });
    expect(r).toEqual(await parseReport(g.bytes, g.fileName, { timeoutMs: 15_000 }));
    expect(p.mode).toBe('in-thread');
  });
});
