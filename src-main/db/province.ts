// The province view's reads: each district's report in use under a plan, with its stored package document.
import { stmt, type Db } from './connection';
import { parseIssues, type StoredIssue } from './reports';

/** A district's report in use: its id, unit, the stored package document (null for a plain workbook) and its issues. */
export interface DistrictReport {
  id: number;
  unitId: number;
  documentId: number | null;
  issues: StoredIssue[];
}

export function activeReportsWithDocuments(db: Db, planId: number): DistrictReport[] {
  const rows = stmt(
    db,
    "SELECT id, unit_id AS unitId, document_id AS documentId, issues FROM reports WHERE plan_id = ? AND status = 'active'",
  ).all(planId) as (Omit<DistrictReport, 'issues'> & { issues: string })[];
  return rows.map((r) => ({ ...r, issues: parseIssues(r.issues) }));
}
