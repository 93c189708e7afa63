// "Kiểm tra số liệu" as computed before issue #17 (each unit's history read by its own query, unitHistory), kept as
// the oracle the plan-wide computation is compared with (tests/rpc/value-review-equivalence.test.ts); the checks
// themselves (checkMeasures, the peer sampler) are the app's own. Test-only.
import type { ValueWarning } from '../../src-main/contract/checks';
import { checkMeasures, isBlocking } from '../../src-main/checks/value-checks';
import { peerSampler } from '../../src-main/features/report-import/peer-sample';
import { splitPlace } from '../../src-main/features/report-import/row-mapping';
import { confirmedValues, unitHistory, type PeerValue } from '../../src-main/db/check-data';
import type { Db } from '../../src-main/db/connection';
import { listIndicators } from '../../src-main/db/indicators';
import { planOrThrow } from '../../src-main/features/plan-lookup';
import { listUnits } from '../../src-main/db/units';

export function referencePlanWarnings(db: Db, planId: number): ValueWarning[] {
  const plan = planOrThrow(db, planId);
  const indicators = new Map(listIndicators(db, true).map((i) => [i.id, i]));
  const units = new Map(listUnits(db, true).map((u) => [u.id, u]));
  const targets = new Map(plan.targets.map((t) => [t.indicatorId, t.min]));
  const peers = referencePeerValues(db, planId);
  const confirmed = confirmedValues(db, planId);
  const histories = new Map<number, Map<number, number[]>>();
  const othersOf = peerSampler(peers);
  const out: ValueWarning[] = [];
  for (const v of planStoredValues(db, planId)) {
    const ind = indicators.get(v.indicatorId);
    if (!ind) continue;
    let history = histories.get(v.unitId);
    if (!history) histories.set(v.unitId, (history = unitHistory(db, v.unitId, planId)));
    const found = checkMeasures({
      indicator: ind,
      value: v.value,
      value2: v.value2,
      target: targets.get(v.indicatorId) ?? null,
      history: history.get(v.indicatorId) ?? [],
      peers: othersOf(v.indicatorId, v.unitId, 'value'),
      unit2: ind.unit2,
      peers2: othersOf(v.indicatorId, v.unitId, 'value2'),
    });
    const unit = units.get(v.unitId);
    for (const f of found) {
      const value = f.measure === 1 ? v.value : v.value2;
      out.push({
        reportId: v.reportId,
        unitId: v.unitId,
        unitCode: v.unitCode,
        unitName: unit?.name ?? v.unitCode,
        indicatorId: v.indicatorId,
        indicatorCode: ind.code,
        indicatorLabel: ind.label,
        rule: f.rule,
        blocking: isBlocking(f),
        value,
        expected: f.expected,
        message: f.message,
        file: v.fileName,
        ...splitPlace(v.cell),
        status: confirmed.has(`${v.reportId}:${v.indicatorId}`) ? 'confirmed' : 'open',
      });
    }
  }
  return out;
}

/** The plan's peers as read before issue #17's kept values: one query over the plan's active reports. */
export function referencePeerValues(db: Db, planId: number): Map<number, PeerValue[]> {
  const rows = db
    .prepare(
      `SELECT r.unit_id AS unitId, v.indicator_id AS indicatorId, v.value_num AS value, v.value2_num AS value2
       FROM reports r JOIN report_values v ON v.report_id = r.id
       WHERE r.plan_id = ? AND r.status = 'active' AND (v.value_num IS NOT NULL OR v.value2_num IS NOT NULL)`,
    )
    .all(planId) as (PeerValue & { indicatorId: number })[];
  const out = new Map<number, PeerValue[]>();
  for (const { indicatorId, ...p } of rows) {
    const list = out.get(indicatorId);
    if (list) list.push(p);
    else out.set(indicatorId, [p]);
  }
  return out;
}

/** Every active value of a plan as read before issue #17's raw rows: an object per value, with its unit and file. */
function planStoredValues(db: Db, planId: number) {
  return db
    .prepare(
      `SELECT r.id AS reportId, r.unit_id AS unitId, u.code AS unitCode, v.indicator_id AS indicatorId, v.value_num AS value,
              v.value2_num AS value2, r.file_name AS fileName, v.source_cell AS cell
       FROM reports r JOIN report_values v ON v.report_id = r.id JOIN units u ON u.id = r.unit_id
       WHERE r.plan_id = ? AND r.status = 'active' AND (v.value_num IS NOT NULL OR v.value2_num IS NOT NULL)
       ORDER BY u.code, v.indicator_id`,
    )
    .all(planId) as {
    reportId: number;
    unitId: number;
    unitCode: string;
    indicatorId: number;
    value: number | null;
    value2: number | null;
    fileName: string | null;
    cell: string | null;
  }[];
}
