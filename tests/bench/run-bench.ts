// `npm run bench`: generates N varied unit workbooks (template and free-form layouts, merged headers,
// narrative, Vietnamese text), imports them end to end into a fresh database, and in the same run times a
// plain exceljs full load of the same files as the baseline. Prints ratios, never asserts timings. The parse
// workers are started before the clock (as at app start), exceljs is loaded before its clock.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedParsePool } from '../../src-main/excel/report/parse-pool';
import { createPlanFromJson } from '../../src-main/features/plan-create';
import { importHeadless } from '../../src-main/features/report-import/one-pass';
import { createContext } from '../../src-main/runtime/create-context';
import { makeCorpus, SECTIONS } from '../fixtures/gen/report-workbooks';

export interface BenchResult {
  files: number;
  seconds: number;
  filesPerSecond: number;
  baselineSeconds: number;
  ratio: number;
  peakRssMb: number;
  imported: number;
  avgFileKb: number;
  /** Starting the parse workers (before the clock; paid once per app run). */
  workerStartSeconds: number;
}

export async function runBench(n: number, log: (s: string) => void = () => {}): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'danvan-bench-'));
  let peak = process.memoryUsage().rss;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const timer = setInterval(sample, 20);
  try {
    const ctx = createContext({ mode: 'cli', dbFile: join(dir, 'bench.sqlite'), version: 'bench' });
    const insert = ctx.db.prepare("INSERT INTO units (code, name, search_key, created_at, updated_at) VALUES (?, ?, ?, 'x', 'x')");
    ctx.db.transaction(() => {
      for (let i = 1; i <= n; i++) insert.run(`U${i}`, `Công đoàn đơn vị U${i}`, `u${i} cong doan don vi u${i}`);
    })();
    const indicators = SECTIONS.flatMap(([roman, , items]) => items.map(([label, unit]) => ({ label, unit, group: roman })));
    const { id: planId } = createPlanFromJson(ctx.db, { title: 'Kết quả phối hợp làm công tác dân vận (đo hiệu năng)', indicators }, new Date());
    log(`Tạo ${n} tệp báo cáo…`);
    const corpus = await makeCorpus(n, 2024, (i) => ({ planId: String(planId), unitCode: `U${i + 1}`, unitName: `đơn vị U${i + 1}`, realistic: true }));
    const files = corpus.map((g, i) => ({ name: `bao-cao-U${i + 1}.xlsx`, bytes: g.bytes, lastModified: Date.UTC(2024, 6, 30) }));
    const avgFileKb = files.reduce((s, f) => s + f.bytes.byteLength, 0) / files.length / 1024;
    // The parse workers are started before the clock, as the app does once at start-up (performance.md §3.2), just
    // as exceljs is loaded before its clock; their start-up time is reported on its own.
    const tw = performance.now();
    await sharedParsePool().warm();
    const workerStartSeconds = (performance.now() - tw) / 1000;
    log(`Nhập ${n} tệp (trung bình ${avgFileKb.toFixed(1)} KB)…`);
    const t0 = performance.now();
    const result = await importHeadless(ctx, planId, files, false);
    const seconds = (performance.now() - t0) / 1000;
    sample();
    ctx.close();
    log('Đo mức nền: exceljs đọc toàn bộ từng tệp…');
    const t1 = performance.now();
    for (const f of files) await new ExcelJS.Workbook().xlsx.load(Buffer.from(f.bytes) as unknown as ArrayBuffer);
    const baselineSeconds = (performance.now() - t1) / 1000;
    sample();
    return {
      files: n, seconds: round(seconds), filesPerSecond: round(n / seconds), baselineSeconds: round(baselineSeconds),
      ratio: round(baselineSeconds / seconds), peakRssMb: Math.round(peak / 1048576),
      imported: result.files.filter((f) => f.status === 'imported').length, avgFileKb: round(avgFileKb), workerStartSeconds: round(workerStartSeconds),
    };
  } finally {
    clearInterval(timer);
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;
