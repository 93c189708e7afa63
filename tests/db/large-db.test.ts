// The bench's generated database (tests/bench/large-db.ts) is a database the app opens as its own: it passes the
// integrity checks, its plans have reports, and the app's handlers read it (lists, consolidation).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLargeDb } from '../bench/large-db';
import { dispatch } from '../../src-main/rpc/dispatch';
import { createContext } from '../../src-main/runtime/create-context';
import { fullCheck } from '../../src-main/db/connection';

const dir = mkdtempSync(join(tmpdir(), 'danvan-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generated large database', () => {
  it('opens in the app with every kind of row, and the handlers read it', async () => {
    const file = join(dir, 'large.sqlite');
    const s = await buildLargeDb(file, { units: 130, years: 2, plansPerYear: 2 });
    expect(s).toMatchObject({ units: 130, plans: 4 });
    expect(s.reports).toBeGreaterThan(100);
    expect(s.narrative).toBeGreaterThan(0);
    expect(s.models).toBeGreaterThan(0);
    const ctx = createContext({ mode: 'cli', dbFile: file, version: 'test' });
    try {
      expect(fullCheck(ctx.db)).toEqual([]);
      const get = async (name: string, input: unknown) => {
        const r = await dispatch(name, input, ctx, { checkOutput: true });
        if (!r.ok) throw new Error(r.error.message);
        return r.data as never;
      };
      const units: { parentId: number | null }[] = await get('units.list', {});
      expect(units).toHaveLength(130);
      expect(units.some((u) => u.parentId !== null)).toBe(true);
      const c: { expected: number; submitted: number; indicators: unknown[]; previousPlan: unknown } = await get('consolidation.get', {
        planId: s.bigPlanId,
      });
      expect(c.submitted).toBeGreaterThan(c.expected / 2);
      expect(c.indicators.length).toBeGreaterThanOrEqual(30);
      expect(c.previousPlan).not.toBeNull();
    } finally {
      ctx.close();
    }
  });
});
