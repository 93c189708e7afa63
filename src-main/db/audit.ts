// Audit log aggregate: append-only record of who did what and when (imports, edits, undo, restores).
import type { AuditRow } from '../contract/app';
import type { Db } from './connection';

interface AuditEntry {
  action: string; // e.g. 'unit.create', 'unit.import', 'backup.restore'
  entity: string; // table/aggregate name
  entityId?: number | null;
  summary: string; // Vietnamese, one line, shown on the audit page
  details?: unknown;
  actor?: string;
}

export function addAudit(db: Db, e: AuditEntry, now = new Date()): void {
  db.prepare(
    `INSERT INTO audit_log (at, actor, action, entity, entity_id, summary, details)
     VALUES (@at, @actor, @action, @entity, @entityId, @summary, @details)`,
  ).run({
    at: now.toISOString(),
    actor: e.actor ?? 'người dùng',
    action: e.action,
    entity: e.entity,
    entityId: e.entityId ?? null,
    summary: e.summary,
    details: e.details === undefined ? null : JSON.stringify(e.details),
  });
}

export type { AuditRow };

export function listAudit(db: Db, limit = 500): AuditRow[] {
  return db
    .prepare('SELECT id, at, actor, action, entity, entity_id AS entityId, summary FROM audit_log ORDER BY id DESC LIMIT ?')
    .all(limit) as AuditRow[];
}
