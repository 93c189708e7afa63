// Province at scale (issue #18): N district offices (default 30) × M base unions (default 52 ≈ 1,572 in all), each
// district's unit reports imported and its upward package made, then the N packages imported by the province and
// the province consolidated. Prints the time of the N-package import and of the consolidation (and checks totals).
//   npx tsx tests/bench/province-scale.ts [--districts 30] [--units 52] [--json]
import { importHeadless } from '../../src-main/features/report-import/one-pass';
import { computeConsolidation } from '../../src-main/features/consolidation';
import { provinceOverview } from '../../src-main/features/province-view';
import { CODES, makeDistrict, makeProvince, type District } from '../helpers/province-gen';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const n = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} cần là số nguyên dương`);
  return n;
}

export async function runProvinceScale(districts: number, units: number, log: (s: string) => void = () => {}) {
  const t0 = performance.now();
  const ds: District[] = [];
  for (let d = 0; d < districts; d++) {
    ds.push(await makeDistrict(d, units));
    log(`huyện ${d + 1}/${districts}\n`);
  }
  const setupSeconds = (performance.now() - t0) / 1000;
  const prov = await makeProvince(districts);
  try {
    const t1 = performance.now();
    const res = await importHeadless(
      prov.app.ctx,
      prov.planId,
      ds.map((d) => d.pkg),
      false,
    );
    const importSeconds = (performance.now() - t1) / 1000;
    const t2 = performance.now();
    const c = computeConsolidation(prov.app.ctx.db, prov.planId, '2025-12-31');
    const consolidateSeconds = (performance.now() - t2) / 1000;
    const t3 = performance.now();
    const o = await provinceOverview(prov.app.ctx.db, prov.planId, '2025-12-31');
    const overviewSeconds = (performance.now() - t3) / 1000;
    const sum = (k: string) => Math.round(ds.reduce((a, d) => a + d.expect[k]!, 0) * 1000) / 1000;
    const exact =
      CODES.every((k) => c.indicators.find((i) => i.code === k)?.total === sum(k)) &&
      c.indicators.find((i) => i.code === 'CT08')?.total2 === sum('CT08#2');
    return {
      districts,
      baseUnits: districts * units,
      imported: res.files.filter((f) => f.status === 'imported').length,
      submitted: c.submitted,
      baseCoverage: o.coverage,
      exact,
      setupSeconds: +setupSeconds.toFixed(1),
      importSeconds: +importSeconds.toFixed(3),
      consolidateSeconds: +consolidateSeconds.toFixed(3),
      overviewSeconds: +overviewSeconds.toFixed(3),
    };
  } finally {
    prov.app.close();
    for (const d of ds) d.app.close();
  }
}

if (process.argv[1] && /province-scale\.ts$/.test(process.argv[1])) {
  const json = process.argv.includes('--json');
  runProvinceScale(arg('--districts', 30), arg('--units', 52), json ? undefined : (s) => process.stderr.write(s)).then(
    (r) => {
      if (json) process.stdout.write(`${JSON.stringify(r)}\n`);
      else
        process.stdout.write(
          `${r.districts} gói (${r.baseUnits} đơn vị cơ sở): nhập ${r.importSeconds} s; tổng hợp tỉnh ${r.consolidateSeconds} s; ` +
            `bảng theo huyện ${r.overviewSeconds} s; tổng khớp: ${r.exact ? 'có' : 'KHÔNG'} (tạo dữ liệu ${r.setupSeconds} s)\n`,
        );
    },
    (e) => {
      process.stderr.write(`${String(e)}\n`);
      process.exit(1);
    },
  );
}
