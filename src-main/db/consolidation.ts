// Queries behind tracking and consolidation: values and narrative of a plan's active reports (so superseded,
// held, revoked and undone reports never count), the reminders log, and the saved province cell maps.
import type { CellMapEntry, ReminderChannel } from '../contract/consolidation';
import { stmt, type Db } from './connection';

export interface ActiveValue {
  unitId: number;
  indicatorId: number;
  valueNum: number | null;
  valueText: string | null;
  value2Num: number | null;
}

/** A plan's values in use as arrays [unit_id, indicator_id, value_num, value_text, value2_num, report_id], by unit then
 *  indicator: a province-sized plan has ~240,000 of them, and arrays are read without building an object per row. */
export type ActiveValueRow = [
  unitId: number,
  indicatorId: number,
  valueNum: number | null,
  valueText: string | null,
  value2Num: number | null,
  reportId: number,
];
export function activeValueRows(db: Db, planId: number): ActiveValueRow[] {
  // its own SQL text (the comment): stmt() caches by text, and raw mode belongs to the cached statement
  return stmt(
    db,
    `/* rows as arrays */ SELECT r.unit_id, v.indicator_id, v.value_num, v.value_text, v.value2_num, r.id
     FROM reports r JOIN report_values v ON v.report_id = r.id
     WHERE r.plan_id = ? AND r.status = 'active' ORDER BY r.unit_id, v.indicator_id`,
  )
    .raw(true)
    .all(planId) as ActiveValueRow[];
}

/** One active report's numbers: its indicator ids ascending, each with its number (NaN where it has none). */
interface ReportNumbers {
  reportId: number;
  indicatorIds: Float64Array;
  nums: Float64Array;
  /** How many of its values have a text or a second number (activeExtraRows reads those). */
  extras: number;
}
/**
 * The numbers of a plan's active reports, one entry per report in unit order (reports with no value left out), each
 * report's ids and numbers read as two JSON texts made by SQLite (group_concat): better-sqlite3 makes a JavaScript value
 * of every column of every row, so a whole plan of 30,000 values read as three columns took 17–30 ms, and as 500 rows
 * of two texts, parsed here, 12–14 ms. SQLite prints a REAL exactly (the shortest text that reads back to the same
 * double: tests/db/plan-values.test.ts). Null when a text does not parse (a stored infinity prints as "Inf"): the caller
 * then reads report by report. Texts and second numbers, which few values have, come from activeExtraRows.
 */
export function activeNumbersByReport(db: Db, planId: number): ReportNumbers[] | null {
  const rows = stmt(
    db,
    `/* rows as arrays */ SELECT r.id, '[' || group_concat(v.indicator_id) || ']', '[' || group_concat(ifnull(v.value_num, 'null')) || ']',
       count(v.value_text) + count(v.value2_num)
     FROM reports r JOIN report_values v ON v.report_id = r.id
     WHERE r.plan_id = ? AND r.status = 'active' GROUP BY r.unit_id ORDER BY r.unit_id`,
  )
    .raw(true)
    .all(planId) as [number, string, string, number][];
  const out: ReportNumbers[] = [];
  try {
    for (const [reportId, idsText, numsText, extras] of rows) {
      const ids = JSON.parse(idsText) as number[];
      const numbers = JSON.parse(numsText) as (number | null)[];
      out.push({ ...inIndicatorOrder(ids, numbers), reportId, extras });
    }
  } catch {
    return null;
  }
  return out;
}

/** The report's ids and numbers as arrays, ordered by id: SQLite feeds the values in their key's order (report, then
 *  indicator), which group_concat keeps, but SQL does not promise that order, so it is checked and made if need be. */
export function inIndicatorOrder(ids: number[], numbers: (number | null)[]): { indicatorIds: Float64Array; nums: Float64Array } {
  const n = ids.length;
  let order: number[] | null = null;
  for (let k = 1; k < n; k++)
    if (ids[k - 1]! >= ids[k]!) {
      order = ids.map((_, i) => i).sort((a, b) => ids[a]! - ids[b]!);
      break;
    }
  const indicatorIds = new Float64Array(n);
  const nums = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = order ? order[k]! : k;
    indicatorIds[k] = ids[i]!;
    nums[k] = numbers[i] ?? NaN;
  }
  return { indicatorIds, nums };
}

/** The plan's values in use that have a text or a second number, as [report_id, indicator_id, value_text, value2_num]. */
type ActiveExtraRow = [reportId: number, indicatorId: number, valueText: string | null, value2Num: number | null];
export function activeExtraRows(db: Db, planId: number): ActiveExtraRow[] {
  return stmt(
    db,
    `/* rows as arrays */ SELECT r.id, v.indicator_id, v.value_text, v.value2_num
     FROM reports r JOIN report_values v ON v.report_id = r.id
     WHERE r.plan_id = ? AND r.status = 'active' AND (v.value_text IS NOT NULL OR v.value2_num IS NOT NULL)`,
  )
    .raw(true)
    .all(planId) as ActiveExtraRow[];
}

