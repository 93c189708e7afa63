// Narrow reads for the pages and lists that must stay fast at province scale (issue #17): only the columns and
// rows a page shows, instead of whole aggregates (e.g. a plan's units, not the register of 5,000 with aliases).
import type { Unit } from '../contract/units';
import { stmt, type Db } from './connection';
import { keptMaps } from './kept-scope';

/** What a report list or tracking row shows of a unit. */
export type UnitBrief = Pick<Unit, 'id' | 'code' | 'name' | 'phone' | 'email'>;

/** The units a plan concerns (its list plus every unit that sent a report for it), by id. */
export function planUnitBriefs(db: Db, planId: number): Map<number, UnitBrief> {
  const rows = stmt(
    db,
    `SELECT id, code, name, phone, email FROM units
     WHERE id IN (SELECT unit_id FROM plan_units WHERE plan_id = ? UNION SELECT unit_id FROM reports WHERE plan_id = ?)`,
  ).all(planId, planId) as UnitBrief[];
  return new Map(rows.map((u) => [u.id, u]));
}

/** A plan's submission counts as tracking judges them: expected = its units plus any unit that reported; submitted =
 *  units with a report in use; late = those whose first usable report (any version not revoked) came after `due`.
 *  Submitted and late depend on the plan's reports alone: kept while its revision and `due` are the same (~8 ms a
 *  5,000-unit plan; the overview asks this of 12 plans after every change). Expected also reads the plan's list. */
export function planSubmissionCounts(db: Db, planId: number, due: string | null): { expected: number; submitted: number; late: number } {
  const { expected } = stmt(
    db,
    `SELECT COUNT(*) AS expected FROM units u
     WHERE u.id IN (SELECT unit_id FROM plan_units WHERE plan_id = @p UNION SELECT unit_id FROM reports WHERE plan_id = @p)`,
  ).get({ p: planId }) as { expected: number };
  const key = `${planRevision(db, planId)}|${due ?? ''}`;
  const kept = keptSubmitted(db);
  const hit = kept.get(planId);
  if (hit?.key === key) return { expected, ...hit.value };
  const value = stmt(
    db,
    `SELECT COUNT(*) AS submitted,
       COALESCE(SUM(CASE WHEN @due IS NOT NULL AND @due <> '' AND first_on > @due THEN 1 ELSE 0 END), 0) AS late
     FROM (SELECT (SELECT MIN(x.received_on) FROM reports x WHERE x.plan_id = r.plan_id AND x.unit_id = r.unit_id AND x.status <> 'revoked') AS first_on
           FROM reports r WHERE r.plan_id = @p AND r.status = 'active')`,
  ).get({ p: planId, due }) as { submitted: number; late: number };
  kept.set(planId, { key, value });
  return { expected, ...value };
}

const keptSubmitted = keptMaps<number, { key: string; value: { submitted: number; late: number } }>();

/** Indicators reported in a plan's reports in use that are not among its targets, in the order a walk of the values by
 *  unit then indicator meets them (the order the consolidation lists them in). Kept while the plan's reports and its
 *  targets are unchanged (the reports by its plan_data_revisions, raised by SQLite on every change to them: migration
 *  0014): the overview asks this of 12 plans after every change, ~20 ms each on a 5,000-unit plan. */
export function planExtraIndicators(db: Db, planId: number): number[] {
  const key = `${planRevision(db, planId)}|${planTargetsBrief(db, planId)
    .map((t) => t.indicatorId)
    .join(',')}`;
  const plans = keptExtra(db);
  const hit = plans.get(planId);
  if (hit?.key === key) return [...hit.ids];
  const ids = (
    stmt(
      db,
      `SELECT v.indicator_id AS id, MIN(r.unit_id) AS first_unit FROM reports r JOIN report_values v ON v.report_id = r.id
     WHERE r.plan_id = ? AND r.status = 'active' AND v.indicator_id NOT IN (SELECT indicator_id FROM plan_targets WHERE plan_id = ?)
     GROUP BY v.indicator_id ORDER BY first_unit, v.indicator_id`,
    ).all(planId, planId) as { id: number }[]
  ).map((r) => r.id);
  plans.set(planId, { key, ids });
  return [...ids];
}

