// Plans feature: save a plan (resolving which units must report, attaching its source document), status,
// delete drafts, copy to a new period, read a dropped plan document into the extract-plan shape.
import { AppError } from '../contract/errors';
import type { Plan, PlanDraft } from '../contract/plans';
import { addAudit } from '../db/audit';
import type { Db } from '../db/connection';
import { getDocumentBytes, getDocumentMeta, putDocument } from '../db/documents';
import { getIndicator } from '../db/indicators';
import * as plans from '../db/plans';
import { getUnit } from '../db/units';
import { readIsolated } from '../gate/isolated';
import { DOCUMENT_MIME, DOCUMENT_TYPES_TEXT, documentExt, documentName } from '../docs/document-type';
import type { Handler } from '../handler/handler';
import { daysBetween } from '../text/vi-date';
import { exportPlanRegister, importPlanRegister } from './plan-register-io';
import { overview } from './overview';
import { writeTx } from '../db/write-tx';

function mustGet(db: Db, id: number): Plan {
  const p = plans.getPlan(db, id);
  if (!p) throw new AppError('not_found', 'Không tìm thấy kế hoạch (có thể đã bị xoá). Hãy tải lại danh sách.');
  return p;
}

function resolveUnits(db: Db, d: PlanDraft): number[] {
  if (d.assignment === 'all_base') return plans.baseUnitIds(db, null);
  if (d.assignment === 'group') return plans.baseUnitIds(db, d.assignmentGroup);
  for (const id of d.unitIds) if (!getUnit(db, id)) throw new AppError('invalid_input', 'Có đơn vị được chọn không còn tồn tại. Hãy chọn lại danh sách đơn vị.');
  return d.unitIds;
}

function checkTargets(db: Db, d: PlanDraft): void {
  const seen = new Set<number>();
  for (const t of d.targets) {
    if (!getIndicator(db, t.indicatorId)) throw new AppError('invalid_input', 'Có chỉ tiêu không còn trong danh mục. Hãy chọn lại chỉ tiêu.');
    if (seen.has(t.indicatorId)) throw new AppError('invalid_input', 'Một chỉ tiêu được chọn hai lần. Hãy bỏ dòng trùng.');
    seen.add(t.indicatorId);
  }
  for (const b of d.basis) if (b.basisPlanId !== null && b.basisPlanId === d.id) throw new AppError('invalid_input', 'Kế hoạch không thể căn cứ vào chính nó.');
}

/** The attached document's name with the extension of its content; refuses anything that is not a document we read. */
function storedName(file: { name: string; bytes: Uint8Array }): string {
  const ext = documentExt(file.bytes);
  if (!ext) {
    throw new AppError('bad_file', `Văn bản gốc "${file.name}" không phải loại tệp được nhận (chỉ nhận ${DOCUMENT_TYPES_TEXT}). Hãy chọn đúng văn bản kế hoạch rồi lưu lại.`);
  }
  return documentName(file.name, ext);
}

export function savePlan(db: Db, d: PlanDraft, now: Date): Plan {
  if (d.id !== undefined) mustGet(db, d.id);
  const docName = d.document ? storedName(d.document) : null;
  checkTargets(db, d);
  const unitIds = resolveUnits(db, d);
  const at = now.toISOString();
  const id = writeTx(db, () => {
    const docId = d.document && docName ? putDocument(db, docName, d.document.bytes, at) : undefined;
    const id = plans.writePlan(db, d, unitIds, docId, at);
    addAudit(db, {
      action: d.id ? 'plan.update' : 'plan.create', entity: 'plans', entityId: id,
      summary: `${d.id ? 'Sửa' : 'Tạo'} kế hoạch ${d.number ?? ''} ${d.title}`.replace(/\s+/g, ' '),
      details: { units: unitIds.length, targets: d.targets.length, document: d.document?.name ?? null },
    }, now);
    return id;
  });
  return mustGet(db, id);
}

const shiftDate = (iso: string | null, days: number): string | null =>
  iso === null ? null : new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Copy a plan to a new period: dates shift by the same number of days, targets and units are kept, status is draft. */
