// Whose results kept per connection (db/plan-values.ts, the units' histories of db/check-data.ts) a connection reads:
// by default its own; connections opened one after another on the same file (the worker opens one per job, so that a
// restore can replace the file between jobs) share theirs when the opener says so. What is kept is always checked
// against the data before use; sharing only lets it outlive one connection.
import type { Db } from './connection';

const scopes = new WeakMap<Db, object>();

/** From now on `db` reads and keeps results in `scope` (an object shared by the connections to one file). */
export function shareKept(db: Db, scope: object): void {
  scopes.set(db, scope);
}

/** The key under which `db`'s kept results live. */
export function keptScope(db: Db): object {
  return scopes.get(db) ?? db;
}

/** A store of results kept per scope: the returned function gives the map of `db`'s scope (made on first use). */
export function keptMaps<K, V>(): (db: Db) => Map<K, V> {
  const maps = new WeakMap<object, Map<K, V>>();
  return (db) => {
    const scope = keptScope(db);
    let map = maps.get(scope);
    if (!map) maps.set(scope, (map = new Map()));
    return map;
  };
}
