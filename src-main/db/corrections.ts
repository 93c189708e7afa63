// Requests to a unit to correct and resend a report ("đề nghị sửa"), recorded against the report version they asked
// about: a report shows "đã đề nghị sửa" while it is the one in use; the unit's newer version answers it.
import type { ReminderChannel } from '../contract/consolidation';
import { stmt, type Db } from './connection';

interface CorrectionRequest {
  reportId: number;
  sentOn: string;
  /** How the request went out: the reminders' channels (letter, zalo, email, phone, other). */
  channel: ReminderChannel;
  number: string | null;
  problems: number;
}

export function addCorrectionRequest(db: Db, r: CorrectionRequest, now: string): void {
  stmt(db, 'INSERT INTO correction_requests (report_id, sent_on, channel, number, problems, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    r.reportId,
    r.sentOn,
    r.channel,
    r.number,
    r.problems,
    now,
  );
}

/** The latest request about this report version, if any. */
export function lastCorrectionRequest(db: Db, reportId: number): CorrectionRequest | null {
  const row = stmt(
    db,
    'SELECT report_id AS reportId, sent_on AS sentOn, channel, number, problems FROM correction_requests WHERE report_id = ? ORDER BY sent_on DESC, id DESC LIMIT 1',
  ).get(reportId) as CorrectionRequest | undefined;
  return row ?? null;
}

/** reportId -> date of the latest request, for the reports of a plan that were asked to be corrected. */
export function correctionRequestsOfPlan(db: Db, planId: number): Map<number, string> {
  const rows = stmt(
    db,
    `SELECT c.report_id AS reportId, MAX(c.sent_on) AS sentOn FROM correction_requests c JOIN reports r ON r.id = c.report_id
     WHERE r.plan_id = ? GROUP BY c.report_id`,
  ).all(planId) as { reportId: number; sentOn: string }[];
  return new Map(rows.map((r) => [r.reportId, r.sentOn]));
}
