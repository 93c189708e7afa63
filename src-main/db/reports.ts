// Reports aggregate: versions per plan x unit (one active), values, narrative, batches and remembered
// label mappings. Which version is active is recomputed from the rows, never kept in a counter. Reads return
// camelCase types (issues parsed, enums typed by the contract); the SQL rows never leave this module.
import type { ReportIssue } from '../contract/parsed-report';
import type { BatchInfo, ReportStatus } from '../contract/reports';
import type { ChannelId } from '../contract/report-labels';
import type { EntryViaId } from '../contract/entry-labels';
import { stmt, type Db } from './connection';
import { packedViews, type PackedUtf8 } from '../bytes/utf8-pack';

export type { ReportStatus };

/** One stored report version, as the features use it (camelCase; `issues` parsed; enums typed by the contract). */
export interface StoredReport {
  id: number;
  planId: number;
  unitId: number;
  batchId: number | null;
  version: number;
  status: ReportStatus;
  receivedOn: string;
  channel: ChannelId;
  fileName: string | null;
  sha256: string | null;
  documentId: number | null;
  reader: string | null;
  title: string | null;
  periodLabel: string | null;
  unitNameInFile: string | null;
  /** What the reader and the checks found, plus values confirmed with a reason (rule 'confirmed'). */
  issues: StoredIssue[];
  createdAt: string;
  /** When the user chose this (held) report to be the one in use; null when never chosen. */
  chosenAt: string | null;
  /** A hand-entered version: how the unit sent it (paper, phone, zalo, email); null for imported files. */
  receivedVia: EntryViaId | null;
}

/** A report version in a list or a check: everything but its issues, which are counted (report list, version line, import). */
type ReportVersion = Omit<StoredReport, 'issues'> & { issueCount: number };

/** An issue as kept in `reports.issues`: the reader's issue, sometimes with the rule and indicator it is about. */
export type StoredIssue = ReportIssue & { rule?: string; indicatorId?: number };

/** The `reports` columns as SQLite returns them (never leaves this module). */
interface ReportSqlRow {
  id: number;
  plan_id: number;
  unit_id: number;
  batch_id: number | null;
  version: number;
  status: ReportStatus;
  received_on: string;
  channel: ChannelId;
  file_name: string | null;
  file_sha256: string | null;
  document_id: number | null;
  reader: string | null;
  title: string | null;
  period_label: string | null;
  unit_name_in_file: string | null;
  created_at: string;
  chosen_at: string | null;
  received_via: EntryViaId | null;
}

const VERSION_COLUMNS = `id, plan_id, unit_id, batch_id, version, status, received_on, channel, file_name, file_sha256, document_id,
  reader, title, period_label, unit_name_in_file, created_at, chosen_at, received_via`;
const REPORT_COLUMNS = `${VERSION_COLUMNS}, issues`;
/** How many issues parseIssues keeps (objects with a text message), counted by SQLite without parsing in JS. */
const ISSUE_COUNT = `(SELECT COUNT(*) FROM json_each(reports.issues) j
  WHERE CASE WHEN j.type = 'object' THEN json_type(j.value, '$.message') END = 'text') AS issue_count`;

/** The issues column is JSON (CHECK json_valid) written by the app: an array of issues, each with its message. */
export function parseIssues(json: string): StoredIssue[] {
  const v = JSON.parse(json) as unknown;
  return Array.isArray(v)
    ? v.filter((i): i is StoredIssue => typeof i === 'object' && i !== null && typeof (i as { message?: unknown }).message === 'string')
    : [];
}

type VersionSqlRow = ReportSqlRow & { issue_count: number };
type FullSqlRow = ReportSqlRow & { issues: string };

