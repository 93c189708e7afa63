// Reports aggregate: versions per plan x unit (one active), values, narrative, batches and remembered
// label mappings. Which version is active is recomputed from the rows, never kept in a counter.
import { stmt, type Db } from './connection';

export type ReportStatus = 'active' | 'superseded' | 'held' | 'revoked';

export interface ReportRow {
  id: number; plan_id: number; unit_id: number; batch_id: number | null; version: number; status: ReportStatus;
  received_on: string; channel: string; file_name: string | null; file_sha256: string | null; reader: string | null;
  title: string | null; period_label: string | null; unit_name_in_file: string | null; issues: string; created_at: string;
  /** When the user chose this (held) report to be the one in use; null when never chosen. */
  chosen_at: string | null;
  /** A hand-entered version: how the unit sent it (paper, phone, zalo, email); null for imported files. */
  received_via?: string | null;
}

export interface NewReport {
  planId: number; unitId: number; batchId: number | null; status: ReportStatus; receivedOn: string; channel: string;
  fileName: string | null; sha256: string | null; documentId: number | null; reader: string | null; title: string | null;
  periodLabel: string | null; unitNameInFile: string | null; issues: unknown[];
}

export interface NewValue {
  indicatorId: number; valueNum: number | null; valueText: string | null; value2: number | null; note: string | null; cell: string | null;
}

export function reportsOf(db: Db, planId: number, unitId: number): ReportRow[] {
  return stmt(db, 'SELECT * FROM reports WHERE plan_id = ? AND unit_id = ? ORDER BY version').all(planId, unitId) as ReportRow[];
}

/** Every report of a plan by unit, each unit's versions in order: one query for the report list and the tracking board. */
export function reportsByUnit(db: Db, planId: number): Map<number, ReportRow[]> {
  const out = new Map<number, ReportRow[]>();
  for (const r of stmt(db, 'SELECT * FROM reports WHERE plan_id = ? ORDER BY unit_id, version').all(planId) as ReportRow[]) {
    const list = out.get(r.unit_id);
    if (list) list.push(r);
    else out.set(r.unit_id, [r]);
  }
  return out;
}

export function getReport(db: Db, id: number): ReportRow | undefined {
  return stmt(db, 'SELECT * FROM reports WHERE id = ?').get(id) as ReportRow | undefined;
}

export function activeReport(db: Db, planId: number, unitId: number): ReportRow | undefined {
  return stmt(db, "SELECT * FROM reports WHERE plan_id = ? AND unit_id = ? AND status = 'active'").get(planId, unitId) as ReportRow | undefined;
}

/** A non-revoked report of this plan with the same file bytes (same bytes twice = no-op). */
export function reportWithHash(db: Db, planId: number, sha256: string): ReportRow | undefined {
  return stmt(db, "SELECT * FROM reports WHERE plan_id = ? AND file_sha256 = ? AND status <> 'revoked' LIMIT 1").get(planId, sha256) as
    | ReportRow
    | undefined;
}

export function insertReport(db: Db, r: NewReport, values: NewValue[], narrative: { heading: string; text: string }[], now: string): number {
  const version =
    ((stmt(db, 'SELECT MAX(version) AS v FROM reports WHERE plan_id = ? AND unit_id = ?').get(r.planId, r.unitId) as { v: number | null }).v ?? 0) + 1;
  const id = Number(
    stmt(db,
      `INSERT INTO reports (plan_id, unit_id, batch_id, version, status, received_on, channel, file_name, file_sha256, document_id, reader,
         title, period_label, unit_name_in_file, issues, created_at)
       VALUES (@planId, @unitId, @batchId, @version, @status, @receivedOn, @channel, @fileName, @sha256, @documentId, @reader,
         @title, @periodLabel, @unitNameInFile, @issues, @now)`,
    ).run({ ...r, version, issues: JSON.stringify(r.issues), now }).lastInsertRowid,
  );
  // Several rows per statement: one call into SQLite per chunk instead of per row (an import writes ~100,000).
  for (let at = 0; at < values.length; at += ROWS_PER_INSERT) {
    const chunk = values.slice(at, at + ROWS_PER_INSERT);
    stmt(db, `INSERT INTO report_values (report_id, indicator_id, value_num, value_text, value2_num, note, source_cell) VALUES ${rowsOf(chunk.length, 7)}`)
      .run(chunk.flatMap((v) => [id, v.indicatorId, v.valueNum, v.valueText, v.value2, v.note, v.cell]));
  }
  for (let at = 0; at < narrative.length; at += ROWS_PER_INSERT) {
    const chunk = narrative.slice(at, at + ROWS_PER_INSERT);
    stmt(db, `INSERT INTO report_narrative (report_id, position, heading, text) VALUES ${rowsOf(chunk.length, 4)}`)
      .run(chunk.flatMap((n, i) => [id, at + i, n.heading, n.text]));
  }
  return id;
}

