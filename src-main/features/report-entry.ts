// Manual entry of a unit report (phoned in, on paper, Zalo, email): the form's data, the value checks of the typed
// values (the import's flagRows: blocking findings need a reason, warnings are kept at their row) and the store as
// a new version through the import's db functions (supersede / held, audit, channel 'manual' + received_via).
import { AppError } from '../contract/errors';
import type { ReportIssue } from '../contract/parsed-report';
import type { MappedRow } from '../contract/reports';
import type { EntryCheck, EntryFinding, EntryForm, EntryResult } from '../contract/report-entry';
import type { EntryInput } from '../contract/report-entry';
import { ENTRY_VIA_LABELS, type EntryViaId } from '../contract/entry-labels';
import type { z } from 'zod';
import { isBlocking, type MeasuredFinding } from '../checks/value-checks';
import { addAudit } from '../db/audit';
import { unitHistory } from '../db/check-data';
import type { Db } from '../db/connection';
import * as rep from '../db/reports';
import { setReceivedVia } from '../db/report-entry';
import { getUnit } from '../db/units';
import { writeTx } from '../db/write-tx';
import type { AppContext } from '../handler/context';
import { classifyBlankWord, NOT_APPLICABLE } from '../text/blank-words';
import { formatViDate, todayInVietnam } from '../text/vi-date';
import { parseViNumber } from '../text/vi-number';
import { loadPlanContext, type PlanContext } from './report-import/context';
import { wantsNumber } from './report-import/row-mapping';
import { flagRows, missingRequired } from './report-import/value-flags';

/** The entry after validation (defaults applied). */
export type Input = z.output<typeof EntryInput>;

export function entryForm(db: Db, planId: number, unitId: number): EntryForm {
  const pc = loadPlanContext(db, planId);
  const unit = getUnit(db, unitId);
  if (!unit) throw new AppError('not_found', 'Không tìm thấy đơn vị. Hãy tải lại danh sách rồi chọn lại.');
  const active = rep.activeReport(db, planId, unitId);
  return {
    plan: { id: pc.plan.id, title: pc.plan.title, reportDueOn: pc.plan.reportDueOn },
    unit: { id: unit.id, code: unit.code, name: unit.name },
    indicators: pc.plan.targets.flatMap((t) => {
      const i = pc.byId.get(t.indicatorId);
      if (!i) return [];
      return [
        {
          indicatorId: i.id,
          code: i.code,
          groupCode: i.groupCode,
          label: i.label,
          unit: i.unit,
          unit2: i.unit2,
          numeric: wantsNumber(i),
          target: t.min === null && t.max === null && !t.text ? null : { min: t.min, max: t.max, text: t.text },
        },
      ];
    }),
    current: active
      ? {
          reportId: active.id,
          version: active.version,
          receivedOn: active.receivedOn,
          via: active.receivedVia,
          values: rep
            .valuesOf(db, active.id)
            .map((v) => ({ indicatorId: v.indicatorId, value: v.valueNum ?? v.valueText, value2: v.value2 })),
          narrative: rep.narrativeOf(db, active.id),
        }
      : null,
  };
}

interface Prepared {
  pc: PlanContext;
  unit: { id: number; code: string; name: string };
  values: rep.NewValue[];
  findings: EntryFinding[];
  issues: ReportIssue[];
  confirmed: { indicatorId: number; indicator: string; value: number | null; reason: string; findings: string[] }[];
}

const bad = (message: string) => new AppError('invalid_input', message);

