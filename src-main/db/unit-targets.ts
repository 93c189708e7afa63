// Per-unit targets aggregate (unit_targets): read a plan's grid, replace cells, clear an indicator's column.
// A missing row means the unit has no own target for that indicator.
import type { UNIT_TARGET_SOURCES } from '../contract/unit-targets';
import type { Db } from './connection';

/** Where a unit's target came from: typed in by hand, split by members, or split equally (the contract's sources). */
export type UnitTargetSource = (typeof UNIT_TARGET_SOURCES)[number];
interface UnitTargetRow {
  unitId: number;
  indicatorId: number;
  target: number;
  source: UnitTargetSource;
}

export function unitTargetsOf(db: Db, planId: number): UnitTargetRow[] {
  return db
    .prepare(
      'SELECT unit_id AS unitId, indicator_id AS indicatorId, target, source FROM unit_targets WHERE plan_id = ? ORDER BY unit_id, indicator_id',
    )
    .all(planId) as UnitTargetRow[];
}

/** Set (number) or remove (null) cells. Caller wraps in a write transaction. */
export function putUnitTargets(
  db: Db,
  planId: number,
  cells: { unitId: number; indicatorId: number; target: number | null; source: UnitTargetSource }[],
  now: string,
): void {
  const del = db.prepare('DELETE FROM unit_targets WHERE plan_id = ? AND unit_id = ? AND indicator_id = ?');
  const put = db.prepare(
    `INSERT INTO unit_targets (plan_id, unit_id, indicator_id, target, source, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (plan_id, unit_id, indicator_id) DO UPDATE SET target = excluded.target, source = excluded.source, updated_at = excluded.updated_at`,
  );
  for (const c of cells) {
    if (c.target === null) del.run(planId, c.unitId, c.indicatorId);
    else put.run(planId, c.unitId, c.indicatorId, c.target, c.source, now);
  }
}

/** Remove an indicator's whole column (before a new split). Caller wraps in a write transaction. */
export function clearIndicatorTargets(db: Db, planId: number, indicatorId: number): void {
  db.prepare('DELETE FROM unit_targets WHERE plan_id = ? AND indicator_id = ?').run(planId, indicatorId);
}