/** The fields every read gives, by their camelCase names. */
function fields(r: ReportSqlRow): Omit<StoredReport, 'issues'> {
  return {
    id: r.id,
    planId: r.plan_id,
    unitId: r.unit_id,
    batchId: r.batch_id,
    version: r.version,
    status: r.status,
    receivedOn: r.received_on,
    channel: r.channel,
    fileName: r.file_name,
    sha256: r.file_sha256,
    documentId: r.document_id,
    reader: r.reader,
    title: r.title,
    periodLabel: r.period_label,
    unitNameInFile: r.unit_name_in_file,
    createdAt: r.created_at,
    chosenAt: r.chosen_at,
    receivedVia: r.received_via,
  };
}
const toVersion = (r: VersionSqlRow): ReportVersion => ({ ...fields(r), issueCount: r.issue_count });
const toReport = (r: FullSqlRow): StoredReport => ({ ...fields(r), issues: parseIssues(r.issues) });

interface NewReport {
  planId: number;
  unitId: number;
  batchId: number | null;
  status: ReportStatus;
  receivedOn: string;
  channel: string;
  fileName: string | null;
  sha256: string | null;
  documentId: number | null;
  reader: string | null;
  title: string | null;
  periodLabel: string | null;
  unitNameInFile: string | null;
  issues: unknown[];
}

export interface NewValue {
  indicatorId: number;
  valueNum: number | null;
  valueText: string | null;
  value2: number | null;
  note: string | null;
  cell: string | null;
}

/** A plan × unit's versions in order (without their issues, counted). */
export function reportsOf(db: Db, planId: number, unitId: number): ReportVersion[] {
  return (
    stmt(db, `SELECT ${VERSION_COLUMNS}, ${ISSUE_COUNT} FROM reports WHERE plan_id = ? AND unit_id = ? ORDER BY version`).all(
      planId,
      unitId,
    ) as VersionSqlRow[]
  ).map(toVersion);
}

/** What the report list and the tracking board read of each version (a 5,000-unit plan's whole rows took ~35 ms). */
type ReportBrief = Pick<
  ReportVersion,
  'id' | 'unitId' | 'version' | 'status' | 'receivedOn' | 'channel' | 'receivedVia' | 'fileName' | 'chosenAt' | 'issueCount'
>;
type BriefRow = [
  number,
  number,
  number,
  ReportStatus,
  string,
  ReportVersion['channel'],
  ReportVersion['receivedVia'],
  string | null,
  string | null,
  number,
];

/** Every report of a plan by unit, each unit's versions in order: one query for the report list and the tracking board. */
export function reportsByUnit(db: Db, planId: number): Map<number, ReportBrief[]> {
  const out = new Map<number, ReportBrief[]>();
  const rows = stmt(
    db,
    `/* rows as arrays */ SELECT id, unit_id, version, status, received_on, channel, received_via, file_name, chosen_at, ${ISSUE_COUNT}
     FROM reports WHERE plan_id = ? ORDER BY unit_id, version`,
  )
    .raw(true)
    .all(planId) as BriefRow[];
  for (const [id, unitId, version, status, receivedOn, channel, receivedVia, fileName, chosenAt, issueCount] of rows) {
    const r: ReportBrief = { id, unitId, version, status, receivedOn, channel, receivedVia, fileName, chosenAt, issueCount };
    const list = out.get(unitId);
    if (list) list.push(r);
    else out.set(unitId, [r]);
  }
  return out;
}

export function getReport(db: Db, id: number): StoredReport | undefined {
  const r = stmt(db, `SELECT ${REPORT_COLUMNS} FROM reports WHERE id = ?`).get(id) as FullSqlRow | undefined;
  return r && toReport(r);
}

/** The version in use of a plan × unit (issues counted, not parsed: imports ask this once per file). */
export function activeReport(db: Db, planId: number, unitId: number): ReportVersion | undefined {
  const r = stmt(db, `SELECT ${VERSION_COLUMNS}, ${ISSUE_COUNT} FROM reports WHERE plan_id = ? AND unit_id = ? AND status = 'active'`).get(
    planId,
    unitId,
  ) as VersionSqlRow | undefined;
  return r && toVersion(r);
}

