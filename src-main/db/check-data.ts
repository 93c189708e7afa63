// What the value checks compare against, read in few queries: the values the other units of a plan reported (peers),
// a unit's own values in earlier plans (history), and every active value of a plan with where it was read.
import { stmt, type Db } from './connection';
import { keptScope } from './kept-scope';
import { numberOrNull, planReportValues } from './plan-values';
import { inReadSnapshot } from './read-connection';

export interface PeerValue {
  unitId: number;
  value: number | null;
  value2: number | null;
}

/** indicatorId -> [{ unitId, value, value2 }] of the plan's active reports, from the plan's kept values
 *  (db/plan-values.ts: read again only for the reports that changed; the query took ~0.25 s on a 5,000-unit plan). */
export function planPeerValues(db: Db, planId: number): Map<number, PeerValue[]> {
  const out = new Map<number, PeerValue[]>();
  for (const { unitId, indicatorIds, nums, nums2 } of planReportValues(db, planId))
    for (let k = 0; k < indicatorIds.length; k++) {
      const value = numberOrNull(nums[k]!);
      const value2 = nums2 ? numberOrNull(nums2[k]!) : null;
      if (value === null && value2 === null) continue;
      const p: PeerValue = { unitId, value, value2 };
      const list = out.get(indicatorIds[k]!);
      if (list) list.push(p);
      else out.set(indicatorIds[k]!, [p]);
    }
  return out;
}

/** indicatorId -> the unit's values in its active reports of other plans, oldest first. */
export function unitHistory(db: Db, unitId: number, exceptPlanId: number): Map<number, number[]> {
  const rows = stmt(
    db,
    `SELECT v.indicator_id AS indicatorId, v.value_num AS value
     FROM reports r JOIN report_values v ON v.report_id = r.id
     WHERE r.unit_id = ? AND r.plan_id <> ? AND r.status = 'active' AND v.value_num IS NOT NULL
     ORDER BY r.received_on, r.id`,
  ).all(unitId, exceptPlanId) as { indicatorId: number; value: number }[];
  const out = new Map<number, number[]>();
  for (const r of rows) {
    const list = out.get(r.indicatorId);
    if (list) list.push(r.value);
    else out.set(r.indicatorId, [r.value]);
  }
  return out;
}

/** SQLite's text of a REAL (group_concat gives the shortest text that reads back as the same double). */
const realOf = (s: string) => (s === 'Inf' ? Infinity : s === '-Inf' ? -Infinity : Number(s));

/**
 * unitHistory for every unit with an active report in the plan (issue #17: one query per unit read 6 M rows one by
 * one): unitId -> indicatorId -> the unit's values in its active reports of other plans. The values come aggregated
 * per unit and indicator, so the rows never cross into JavaScript one by one; their order is not kept (the checks take
 * only their median and spread). Kept per connection while the other plans' reports are unchanged (the sum of their
 * plan_data_revisions, migration 0014): after an import into the plan only the units new to it are read (the whole
 * read took ~2.5 s on the 5,000-unit database, every time the plan changed).
 */
export function planUnitHistories(db: Db, planId: number): ReadonlyMap<number, ReadonlyMap<number, readonly number[]>> {
  return inReadSnapshot(db, () => {
    const others = (stmt(db, 'SELECT TOTAL(rev) AS r FROM plan_data_revisions WHERE plan_id <> ?').get(planId) as { r: number }).r;
    const units = (
      stmt(db, "/* rows as arrays */ SELECT unit_id FROM reports WHERE plan_id = ? AND status = 'active'").raw(true).all(planId) as [
        number,
      ][]
    ).map((r) => r[0]);
    const hit = keptHistories.get(keptScope(db));
    const kept = hit && hit.planId === planId && hit.others === others ? hit.byUnit : new Map<number, Map<number, number[]>>();
    const missing = units.filter((u) => !kept.has(u));
    const read = missing.length ? readHistories(db, planId, missing.length === units.length ? null : missing) : new Map();
    const out = new Map<number, Map<number, number[]>>();
    for (const u of units) {
      const h = kept.get(u) ?? read.get(u);
      if (h) out.set(u, h);
    }
    // a unit without history is kept as an empty map, so it is not read again
    const byUnit = new Map(out);
    for (const u of missing) if (!byUnit.has(u)) byUnit.set(u, new Map());
    keptHistories.set(keptScope(db), { planId, others, byUnit });
    return out;
  });
}

const keptHistories = new WeakMap<object, { planId: number; others: number; byUnit: Map<number, Map<number, number[]>> }>();

