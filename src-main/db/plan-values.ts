// The values of a plan's active reports, kept per report and read from the database again only for the reports that
// are new or changed since (a report's values change only through edits, which raise reports.values_rev: migration
// 0013). Tổng hợp walks them after every change: re-reading all 237,520 values of a 5,000-unit plan took ~250 ms.
import { stmt, type Db } from './connection';
import { activeExtraRows, activeNumbersByReport, activeSummaries, type ActiveValueRow } from './consolidation';
import { keptMaps } from './kept-scope';
import { inReadSnapshot } from './read-connection';

/** One active report's values, ordered by indicator id; a null number is NaN (SQLite stores no NaN: it makes it NULL). */
export interface ReportValues {
  reportId: number;
  unitId: number;
  indicatorIds: Float64Array; // ids as SQLite gives them (an Int32Array would wrap one past 2^31)
  nums: Float64Array;
  texts: (string | null)[] | null; // null when the report has no text value at all
  nums2: Float64Array | null; // null when the report has no second number at all
}

/** [id, unit_id, created_at, values_rev] of a plan's active reports, by unit: what says whether a kept entry is current. */
type StampRow = [id: number, unitId: number, createdAt: string, rev: number];

interface Kept {
  unitId: number;
  createdAt: string;
  rev: number;
  values: ReportValues;
}

const KEEP_PLANS = 3;
/** Per connection's scope, per plan (most recently used last), per report id. */
const plansOf = keptMaps<number, Map<number, Kept>>();

/** `value` kept as the most recent plan's of `map`, the least recent let go past KEEP_PLANS. */
function keepRecent<V>(map: Map<number, V>, planId: number, value: V): void {
  map.delete(planId);
  map.set(planId, value);
  for (const id of map.keys()) if (map.size > KEEP_PLANS) map.delete(id);
}

/** A number as kept here: NaN stands for no number (SQLite stores no NaN: it makes it NULL). */
export const numberOrNull = (x: number): number | null => (x === x ? x : null);

/** Reports missing from the kept ones above which the whole plan is read in one query rather than report by report. */
const READ_WHOLE_PLAN = 48;

const current = (k: Kept | undefined, r: StampRow): k is Kept => !!k && k.unitId === r[1] && k.createdAt === r[2] && k.rev === r[3];

function stampRows(db: Db, planId: number): StampRow[] {
  return stmt(
    db,
    `/* rows as arrays */ SELECT id, unit_id, created_at, values_rev FROM reports
     WHERE plan_id = ? AND status = 'active' ORDER BY unit_id`,
  )
    .raw(true)
    .all(planId) as StampRow[];
}

const sameStamps = (a: StampRow[], b: StampRow[]): boolean =>
  a.length === b.length && a.every((r, i) => r[0] === b[i]![0] && r[1] === b[i]![1] && r[2] === b[i]![2] && r[3] === b[i]![3]);

/** One report's values from its rows (ordered by indicator) as they are read report by report. */
function build(reportId: number, unitId: number, rows: ActiveValueRow[]): ReportValues {
  const n = rows.length;
  const indicatorIds = new Float64Array(n);
  const nums = new Float64Array(n);
  let texts: (string | null)[] | null = null;
  let nums2: Float64Array | null = null;
  for (let k = 0; k < n; k++) {
    const [, indicatorId, num, text, num2] = rows[k]!;
    indicatorIds[k] = indicatorId;
    nums[k] = num ?? NaN;
    if (text !== null) (texts ??= new Array<string | null>(n).fill(null))[k] = text;
    if (num2 !== null) (nums2 ??= new Float64Array(n).fill(NaN))[k] = num2;
  }
  return { reportId, unitId, indicatorIds, nums, texts, nums2 };
}

/**
 * The reports `want` picks among the whole plan's values (numbers: one entry per report in unit order; then the few
 * texts and second numbers), each made into its ReportValues (`unitOf`: each report's unit). False when the numbers
 * could not be read whole (activeNumbersByReport): nothing is in `out` then, and the caller reads report by report.
 */