/** Read and check the typed values; throws a Vietnamese message naming the row for input that cannot be stored. */
function prepare(ctx: AppContext, input: Input): Prepared {
  const pc = loadPlanContext(ctx.db, input.planId);
  const u = getUnit(ctx.db, input.unitId);
  if (!u) throw new AppError('not_found', 'Không tìm thấy đơn vị. Hãy tải lại danh sách rồi chọn lại.');
  const today = todayInVietnam(ctx.now());
  const [y, m, d] = input.receivedOn.split('-').map(Number) as [number, number, number];
  const shown = input.receivedOn.split('-').reverse().join('/');
  if (new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) !== input.receivedOn)
    throw bad(`Ngày nhận ${shown} không có thật. Hãy sửa ngày nhận (dd/mm/yyyy).`);
  if (y < 2000) throw bad(`Ngày nhận ${shown} quá xa trong quá khứ. Hãy sửa ngày nhận (dd/mm/yyyy).`);
  if (input.receivedOn > today)
    throw bad(`Ngày nhận ${formatViDate(input.receivedOn)} ở tương lai (hôm nay là ${formatViDate(today)}). Hãy sửa ngày nhận.`);
  const inPlan = new Set(pc.plan.targets.map((t) => t.indicatorId));
  const seen = new Set<number>();
  const values: rep.NewValue[] = [];
  const rows: MappedRow[] = [];
  for (const r of input.rows) {
    const ind = pc.byId.get(r.indicatorId);
    if (!ind || !inPlan.has(r.indicatorId)) throw bad('Có chỉ tiêu không thuộc kế hoạch này. Hãy tải lại biểu mẫu rồi nhập lại.');
    const name = `Dòng ${ind.code} – ${ind.label}`;
    if (seen.has(ind.id)) throw bad(`${name}: nhập hai lần. Hãy giữ một dòng.`);
    seen.add(ind.id);
    let num: number | null = null;
    let text: string | null = null;
    if (typeof r.value === 'number') num = r.value;
    else if (typeof r.value === 'string' && r.value.trim()) {
      const t = r.value.normalize('NFC').trim();
      if (!wantsNumber(ind)) text = t;
      else {
        const word = classifyBlankWord(t);
        const p = parseViNumber(t);
        if (word === 'zero') num = 0;
        else if (word === 'na' || t === NOT_APPLICABLE) text = NOT_APPLICABLE;
        else if (p && !p.suffix) num = p.value;
        else throw bad(`${name}: "${t}" không phải là số. Gõ chữ số kiểu Việt Nam (ví dụ 1.234,5), hoặc "x" nếu chỉ tiêu không áp dụng.`);
      }
    }
    if (r.value2 !== null && !ind.unit2) throw bad(`${name}: chỉ tiêu này không có số liệu thứ hai (trị giá). Hãy bỏ ô đó trống.`);
    if (num === null && text === null && r.value2 === null) continue;
    values.push({ indicatorId: ind.id, valueNum: num, valueText: text, value2: r.value2, note: null, cell: null });
    rows.push({ label: ind.label, cell: null, value: num ?? text, value2: r.value2, indicatorId: ind.id, sure: true, how: 'code' });
  }
  if (values.length === 0 && input.narrative.length === 0) throw bad('Chưa nhập số liệu nào. Hãy gõ kết quả của ít nhất một chỉ tiêu.');
  const reasons = new Map(input.confirmations.map((c) => [c.indicatorId, c.reason] as const));
  const findings: EntryFinding[] = [];
  const issues: ReportIssue[] = [];
  const confirmed: Prepared['confirmed'] = [];
  for (const { row, findings: fs } of flagRows(pc, u.id, rows, unitHistory(ctx.db, u.id, pc.plan.id))) {
    const id = row.indicatorId!;
    const ind = pc.byId.get(id)!;
    const reason = reasons.get(id);
    for (const f of fs) {
      findings.push({
        indicatorId: id,
        measure: (f as MeasuredFinding).measure === 2 ? 2 : 1,
        rule: f.rule,
        message: f.message,
        blocking: isBlocking(f),
        confirmed: !!reason,
      });
      // `rule` marks a value check's issue (the check view re-evaluates it live); a confirmed one says the reason
      issues.push({
        sheet: null,
        cell: null,
        severity: 'warning',
        message: `${ind.code} – ${ind.label}: ${f.message}${reason ? ` — Đã xác nhận khi nhập tay, lý do: ${reason}` : ''}`,
        rule: reason ? 'confirmed' : f.rule,
        indicatorId: id,
      } as ReportIssue);
    }
    if (reason)
      confirmed.push({
        indicatorId: id,
        indicator: `${ind.code} – ${ind.label}`,
        value: typeof row.value === 'number' ? row.value : null,
        reason,
        findings: fs.map((f) => f.message),
      });
  }
  issues.push(...missingRequired(pc, rows, null));
  return { pc, unit: { id: u.id, code: u.code, name: u.name }, values, findings, issues, confirmed };
}