/** The histories of the plan's units with an active report (`units`: only these, when given). */
function readHistories(db: Db, planId: number, units: number[] | null): Map<number, Map<number, number[]>> {
  // grouped by unit only: the rows come in the unit index's order, so SQLite sorts nothing; whole numbers (most values)
  // are written as integers, which SQLite does much faster than a REAL's shortest text (and reads back the same)
  const rows = stmt(
    db,
    `SELECT r.unit_id, group_concat(v.indicator_id),
            group_concat(CASE WHEN v.value_num = CAST(v.value_num AS INTEGER) THEN CAST(v.value_num AS INTEGER) ELSE v.value_num END)
     FROM reports r JOIN report_values v ON v.report_id = r.id
     WHERE r.status = 'active' AND r.plan_id <> ? AND v.value_num IS NOT NULL
       AND r.unit_id IN (SELECT unit_id FROM reports WHERE plan_id = ? AND status = 'active'
                         AND (? IS NULL OR unit_id IN (SELECT value FROM json_each(?))))
     GROUP BY r.unit_id`,
  )
    .raw()
    .all(planId, planId, units && 1, units && JSON.stringify(units)) as [number, string, string][];
  const out = new Map<number, Map<number, number[]>>();
  for (const [unitId, ids, values] of rows) {
    const unit = new Map<number, number[]>();
    const is = ids.split(',');
    const xs = values.split(',');
    for (let k = 0; k < is.length; k++) {
      const id = Number(is[k]);
      const x = realOf(xs[k]!);
      const list = unit.get(id);
      if (list) list.push(x);
      else unit.set(id, [x]);
    }
    out.set(unitId, unit);
  }
  return out;
}

/** [reportId, unitId, indicatorId, value, value2, source cell] of one active value. */
type StoredValueRow = [
  reportId: number,
  unitId: number,
  indicatorId: number,
  value: number | null,
  value2: number | null,
  cell: string | null,
];

/**
 * Every active value of a plan with a number or a second one, by unit code then indicator, as arrays (~240,000 on a
 * 5,000-unit plan: an object per row with the unit's code and the file's name repeated took ~0.45 s); the caller has
 * the units, and the files by report (planActiveFiles).
 */
export function planStoredValueRows(db: Db, planId: number): StoredValueRow[] {
  return stmt(
    db,
    `/* rows as arrays */ SELECT r.id, r.unit_id, v.indicator_id, v.value_num, v.value2_num, v.source_cell
     FROM reports r JOIN report_values v ON v.report_id = r.id JOIN units u ON u.id = r.unit_id
     WHERE r.plan_id = ? AND r.status = 'active' AND (v.value_num IS NOT NULL OR v.value2_num IS NOT NULL)
     ORDER BY u.code, v.indicator_id`,
  )
    .raw(true)
    .all(planId) as StoredValueRow[];
}

/** The file name of each of a plan's reports in use, by report id. */
export function planActiveFiles(db: Db, planId: number): Map<number, string | null> {
  const rows = stmt(db, "/* rows as arrays */ SELECT id, file_name FROM reports WHERE plan_id = ? AND status = 'active'")
    .raw(true)
    .all(planId) as [number, string | null][];
  return new Map(rows);
}

/** Labels of values confirmed with a reason, per report (kept in the report's issues as rule 'confirmed'). */
export function confirmedValues(db: Db, planId: number): Set<string> {
  const rows = stmt(db, "SELECT id, issues FROM reports WHERE plan_id = ? AND status = 'active' AND issues LIKE '%\"confirmed\"%'").all(
    planId,
  ) as { id: number; issues: string }[];
  const out = new Set<string>();
  for (const r of rows)
    for (const i of JSON.parse(r.issues) as { rule?: string; indicatorId?: number }[])
      if (i.rule === 'confirmed' && i.indicatorId) out.add(`${r.id}:${i.indicatorId}`);
  return out;
}

/**
 * What the value checks of a plan read, as a version: every plan's report revisions (this plan's values, peers and
 * confirmations; the other plans' for the units' histories: plan_data_revisions, 0014) and the catalog's (units,
 * indicators with their rules, targets: data_revisions, 0015). SQLite raises them on every change to those tables, so a
 * change that touches none of them (a reminder, a model) leaves the plan's warnings as they are.
 */
export function checkInputsVersion(db: Db): string {
  const r = stmt(
    db,
    `SELECT (SELECT TOTAL(rev) FROM plan_data_revisions) AS p, (SELECT COUNT(*) FROM plan_data_revisions) AS n,
            (SELECT rev FROM data_revisions WHERE name = 'catalog') AS c`,
  ).get() as { p: number; n: number; c: number | null };
  return `${r.p}:${r.n}:${r.c ?? 0}`;
}
