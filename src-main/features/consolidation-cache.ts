// consolidation.get's result reused while the data is unchanged (the Tổng hợp tab asks again on every visit): keyed
// by the plan, the day (tracking counts days late) and the data version (features/data-version-cache.ts).
import type { Consolidation } from '../contract/consolidation';
import type { Db } from '../db/connection';
import { computeConsolidation } from './consolidation';
import { cachedByDataVersion } from './data-version-cache';

export function cachedConsolidation(db: Db, planId: number, today: string): Consolidation {
  return cachedByDataVersion(db, `consolidation|${planId}|${today}`, () => computeConsolidation(db, planId, today));
}