const openOf = (findings: EntryFinding[]) => findings.filter((f) => f.blocking && !f.confirmed);

export function checkEntry(ctx: AppContext, input: Input): EntryCheck {
  const { findings } = prepare(ctx, input);
  return { findings, open: openOf(findings).length };
}

/** Store the typed report as a new version: nothing is stored while a blocking finding has no reason. */
export function enterReport(ctx: AppContext, input: Input): EntryResult {
  const p = prepare(ctx, input);
  const open = openOf(p.findings);
  if (open.length) {
    const byId = p.pc.byId;
    const first = open
      .slice(0, 3)
      .map((f) => `Dòng ${byId.get(f.indicatorId)?.code ?? ''} – ${byId.get(f.indicatorId)?.label ?? ''}: ${f.message}`)
      .join(' ');
    throw new AppError('invalid_input', `Chưa lưu báo cáo: ${open.length} giá trị bất thường cần sửa hoặc ghi lý do xác nhận. ${first}`, {
      findings: String(open.length),
    });
  }
  const now = ctx.now();
  const via = input.via as EntryViaId;
  const result = writeTx(ctx.db, (): EntryResult => {
    const planId = p.pc.plan.id;
    const active = rep.activeReport(ctx.db, planId, p.unit.id);
    const older = !!active && input.receivedOn < active.receivedOn;
    const reportId = rep.insertReport(
      ctx.db,
      {
        planId,
        unitId: p.unit.id,
        batchId: null,
        status: older ? 'held' : 'superseded',
        receivedOn: input.receivedOn,
        channel: 'manual',
        fileName: null,
        sha256: null,
        documentId: null,
        reader: 'manual',
        title: null,
        periodLabel: null,
        unitNameInFile: null,
        issues: p.issues.slice(0, 200),
      },
      p.values,
      input.narrative,
      now.toISOString(),
    );
    setReceivedVia(ctx.db, reportId, via);
    if (!older) rep.recomputeActive(ctx.db, planId, p.unit.id);
    const version = rep.getReport(ctx.db, reportId)!.version;
    addAudit(
      ctx.db,
      {
        action: 'reports.enter',
        entity: 'reports',
        entityId: reportId,
        summary: `Nhập tay báo cáo của ${p.unit.code} – ${p.unit.name} (bản ${version}, nhận ngày ${formatViDate(input.receivedOn)} qua ${ENTRY_VIA_LABELS[via].toLowerCase()}; ${p.values.length} chỉ tiêu)${input.note ? `; ghi chú: ${input.note}` : ''}`,
        details: {
          planId,
          unitId: p.unit.id,
          version,
          via,
          receivedOn: input.receivedOn,
          values: p.values.length,
          replaced: active?.id ?? null,
          held: older,
        },
      },
      now,
    );
    for (const c of p.confirmed) {
      addAudit(
        ctx.db,
        {
          action: 'report.value_confirmed',
          entity: 'reports',
          entityId: reportId,
          summary: `Xác nhận giá trị bất thường của ${p.unit.code}, ${c.indicator}: ${c.value ?? '(trống)'}; lý do: ${c.reason}`,
          details: c,
        },
        now,
      );
    }
    return { reportId, version, status: older ? 'held' : active ? 'superseded' : 'imported', findings: p.findings };
  });
  ctx.emit('data.changed', { entity: 'reports' });
  return result;
}
