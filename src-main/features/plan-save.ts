// Saving a plan draft and copying a plan: the rules that span tables (units that exist, each indicator once, a plan
// never its own basis, the attached document judged by its content), each change audited. Used by the plans handlers,
// the plan register import and plan creation from JSON.
import { AppError } from '../contract/errors';
import type { Plan, PlanDraft } from '../contract/plans';
import { addAudit } from '../db/audit';
import type { Db } from '../db/connection';
import { putDocument } from '../db/documents';
import { getIndicator } from '../db/indicators';
import * as plans from '../db/plans';
import { getUnit } from '../db/units';
import { DOCUMENT_TYPES_TEXT, documentExt, documentName } from '../docs/document-type';
import { daysBetween } from '../text/vi-date';
import { writeTx } from '../db/write-tx';
import { planOrThrow } from './plan-lookup';

function resolveUnits(db: Db, d: PlanDraft): number[] {
  if (d.assignment === 'all_base') return plans.baseUnitIds(db, null);
  if (d.assignment === 'group') return plans.baseUnitIds(db, d.assignmentGroup);
  for (const id of d.unitIds)
    if (!getUnit(db, id)) throw new AppError('invalid_input', 'Có đơn vị được chọn không còn tồn tại. Hãy chọn lại danh sách đơn vị.');
  return d.unitIds;
}

function checkTargets(db: Db, d: PlanDraft): void {
  const seen = new Set<number>();
  for (const t of d.targets) {
    if (!getIndicator(db, t.indicatorId))
      throw new AppError('invalid_input', 'Có chỉ tiêu không còn trong danh mục. Hãy chọn lại chỉ tiêu.');
    if (seen.has(t.indicatorId)) throw new AppError('invalid_input', 'Một chỉ tiêu được chọn hai lần. Hãy bỏ dòng trùng.');
    seen.add(t.indicatorId);
  }
  for (const b of d.basis)
    if (b.basisPlanId !== null && b.basisPlanId === d.id) throw new AppError('invalid_input', 'Kế hoạch không thể căn cứ vào chính nó.');
}

/** The attached document's name with the extension of its content; refuses anything that is not a document we read. */
function storedName(file: { name: string; bytes: Uint8Array }): string {
  const ext = documentExt(file.bytes);
  if (!ext) {
    throw new AppError(
      'bad_file',
      `Văn bản gốc "${file.name}" không phải loại tệp được nhận (chỉ nhận ${DOCUMENT_TYPES_TEXT}). Hãy chọn đúng văn bản kế hoạch rồi lưu lại.`,
    );
  }
  return documentName(file.name, ext);
}

export function savePlan(db: Db, d: PlanDraft, now: Date): Plan {
  if (d.id !== undefined) planOrThrow(db, d.id);
  const docName = d.document ? storedName(d.document) : null;
  checkTargets(db, d);
  const unitIds = resolveUnits(db, d);
  const at = now.toISOString();
  const id = writeTx(db, () => {
    const docId = d.document && docName ? putDocument(db, docName, d.document.bytes, at) : undefined;
    const id = plans.writePlan(db, d, unitIds, docId, at);
    addAudit(
      db,
      {
        action: d.id ? 'plan.update' : 'plan.create',
        entity: 'plans',
        entityId: id,
        summary: `${d.id ? 'Sửa' : 'Tạo'} kế hoạch ${d.number ?? ''} ${d.title}`.replace(/\s+/g, ' '),
        details: { units: unitIds.length, targets: d.targets.length, document: d.document?.name ?? null },
      },
      now,
    );
    return id;
  });
  return planOrThrow(db, id);
}

const shiftDate = (iso: string | null, days: number): string | null =>
  iso === null ? null : new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Copy a plan to a new period: dates shift by the same number of days, targets and units are kept, status is draft. */
export function copyPlan(
  db: Db,
  id: number,
  opts: { startsOn: string | null; periodLabel: string | null; title: string | null },
  now: Date,
): Plan {
  const src = planOrThrow(db, id);
  const anchor = src.startsOn ?? src.issuedOn ?? src.reportDueOn;
  const days = opts.startsOn && anchor ? daysBetween(anchor, opts.startsOn) : 365;
  const draft: PlanDraft = {
    kind: src.kind,
    status: 'du_thao',
    origin: src.origin,
    documentType: src.documentType,
    number: null,
    issuedOn: shiftDate(src.issuedOn, days),
    place: src.place,
    issuer: src.issuer,
    parentIssuer: src.parentIssuer,
    title: opts.title ?? src.title,
    periodLabel: opts.periodLabel ?? src.periodLabel,
    startsOn: shiftDate(src.startsOn, days),
    endsOn: shiftDate(src.endsOn, days),
    reportDueOn: shiftDate(src.reportDueOn, days),
    signerAuthority: src.signerAuthority,
    signerTitle: src.signerTitle,
    signerName: src.signerName,
    recipients: src.recipients,
    basis: src.basis,
    targets: src.targets.map((t) => ({ indicatorId: t.indicatorId, scope: t.scope, min: t.min, max: t.max, text: t.text })),
    assignment: src.assignment,
    assignmentGroup: src.assignmentGroup,
    unitIds: src.unitIds,
    note: src.note,
    previousPlanId: src.id, // the copied plan is the same period of last year: consolidation compares with it
  };
  return savePlan(db, draft, now);
}