/** The same values as objects, for the callers that look them up by unit and indicator. */
export function activeValues(db: Db, planId: number): ActiveValue[] {
  return activeValueRows(db, planId).map(([unitId, indicatorId, valueNum, valueText, value2Num]) => ({
    unitId,
    indicatorId,
    valueNum,
    valueText,
    value2Num,
  }));
}

/** Per indicator, the count, sum and maximum of the numbers in a plan's active reports (a whole plan's totals). */
export function activeSummaries(db: Db, planId: number): { indicatorId: number; n: number; sum: number; max: number }[] {
  return stmt(
    db,
    `SELECT v.indicator_id AS indicatorId, COUNT(v.value_num) AS n, TOTAL(v.value_num) AS sum, MAX(v.value_num) AS max
     FROM reports r JOIN report_values v ON v.report_id = r.id
     WHERE r.plan_id = ? AND r.status = 'active' AND v.value_num IS NOT NULL GROUP BY v.indicator_id`,
  ).all(planId) as { indicatorId: number; n: number; sum: number; max: number }[];
}

export function activeNarrative(db: Db, planId: number): { unitId: number; heading: string; text: string }[] {
  return stmt(
    db,
    `SELECT r.unit_id AS unitId, n.heading, n.text FROM reports r JOIN report_narrative n ON n.report_id = r.id
     WHERE r.plan_id = ? AND r.status = 'active' AND trim(n.text) <> '' ORDER BY r.unit_id, n.position`,
  ).all(planId) as { unitId: number; heading: string; text: string }[];
}

interface ReminderRow {
  id: number;
  unit: { id: number; code: string; name: string };
  sentOn: string;
  channel: ReminderChannel;
  number: string | null;
  note: string | null;
}

export function addReminder(
  db: Db,
  planId: number,
  unitId: number,
  r: { sentOn: string; channel: ReminderChannel; number: string | null; note: string | null },
  now: string,
): void {
  stmt(db, 'INSERT INTO reminders (plan_id, unit_id, sent_on, channel, number, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    planId,
    unitId,
    r.sentOn,
    r.channel,
    r.number,
    r.note,
    now,
  );
}

/** The plan's reminders (one unit's, or all), newest first, each with its unit's code and name (one query). */
export function remindersOf(db: Db, planId: number, unitId: number | null): ReminderRow[] {
  const rows = stmt(
    db,
    `SELECT r.id, r.unit_id AS unitId, u.code, u.name, r.sent_on AS sentOn, r.channel, r.number, r.note
     FROM reminders r JOIN units u ON u.id = r.unit_id
     WHERE r.plan_id = ? AND (? IS NULL OR r.unit_id = ?) ORDER BY r.sent_on DESC, r.id DESC`,
  ).all(planId, unitId, unitId) as (Omit<ReminderRow, 'unit'> & { unitId: number; code: string; name: string })[];
  return rows.map(({ unitId: id, code, name, ...r }) => ({ ...r, unit: { id, code, name } }));
}

/** Per unit: how many reminders and the latest date, for one plan. */
export function reminderCounts(db: Db, planId: number): Map<number, { n: number; last: string }> {
  const rows = stmt(db, 'SELECT unit_id, COUNT(*) AS n, MAX(sent_on) AS last FROM reminders WHERE plan_id = ? GROUP BY unit_id').all(
    planId,
  ) as {
    unit_id: number;
    n: number;
    last: string;
  }[];
  return new Map(rows.map((r) => [r.unit_id, { n: r.n, last: r.last }]));
}

export const LAST_SAVED_MAP = 0;

export function cellMapOf(db: Db, planId: number): CellMapEntry[] {
  return stmt(db, 'SELECT indicator_code AS code, measure, sheet, cell FROM upward_cell_maps WHERE plan_id = ? ORDER BY sheet, cell').all(
    planId,
  ) as CellMapEntry[];
}

/** Replace the plan's map and keep a copy as the "last saved" map offered to other plans. Caller wraps in a transaction. */
export function saveCellMap(db: Db, planId: number, entries: CellMapEntry[]): void {
  const ins = stmt(db, 'INSERT OR REPLACE INTO upward_cell_maps (plan_id, indicator_code, measure, sheet, cell) VALUES (?, ?, ?, ?, ?)');
  for (const id of [planId, LAST_SAVED_MAP]) {
    stmt(db, 'DELETE FROM upward_cell_maps WHERE plan_id = ?').run(id);
    for (const e of entries) ins.run(id, e.code, e.measure, e.sheet, e.cell);
  }
}

/** Whether some report in use of the plan is an upper-level unit's with a stored document: the only reports the
 *  province view reads a package from (features/province-view.ts); without one it has no district to show. */
export function planHasUpperLevelDocuments(db: Db, planId: number): boolean {
  const row = stmt(
    db,
    `SELECT EXISTS (SELECT 1 FROM reports r JOIN units u ON u.id = r.unit_id
       WHERE r.plan_id = ? AND r.status = 'active' AND r.document_id IS NOT NULL AND u.kind = 'cap_tren') AS yes`,
  ).get(planId) as { yes: number };
  return row.yes === 1;
}
