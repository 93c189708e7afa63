// Models feature ("Dân vận khéo"): register, edit and delete models, advance them through the four steps with
// dated evidence, change status under the lifecycle rules, coverage per year; each change audited.
import { AppError } from '../contract/errors';
import type { FileIn } from '../contract/common';
import { MODEL_STATUS_LABELS, MODEL_STEP_LABELS, statusChangeProblem, type Model, type ModelDraft } from '../contract/models';
import { addAudit } from '../db/audit';
import type { Db } from '../db/connection';
import { getDocumentBytes, getDocumentMeta, putDocument } from '../db/documents';
import * as models from '../db/models';
import { getPlan } from '../db/plans';
import { getUnit } from '../db/units';
import type { Handler } from '../handler/handler';
import { todayInVietnam } from '../text/vi-date';
import { exportModelRegister } from './models-export';
import { aheadRun } from './ahead-run';
import { makeFileOffThread } from './export-off-thread';
import { modelFormDocx, modelFormXlsx } from './models-forms';
import { importModels } from './models-import';
import { backupBeforeBatch } from '../data-file/backup-store';
import { readProfile } from './settings';
import { writeTx } from '../db/write-tx';

function mustGet(db: Db, id: number): Model {
  const m = models.getModel(db, id);
  if (!m) throw new AppError('not_found', 'Không tìm thấy mô hình (có thể đã bị xoá). Hãy tải lại danh sách.');
  return m;
}

/** The registration deadline of a year from the org profile ('MM-DD'), as an ISO date. */
export function registrationDeadline(db: Db, year: number): string {
  return `${year}-${readProfile(db).modelRegistrationDeadline}`;
}

/** Checks a draft against the registers; throws AppError with field messages. */
function checkModelDraft(db: Db, d: ModelDraft): void {
  if (!getUnit(db, d.unitId))
    throw new AppError('invalid_input', 'Đơn vị đăng ký không tồn tại. Hãy chọn lại đơn vị.', { unitId: 'Chọn đơn vị' });
  if (d.planId !== null) {
    const plan = getPlan(db, d.planId);
    if (!plan) throw new AppError('invalid_input', 'Kế hoạch liên kết không tồn tại. Hãy chọn lại.', { planId: 'Chọn kế hoạch khác' });
    if (plan.kind !== 'dan_van_kheo')
      throw new AppError(
        'invalid_input',
        `Kế hoạch "${plan.title}" không phải kế hoạch Dân vận khéo. Hãy chọn kế hoạch loại "Dân vận khéo".`,
        { planId: 'Chỉ chọn kế hoạch Dân vận khéo' },
      );
  }
  const same = models.findModelId(db, d.unitId, d.year, d.name);
  if (same !== undefined && same !== d.id)
    throw new AppError('conflict', `Đơn vị này đã đăng ký mô hình "${d.name}" năm ${d.year}. Hãy mở mô hình đó để sửa.`, {
      name: 'Trùng tên mô hình cùng năm',
    });
}

function saveModel(db: Db, d: ModelDraft, now: Date): Model {
  if (d.id !== undefined) mustGet(db, d.id);
  checkModelDraft(db, d);
  const id = writeTx(db, () => {
    const id = models.upsertModel(db, d, now.toISOString());
    addAudit(
      db,
      {
        action: d.id === undefined ? 'model.create' : 'model.update',
        entity: 'models',
        entityId: id,
        summary: `${d.id === undefined ? 'Đăng ký' : 'Sửa'} mô hình "${d.name}" (${d.year})`,
        details: d,
      },
      now,
    );
    return id;
  });
  return mustGet(db, id);
}

