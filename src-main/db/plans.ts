// Plans aggregate: plans with basis, targets and assigned units; summaries with unit and submission counts.
import type { Plan, PlanDraft, PlanSummary } from '../contract/plans';
import { fold } from '../text/vi-text';
import { stmt, type Db } from './connection';

interface PlanRow {
  id: number;
  kind: Plan['kind'];
  status: Plan['status'];
  origin: Plan['origin'];
  document_type: string | null;
  number: string | null;
  issued_on: string | null;
  place: string | null;
  issuer: string | null;
  parent_issuer: string | null;
  title: string;
  search_key: string;
  period_label: string | null;
  starts_on: string | null;
  ends_on: string | null;
  report_due_on: string | null;
  signer_authority: string | null;
  signer_title: string | null;
  signer_name: string | null;
  recipients: string;
  assignment: Plan['assignment'];
  assignment_group: string | null;
  document_id: number | null;
  note: string | null;
  updated_at: string;
  previous_plan_id: number | null;
  unit_count: number;
  submitted_count: number;
}

// units that sent a report in use: at most one active report per plan x unit (reports_one_active_uq), so the plan's
// range of that index counted (the view plan_submitted_counts grouped every plan's reports: 22 -> 10 ms on 40 plans)
const SELECT = `SELECT p.*, (SELECT COUNT(*) FROM plan_units u WHERE u.plan_id = p.id) AS unit_count,
  (SELECT COUNT(*) FROM reports r WHERE r.plan_id = p.id AND r.status = 'active') AS submitted_count FROM plans p`;

function toSummary(r: PlanRow): PlanSummary {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    origin: r.origin,
    number: r.number,
    issuedOn: r.issued_on,
    title: r.title,
    periodLabel: r.period_label,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    reportDueOn: r.report_due_on,
    unitCount: r.unit_count,
    submittedCount: r.submitted_count,
    searchKey: r.search_key,
  };
}

export function listPlans(db: Db): PlanSummary[] {
  const rows = db.prepare(`${SELECT} ORDER BY COALESCE(p.issued_on, p.created_at) DESC, p.id DESC`).all() as PlanRow[];
  return rows.map(toSummary);
}

export function getPlan(db: Db, id: number): Plan | undefined {
  // the row alone: the list's counts (units, reports in use) are not part of a plan and cost ~7 ms on a 5,000-unit plan
  const r = stmt(db, 'SELECT p.* FROM plans p WHERE p.id = ?').get(id) as Omit<PlanRow, 'unit_count' | 'submitted_count'> | undefined;
  if (!r) return undefined;
  const basis = stmt(
    db,
    'SELECT text, number, issued_on AS issuedOn, issuer, basis_plan_id AS basisPlanId FROM plan_basis WHERE plan_id = ? ORDER BY position',
  ).all(id) as Plan['basis'];
  const targets = (
    stmt(
      db,
      `SELECT t.indicator_id AS indicatorId, i.code, i.group_code AS groupCode, i.group_label AS groupLabel, i.label, i.unit,
              i.retired, t.scope, t.target_min AS min, t.target_max AS max, t.target_text AS text
       FROM plan_targets t JOIN indicators i ON i.id = t.indicator_id WHERE t.plan_id = ? ORDER BY t.position`,
    ).all(id) as (Omit<Plan['targets'][number], 'retired'> & { retired: number })[]
  ).map((t) => ({ ...t, retired: t.retired === 1 }));
  // plucked (its own SQL text: pluck mode belongs to the cached statement): no object per unit of a 5,000-unit plan
  const unitIds = stmt(db, 'SELECT unit_id /* plucked */ FROM plan_units WHERE plan_id = ? ORDER BY unit_id')
    .pluck(true)
    .all(id) as number[];
  const doc = r.document_id ? (stmt(db, 'SELECT id, name, size FROM documents WHERE id = ?').get(r.document_id) as Plan['document']) : null;
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    origin: r.origin,
    documentType: r.document_type,
    number: r.number,
    issuedOn: r.issued_on,
    place: r.place,
    issuer: r.issuer,
    parentIssuer: r.parent_issuer,
    title: r.title,
    periodLabel: r.period_label,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    reportDueOn: r.report_due_on,
    signerAuthority: r.signer_authority,
    signerTitle: r.signer_title,
    signerName: r.signer_name,
    recipients: JSON.parse(r.recipients) as string[],
    basis,
    targets,
    assignment: r.assignment,
    assignmentGroup: r.assignment_group,
    unitIds,
    note: r.note,
    document: doc ?? null,
    previousPlanId: r.previous_plan_id,
    updatedAt: r.updated_at,
  };
}

function planSearchKey(d: Pick<PlanDraft, 'number' | 'title' | 'periodLabel' | 'issuer'>): string {
  return fold([d.number ?? '', d.title, d.periodLabel ?? '', d.issuer ?? ''].join(' '));
}

