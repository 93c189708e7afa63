// Narrow reads for the pages and lists that must stay fast at province scale (issue #17): only the columns and
// rows a page shows, instead of whole aggregates (e.g. a plan's units, not the register of 5,000 with aliases).
import type { Unit } from '../contract/units';
import { stmt, type Db } from './connection';

/** What a report list or tracking row shows of a unit. */
export type UnitBrief = Pick<Unit, 'id' | 'code' | 'name' | 'phone' | 'email'>;

/** The units a plan concerns (its list plus every unit that sent a report for it), by id. */
export function planUnitBriefs(db: Db, planId: number): Map<number, UnitBrief> {
  const rows = stmt(db,
    `SELECT id, code, name, phone, email FROM units
     WHERE id IN (SELECT unit_id FROM plan_units WHERE plan_id = ? UNION SELECT unit_id FROM reports WHERE plan_id = ?)`,
  ).all(planId, planId) as UnitBrief[];
  return new Map(rows.map((u) => [u.id, u]));
}