function readWholePlan(
  db: Db,
  planId: number,
  unitOf: Map<number, number>,
  want: (reportId: number) => boolean,
  out: Map<number, ReportValues>,
): boolean {
  const whole = activeNumbersByReport(db, planId);
  if (!whole) return false;
  let extras = 0;
  for (const { reportId, indicatorIds, nums, extras: n } of whole)
    if (want(reportId)) {
      out.set(reportId, { reportId, unitId: unitOf.get(reportId)!, indicatorIds, nums, texts: null, nums2: null });
      extras += n;
    }
  if (extras > 0) readExtras(db, planId, out);
  return true;
}

/** The texts and second numbers of the plan's values put in place in the reports of `out`. */
function readExtras(db: Db, planId: number, out: Map<number, ReportValues>): void {
  for (const [reportId, indicatorId, text, num2] of activeExtraRows(db, planId)) {
    const v = out.get(reportId);
    if (!v) continue;
    const k = indexIn(v.indicatorIds, indicatorId);
    const n = v.indicatorIds.length;
    if (text !== null) (v.texts ??= new Array<string | null>(n).fill(null))[k] = text;
    if (num2 !== null) (v.nums2 ??= new Float64Array(n).fill(NaN))[k] = num2;
  }
}

/** Where `id` is in the ascending `ids` (it is there: both come from the same rows). */
function indexIn(ids: Float64Array, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The values of the plan's active reports, one entry per report in unit order, each ordered by indicator: the order
 * of `ORDER BY r.unit_id, v.indicator_id` over the plan's active reports, which the consolidation's sums follow.
 */
export function planReportValues(db: Db, planId: number): ReportValues[] {
  // one read snapshot for the stamps and the values (a worker's connection may see another's commit in between)
  return inReadSnapshot(db, () => readPlanValues(db, planId));
}

function readPlanValues(db: Db, planId: number): ReportValues[] {
  const stamps = stampRows(db, planId);
  const plans = plansOf(db);
  const before = plans.get(planId) ?? new Map<number, Kept>();
  const now = new Map<number, Kept>();
  const missing: StampRow[] = [];
  for (const r of stamps) {
    const k = before.get(r[0]);
    if (current(k, r)) now.set(r[0], k);
    else missing.push(r);
  }
  if (missing.length) {
    const ids = new Set(missing.map((r) => r[0]));
    const read = new Map<number, ReportValues>();
    const whole =
      missing.length > READ_WHOLE_PLAN && readWholePlan(db, planId, new Map(stamps.map((r) => [r[0], r[1]])), (id) => ids.has(id), read);
    if (!whole) {
      const one = stmt(
        db,
        `/* rows as arrays */ SELECT ?, indicator_id, value_num, value_text, value2_num, report_id
         FROM report_values WHERE report_id = ? ORDER BY indicator_id`,
      ).raw(true);
      for (const r of missing) {
        const rows = one.all(r[1], r[0]) as ActiveValueRow[];
        if (rows.length) read.set(r[0], build(r[0], r[1], rows));
      }
    }
    const empty = new Float64Array(0);
    for (const r of missing) {
      const values = read.get(r[0]) ?? {
        reportId: r[0],
        unitId: r[1],
        indicatorIds: empty,
        nums: empty,
        texts: null,
        nums2: null,
      };
      now.set(r[0], { unitId: r[1], createdAt: r[2], rev: r[3], values });
    }
  }
  keepRecent(plans, planId, now); // the plan's entries now hold only its active reports
  return stamps.map((r) => now.get(r[0])!.values);
}

const summariesOf = keptMaps<number, { stamps: StampRow[]; value: ReturnType<typeof activeSummaries> }>();

/** activeSummaries of the plan, computed again only when its active values changed (the "cùng kỳ" plan of Tổng hợp). */
export function keptActiveSummaries(db: Db, planId: number): ReturnType<typeof activeSummaries> {
  return inReadSnapshot(db, () => {
    const stamps = stampRows(db, planId);
    const byPlan = summariesOf(db);
    const hit = byPlan.get(planId);
    if (hit && sameStamps(hit.stamps, stamps)) return hit.value;
    const value = activeSummaries(db, planId);
    keepRecent(byPlan, planId, { stamps, value });
    return value;
  });
}