function changeStatus(
  db: Db,
  id: number,
  input: {
    status: Model['status'];
    proposedLevel?: Model['proposedLevel'] | undefined;
    recognitionLevel?: Model['recognitionLevel'] | undefined;
    recognizedOn?: string | null | undefined;
  },
  now: Date,
): Model {
  const m = mustGet(db, id);
  const next = {
    status: input.status,
    proposedLevel: input.proposedLevel !== undefined ? input.proposedLevel : m.proposedLevel,
    recognitionLevel: input.recognitionLevel !== undefined ? input.recognitionLevel : m.recognitionLevel,
    recognizedOn: input.recognizedOn !== undefined ? input.recognizedOn : m.recognizedOn,
  };
  const problem = statusChangeProblem(m.status, next.status, { step: m.step, ...next });
  if (problem) throw new AppError('invalid_input', problem);
  if (next.recognizedOn && next.recognizedOn > todayInVietnam(now))
    throw new AppError('invalid_input', 'Ngày công nhận không được sau hôm nay.', { recognizedOn: 'Ngày trong tương lai' });
  writeTx(db, () => {
    models.setModelStatus(db, id, next, now.toISOString());
    addAudit(
      db,
      {
        action: 'model.status',
        entity: 'models',
        entityId: id,
        summary: `Mô hình "${m.name}": ${MODEL_STATUS_LABELS[m.status]} → ${MODEL_STATUS_LABELS[next.status]}`,
        details: next,
      },
      now,
    );
  });
  return mustGet(db, id);
}

function storeEvidence(db: Db, m: Model, step: number, onDate: string, note: string | null, file: FileIn, now: Date): void {
  const docId = putDocument(db, file.name, file.bytes, now.toISOString());
  models.addModelEvidence(db, m.id, step, onDate, note, docId, now.toISOString());
}

export function advanceStep(db: Db, id: number, reachedOn: string, note: string | null, evidence: FileIn | undefined, now: Date): Model {
  const m = mustGet(db, id);
  if (m.step >= 4) throw new AppError('invalid_input', 'Mô hình đã ở bước 4 (sơ kết, nhân rộng), không còn bước tiếp theo.');
  if (m.status === 'dung') throw new AppError('invalid_input', 'Mô hình đã dừng. Hãy chuyển sang "Đang thực hiện" trước khi chuyển bước.');
  const prev = m.steps.find((s) => s.step === m.step)?.reachedOn ?? m.registeredOn;
  if (reachedOn < prev)
    throw new AppError(
      'invalid_input',
      `Ngày chuyển bước không được trước ngày của bước ${m.step} (${prev.split('-').reverse().join('/')}).`,
      { reachedOn: 'Ngày quá sớm' },
    );
  if (reachedOn > todayInVietnam(now))
    throw new AppError('invalid_input', 'Ngày chuyển bước không được sau hôm nay.', { reachedOn: 'Ngày trong tương lai' });
  const step = m.step + 1;
  writeTx(db, () => {
    models.addModelStep(db, id, step, reachedOn, note, now.toISOString());
    if (m.status === 'dang_ky') models.setModelStatus(db, id, { ...m, status: 'dang_thuc_hien' }, now.toISOString());
    if (evidence) storeEvidence(db, m, step, reachedOn, note, evidence, now);
    addAudit(
      db,
      {
        action: 'model.step',
        entity: 'models',
        entityId: id,
        summary: `Mô hình "${m.name}" chuyển sang bước ${step}: ${MODEL_STEP_LABELS[step as 2 | 3 | 4]}${evidence ? ` (kèm "${evidence.name}")` : ''}`,
      },
      now,
    );
  });
  return mustGet(db, id);
}