/** Rows per multi-row INSERT (7 columns x 32 rows stays far below SQLite's bound-parameter limit). */
const ROWS_PER_INSERT = 32;
const rowsSql = new Map<number, string>();
/** "(?, ?), (?, ?)" for `rows` rows of `cols` placeholders, built once per shape (the statement cache keys on it). */
function rowsOf(rows: number, cols: number): string {
  const key = rows * 64 + cols;
  let sql = rowsSql.get(key);
  if (sql === undefined) {
    const one = `(${new Array<string>(cols).fill('?').join(', ')})`;
    sql = new Array<string>(rows).fill(one).join(', ');
    rowsSql.set(key, sql);
  }
  return sql;
}

/**
 * Elect the active report of a plan x unit among its non-held, non-revoked ones and mark the others superseded.
 * Called after every insert, undo and decision. The rule:
 * - with no choice on record, the newest wins: latest received date, then highest version;
 * - when the user chose a report ('reports.decideHeld' activate, `chosen_at`), the most recently chosen one that
 *   is not revoked wins over every report imported (created) before that choice, so a later import of another
 *   unit's file or an undo touching this unit does not silently undo the choice;
 * - a report imported after the choice competes with the chosen one by received date (then version): a genuinely
 *   newer report wins again. (An import older than the report in use is held by commit and never competes.)
 */
export function recomputeActive(db: Db, planId: number, unitId: number): void {
  const rows = stmt(db,
    `SELECT id, received_on, version, created_at, chosen_at FROM reports
     WHERE plan_id = ? AND unit_id = ? AND status IN ('active', 'superseded')`,
  ).all(planId, unitId) as { id: number; received_on: string; version: number; created_at: string; chosen_at: string | null }[];
  const chosen = rows.filter((r) => r.chosen_at !== null).sort((a, b) => (b.chosen_at as string).localeCompare(a.chosen_at as string))[0];
  const pool = chosen ? [chosen, ...rows.filter((r) => r !== chosen && r.created_at > (chosen.chosen_at as string))] : rows;
  const winner = pool.sort((a, b) => b.received_on.localeCompare(a.received_on) || b.version - a.version)[0];
  stmt(db, "UPDATE reports SET status = 'superseded' WHERE plan_id = ? AND unit_id = ? AND status = 'active'").run(planId, unitId);
  if (winner) stmt(db, "UPDATE reports SET status = 'active' WHERE id = ?").run(winner.id);
}

/** The user chose this held report: it leaves 'held', is stamped `chosen_at`, and the active one is re-elected. */
export function chooseReport(db: Db, id: number, now: string): void {
  const r = getReport(db, id);
  if (!r) return;
  stmt(db, "UPDATE reports SET status = 'superseded', chosen_at = ? WHERE id = ?").run(now, id);
  recomputeActive(db, r.plan_id, r.unit_id);
}

export function setReportStatus(db: Db, id: number, status: ReportStatus): void {
  stmt(db, 'UPDATE reports SET status = ? WHERE id = ?').run(status, id);
}

/** A new batch marked as running with the names of its files, until finishBatch writes its summary. */
export function createBatch(db: Db, planId: number, fileNames: string[], now: string): number {
  const summary = JSON.stringify({ state: 'running', files: fileNames });
  return Number(stmt(db, 'INSERT INTO import_batches (plan_id, created_at, file_count, summary) VALUES (?, ?, ?, ?)').run(planId, now, fileNames.length, summary).lastInsertRowid);
}

export function finishBatch(db: Db, id: number, summary: unknown): void {
  stmt(db, 'UPDATE import_batches SET summary = ? WHERE id = ?').run(JSON.stringify(summary), id);
}

export interface BatchRow {
  id: number; planId: number; createdAt: string; fileCount: number; status: 'committed' | 'undone'; imported: number;
  /** Started but never finished (a crash, a full disk): its summary was never written. */
  interrupted: boolean;
  /** For an interrupted batch, the files of the batch that are not in the data. */
  notIn: string[];
}