/** A non-revoked report of this plan with the same file bytes (same bytes twice = no-op). */
export function reportWithHash(db: Db, planId: number, sha256: string): ReportVersion | undefined {
  const r = stmt(
    db,
    `SELECT ${VERSION_COLUMNS}, ${ISSUE_COUNT} FROM reports WHERE plan_id = ? AND file_sha256 = ? AND status <> 'revoked' LIMIT 1`,
  ).get(planId, sha256) as VersionSqlRow | undefined;
  return r && toVersion(r);
}

export function insertReport(
  db: Db,
  r: NewReport,
  values: NewValue[],
  /** Sections, or their headings and texts packed as UTF-8 (heading, text, heading, text…: bytes/utf8-pack.ts). */
  narrative: { heading: string; text: string }[] | PackedUtf8,
  now: string,
): number {
  const version =
    ((stmt(db, 'SELECT MAX(version) AS v FROM reports WHERE plan_id = ? AND unit_id = ?').get(r.planId, r.unitId) as { v: number | null })
      .v ?? 0) + 1;
  const id = Number(
    stmt(
      db,
      `INSERT INTO reports (plan_id, unit_id, batch_id, version, status, received_on, channel, file_name, file_sha256, document_id, reader,
         title, period_label, unit_name_in_file, issues, created_at)
       VALUES (@planId, @unitId, @batchId, @version, @status, @receivedOn, @channel, @fileName, @sha256, @documentId, @reader,
         @title, @periodLabel, @unitNameInFile, @issues, @now)`,
    ).run({ ...r, version, issues: JSON.stringify(r.issues), now }).lastInsertRowid,
  );
  // Several rows per statement: one call into SQLite per chunk instead of per row (an import writes ~100,000).
  for (let at = 0; at < values.length; at += ROWS_PER_INSERT) {
    const chunk = values.slice(at, at + ROWS_PER_INSERT);
    stmt(
      db,
      `INSERT INTO report_values (report_id, indicator_id, value_num, value_text, value2_num, note, source_cell) VALUES ${rowsOf(chunk.length, ROW7)}`,
    ).run(chunk.flatMap((v) => [id, v.indicatorId, v.valueNum, v.valueText, v.value2, v.note, v.cell]));
  }
  // UTF-8 bytes from the parse worker are stored as they are (CAST: SQLite's text is UTF-8; no conversion here)
  const texts = Array.isArray(narrative) ? narrative.flatMap((n) => [n.heading, n.text]) : packedViews(narrative);
  const row = Array.isArray(narrative) ? ROW4 : ROW4_UTF8;
  for (let at = 0; at < texts.length / 2; at += ROWS_PER_INSERT) {
    const n = Math.min(ROWS_PER_INSERT, texts.length / 2 - at);
    const params: unknown[] = [];
    for (let i = 0; i < n; i++) params.push(id, at + i, texts[2 * (at + i)], texts[2 * (at + i) + 1]);
    stmt(db, `INSERT INTO report_narrative (report_id, position, heading, text) VALUES ${rowsOf(n, row)}`).run(params);
  }
  return id;
}

