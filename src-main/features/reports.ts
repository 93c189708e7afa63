// Reports feature: import preview/commit/undo, per-plan report list (on time / late / missing), one report's
// values vs targets with its versions, held-report decisions, audited manual edits, templates out.
import { AppError } from '../contract/errors';
import type { ReportDetail, ReportListRow } from '../contract/reports';
import { addAudit } from '../db/audit';
import type { Db } from '../db/connection';
import { listIndicators } from '../db/indicators';
import * as rep from '../db/reports';
import { getUnit } from '../db/units';
import { unitTargetsOf } from '../db/unit-targets';
import { buildTemplates } from './report-templates';
import type { Handler } from '../handler/handler';
import { requestCancel } from './report-import/cancel';
import { commitBatch, isBatchRunning } from './report-import/commit';
import { splitPlace } from './report-import/row-mapping';
import { previewBatch } from './report-import/preview';
import { missingFromStage, resolveCommitFiles } from './report-import/stage';
import { backupBeforeBatchOffThread } from '../data-file/backup-store';
import { isBlocking } from '../checks/value-checks';
import { correctionRequestsOfPlan, lastCorrectionRequest } from '../db/corrections';
import { editFindings } from './value-review';
import { writeTx } from '../db/write-tx';
import { planOrThrow } from './plan-lookup';
import { planUnitBriefs, type UnitBrief } from '../db/page-queries';
import { cachedByDataVersion } from './data-version-cache';

let viCollator: Intl.Collator | undefined;
/** localeCompare(b, 'vi') made once (a 5,000-unit list sorts in half the time), on first use (not at every start). */
const byVietnameseName = (a: string, b: string): number => (viCollator ??= new Intl.Collator('vi')).compare(a, b);

/** The plan's units with their report in use and its timeliness; `units` when the caller has read them already. */
export function reportList(db: Db, planId: number, units: ReadonlyMap<number, UnitBrief> = planUnitBriefs(db, planId)): ReportListRow[] {
  const plan = planOrThrow(db, planId);
  // one query for the plan's reports and one for the units (not one lookup per unit)
  const byUnit = rep.reportsByUnit(db, planId);
  const ids = [...new Set([...plan.unitIds, ...byUnit.keys()])];
  const asked = correctionRequestsOfPlan(db, planId);
  const rows: ReportListRow[] = [];
  for (const id of ids) {
    const u = units.get(id);
    if (!u) continue;
    const all = byUnit.get(id) ?? [];
    const active = all.find((r) => r.status === 'active');
    // on time = the first usable report arrived by the deadline; a later correction does not make the unit late
    const firstOn = all
      .filter((r) => r.status !== 'revoked')
      .reduce((m, r) => (r.receivedOn < m ? r.receivedOn : m), active?.receivedOn ?? '');
    const due = plan.reportDueOn;
    const late = !!active && !!due && firstOn > due;
    rows.push({
      unit: { id: u.id, code: u.code, name: u.name },
      state: !active ? 'missing' : late ? 'late' : 'on_time',
      report: active
        ? {
            id: active.id,
            version: active.version,
            receivedOn: active.receivedOn,
            channel: active.channel,
            receivedVia: active.receivedVia,
            fileName: active.fileName,
            versions: all.filter((r) => r.status !== 'revoked').length,
            held: all.filter((r) => r.status === 'held').length,
            issueCount: active.issueCount,
            correctionRequestedOn: asked.get(active.id) ?? null,
            firstReceivedOn: firstOn,
            correctedAfterDue: !late && !!due && active.receivedOn > due,
          }
        : null,
    });
  }
  return rows.sort((a, b) => byVietnameseName(a.unit.name, b.unit.name));
}