export const modelsHandlers = {
  'models.list': (f, ctx) => models.listModels(ctx.db, f),
  'models.byUnit': ({ unitId }, ctx) => models.listModels(ctx.db, { unitId }),
  'models.get': ({ id }, ctx) => mustGet(ctx.db, id),
  'models.save': (draft, ctx) => {
    const saved = saveModel(ctx.db, draft, ctx.now());
    ctx.emit('data.changed', { entity: 'models' });
    return saved;
  },
  'models.delete': ({ id }, ctx) => {
    const m = mustGet(ctx.db, id);
    if (m.status !== 'dang_ky' && m.status !== 'dung')
      throw new AppError(
        'conflict',
        `Mô hình "${m.name}" đang ${MODEL_STATUS_LABELS[m.status].toLowerCase()} nên không thể xoá. Hãy chuyển sang "Dừng" nếu không theo dõi nữa.`,
      );
    writeTx(ctx.db, () => {
      models.deleteModel(ctx.db, id);
      addAudit(
        ctx.db,
        {
          action: 'model.delete',
          entity: 'models',
          entityId: id,
          summary: `Xoá mô hình "${m.name}" (${m.unitName}, ${m.year})`,
          details: m,
        },
        ctx.now(),
      );
    });
    ctx.emit('data.changed', { entity: 'models' });
    return { deleted: true as const };
  },
  'models.setStatus': ({ id, ...s }, ctx) => {
    const m = changeStatus(ctx.db, id, s, ctx.now());
    ctx.emit('data.changed', { entity: 'models' });
    return m;
  },
  'models.advanceStep': ({ id, reachedOn, note, evidence }, ctx) => {
    const m = advanceStep(ctx.db, id, reachedOn, note, evidence, ctx.now());
    ctx.emit('data.changed', { entity: 'models' });
    return m;
  },
  'models.addEvidence': ({ id, step, onDate, note, file }, ctx) => {
    const m = mustGet(ctx.db, id);
    const at = step ?? m.step;
    if (at > m.step) throw new AppError('invalid_input', `Mô hình mới ở bước ${m.step}; chỉ gắn minh chứng cho bước đã thực hiện.`);
    if (onDate > todayInVietnam(ctx.now()))
      throw new AppError('invalid_input', 'Ngày của minh chứng không được sau hôm nay.', { onDate: 'Ngày trong tương lai' });
    writeTx(ctx.db, () => {
      storeEvidence(ctx.db, m, at, onDate, note, file, ctx.now());
      addAudit(
        ctx.db,
        {
          action: 'model.evidence',
          entity: 'models',
          entityId: id,
          summary: `Thêm minh chứng "${file.name}" cho mô hình "${m.name}" (bước ${at})`,
        },
        ctx.now(),
      );
    });
    ctx.emit('data.changed', { entity: 'models' });
    return mustGet(ctx.db, id);
  },
  'models.evidenceFile': ({ evidenceId }, ctx) => {
    const docId = models.evidenceDocumentId(ctx.db, evidenceId);
    const meta = docId === undefined ? undefined : getDocumentMeta(ctx.db, docId);
    const bytes = docId === undefined ? undefined : getDocumentBytes(ctx.db, docId);
    if (!meta || !bytes) throw new AppError('not_found', 'Không tìm thấy tệp minh chứng (có thể đã bị xoá). Hãy tải lại mô hình.');
    return { name: meta.name, mime: meta.mime, bytes };
  },
  'models.coverage': ({ year }, ctx) => models.coverage(ctx.db, year, registrationDeadline(ctx.db, year)),
  'models.formXlsx': ({ year, unitId }, ctx) => modelFormXlsx(ctx.db, year, unitId, ctx.now()),
  'models.formDocx': ({ year, unitId }, ctx) => modelFormDocx(ctx.db, year, unitId, ctx.now()),
  'models.import': async ({ file, dryRun, skipInvalid, year }, ctx) => {
    const beforeCommit = dryRun ? undefined : () => void backupBeforeBatch(ctx, `Trước khi nhập đăng ký mô hình "${file.name}"`);
    const result = await importModels(ctx.db, file, { dryRun, skipInvalid, year, beforeCommit }, ctx.now());
    if (!dryRun) ctx.emit('data.changed', { entity: 'models' });
    return result;
  },
  'models.exportRegister': ({ year }, ctx) => exportModelRegister(ctx.db, year, ctx.now()),
  // seconds with thousands of models: made in the work-ahead worker (export-off-thread.ts)
  'models.exportSummary': ({ year }, ctx) => makeFileOffThread(aheadRun(ctx), { what: 'models-summary', year, now: ctx.now() }),
} satisfies {
  [
    K in
      | 'models.list'
      | 'models.byUnit'
      | 'models.get'
      | 'models.save'
      | 'models.delete'
      | 'models.setStatus'
      | 'models.advanceStep'
      | 'models.addEvidence'
      | 'models.evidenceFile'
      | 'models.coverage'
      | 'models.formXlsx'
      | 'models.formDocx'
      | 'models.import'
      | 'models.exportRegister'
      | 'models.exportSummary'
  ]: Handler<K>;
};