/** Rows per multi-row INSERT (7 columns x 32 rows stays far below SQLite's bound-parameter limit). */
const ROWS_PER_INSERT = 32;
const ROW4 = '(?, ?, ?, ?)';
/** A narrative row whose heading and text are bound as UTF-8 bytes: stored as text, byte for byte (SQLite's text is UTF-8). */
const ROW4_UTF8 = '(?, ?, CAST(? AS TEXT), CAST(? AS TEXT))';
const ROW7 = '(?, ?, ?, ?, ?, ?, ?)';
const rowsSql = new Map<string, string[]>();
/** `rows` copies of one row's placeholders, "(?, ?), (?, ?)", built once per shape (the statement cache keys on it). */
function rowsOf(rows: number, row: string): string {
  let byCount = rowsSql.get(row);
  if (!byCount) rowsSql.set(row, (byCount = []));
  return (byCount[rows] ??= new Array<string>(rows).fill(row).join(', '));
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
  const rows = stmt(
    db,
    `SELECT id, status, received_on, version, created_at, chosen_at FROM reports
     WHERE plan_id = ? AND unit_id = ? AND status IN ('active', 'superseded')`,
  ).all(planId, unitId) as {
    id: number;
    status: 'active' | 'superseded';
    received_on: string;
    version: number;
    created_at: string;
    chosen_at: string | null;
  }[];
  const chosen = rows.filter((r) => r.chosen_at !== null).sort((a, b) => (b.chosen_at as string).localeCompare(a.chosen_at as string))[0];
  const pool = chosen ? [chosen, ...rows.filter((r) => r !== chosen && r.created_at > (chosen.chosen_at as string))] : rows;
  const winner = pool.sort((a, b) => b.received_on.localeCompare(a.received_on) || b.version - a.version)[0];
  // at most one is active (reports_one_active_uq); only what changes is written (an import calls this per file)
  const active = rows.find((r) => r.status === 'active');
  if (active === winner) return;
  if (active) stmt(db, "UPDATE reports SET status = 'superseded' WHERE id = ?").run(active.id);
  if (winner) stmt(db, "UPDATE reports SET status = 'active' WHERE id = ?").run(winner.id);
}

/** The user chose this held report: it leaves 'held', is stamped `chosen_at`, and the active one is re-elected. */
export function chooseReport(db: Db, id: number, now: string): void {
  const r = getReport(db, id);
  if (!r) return;
  stmt(db, "UPDATE reports SET status = 'superseded', chosen_at = ? WHERE id = ?").run(now, id);
  recomputeActive(db, r.planId, r.unitId);
}

export function setReportStatus(db: Db, id: number, status: ReportStatus): void {
  stmt(db, 'UPDATE reports SET status = ? WHERE id = ?').run(status, id);
}

/** A new batch marked as running with the names of its files, until finishBatch writes its summary. */
export function createBatch(db: Db, planId: number, fileNames: string[], now: string): number {
  const summary = JSON.stringify({ state: 'running', files: fileNames });
  return Number(
    stmt(db, 'INSERT INTO import_batches (plan_id, created_at, file_count, summary) VALUES (?, ?, ?, ?)').run(
      planId,
      now,
      fileNames.length,
      summary,
    ).lastInsertRowid,
  );
}

export function finishBatch(db: Db, id: number, summary: unknown): void {
  stmt(db, 'UPDATE import_batches SET summary = ? WHERE id = ?').run(JSON.stringify(summary), id);
}

/** One import batch: interrupted when started but never finished (a crash, a full disk), with the files not in the data. */
export type { BatchInfo };

export function listBatches(db: Db, planId: number): BatchInfo[] {
  const rows = db
    .prepare(
      `SELECT b.id, b.plan_id AS planId, b.created_at AS createdAt, b.file_count AS fileCount, b.status, b.summary,
              (SELECT COUNT(*) FROM reports r WHERE r.batch_id = b.id) AS imported
       FROM import_batches b WHERE b.plan_id = ? ORDER BY b.id DESC`,
    )
    .all(planId) as (Omit<BatchInfo, 'interrupted' | 'notIn'> & { summary: string })[];
  return rows.map(({ summary, ...b }) => {
    const s = JSON.parse(summary) as { state?: string; files?: unknown };
    if (s.state !== 'running') return { ...b, interrupted: false, notIn: [] };
    const files = Array.isArray(s.files) ? s.files.filter((f): f is string => typeof f === 'string') : [];
    const inData = new Set(
      (stmt(db, 'SELECT file_name FROM reports WHERE batch_id = ?').all(b.id) as { file_name: string | null }[]).map((r) => r.file_name),
    );
    return { ...b, interrupted: true, notIn: files.filter((f) => !inData.has(f)) };
  });
}