export function copyPlan(db: Db, id: number, opts: { startsOn: string | null; periodLabel: string | null; title: string | null }, now: Date): Plan {
  const src = mustGet(db, id);
  const anchor = src.startsOn ?? src.issuedOn ?? src.reportDueOn;
  const days = opts.startsOn && anchor ? daysBetween(anchor, opts.startsOn) : 365;
  const draft: PlanDraft = {
    kind: src.kind, status: 'du_thao', origin: src.origin, documentType: src.documentType, number: null,
    issuedOn: shiftDate(src.issuedOn, days), place: src.place, issuer: src.issuer, parentIssuer: src.parentIssuer,
    title: opts.title ?? src.title, periodLabel: opts.periodLabel ?? src.periodLabel,
    startsOn: shiftDate(src.startsOn, days), endsOn: shiftDate(src.endsOn, days), reportDueOn: shiftDate(src.reportDueOn, days),
    signerAuthority: src.signerAuthority, signerTitle: src.signerTitle, signerName: src.signerName, recipients: src.recipients,
    basis: src.basis, targets: src.targets.map((t) => ({ indicatorId: t.indicatorId, scope: t.scope, min: t.min, max: t.max, text: t.text })),
    assignment: src.assignment, assignmentGroup: src.assignmentGroup, unitIds: src.unitIds, note: src.note,
    previousPlanId: src.id, // the copied plan is the same period of last year: consolidation compares with it
  };
  return savePlan(db, draft, now);
}

export const plansHandlers = {
  'plans.list': (_i, ctx) => plans.listPlans(ctx.db),
  'plans.get': ({ id }, ctx) => mustGet(ctx.db, id),
  'plans.save': (d, ctx) => {
    const p = savePlan(ctx.db, d, ctx.now());
    ctx.emit('data.changed', { entity: 'plans' });
    return p;
  },
  'plans.setStatus': ({ id, status }, ctx) => {
    const p = mustGet(ctx.db, id);
    writeTx(ctx.db, () => {
      plans.setPlanStatus(ctx.db, id, status, ctx.now().toISOString());
      addAudit(ctx.db, { action: 'plan.status', entity: 'plans', entityId: id, summary: `Đổi trạng thái kế hoạch ${p.number ?? p.title}: ${status}` }, ctx.now());
    });
    ctx.emit('data.changed', { entity: 'plans' });
    return mustGet(ctx.db, id);
  },
  'plans.delete': ({ id }, ctx) => {
    const p = mustGet(ctx.db, id);
    const summary = plans.listPlans(ctx.db).find((s) => s.id === id);
    if (p.status !== 'du_thao' || (summary?.submittedCount ?? 0) > 0)
      throw new AppError('conflict', 'Chỉ xoá được kế hoạch ở trạng thái "Dự thảo" và chưa có báo cáo. Kế hoạch đã ban hành hãy chuyển sang "Đã tổng kết".');
    writeTx(ctx.db, () => {
      plans.deletePlan(ctx.db, id);
      addAudit(ctx.db, { action: 'plan.delete', entity: 'plans', entityId: id, summary: `Xoá kế hoạch dự thảo ${p.title}`, details: p }, ctx.now());
    });
    ctx.emit('data.changed', { entity: 'plans' });
    return { deleted: true as const };
  },
  'plans.copy': ({ id, startsOn, periodLabel, title }, ctx) => {
    const copy = copyPlan(ctx.db, id, { startsOn, periodLabel, title }, ctx.now());
    ctx.emit('data.changed', { entity: 'plans' });
    return copy;
  },
  'plans.extract': async ({ file }) => (await readIsolated({ kind: 'plan', bytes: file.bytes, fileName: file.name })).extract,
  'plans.document': ({ id }, ctx) => {
    const docId = plans.planDocumentId(ctx.db, id);
    const meta = docId === null ? undefined : getDocumentMeta(ctx.db, docId);
    const bytes = docId === null ? undefined : getDocumentBytes(ctx.db, docId);
    if (!meta || !bytes) throw new AppError('not_found', 'Kế hoạch này chưa có văn bản gốc đính kèm.');
    // Judged again by content: a file stored before this check is never opened under a name Windows would run.
    const ext = documentExt(bytes);
    if (!ext) throw new AppError('bad_file', `Văn bản gốc "${meta.name}" không phải loại tệp an toàn để mở (chỉ mở ${DOCUMENT_TYPES_TEXT}). Hãy đính kèm lại văn bản kế hoạch.`);
    const file = { name: documentName(meta.name, ext), mime: DOCUMENT_MIME[ext], bytes };
    if (ctx.openFile) {
      ctx.openFile(file);
      return { opened: true, file: null };
    }
    return { opened: false, file };
  },
  'plans.exportRegister': ({ year }, ctx) => exportPlanRegister(ctx.db, year, ctx.now()),
  'plans.importRegister': async ({ file, dryRun }, ctx) => {
    const r = await importPlanRegister(ctx.db, file, dryRun, ctx.now());
    if (!dryRun) ctx.emit('data.changed', { entity: 'plans' });
    return r;
  },
  'overview.get': (_i, ctx) => overview(ctx.db, ctx.now()),
} satisfies { [K in 'plans.list' | 'plans.get' | 'plans.save' | 'plans.setStatus' | 'plans.delete' | 'plans.copy' | 'plans.extract' | 'plans.document' | 'plans.exportRegister' | 'plans.importRegister' | 'overview.get']: Handler<K> };
