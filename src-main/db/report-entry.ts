// How a hand-entered report version was sent by the unit (reports.received_via: paper, phone, zalo, email; NULL for
// imported files, whose channel says it). It is read with the report (StoredReport.receivedVia, db/reports.ts).
import type { EntryViaId } from '../contract/entry-labels';
import { stmt, type Db } from './connection';

export function setReceivedVia(db: Db, reportId: number, via: EntryViaId): void {
  stmt(db, 'UPDATE reports SET received_via = ? WHERE id = ?').run(via, reportId);
}
