// Results computed from the data, reused while the data is unchanged (issue #17: the overview charts, the
// consolidation and the long lists are asked again on every visit). An entry's key holds the data version (any row
// written by this connection or any commit by another one), so a reused result is always the one a fresh computation
// would give. Results and lists are kept on separate shelves, so opening lists never pushes out a costly result.
import { dataVersion, type Db } from '../db/connection';

/** How many of the most recent entries each shelf keeps. */
const SHELVES = {
  /** computed results (dashboard, consolidation, summaries): each may hold a units × indicators matrix */
  results: 4,
  /** the long lists pages open with (units, a plan's reports): the two lists of units and a plan's reports */
  lists: 3,
  /** small summaries that cost a whole register to count (the overview's "Dân vận khéo" of a year) */
  glances: 4,
} as const;
type Shelf = keyof typeof SHELVES;

const caches = new WeakMap<Db, Map<Shelf, { key: string; value: unknown }[]>>();

/** `compute()` once per (key, data version) on this connection; the few most recent results of the shelf are kept. */
export function cachedByDataVersion<T>(db: Db, key: string, compute: () => T, shelf: Shelf = 'results'): T {
  const full = `${key}|${dataVersion(db)}`;
  let shelves = caches.get(db);
  if (!shelves) caches.set(db, (shelves = new Map()));
  let list = shelves.get(shelf);
  if (!list) shelves.set(shelf, (list = []));
  const hit = list.find((e) => e.key === full);
  if (hit) return hit.value as T;
  const value = compute();
  // the version was read before computing: a write in between only makes this entry unreachable, never wrong
  list.unshift({ key: full, value });
  list.length = Math.min(list.length, SHELVES[shelf]);
  return value;
}
