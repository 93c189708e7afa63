// consolidation.get's result reused while the data is unchanged (the Tổng hợp tab asks again on every visit): keyed
// by the plan, the day (tracking counts days late) and the data version (features/data-version-cache.ts); tracking.get too.
// When the worker built them ahead for this very data version (checks-off-thread.ts), those are taken as they are.
import type { Consolidation } from '../contract/consolidation';
import type { Db } from '../db/connection';
import type { Tracking } from '../contract/consolidation';
import { computeConsolidation } from './consolidation';
import { cachedByDataVersion } from './data-version-cache';
import { preparedConsolidation } from './checks-off-thread';
import { computeTracking } from './tracking';

/** tracking.get's result, reused likewise; the consolidation is built on the same one (the Tổng hợp tab asks both). */
export function cachedTracking(db: Db, planId: number, today: string): Tracking {
  return cachedByDataVersion(
    db,
    `tracking|${planId}|${today}`,
    () => preparedConsolidation(db, planId, today)?.tracking ?? computeTracking(db, planId, today),
  );
}

export function cachedConsolidation(db: Db, planId: number, today: string): Consolidation {
  return cachedByDataVersion(
    db,
    `consolidation|${planId}|${today}`,
    () =>
      preparedConsolidation(db, planId, today)?.consolidation ?? computeConsolidation(db, planId, today, cachedTracking(db, planId, today)),
  );
}
