// Per-unit targets feature: the plan's grid (assigned units × plan indicators), hand edits, and splitting the plan
// target among the assigned units by members or equally; each change is one audited write transaction.
import { AppError } from '../contract/errors';
import type { UnitTargetGrid } from '../contract/unit-targets';
import { addAudit } from '../db/audit';
import type { Db } from '../db/connection';
import { listIndicators } from '../db/indicators';
import { listUnits } from '../db/units';
import { clearIndicatorTargets, putUnitTargets, unitTargetsOf } from '../db/unit-targets';
import { writeTx } from '../db/write-tx';
import type { Handler } from '../handler/handler';
import { splitByWeights, splitEqually } from '../text/split-target';
import { compareVi } from '../text/vi-text';
import { planOrThrow } from './plan-lookup';

let viNumber4: Intl.NumberFormat | undefined; // made once (~20 µs each otherwise), on first use (not at every start)
const fmt = (n: number): string => (viNumber4 ??= new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 4 })).format(n);

export function unitTargetGrid(db: Db, planId: number): UnitTargetGrid {
  const plan = planOrThrow(db, planId);
  const assigned = new Set(plan.unitIds);
  const units = listUnits(db)
    .filter((u) => assigned.has(u.id))
    .sort((a, b) => compareVi(a.name, b.name))
    .map((u) => ({ id: u.id, code: u.code, name: u.name, members: u.members }));
  const catalog = new Map(listIndicators(db).map((i) => [i.id, i]));
  const cells = unitTargetsOf(db, planId).filter((c) => assigned.has(c.unitId));
  const sums = new Map<number, number>();
  for (const c of cells) sums.set(c.indicatorId, (sums.get(c.indicatorId) ?? 0) + c.target);
  const indicators = plan.targets.map((t) => ({
    indicatorId: t.indicatorId,
    code: t.code,
    label: t.label,
    unit: t.unit,
    aggregation: catalog.get(t.indicatorId)?.aggregation ?? 'sum',
    planTarget: t.min ?? t.max,
    scope: t.scope,
    assigned: sums.has(t.indicatorId) ? Math.round(sums.get(t.indicatorId)! * 1e6) / 1e6 : null,
  }));
  const inPlan = new Set(indicators.map((i) => i.indicatorId));
  return { planId, units, indicators, cells: cells.filter((c) => inPlan.has(c.indicatorId)) };
}

function saveUnitTargets(
  db: Db,
  planId: number,
  cells: { unitId: number; indicatorId: number; target: number | null }[],
  now: Date,
): UnitTargetGrid {
  const grid = unitTargetGrid(db, planId);
  const units = new Set(grid.units.map((u) => u.id));
  const inds = new Set(grid.indicators.map((i) => i.indicatorId));
  const stray = cells.find((c) => !units.has(c.unitId) || !inds.has(c.indicatorId));
  if (stray)
    throw new AppError('invalid_input', 'Có ô chỉ tiêu của đơn vị hoặc chỉ tiêu không thuộc kế hoạch này. Hãy tải lại trang rồi nhập lại.');
  writeTx(db, () => {
    putUnitTargets(
      db,
      planId,
      cells.map((c) => ({ ...c, source: 'hand' as const })),
      now.toISOString(),
    );
    addAudit(
      db,
      {
        action: 'plan.unitTargets',
        entity: 'plans',
        entityId: planId,
        summary: `Sửa ${cells.length} chỉ tiêu giao cho đơn vị`,
        details: { cells: cells.length },
      },
      now,
    );
  });
  return unitTargetGrid(db, planId);
}

function splitUnitTargets(db: Db, planId: number, indicatorId: number, by: 'members' | 'equal', now: Date): UnitTargetGrid {
  const grid = unitTargetGrid(db, planId);
  const ind = grid.indicators.find((i) => i.indicatorId === indicatorId);
  if (!ind) throw new AppError('invalid_input', 'Chỉ tiêu này không có trong kế hoạch. Hãy tải lại trang.');
  const name = `"${ind.label}"`;
  if (ind.aggregation !== 'sum')
    throw new AppError(
      'invalid_input',
      `Chỉ tiêu ${name} không cộng dồn giữa các đơn vị (tỷ lệ, bình quân hoặc chữ) nên không chia được. Hãy nhập chỉ tiêu cho từng đơn vị bằng tay.`,
    );
  if (ind.scope === 'per_unit')
    throw new AppError(
      'invalid_input',
      `Chỉ tiêu ${name} đã là chỉ tiêu cho mỗi đơn vị, không phải tổng của kế hoạch: không cần chia. Hãy nhập bằng tay nếu đơn vị nào khác.`,
    );
  if (ind.planTarget === null)
    throw new AppError(
      'invalid_input',
      `Chỉ tiêu ${name} chưa có con số trong kế hoạch. Hãy nhập con số ở phần Chỉ tiêu của kế hoạch rồi chia.`,
    );
  if (grid.units.length === 0)
    throw new AppError('invalid_input', 'Kế hoạch chưa có đơn vị phải báo cáo. Hãy chọn đơn vị trước khi chia chỉ tiêu.');
  let parts: number[];
  if (by === 'members') {
    const missing = grid.units.filter((u) => u.members === null);
    if (missing.length) {
      const names = missing
        .slice(0, 5)
        .map((u) => u.name)
        .join(', ');
      throw new AppError(
        'invalid_input',
        `${missing.length} đơn vị chưa có số đoàn viên (${names}${missing.length > 5 ? ', …' : ''}). Hãy nhập số đoàn viên ở trang Đơn vị, hoặc chia đều.`,
      );
    }
    if (grid.units.every((u) => u.members === 0))
      throw new AppError(
        'invalid_input',
        'Các đơn vị đều có 0 đoàn viên nên không chia theo đoàn viên được. Hãy sửa số đoàn viên hoặc chia đều.',
      );
    parts = splitByWeights(
      ind.planTarget,
      grid.units.map((u) => u.members ?? 0),
    );
  } else {
    parts = splitEqually(ind.planTarget, grid.units.length);
  }
  writeTx(db, () => {
    clearIndicatorTargets(db, planId, indicatorId);
    putUnitTargets(
      db,
      planId,
      grid.units.map((u, k) => ({ unitId: u.id, indicatorId, target: parts[k]!, source: by })),
      now.toISOString(),
    );
    addAudit(
      db,
      {
        action: 'plan.unitTargets',
        entity: 'plans',
        entityId: planId,
        summary: `Chia chỉ tiêu ${ind.code} (${fmt(ind.planTarget!)}) cho ${grid.units.length} đơn vị ${by === 'members' ? 'theo số đoàn viên' : 'đều nhau'}`,
      },
      now,
    );
  });
  return unitTargetGrid(db, planId);
}

export const unitTargetsHandlers = {
  'unitTargets.get': ({ planId }, ctx) => unitTargetGrid(ctx.db, planId),
  'unitTargets.save': ({ planId, cells }, ctx) => saveUnitTargets(ctx.db, planId, cells, ctx.now()),
  'unitTargets.split': ({ planId, indicatorId, by }, ctx) => splitUnitTargets(ctx.db, planId, indicatorId, by, ctx.now()),
} satisfies { [K in 'unitTargets.get' | 'unitTargets.save' | 'unitTargets.split']: Handler<K> };
