// How a hand-entered report version was sent by the unit (reports.received_via: paper, phone, zalo, email; NULL for
// imported files, whose channel says it).
import { stmt, type Db } from './connection';

export function setReceivedVia(db: Db, reportId: number, via: string): void {
  stmt(db, 'UPDATE reports SET received_via = ? WHERE id = ?').run(via, reportId);
}

export function receivedViaOf(db: Db, reportId: number): 'paper' | 'phone' | 'zalo' | 'email' | null {
  const r = stmt(db, 'SELECT received_via AS via FROM reports WHERE id = ?').get(reportId) as { via: string | null } | undefined;
  return (r?.via ?? null) as 'paper' | 'phone' | 'zalo' | 'email' | null;
}