export function listBatches(db: Db, planId: number): BatchRow[] {
  const rows = db
    .prepare(
      `SELECT b.id, b.plan_id AS planId, b.created_at AS createdAt, b.file_count AS fileCount, b.status, b.summary,
              (SELECT COUNT(*) FROM reports r WHERE r.batch_id = b.id) AS imported
       FROM import_batches b WHERE b.plan_id = ? ORDER BY b.id DESC`,
    )
    .all(planId) as (Omit<BatchRow, 'interrupted' | 'notIn'> & { summary: string })[];
  return rows.map(({ summary, ...b }) => {
    const s = JSON.parse(summary) as { state?: string; files?: unknown };
    if (s.state !== 'running') return { ...b, interrupted: false, notIn: [] };
    const files = Array.isArray(s.files) ? s.files.filter((f): f is string => typeof f === 'string') : [];
    const inData = new Set((stmt(db, 'SELECT file_name FROM reports WHERE batch_id = ?').all(b.id) as { file_name: string | null }[]).map((r) => r.file_name));
    return { ...b, interrupted: true, notIn: files.filter((f) => !inData.has(f)) };
  });
}

export function getBatch(db: Db, id: number) {
  return stmt(db, 'SELECT id, plan_id AS planId, status FROM import_batches WHERE id = ?').get(id) as
    | { id: number; planId: number; status: 'committed' | 'undone' }
    | undefined;
}

/** Revoke every report of a batch and re-elect the active versions it had replaced. Returns how many. */
export function undoBatch(db: Db, batchId: number, now: string): number {
  const rows = stmt(db, "SELECT id, plan_id, unit_id FROM reports WHERE batch_id = ? AND status <> 'revoked'").all(batchId) as {
    id: number; plan_id: number; unit_id: number;
  }[];
  for (const r of rows) setReportStatus(db, r.id, 'revoked');
  for (const r of rows) recomputeActive(db, r.plan_id, r.unit_id);
  stmt(db, "UPDATE import_batches SET status = 'undone', undone_at = ? WHERE id = ?").run(now, batchId);
  return rows.length;
}

export function rememberedMappings(db: Db, unitId: number): Map<string, number> {
  const rows = stmt(db, 'SELECT label_key, indicator_id FROM label_mappings WHERE unit_id IN (0, ?) ORDER BY unit_id').all(unitId) as {
    label_key: string; indicator_id: number;
  }[];
  return new Map(rows.map((r) => [r.label_key, r.indicator_id]));
}

export function rememberMapping(db: Db, unitId: number, labelKey: string, indicatorId: number, now: string): void {
  stmt(db,
    `INSERT INTO label_mappings (unit_id, label_key, indicator_id, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (unit_id, label_key) DO UPDATE SET indicator_id = excluded.indicator_id, updated_at = excluded.updated_at`,
  ).run(unitId, labelKey, indicatorId, now);
}

export interface ValueRow {
  indicator_id: number; value_num: number | null; value_text: string | null; value2_num: number | null; note: string | null;
  source_cell: string | null; edited: number;
}

export function valuesOf(db: Db, reportId: number): ValueRow[] {
  return stmt(db, 'SELECT * FROM report_values WHERE report_id = ?').all(reportId) as ValueRow[];
}

export function narrativeOf(db: Db, reportId: number): { heading: string; text: string }[] {
  return stmt(db, 'SELECT heading, text FROM report_narrative WHERE report_id = ? ORDER BY position').all(reportId) as {
    heading: string; text: string;
  }[];
}

export function setValue(db: Db, reportId: number, indicatorId: number, num: number | null, text: string | null, note: string | null, value2: number | null = null): void {
  stmt(db,
    `INSERT INTO report_values (report_id, indicator_id, value_num, value_text, value2_num, note, edited) VALUES (?, ?, ?, ?, ?, ?, 1)
     ON CONFLICT (report_id, indicator_id) DO UPDATE SET value_num = excluded.value_num, value_text = excluded.value_text,
       value2_num = excluded.value2_num, note = COALESCE(excluded.note, report_values.note), edited = 1`,
  ).run(reportId, indicatorId, num, text, value2, note);
}

/** Append one issue (e.g. a value confirmed with a reason) to a report's issues. */
export function addReportIssue(db: Db, reportId: number, issue: Record<string, unknown>): void {
  stmt(db, 'UPDATE reports SET issues = json_insert(issues, \'$[#]\', json(?)) WHERE id = ?').run(JSON.stringify(issue), reportId);
}