export function getBatch(db: Db, id: number): Pick<BatchInfo, 'id' | 'planId' | 'status'> | undefined {
  return stmt(db, 'SELECT id, plan_id AS planId, status FROM import_batches WHERE id = ?').get(id) as
    Pick<BatchInfo, 'id' | 'planId' | 'status'> | undefined;
}

/** Revoke every report of a batch and re-elect the active versions it had replaced. Returns how many. */
export function undoBatch(db: Db, batchId: number, now: string): number {
  const rows = stmt(db, "SELECT id, plan_id, unit_id FROM reports WHERE batch_id = ? AND status <> 'revoked'").all(batchId) as {
    id: number;
    plan_id: number;
    unit_id: number;
  }[];
  for (const r of rows) setReportStatus(db, r.id, 'revoked');
  for (const r of rows) recomputeActive(db, r.plan_id, r.unit_id);
  stmt(db, "UPDATE import_batches SET status = 'undone', undone_at = ? WHERE id = ?").run(now, batchId);
  return rows.length;
}

export function rememberedMappings(db: Db, unitId: number): Map<string, number> {
  const rows = stmt(db, 'SELECT label_key, indicator_id FROM label_mappings WHERE unit_id IN (0, ?) ORDER BY unit_id').all(unitId) as {
    label_key: string;
    indicator_id: number;
  }[];
  return new Map(rows.map((r) => [r.label_key, r.indicator_id]));
}

export function rememberMapping(db: Db, unitId: number, labelKey: string, indicatorId: number, now: string): void {
  stmt(
    db,
    `INSERT INTO label_mappings (unit_id, label_key, indicator_id, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (unit_id, label_key) DO UPDATE SET indicator_id = excluded.indicator_id, updated_at = excluded.updated_at`,
  ).run(unitId, labelKey, indicatorId, now);
}

/** One stored value of a report: the NewValue it was written from, and whether it was since edited by hand. */
interface SavedValue extends NewValue {
  edited: boolean;
}

export function valuesOf(db: Db, reportId: number): SavedValue[] {
  const rows = stmt(
    db,
    `SELECT indicator_id AS indicatorId, value_num AS valueNum, value_text AS valueText, value2_num AS value2, note, source_cell AS cell, edited
     FROM report_values WHERE report_id = ?`,
  ).all(reportId) as (Omit<SavedValue, 'edited'> & { edited: number })[];
  return rows.map((v) => ({ ...v, edited: v.edited === 1 }));
}

export function narrativeOf(db: Db, reportId: number): { heading: string; text: string }[] {
  return stmt(db, 'SELECT heading, text FROM report_narrative WHERE report_id = ? ORDER BY position').all(reportId) as {
    heading: string;
    text: string;
  }[];
}

export function setValue(
  db: Db,
  reportId: number,
  indicatorId: number,
  num: number | null,
  text: string | null,
  note: string | null,
  value2: number | null = null,
): void {
  stmt(
    db,
    `INSERT INTO report_values (report_id, indicator_id, value_num, value_text, value2_num, note, edited) VALUES (?, ?, ?, ?, ?, ?, 1)
     ON CONFLICT (report_id, indicator_id) DO UPDATE SET value_num = excluded.value_num, value_text = excluded.value_text,
       value2_num = excluded.value2_num, note = COALESCE(excluded.note, report_values.note), edited = 1`,
  ).run(reportId, indicatorId, num, text, value2, note);
}

/** Append one issue (e.g. a value confirmed with a reason) to a report's issues. */
export function addReportIssue(db: Db, reportId: number, issue: Record<string, unknown>): void {
  stmt(db, "UPDATE reports SET issues = json_insert(issues, '$[#]', json(?)) WHERE id = ?").run(JSON.stringify(issue), reportId);
}
