// consolidation.get's result reused while the data is unchanged (the Tổng hợp tab asks again on every visit): keyed
// by the plan, the day (tracking counts days late) and the data version (features/data-version-cache.ts); tracking.get
// too. The tab's parts read the consolidation without its matrix, taken from the worker's work ahead when it was asked
// for this very data version (checks-off-thread.ts) and waited for while it runs, rather than computed twice at once.
import type { Consolidation, Tracking } from '../contract/consolidation';
import type { Db } from '../db/connection';
import { computeConsolidation, computeConsolidationSummary, type ConsolidationSummary } from './consolidation';
import { cachedByDataVersion } from './data-version-cache';
import { matrixAhead, pendingConsolidation, preparedConsolidation } from './checks-off-thread';
import type { AheadRun } from './ahead-run';
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
  return cachedByDataVersion(db, `consolidation|${planId}|${today}`, () =>
    computeConsolidation(db, planId, today, cachedTracking(db, planId, today)),
  );
}

/** The consolidation without its matrix, as it is now: the worker's when it built it for this data, else computed here. */
export function consolidationSummaryNow(db: Db, planId: number, today: string): ConsolidationSummary {
  return (
    preparedConsolidation(db, planId, today)?.summary ??
    cachedByDataVersion(db, `summary|${planId}|${today}`, () =>
      computeConsolidationSummary(db, planId, today, cachedTracking(db, planId, today)),
    )
  );
}

/** The same, waiting for the worker when it is building it for this data now rather than computing it twice at once. */
export async function consolidationSummary(db: Db, planId: number, today: string): Promise<ConsolidationSummary> {
  const running = pendingConsolidation(db, planId, today);
  return (running && (await running)?.summary) || consolidationSummaryNow(db, planId, today);
}

/** The units × indicators matrix: the one the worker built ahead for this data when it has it, else computed here. */
export async function consolidationMatrix(run: AheadRun, planId: number, today: string): Promise<Consolidation['matrix']> {
  return (await matrixAhead(run, planId, today)) ?? cachedConsolidation(run.db, planId, today).matrix;
}
