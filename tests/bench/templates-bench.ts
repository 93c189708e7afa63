// Templates bench (issue #17): per-unit report templates for N units zipped, as the app's bulk download does
// (one exceljs workbook stamped per unit), against the baseline measured in the same run: exceljs writing each
// unit's template from scratch (the old way). The baseline writes a sample of units (it is slow) and its cost
// per template is compared with ours. Prints figures, never asserts timings.
// Run: npx tsx tests/bench/templates-bench.ts [--units 500] [--baseline 40] [--json]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { writeReportTemplate } from '../../src-main/excel/report-template';
import { buildTemplates } from '../../src-main/features/report-templates';
import { createContext } from '../../src-main/runtime/create-context';
import { dispatch } from '../../src-main/rpc/dispatch';
import type { Channel, In, Out } from '../../src-main/contract/index';
import { loadExcelJs } from '../../src-main/excel/exceljs-load';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const at = argv.indexOf(name);
  const v = at >= 0 ? Number(argv[at + 1]) : dflt;
  if (!Number.isInteger(v) || v < 1 || v > 5000) throw new Error(`${name} cần là số nguyên từ 1 đến 5000`);
  return v;
};
const UNITS = opt('--units', 500);
const BASELINE = Math.min(opt('--baseline', 40), UNITS);
const json = argv.includes('--json');
const log = (s: string) => {
  if (!json) console.error(s);
};

const dir = mkdtempSync(join(tmpdir(), 'danvan-bench-templates-'));
const ctx = createContext({ mode: 'cli', dbFile: join(dir, 'bench.sqlite'), version: 'bench' });
async function call<C extends Channel>(name: C, input: In<C>): Promise<Out<C>> {
  const r = await dispatch(name, input, ctx);
  if (!r.ok) throw new Error(r.error.message);
  return r.data as Out<C>;
}

try {
  log(`Tạo ${UNITS} đơn vị và một kế hoạch 20 chỉ tiêu…`);
  const schools = ['Trường Mầm non', 'Trường Tiểu học', 'Trường THCS', 'Trạm Y tế xã', 'Công ty TNHH', 'UBND xã'];
  for (let i = 0; i < UNITS; i++) {
    await call('units.save', {
      code: `U${String(i + 1).padStart(4, '0')}`,
      name: `Công đoàn ${schools[i % schools.length]} ${['Bình An', 'Phước Minh', 'Lộc Ninh', 'Truông Mít', 'Suối Đá'][i % 5]} ${i + 1}`,
      members: 10 + ((i * 37) % 190),
    });
  }
  const cat = (await call('indicators.list', {})).filter((i) => i.aggregation === 'sum').slice(0, 20);
  const plan = await call('plans.save', {
    title: 'Phối hợp làm công tác dân vận năm 2024',
    status: 'dang_thuc_hien',
    periodLabel: 'Năm 2024',
    reportDueOn: '2024-12-15',
    targets: cat.map((i, k) => ({ indicatorId: i.id, min: 100 * (k + 1) })),
    assignment: 'all_base',
  });
  for (const i of cat.slice(0, 10))
    await call('unitTargets.split', { planId: plan.id, indicatorId: i.id, by: i.id % 2 ? 'members' : 'equal' });
  const unitIds = (await call('plans.get', { id: plan.id })).unitIds;
  await loadExcelJs(); // loaded before either clock

  // Ours: the app's bulk download, end to end (read the plan and targets, write once, stamp, zip).
  const t0 = performance.now();
  const ours = await buildTemplates(ctx.db, plan.id, unitIds, true, new Date());
  const oursSeconds = (performance.now() - t0) / 1000;

  // Baseline: exceljs writes each unit's template from scratch, zipped at level 6 (the code before #17).
  const { getPlan } = await import('../../src-main/db/plans');
  const { listIndicators } = await import('../../src-main/db/indicators');
  const p = getPlan(ctx.db, plan.id)!;
  const byId = new Map(listIndicators(ctx.db).map((i) => [i.id, i]));
  const indicators = p.targets.map((t) => {
    const i = byId.get(t.indicatorId)!;
    return {
      code: i.code,
      groupCode: i.groupCode,
      groupLabel: i.groupLabel,
      label: i.label,
      unit: i.unit,
      unit2: i.unit2,
      aggregation: i.aggregation,
      target: t.min,
    };
  });
  const units = (await call('units.list', {})).slice(0, BASELINE);
  const t1 = performance.now();
  const files: Record<string, Uint8Array> = {};
  for (const u of units) {
    files[`bao-cao-${u.code}.xlsx`] = await writeReportTemplate({
      planId: p.id,
      planTitle: p.title,
      periodLabel: p.periodLabel,
      reportDueOn: p.reportDueOn,
      parentOrg: 'LĐLĐ huyện Dương Minh Châu',
      unit: { code: u.code, name: u.name },
      indicators,
      today: '2024-07-01',
    });
  }
  zipSync(files, { level: 6 });
  const baselineSeconds = (performance.now() - t1) / 1000;
  const oursPer = (oursSeconds * 1000) / UNITS;
  const basePer = (baselineSeconds * 1000) / BASELINE;
  const result = {
    units: UNITS,
    seconds: Math.round(oursSeconds * 1000) / 1000,
    msPerTemplate: Math.round(oursPer * 100) / 100,
    baselineUnits: BASELINE,
    baselineSeconds: Math.round(baselineSeconds * 1000) / 1000,
    baselineMsPerTemplate: Math.round(basePer * 100) / 100,
    ratio: Math.round((basePer / oursPer) * 10) / 10,
    zipMb: Math.round((ours.bytes.byteLength / 1048576) * 100) / 100,
    baselineSecondsFor: Math.round(((basePer * UNITS) / 1000) * 10) / 10,
  };
  if (json) console.log(JSON.stringify(result));
  else {
    console.log(`Mẫu báo cáo cho ${UNITS} đơn vị (nén): ${result.seconds} s, ${result.msPerTemplate} ms/mẫu, tệp ${result.zipMb} MB`);
    console.log(
      `Cách cũ (exceljs viết từng mẫu, đo ${BASELINE} mẫu cùng lượt): ${result.baselineMsPerTemplate} ms/mẫu (~${result.baselineSecondsFor} s cho ${UNITS})`,
    );
    console.log(`Nhanh hơn: ${result.ratio}×`);
  }
} finally {
  ctx.close();
  rmSync(dir, { recursive: true, force: true });
}
