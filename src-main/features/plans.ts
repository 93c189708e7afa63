// Plans handlers: list, save (plan-save.ts), status, delete drafts, copy to a new period, the attached document,
// read a dropped plan document into the extract-plan shape, the plan register in and out.
import { AppError } from '../contract/errors';
import { addAudit } from '../db/audit';
import { getDocumentBytes, getDocumentMeta } from '../db/documents';
import * as plans from '../db/plans';
import { readIsolated } from '../gate/isolated';
import { DOCUMENT_MIME, DOCUMENT_TYPES_TEXT, documentExt, documentName } from '../docs/document-type';
import type { Handler } from '../handler/handler';
import { exportPlanRegister, importPlanRegister } from './plan-register-io';
import { copyPlan, savePlan } from './plan-save';
import { planOrThrow } from './plan-lookup';
import { overview } from './overview';
import { writeTx } from '../db/write-tx';

export const plansHandlers = {
  'plans.list': (_i, ctx) => plans.listPlans(ctx.db),
  'plans.get': ({ id }, ctx) => planOrThrow(ctx.db, id),
  'plans.save': (d, ctx) => {
    const p = savePlan(ctx.db, d, ctx.now());
    ctx.emit('data.changed', { entity: 'plans' });
    return p;
  },
  'plans.setStatus': ({ id, status }, ctx) => {
    const p = planOrThrow(ctx.db, id);
    writeTx(ctx.db, () => {
      plans.setPlanStatus(ctx.db, id, status, ctx.now().toISOString());
      addAudit(
        ctx.db,
        { action: 'plan.status', entity: 'plans', entityId: id, summary: `Đổi trạng thái kế hoạch ${p.number ?? p.title}: ${status}` },
        ctx.now(),
      );
    });
    ctx.emit('data.changed', { entity: 'plans' });
    return planOrThrow(ctx.db, id);
  },
  'plans.delete': ({ id }, ctx) => {
    const p = planOrThrow(ctx.db, id);
    const summary = plans.listPlans(ctx.db).find((s) => s.id === id);
    if (p.status !== 'du_thao' || (summary?.submittedCount ?? 0) > 0)
      throw new AppError(
        'conflict',
        'Chỉ xoá được kế hoạch ở trạng thái "Dự thảo" và chưa có báo cáo. Kế hoạch đã ban hành hãy chuyển sang "Đã tổng kết".',
      );
    writeTx(ctx.db, () => {
      plans.deletePlan(ctx.db, id);
      addAudit(
        ctx.db,
        { action: 'plan.delete', entity: 'plans', entityId: id, summary: `Xoá kế hoạch dự thảo ${p.title}`, details: p },
        ctx.now(),
      );
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
    if (!ext)
      throw new AppError(
        'bad_file',
        `Văn bản gốc "${meta.name}" không phải loại tệp an toàn để mở (chỉ mở ${DOCUMENT_TYPES_TEXT}). Hãy đính kèm lại văn bản kế hoạch.`,
      );
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
} satisfies {
  [
    K in
      | 'plans.list'
      | 'plans.get'
      | 'plans.save'
      | 'plans.setStatus'
      | 'plans.delete'
      | 'plans.copy'
      | 'plans.extract'
      | 'plans.document'
      | 'plans.exportRegister'
      | 'plans.importRegister'
      | 'overview.get'
  ]: Handler<K>;
};
