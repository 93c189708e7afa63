// The province view's reads: each district's report in use under a plan, with its stored package document.
import type { Db } from './connection';

export interface DistrictReport { id: number; unit_id: number; document_id: number | null; issues: string }

export function activeReportsWithDocuments(db: Db, planId: number): DistrictReport[] {
  return db.prepare("SELECT id, unit_id, document_id, issues FROM reports WHERE plan_id = ? AND status = 'active'").all(planId) as DistrictReport[];
}