export function reportDetail(db: Db, reportId: number): ReportDetail {
  const r = rep.getReport(db, reportId);
  if (!r) throw new AppError('not_found', 'Không tìm thấy báo cáo (có thể đã bị huỷ). Hãy tải lại danh sách.');
  const plan = planOrThrow(db, r.planId);
  const unit = getUnit(db, r.unitId);
  const indicators = new Map(listIndicators(db).map((i) => [i.id, i]));
  const targets = new Map(plan.targets.map((t) => [t.indicatorId, t]));
  // the unit's own target (chỉ tiêu giao cho đơn vị) where it has one: its report is judged against that
  const own = new Map(
    unitTargetsOf(db, r.planId)
      .filter((c) => c.unitId === r.unitId)
      .map((c) => [c.indicatorId, c.target]),
  );
  const values = rep.valuesOf(db, reportId);
  const byInd = new Map(values.map((v) => [v.indicatorId, v]));
  const order = [...plan.targets.map((t) => t.indicatorId), ...values.map((v) => v.indicatorId).filter((id) => !targets.has(id))];
  return {
    id: r.id,
    planId: r.planId,
    unit: { id: r.unitId, code: unit?.code ?? '', name: unit?.name ?? '' },
    version: r.version,
    status: r.status,
    receivedOn: r.receivedOn,
    channel: r.channel,
    receivedVia: r.receivedVia,
    fileName: r.fileName,
    title: r.title,
    values: order.flatMap((id) => {
      const i = indicators.get(id);
      if (!i) return [];
      const v = byInd.get(id);
      const t = targets.get(id);
      return [
        {
          indicatorId: id,
          code: i.code,
          groupCode: i.groupCode,
          label: i.label,
          unit: i.unit,
          unit2: i.unit2,
          target: own.has(id)
            ? { min: own.get(id)!, max: null, text: null, scope: 'per_unit' as const }
            : t
              ? { min: t.min, max: t.max, text: t.text, scope: t.scope }
              : null,
          value: v ? (v.valueNum ?? v.valueText) : null,
          value2: v?.value2 ?? null,
          edited: v?.edited ?? false,
          sourceCell: v?.cell ?? null,
        },
      ];
    }),
    narrative: rep.narrativeOf(db, reportId),
    issues: r.issues,
    correctionRequestedOn: lastCorrectionRequest(db, reportId)?.sentOn ?? null,
    versions: rep.reportsOf(db, r.planId, r.unitId).map((x) => ({
      id: x.id,
      version: x.version,
      status: x.status,
      receivedOn: x.receivedOn,
      fileName: x.fileName,
      receivedVia: x.receivedVia,
    })),
  };
}

