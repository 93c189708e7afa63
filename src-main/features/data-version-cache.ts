// Results computed from the data, reused while the data is unchanged (issue #17: the overview charts and the
// consolidation are asked again on every visit). An entry's key holds the data version (any row written by this
// connection or any commit by another one), so a reused result is always the one a fresh computation would give.
import { dataVersion, type Db } from '../db/connection';

const KEEP = 4; // each may hold a units × indicators matrix
const caches = new WeakMap<Db, { key: string; value: unknown }[]>();

/** `compute()` once per (key, data version) on this connection; the few most recent results are kept. */
export function cachedByDataVersion<T>(db: Db, key: string, compute: () => T): T {
  const full = `${key}|${dataVersion(db)}`;
  let list = caches.get(db);
  if (!list) caches.set(db, (list = []));
  const hit = list.find((e) => e.key === full);
  if (hit) return hit.value as T;
  const value = compute();
  // the version was read before computing: a write in between only makes this entry unreachable, never wrong
  list.unshift({ key: full, value });
  list.length = Math.min(list.length, KEEP);
  return value;
}
