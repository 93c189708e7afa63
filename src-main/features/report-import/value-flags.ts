// The value checks applied to a file's mapped rows at import: each number is checked against the plan's target, the
// other units' values (peers) and the unit's own history; a flagged row is stored only when the user confirmed it
// with a reason (audited), else its value is left out and said so at its cell.
import type { ReportIssue } from '../../contract/parsed-report';
import type { MappedRow } from '../../contract/reports';
import { checkBreakdown, checkMeasures, isBlocking, type CheckFinding } from '../../checks/value-checks';
import type { ParsedReport } from '../../contract/parsed-report';
import { fold } from '../../text/vi-text';
import type { PlanContext } from './context';
import { peerSampler, type PeerSampler } from './peer-sample';
import { cellOf, rowPlace, splitPlace } from './row-mapping';

export interface FlaggedRow {
  row: MappedRow;
  findings: CheckFinding[];
  /** Held until the user corrects or confirms it (see BLOCKING_RULES); else a warning only. */
  blocking: boolean;
}

/** "Trong đó" sub-rows of the file against their parent row: findings keyed by the parent's place (sheet!row). */
function breakdownFindings(report: ParsedReport | undefined): Map<string, CheckFinding> {
  const out = new Map<string, CheckFinding>();
  if (!report?.sheet) return out;
  const parts = new Map<number, { label: string; value: number | null }[]>();
  const sameUnit = (a: string | null, b: string | null) => !a || !b || fold(a) === fold(b);
  for (const r of report.rows) {
    if (!r.isBreakdown || r.parentIndex === null) continue;
    const parent = report.rows[r.parentIndex];
    // a part is comparable with its whole only in the same unit: our template's second measure ("Trị giá",
    // triệu đồng, code "#2") under a count of houses is no part of it
    if (!parent || (r.code && /#2$/.test(r.code)) || !sameUnit(r.unit, parent.unit)) continue;
    parts.set(r.parentIndex, [
      ...(parts.get(r.parentIndex) ?? []),
      { label: r.label, value: typeof r.value === 'number' ? r.value : null },
    ]);
  }
  for (const [i, list] of parts) {
    const parent = report.rows[i];
    if (!parent || typeof parent.value !== 'number') continue;
    const f = checkBreakdown({ label: parent.label, value: parent.value }, list);
    const at = cellOf(report, parent);
    if (f && at) out.set(at, f);
  }
  return out;
}

/** One peer sampler per batch (plan context): the peers of each indicator summed up once. */
const samplers = new WeakMap<PlanContext, PeerSampler>();
function samplerOf(pc: PlanContext): PeerSampler {
  let s = samplers.get(pc);
  if (!s) samplers.set(pc, (s = peerSampler(pc.peers)));
  return s;
}

/** Rows whose value the checks flag (peers: the other units' values; history: this unit's earlier values; the file's "Trong đó" rows). */
export function flagRows(
  pc: PlanContext,
  unitId: number,
  rows: readonly MappedRow[],
  history: Map<number, number[]>,
  report?: ParsedReport,
): FlaggedRow[] {
  const out: FlaggedRow[] = [];
  const breakdowns = breakdownFindings(report);
  const peersOf = samplerOf(pc);
  for (const row of rows) {
    if (row.indicatorId === null) continue;
    const ind = pc.byId.get(row.indicatorId);
    if (!ind) continue;
    const value = typeof row.value === 'number' ? row.value : null;
    if (value === null && row.value2 === null) continue;
    const target = pc.targetMin.get(row.indicatorId) ?? null;
    const findings: CheckFinding[] = checkMeasures({
      indicator: ind,
      value,
      value2: row.value2,
      target,
      history: history.get(row.indicatorId) ?? [],
      peers: peersOf(row.indicatorId, unitId, 'value'),
      unit2: ind.unit2,
      peers2: peersOf(row.indicatorId, unitId, 'value2'),
    });
    const part = row.cell ? breakdowns.get(row.cell) : undefined;
    if (part) findings.push(part);
    if (findings.length) out.push({ row, findings, blocking: findings.some(isBlocking) });
  }
  return out;
}

/** The plan's indicators the catalog marks as required that the file gives no value for: one warning each. */
export function missingRequired(pc: PlanContext, rows: readonly MappedRow[], sheet: string | null): ReportIssue[] {
  const given = new Set(rows.filter((r) => r.indicatorId !== null && r.value !== null && r.value !== '').map((r) => r.indicatorId));
  return pc.planIndicators
    .filter((i) => i.rules.required && !given.has(i.id))
    .map((i) => ({
      sheet,
      cell: null,
      severity: 'warning' as const,
      message: `Thiếu số liệu của chỉ tiêu bắt buộc ${i.code} – ${i.label}: hãy đề nghị đơn vị bổ sung (hoặc ghi "không áp dụng" nếu chỉ tiêu không áp dụng cho đơn vị).`,
    }));
}

/** One warning per finding, at the value's sheet and cell, naming the indicator. */
export function flagIssues(pc: PlanContext, flagged: readonly Pick<FlaggedRow, 'row' | 'findings'>[]): ReportIssue[] {
  return flagged.flatMap(({ row, findings }) => {
    const ind = pc.byId.get(row.indicatorId!);
    const where = splitPlace(row.cell);
    // `rule` marks an issue as a value check's (re-evaluated live by the check view, so never listed twice)
    return findings.map(
      (f) =>
        ({
          ...where,
          severity: 'warning' as const,
          message: `${rowPlace(row.cell, null)}: ${ind ? `${ind.code} – ${ind.label}` : row.label}: ${f.message}`,
          rule: f.rule,
          indicatorId: row.indicatorId,
        }) as ReportIssue,
    );
  });
}
