// "Kiểm tra số liệu" of a plan: the value checks run over every value in use (active reports), with the unit, the
// indicator, where the value was read, and whether it was confirmed at import. Used by the check view, the CLI
// (`check-values`) and the exports (the open-warning count).
import type { ValueWarning } from '../contract/checks';
import type { ReportDetail } from '../contract/reports';
import { AppError } from '../contract/errors';
import { checkValue, DEFAULT_CHECKS, isBlocking, peerStats, type CheckFinding, type PeerStats } from '../checks/value-checks';
import { confirmedValues, planPeerValues, planStoredValues, unitHistory } from '../db/check-data';
import type { Db } from '../db/connection';
import { listIndicators } from '../db/indicators';
import { getPlan } from '../db/plans';
import { listUnits } from '../db/units';

function splitCell(cell: string | null): { sheet: string | null; cell: string | null } {
  if (!cell) return { sheet: null, cell: null };
  const i = cell.lastIndexOf('!');
  return i < 0 ? { sheet: null, cell } : { sheet: cell.slice(0, i), cell: cell.slice(i + 1) };
}

export function planWarnings(db: Db, planId: number): ValueWarning[] {
  const plan = getPlan(db, planId);
  if (!plan) throw new AppError('not_found', 'Không tìm thấy kế hoạch. Hãy tải lại danh sách kế hoạch rồi chọn lại.');
  const indicators = new Map(listIndicators(db, true).map((i) => [i.id, i]));
  const units = new Map(listUnits(db, true).map((u) => [u.id, u]));
  const targets = new Map(plan.targets.map((t) => [t.indicatorId, t.min]));
  const peers = planPeerValues(db, planId);
  const confirmed = confirmedValues(db, planId);
  const histories = new Map<number, Map<number, number[]>>();
  // the other units' values, summed up once per indicator: with many units one unit's own value moves the median
  // and MAD by next to nothing, so it is left in (exact, without it, for small plans) — O(values), not O(values²)
  const LARGE = 20;
  const stats = new Map<number, { main: PeerStats; second: PeerStats }>();
  for (const [id, list] of peers)
    stats.set(id, { main: peerStats(list.flatMap((p) => (p.value === null ? [] : [p.value]))), second: peerStats(list.flatMap((p) => (p.value2 === null ? [] : [p.value2]))) });
  const othersOf = (indicatorId: number, unitId: number, which: 'value' | 'value2'): PeerStats | number[] => {
    const all = peers.get(indicatorId) ?? [];
    const st = stats.get(indicatorId);
    if (st && all.length >= LARGE) return which === 'value' ? st.main : st.second;
    return all.filter((p) => p.unitId !== unitId).flatMap((p) => (p[which] === null ? [] : [p[which] as number]));
  };
  const out: ValueWarning[] = [];
  for (const v of planStoredValues(db, planId)) {
    const ind = indicators.get(v.indicatorId);
    if (!ind) continue;
    let history = histories.get(v.unitId);
    if (!history) histories.set(v.unitId, (history = unitHistory(db, v.unitId, planId)));
    const found: { f: CheckFinding; value: number | null }[] = checkValue(
      { indicator: ind, value: v.value, value2: v.value2, target: targets.get(v.indicatorId) ?? null, peers: othersOf(v.indicatorId, v.unitId, 'value'), history: history.get(v.indicatorId) ?? [] },
      DEFAULT_CHECKS,
    ).map((f) => ({ f, value: v.value }));
    if (v.value2 !== null && ind.unit2) {
      const second = checkValue({ indicator: { ...ind, unit: ind.unit2 }, value: v.value2, peers: othersOf(v.indicatorId, v.unitId, 'value2') }, DEFAULT_CHECKS);
      for (const f of second) found.push({ f: { ...f, message: `Số liệu thứ hai (${ind.unit2}): ${f.message}` }, value: v.value2 });
    }
    const unit = units.get(v.unitId);
    for (const { f, value } of found)
      out.push({
        reportId: v.reportId, unitId: v.unitId, unitCode: v.unitCode, unitName: unit?.name ?? v.unitCode, indicatorId: v.indicatorId,
        indicatorCode: ind.code, indicatorLabel: ind.label, rule: f.rule, blocking: isBlocking(f), value, expected: f.expected, message: f.message,
        file: v.fileName, ...splitCell(v.cell), status: confirmed.has(`${v.reportId}:${v.indicatorId}`) ? 'confirmed' : 'open',
      });
  }
  return out;
}

/** What the checks find in a value typed by hand into a report (peers: the plan's other units; history: this unit's). */
export function editFindings(db: Db, report: ReportDetail, indicatorId: number, value: number | null, value2: number | null): CheckFinding[] {
  const plan = getPlan(db, report.planId);
  const ind = listIndicators(db, true).find((i) => i.id === indicatorId);
  if (!plan || !ind) return [];
  const others = (planPeerValues(db, report.planId).get(indicatorId) ?? []).filter((p) => p.unitId !== report.unit.id);
  const target = plan.targets.find((t) => t.indicatorId === indicatorId)?.min ?? null;
  const found = checkValue(
    { indicator: ind, value, value2, target, peers: others.flatMap((p) => (p.value === null ? [] : [p.value])), history: unitHistory(db, report.unit.id, report.planId).get(indicatorId) ?? [] },
    DEFAULT_CHECKS,
  );
  if (value2 !== null && ind.unit2)
    for (const f of checkValue({ indicator: { ...ind, unit: ind.unit2 }, value: value2, peers: others.flatMap((p) => (p.value2 === null ? [] : [p.value2])) }, DEFAULT_CHECKS))
      found.push({ ...f, message: `Số liệu thứ hai (${ind.unit2}): ${f.message}` });
  return found;
}