export const reportsHandlers = {
  'reports.preview': async ({ planId, files, taskId }, ctx) => ({
    files: await previewBatch(ctx, planId, files, taskId ?? 'reports.preview'),
  }),
  'reports.commit': async ({ planId, files, taskId }, ctx) => {
    const plan = planOrThrow(ctx.db, planId);
    const task = taskId ?? 'reports.commit';
    // The backup takes seconds on a large database (its check off the main thread): say so first.
    ctx.emit('progress', { task, done: 0, total: files.length, message: 'Đang sao lưu dữ liệu trước khi nhập…' });
    await new Promise((r) => setImmediate(r));
    const resolved = resolveCommitFiles(planId, files); // staged files by hash (not sent nor parsed again)
    await backupBeforeBatchOffThread(ctx, `Trước khi nhập ${files.length} báo cáo cho kế hoạch "${plan.title}"`);
    return commitBatch(ctx, planId, resolved, task);
  },
  'reports.stageCheck': ({ planId, sha256s }) => ({ missing: missingFromStage(planId, sha256s) }),
  'reports.batches': ({ planId }, ctx) =>
    rep.listBatches(ctx.db, planId).map((b) => (b.interrupted && isBatchRunning(b.id) ? { ...b, interrupted: false, notIn: [] } : b)),
  'reports.undoBatch': ({ batchId }, ctx) => {
    const b = rep.getBatch(ctx.db, batchId);
    if (!b) throw new AppError('not_found', 'Không tìm thấy lần nhập này.');
    if (b.status === 'undone') throw new AppError('conflict', 'Lần nhập này đã được hoàn tác trước đó.');
    const revoked = writeTx(ctx.db, () => {
      const n = rep.undoBatch(ctx.db, batchId, ctx.now().toISOString());
      addAudit(
        ctx.db,
        { action: 'reports.undo', entity: 'import_batches', entityId: batchId, summary: `Hoàn tác lần nhập #${batchId}: huỷ ${n} báo cáo` },
        ctx.now(),
      );
      return n;
    });
    ctx.emit('data.changed', { entity: 'reports' });
    return { revoked };
  },
  // the same list again while the data is unchanged (a 4,909-unit plan's list: ~60–110 ms to make)
  'reports.list': ({ planId }, ctx) => cachedByDataVersion(ctx.db, `reports.list|${planId}`, () => reportList(ctx.db, planId), 'lists'),
  'reports.get': ({ reportId }, ctx) => reportDetail(ctx.db, reportId),
  'reports.decideHeld': ({ reportId, action }, ctx) => {
    const r = rep.getReport(ctx.db, reportId);
    if (!r || r.status !== 'held') throw new AppError('conflict', 'Báo cáo này không ở trạng thái chờ quyết định.');
    writeTx(ctx.db, () => {
      if (action === 'revoke') rep.setReportStatus(ctx.db, reportId, 'revoked');
      else rep.chooseReport(ctx.db, reportId, ctx.now().toISOString());
      addAudit(
        ctx.db,
        {
          action: `reports.held.${action}`,
          entity: 'reports',
          entityId: reportId,
          summary: `${action === 'activate' ? 'Dùng' : 'Huỷ'} báo cáo cũ hơn (bản ${r.version})`,
        },
        ctx.now(),
      );
    });
    ctx.emit('data.changed', { entity: 'reports' });
    return reportDetail(ctx.db, reportId);
  },
  'reports.editValue': ({ reportId, indicatorId, value, note, value2, reason }, ctx) => {
    const before = reportDetail(ctx.db, reportId);
    const old = before.values.find((v) => v.indicatorId === indicatorId);
    if (!old) throw new AppError('invalid_input', 'Chỉ tiêu này không thuộc báo cáo. Hãy tải lại báo cáo.');
    const new2 = value2 === undefined ? old.value2 : value2;
    // a value typed by hand is checked like an imported one: an odd one needs a reason
    const held = editFindings(ctx.db, before, indicatorId, typeof value === 'number' ? value : null, new2).filter(isBlocking);
    if (held.length && !reason)
      throw new AppError('invalid_input', `${held.map((f) => f.message).join(' ')} Nếu giá trị đúng, hãy ghi lý do xác nhận rồi lưu lại.`, {
        reason: 'Cần lý do xác nhận',
      });
    writeTx(ctx.db, () => {
      rep.setValue(
        ctx.db,
        reportId,
        indicatorId,
        typeof value === 'number' ? value : null,
        typeof value === 'string' ? value : null,
        note,
        new2,
      );
      const second =
        new2 !== old.value2
          ? `; ${old.unit2 ? `trị giá (${old.unit2})` : 'số liệu thứ hai'}: ${old.value2 ?? '(trống)'} → ${new2 ?? '(trống)'}`
          : '';
      addAudit(
        ctx.db,
        {
          action: 'reports.edit',
          entity: 'reports',
          entityId: reportId,
          summary: `Sửa tay "${old.label}" của ${before.unit.name}: ${old.value ?? '(trống)'} → ${value ?? '(trống)'}${second}${held.length ? `; giá trị bất thường được xác nhận, lý do: ${reason}` : ''}`,
          details: {
            indicatorId,
            old: old.value,
            new: value,
            old2: old.value2,
            new2,
            reason: reason ?? null,
            findings: held.map((f) => f.message),
          },
        },
        ctx.now(),
      );
      if (held.length && reason) {
        rep.addReportIssue(ctx.db, reportId, {
          ...splitPlace(old.sourceCell),
          severity: 'warning',
          message: `${old.code} – ${old.label}: ${held[0]!.message} — Đã xác nhận khi sửa tay, lý do: ${reason}`,
          rule: 'confirmed',
          indicatorId,
        });
      }
    });
    ctx.emit('data.changed', { entity: 'reports' });
    return reportDetail(ctx.db, reportId);
  },
  'reports.templates': ({ planId, unitIds, zip }, ctx) => buildTemplates(ctx.db, planId, unitIds, zip, ctx.now()),
  'tasks.cancel': ({ task }) => ({ cancelled: requestCancel(task) }),
} satisfies {
  [
    K in
      | 'reports.preview'
      | 'reports.commit'
      | 'reports.batches'
      | 'reports.undoBatch'
      | 'reports.list'
      | 'reports.get'
      | 'reports.decideHeld'
      | 'reports.editValue'
      | 'reports.templates'
      | 'tasks.cancel'
      | 'reports.stageCheck'
  ]: Handler<K>;
};
