// "Kiểm tra số liệu" of a plan: the value checks run over every value in use (active reports), with the unit, the
// indicator, where the value was read, and whether it was confirmed at import. Used by the check view, the CLI
// (`check-values`) and the exports (the open-warning count).
import type { ValueWarning } from '../contract/checks';
import type { ReportDetail } from '../contract/reports';
import { checkMeasures, isBlocking, sampleStats, type CheckFinding, type PeerStats } from '../checks/value-checks';
import { peerSampler } from './report-import/peer-sample';
import { splitPlace } from './report-import/row-mapping';
import { confirmedValues, planActiveFiles, planPeerValues, planStoredValueRows, planUnitHistories, unitHistory } from '../db/check-data';
import type { Db } from '../db/connection';
import { listIndicators } from '../db/indicators';
import { planOrThrow } from './plan-lookup';
import { getPlan } from '../db/plans';
import { unitRefsById } from '../db/units';

const NO_HISTORY: readonly number[] = [];
const summed = new WeakMap<readonly number[], PeerStats>();
/** A unit's history of one indicator summed up once: the histories are kept between runs (planUnitHistories) while
 *  the other plans are unchanged, and so are their sums. */
function historyStats(xs: readonly number[]): PeerStats {
  let s = summed.get(xs);
  if (!s) summed.set(xs, (s = sampleStats(xs)));
  return s;
}

export function planWarnings(db: Db, planId: number): ValueWarning[] {
  const plan = planOrThrow(db, planId);
  const indicators = new Map(listIndicators(db, true).map((i) => [i.id, i]));
  const targets = new Map(plan.targets.map((t) => [t.indicatorId, t.min]));
  const peers = planPeerValues(db, planId);
  const confirmed = confirmedValues(db, planId);
  const histories = planUnitHistories(db, planId); // every unit's earlier values in one query, not one per unit
  const none = new Map<number, number[]>();
  const othersOf = peerSampler(peers); // O(values), not O(values²): each indicator's peers summed up once
  const out: ValueWarning[] = [];
  const files = planActiveFiles(db, planId);
  const rows = planStoredValueRows(db, planId);
  // the units' codes and names alone (the register's list also counts every unit's records)
  const units = unitRefsById(db, [...new Set(rows.map((r) => r[1]))]);
  for (const [reportId, unitId, indicatorId, value1, value2, cell] of rows) {
    const ind = indicators.get(indicatorId);
    if (!ind) continue;
    const history = histories.get(unitId) ?? none;
    const found = checkMeasures({
      indicator: ind,
      value: value1,
      value2,
      target: targets.get(indicatorId) ?? null,
      // only a number of a number indicator is judged against its past: summed up for those alone
      history: value1 !== null && ind.aggregation !== 'text' ? historyStats(history.get(indicatorId) ?? NO_HISTORY) : [],
      peers: othersOf(indicatorId, unitId, 'value'),
      unit2: ind.unit2,
      peers2: othersOf(indicatorId, unitId, 'value2'),
    });
    if (found.length === 0) continue;
    const unit = units.get(unitId)!; // the rows come joined to their unit
    for (const f of found) {
      out.push({
        reportId,
        unitId,
        unitCode: unit.code,
        unitName: unit.name,
        indicatorId,
        indicatorCode: ind.code,
        indicatorLabel: ind.label,
        rule: f.rule,
        blocking: isBlocking(f),
        value: f.measure === 1 ? value1 : value2,
        expected: f.expected,
        message: f.message,
        file: files.get(reportId) ?? null,
        ...splitPlace(cell),
        status: confirmed.has(`${reportId}:${indicatorId}`) ? 'confirmed' : 'open',
      });
    }
  }
  return out;
}

/** What the checks find in a value typed by hand into a report (peers: the plan's other units; history: this unit's). */
export function editFindings(
  db: Db,
  report: ReportDetail,
  indicatorId: number,
  value: number | null,
  value2: number | null,
): CheckFinding[] {
  const plan = getPlan(db, report.planId);
  const ind = listIndicators(db, true).find((i) => i.id === indicatorId);
  if (!plan || !ind) return [];
  const peersOf = peerSampler(planPeerValues(db, report.planId));
  const target = plan.targets.find((t) => t.indicatorId === indicatorId)?.min ?? null;
  return checkMeasures({
    indicator: ind,
    value,
    value2,
    target,
    history: unitHistory(db, report.unit.id, report.planId).get(indicatorId) ?? [],
    peers: peersOf(indicatorId, report.unit.id, 'value'),
    unit2: ind.unit2,
    peers2: peersOf(indicatorId, report.unit.id, 'value2'),
  });
}
