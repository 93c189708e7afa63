// Consolidation bench (issue #17: ≤ 50 ms per call for a province-sized plan): 500 units × 60 indicators, every
// unit reporting, plus 10 earlier plans of the same size in the database (the "cùng kỳ" comparison reads the
// previous one). Prints the median of N computations from the data (computeConsolidation, nothing reused: each in a
// fresh scope of kept results, db/kept-scope.ts) and of N calls of consolidation.get through the real handler (which
// reuses a result while the data is unchanged), and of N computations each after one report's value is edited (what
// is kept: every other report's values and the previous plan's totals). Asserts nothing.
// Run: npx tsx tests/bench/consolidation-scale.ts [--units 500] [--indicators 60] [--calls 15] [--json]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlanFromJson } from '../../src-main/features/plan-create';
import { insertReport, setValue } from '../../src-main/db/reports';
import { reportRow } from '../helpers/report-rows';
import { shareKept } from '../../src-main/db/kept-scope';
import { dispatch } from '../../src-main/rpc/dispatch';
import { computeConsolidation } from '../../src-main/features/consolidation';
import { createContext } from '../../src-main/runtime/create-context';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const units = arg('--units', 500);
const nInd = arg('--indicators', 60);
const calls = arg('--calls', 15);
const dir = mkdtempSync(join(tmpdir(), 'danvan-cons-'));
try {
  const ctx = createContext({ mode: 'cli', dbFile: join(dir, 'c.sqlite'), version: 'bench' });
  const db = ctx.db;
  const t0 = performance.now();
  const insert = db.prepare("INSERT INTO units (code, name, search_key, members, created_at, updated_at) VALUES (?, ?, ?, ?, 'x', 'x')");
  db.transaction(() => {
    for (let i = 1; i <= units; i++) insert.run(`U${i}`, `Công đoàn đơn vị U${i}`, `u${i}`, 20 + (i % 80));
  })();
  const indicators = Array.from({ length: nInd }, (_, k) => ({
    code: `B${String(k + 1).padStart(2, '0')}`,
    label: `Chỉ tiêu đo hiệu năng số ${k + 1}`,
    unit: k % 7 === 0 ? '%' : 'buổi',
    group: `Nhóm ${1 + Math.floor(k / 10)}`,
    target: 10 + k,
  }));
  let planId = 0;
  let previous: number | null = null;
  for (let p = 0; p <= 10; p++) {
    const year = 2015 + p;
    planId = createPlanFromJson(
      db,
      { title: `Kết quả phối hợp làm công tác dân vận năm ${year}`, period: { label: `Năm ${year}` }, indicators },
      new Date(),
    ).id;
    if (previous) db.prepare('UPDATE plans SET previous_plan_id = ? WHERE id = ?').run(previous, planId);
    previous = planId;
    const ids = (db.prepare('SELECT indicator_id AS id FROM plan_targets WHERE plan_id = ?').all(planId) as { id: number }[]).map(
      (r) => r.id,
    );
    db.transaction(() => {
      for (let u = 1; u <= units; u++) {
        insertReport(
          db,
          reportRow({ planId, unitId: u, status: 'active', receivedOn: `${year}-12-10` }),
          ids.map((id, k) => ({
            indicatorId: id,
            valueNum: ((u * 7 + k * 13) % 50) + (k % 7 === 0 ? 40 : 0),
            valueText: null,
            value2: null,
            note: null,
            cell: null,
          })),
          [],
          'x',
        );
      }
    })();
  }
  const setup = (performance.now() - t0) / 1000;
  const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! * 10) / 10;
  const computed: number[] = [];
  for (let i = 0; i < calls; i++) {
    shareKept(db, {}); // a fresh scope: the plans' values are read again, nothing kept from the computation before
    const t = performance.now();
    computeConsolidation(db, planId, '2026-01-15');
    computed.push(performance.now() - t);
  }
  // after one unit's report is edited (the usual case after a change: the values of the other reports and the
  // previous plan's totals are still kept, db/plan-values.ts), each edit in a computation of its own
  const edited = db
    .prepare("SELECT id FROM reports WHERE plan_id = ? AND status = 'active' ORDER BY unit_id")
    .pluck()
    .all(planId) as number[];
  const anIndicator = db.prepare('SELECT indicator_id FROM plan_targets WHERE plan_id = ? LIMIT 1').pluck().get(planId) as number;
  const afterEdit: number[] = [];
  for (let i = 0; i < calls; i++) {
    setValue(db, edited[i % edited.length]!, anIndicator, 1000 + i, null, null);
    const t = performance.now();
    computeConsolidation(db, planId, '2026-01-15');
    afterEdit.push(performance.now() - t);
  }
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    const r = await dispatch('consolidation.get', { planId }, ctx);
    if (!r.ok) throw new Error(r.error.message);
    times.push(performance.now() - t);
  }
  ctx.close();
  const out = {
    units,
    indicators: nInd,
    plans: 11,
    computeMedianMs: median(computed),
    computeFirstMs: Math.round(computed[0]!),
    afterEditMedianMs: median(afterEdit),
    firstMs: Math.round(times[0]!),
    medianMs: median(times),
    setupSeconds: Math.round(setup * 10) / 10,
  };
  if (process.argv.includes('--json')) console.log(JSON.stringify(out));
  else {
    console.log(
      `Tổng hợp ${units} đơn vị × ${nInd} chỉ tiêu (11 kế hoạch trong dữ liệu): tính từ dữ liệu trung vị ${out.computeMedianMs} ms / lần — mục tiêu ≤ 50 ms: ${out.computeMedianMs <= 50 ? 'đạt' : 'chưa đạt'}`,
    );
    console.log(
      `  sau khi sửa một báo cáo (số của các báo cáo khác và của cùng kỳ được dùng lại): trung vị ${out.afterEditMedianMs} ms / lần`,
    );
    console.log(`  qua consolidation.get (dùng lại khi dữ liệu chưa đổi): lần đầu ${out.firstMs} ms, trung vị ${out.medianMs} ms / lần`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