/** Insert or update the plan row and replace its basis, targets and units. Caller wraps in a transaction. */
export function writePlan(db: Db, d: PlanDraft, unitIds: number[], documentId: number | null | undefined, now: string): number {
  const p = {
    kind: d.kind,
    status: d.status,
    origin: d.origin,
    documentType: d.documentType,
    number: d.number,
    issuedOn: d.issuedOn,
    place: d.place,
    issuer: d.issuer,
    parentIssuer: d.parentIssuer,
    title: d.title,
    searchKey: planSearchKey(d),
    periodLabel: d.periodLabel,
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    reportDueOn: d.reportDueOn,
    signerAuthority: d.signerAuthority,
    signerTitle: d.signerTitle,
    signerName: d.signerName,
    recipients: JSON.stringify(d.recipients),
    assignment: d.assignment,
    assignmentGroup: d.assignmentGroup,
    note: d.note,
    previousPlanId: d.previousPlanId ?? null,
    now,
  };
  let id = d.id;
  if (id === undefined) {
    id = Number(
      db
        .prepare(
          `INSERT INTO plans (kind, status, origin, document_type, number, issued_on, place, issuer, parent_issuer, title, search_key,
           period_label, starts_on, ends_on, report_due_on, signer_authority, signer_title, signer_name, recipients, assignment,
           assignment_group, document_id, note, previous_plan_id, created_at, updated_at)
         VALUES (@kind, @status, @origin, @documentType, @number, @issuedOn, @place, @issuer, @parentIssuer, @title, @searchKey,
           @periodLabel, @startsOn, @endsOn, @reportDueOn, @signerAuthority, @signerTitle, @signerName, @recipients, @assignment,
           @assignmentGroup, @documentId, @note, @previousPlanId, @now, @now)`,
        )
        .run({ ...p, documentId: documentId ?? null }).lastInsertRowid,
    );
  } else {
    db.prepare(
      `UPDATE plans SET kind=@kind, status=@status, origin=@origin, document_type=@documentType, number=@number, issued_on=@issuedOn,
         place=@place, issuer=@issuer, parent_issuer=@parentIssuer, title=@title, search_key=@searchKey, period_label=@periodLabel,
         starts_on=@startsOn, ends_on=@endsOn, report_due_on=@reportDueOn, signer_authority=@signerAuthority, signer_title=@signerTitle,
         signer_name=@signerName, recipients=@recipients, assignment=@assignment, assignment_group=@assignmentGroup, note=@note,
         previous_plan_id=@previousPlanId, updated_at=@now ${documentId === undefined ? '' : ', document_id=@documentId'}
       WHERE id=@id`,
    ).run({ ...p, id, ...(documentId === undefined ? {} : { documentId }) });
  }
  db.prepare('DELETE FROM plan_basis WHERE plan_id = ?').run(id);
  const insBasis = db.prepare(
    'INSERT INTO plan_basis (plan_id, position, text, number, issued_on, issuer, basis_plan_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  d.basis.forEach((b, i) => insBasis.run(id, i, b.text, b.number, b.issuedOn, b.issuer, b.basisPlanId));
  db.prepare('DELETE FROM plan_targets WHERE plan_id = ?').run(id);
  const insTarget = db.prepare(
    'INSERT INTO plan_targets (plan_id, indicator_id, position, scope, target_min, target_max, target_text) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  d.targets.forEach((t, i) => insTarget.run(id, t.indicatorId, i, t.scope, t.min, t.max, t.text));
  setPlanUnits(db, id, unitIds);
  return id;
}

function setPlanUnits(db: Db, planId: number, unitIds: number[]): void {
  db.prepare('DELETE FROM plan_units WHERE plan_id = ?').run(planId);
  const ins = db.prepare('INSERT OR IGNORE INTO plan_units (plan_id, unit_id) VALUES (?, ?)');
  for (const u of unitIds) ins.run(planId, u);
}

/**
 * Active base units (CĐCS, nghiệp đoàn), optionally of one sector: who must report under a plan. A register with
 * no base unit is a province's: its districts (units of kind "công đoàn cấp trên") report instead.
 */
export function baseUnitIds(db: Db, sector: string | null): number[] {
  const of = (kinds: string) =>
    (
      db
        .prepare(
          `SELECT id FROM units WHERE active = 1 AND kind IN (${kinds}) ${sector === null ? '' : 'AND vn_fold(sector) = vn_fold(@sector)'} ORDER BY id`,
        )
        .all(sector === null ? {} : { sector }) as { id: number }[]
    ).map((r) => r.id);
  const base = of("'cdcs', 'nghiep_doan'");
  return base.length || db.prepare("SELECT 1 FROM units WHERE active = 1 AND kind IN ('cdcs', 'nghiep_doan') LIMIT 1").get()
    ? base
    : of("'cap_tren'");
}

export function setPlanStatus(db: Db, id: number, status: Plan['status'], now: string): void {
  db.prepare('UPDATE plans SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
}

export function deletePlan(db: Db, id: number): void {
  db.prepare('DELETE FROM plans WHERE id = ?').run(id);
}

export function planDocumentId(db: Db, id: number): number | null {
  return (
    (db.prepare('SELECT document_id FROM plans WHERE id = ?').get(id) as { document_id: number | null } | undefined)?.document_id ?? null
  );
}