const keptExtra = keptMaps<number, { key: string; ids: number[] }>();

/** Count, sum and maximum of one indicator's numbers in a plan's reports in use (one index seek per report: CROSS
 *  JOIN keeps the plan's reports outside, whatever the statistics say; read through the indicator's index instead,
 *  it visited every plan's values of that indicator, ~150 ms a call on the 5,000-unit database). Kept while the plan's
 *  reports are unchanged (its revision, as planExtraIndicators): the overview's trend asks ~50 of them. */
export function indicatorSummary(db: Db, planId: number, indicatorId: number): { n: number; sum: number; max: number | null } {
  const rev = planRevision(db, planId);
  const kept = keptSummaries(db);
  const at = `${planId}|${indicatorId}`;
  const hit = kept.get(at);
  if (hit?.rev === rev) return { ...hit.value };
  const value = stmt(
    db,
    `SELECT COUNT(v.value_num) AS n, TOTAL(v.value_num) AS sum, MAX(v.value_num) AS max
     FROM reports r CROSS JOIN report_values v ON v.report_id = r.id AND v.indicator_id = ?
     WHERE r.plan_id = ? AND r.status = 'active'`,
  ).get(indicatorId, planId) as { n: number; sum: number; max: number | null };
  kept.set(at, { rev, value });
  return { ...value };
}

const keptSummaries = keptMaps<string, { rev: number; value: { n: number; sum: number; max: number | null } }>();

/** The plan's revision: raised by SQLite on every change to its reports (plan_data_revisions, migration 0014). */
function planRevision(db: Db, planId: number): number {
  return (stmt(db, 'SELECT rev FROM plan_data_revisions WHERE plan_id = ?').get(planId) as { rev: number } | undefined)?.rev ?? 0;
}

/** The tables the view unit_record_counts counts, when it has its usual shape (a UNION ALL of `SELECT unit_id FROM t`
 *  grouped by unit_id); null for any other shape. Read from the schema, so a migration redefining the view is followed. */
function recordCountTables(db: Db): string[] | null {
  const row = stmt(db, "SELECT sql FROM sqlite_master WHERE type = 'view' AND name = 'unit_record_counts'").get() as
    { sql: string } | undefined;
  const m =
    /^CREATE VIEW unit_record_counts AS\s+SELECT unit_id, COUNT\(\*\) AS n FROM \(\s*((?:SELECT unit_id FROM [a-z_]+\s*(?:UNION ALL\s*)?)+)\)\s*GROUP BY unit_id;?\s*$/i.exec(
      row?.sql ?? '',
    );
  if (!m) return null;
  return [...m[1]!.matchAll(/SELECT unit_id FROM ([a-z_]+)/gi)].map((x) => x[1]!);
}

/** How many records refer to one unit (the view unit_record_counts for that unit): one index lookup per counted table.
 *  The view itself is not narrowed to the unit by SQLite: it counted every unit of the register, ~45 ms per unit on a
 *  5,000-unit database, and getUnit is called per unit by plan saves and unit imports. */
export function unitRecordCount(db: Db, unitId: number): number {
  const tables = recordCountTables(db);
  if (!tables)
    return (stmt(db, 'SELECT COALESCE(SUM(n), 0) AS n FROM unit_record_counts WHERE unit_id = ?').get(unitId) as { n: number }).n;
  let n = 0;
  for (const t of tables) n += (stmt(db, `SELECT COUNT(*) AS n FROM ${t} WHERE unit_id = ?`).get(unitId) as { n: number }).n;
  return n;
}

/** A plan's targets in their order, without the rest of the plan (its list of thousands of units). */
export function planTargetsBrief(
  db: Db,
  planId: number,
): { indicatorId: number; scope: 'total' | 'per_unit'; min: number | null; max: number | null }[] {
  return stmt(
    db,
    'SELECT indicator_id AS indicatorId, scope, target_min AS min, target_max AS max FROM plan_targets WHERE plan_id = ? ORDER BY position',
  ).all(planId) as { indicatorId: number; scope: 'total' | 'per_unit'; min: number | null; max: number | null }[];
}
