// The last consolidations computed on a connection, reused while the data has not changed (issue #17: the
// Tổng hợp page asks again on every tab switch). The key is the plan, the day (tracking counts days late) and
// the data version (any row written by this connection or any commit by another one), so a reused result is
// always the one a fresh computation would give.
import type { Consolidation } from '../contract/consolidation';
import type { Db } from '../db/connection';
import { dataVersion } from '../db/consolidation';
import { computeConsolidation } from './consolidation';

const KEEP = 3; // a plan, its previous one and one more: each holds a units × indicators matrix
const caches = new WeakMap<Db, { key: string; value: Consolidation }[]>();

export function cachedConsolidation(db: Db, planId: number, today: string): Consolidation {
  const key = `${planId}|${today}|${dataVersion(db)}`;
  let list = caches.get(db);
  if (!list) caches.set(db, (list = []));
  const hit = list.find((e) => e.key === key);
  if (hit) return hit.value;
  const value = computeConsolidation(db, planId, today);
  // computed after the key was read: a write in between only makes the entry unreachable, never wrong
  list.unshift({ key, value });
  list.length = Math.min(list.length, KEEP);
  return value;
}
