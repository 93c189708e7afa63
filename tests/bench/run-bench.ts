// `npm run bench`: generates N varied unit workbooks (template and free-form layouts, merged headers,
// narrative, Vietnamese text), imports them end to end into a fresh database, and in the same round times a
// plain exceljs full load of the same files as the baseline; with several rounds it reports medians (the VM is
// noisy). Prints ratios, never asserts timings. The import path is warmed on the built-in samples before the clock
// exactly as the desktop app does after start-up (runtime/warm-import.ts: the parse workers, then samples through
// analysis and commit), exceljs is loaded before its clock, and each timed phase starts after a full garbage
// collection (neither pays for the other's or the generator's garbage).
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlanFromJson } from '../../src-main/features/plan-create';
import { importHeadless } from '../../src-main/features/report-import/one-pass';
import { planWarnings } from '../../src-main/features/value-review';
import { createContext } from '../../src-main/runtime/create-context';
import { warmImportPath } from '../../src-main/runtime/warm-import';
import { makeCorpus, SECTIONS } from '../fixtures/gen/report-workbooks';
import { cpuSpent, threadCpu, type CpuSpent } from './thread-cpu';

export { importGoalLines } from './import-goals';

export interface BenchResult {
  files: number;
  /** Rounds run; the figures below are medians over them (each round: our import, then the exceljs load). */
  rounds: number;
  seconds: number;
  filesPerSecond: number;
  baselineSeconds: number;
  /** Median of the per-round ratios exceljs / ours (both measured minutes apart at most, in the same round). */
  ratio: number;
  /** Every round's [ours, exceljs] seconds, to see the spread. */
  perRound: [number, number][];
  /** Peak RSS of the whole run (generating the files and the exceljs baseline included). */
  peakRssMb: number;
  /** Peak RSS while our import ran (any round): what the app needs for the import itself. */
  importPeakRssMb: number;
  imported: number;
  avgFileKb: number;
  /** Warming the import path (before the clock; paid once per app run, in the background 3 s after start-up). */
  warmStartSeconds: number;
  /** Value-check warnings raised on these clean generated reports (after the import, outside the clock): false alarms. */
  checkWarnings: number;
  /** Values the checks looked at. */
  checkedValues: number;
  /**
   * The same files imported by a real CLI process from disk (`reports import`, once, after the rounds): wall time
   * including the process start and cold workers, and the process's peak memory (all threads). `entry`: the built
   * CLI when `npm run build` is current, else the TypeScript sources through tsx (heavier).
   */
  cli: { seconds: number; peakRssMb: number; imported: number; entry: 'built' | 'sources' } | null;
  /**
   * Where our import's CPU went (Linux only, from /proc; null elsewhere), in the round of median total CPU, with the
   * most this much CPU allows: `ceilingRatio` = median over rounds of exceljs's time / (the round's CPU / cores).
   */
  cpu: (CpuSpent & { cores: number; ceilingRatio: number }) | null;
}

/**
 * A full garbage collection before each timed phase, so neither side pays for collecting what the other (or the
 * generation of the files) left behind: each phase starts from the same clean heap.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

export async function runBench(n: number, log: (s: string) => void = () => {}, rounds = 1): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'danvan-bench-'));
  let peak = process.memoryUsage().rss;
  let importPeak = 0;
  let importing = false;
  const sample = () => {
    const rss = process.memoryUsage().rss;
    peak = Math.max(peak, rss);
    if (importing) importPeak = Math.max(importPeak, rss);
  };
  const timer = setInterval(sample, 20);
  try {
    log(`Tạo ${n} tệp báo cáo…`);
    const corpus = await makeCorpus(n, 2024, (i) => ({
      planId: '1',
      unitCode: `U${i + 1}`,
      unitName: `đơn vị U${i + 1}`,
      realistic: true,
    }));
    const files = corpus.map((g, i) => ({ name: `bao-cao-U${i + 1}.xlsx`, bytes: g.bytes, lastModified: Date.UTC(2024, 6, 30) }));
    corpus.length = 0; // only the bytes are imported: the generator's expectations need not stay in memory
    const avgFileKb = files.reduce((s, f) => s + f.bytes.byteLength, 0) / files.length / 1024;
    // The import path is warmed before the clock, as the app does once after start-up (performance.md §3.2), just
    // as exceljs is loaded before its clock; the warm-up's time is reported on its own.
    const tw = performance.now();
    await warmImportPath();
    const warmStartSeconds = (performance.now() - tw) / 1000;
    const perRound: [number, number][] = [];
    const cpuPerRound: CpuSpent[] = [];
    const cores = availableParallelism();
    let imported = 0;
    let checkWarnings = 0;
    let checkedValues = 0;
    for (let round = 1; round <= rounds; round++) {
      const tag = rounds > 1 ? `Lượt ${round}/${rounds}: ` : '';
      const ctx = createContext({ mode: 'cli', dbFile: join(dir, `bench-${round}.sqlite`), version: 'bench' });
      const planId = benchDatabase(ctx, n);
      log(`${tag}nhập ${n} tệp (trung bình ${avgFileKb.toFixed(1)} KB)…`);
      collectGarbage();
      importing = true;
      sample();
      const cpu0 = threadCpu();
      const t0 = performance.now();
      const result = await importHeadless(ctx, planId, files, false);
      const seconds = (performance.now() - t0) / 1000;
      const cpu1 = threadCpu();
      if (cpu0 && cpu1) cpuPerRound.push(cpuSpent(cpu0, cpu1, String(process.pid), cores));
      sample();
      importing = false;
      imported = result.files.filter((f) => f.status === 'imported').length;
      // every check over every stored value of clean data: each warning here is a false alarm
      checkWarnings = planWarnings(ctx.db, planId).length;
      checkedValues = (ctx.db.prepare('SELECT count(*) AS n FROM report_values').get() as { n: number }).n;
      ctx.close();
      log(`${tag}mức nền: exceljs đọc toàn bộ từng tệp…`);
      collectGarbage();
      const t1 = performance.now();
      for (const f of files) await new ExcelJS.Workbook().xlsx.load(Buffer.from(f.bytes) as unknown as ArrayBuffer);
      const baselineSeconds = (performance.now() - t1) / 1000;
      sample();
      perRound.push([round3(seconds), round3(baselineSeconds)]);
    }
    log(`Dòng lệnh: nhập ${n} tệp từ thư mục (một tiến trình mới)…`);
    const cli = await cliImport(dir, files);
    const seconds = median(perRound.map((r) => r[0]));
    const baselineSeconds = median(perRound.map((r) => r[1]));
    const medianCpu = [...cpuPerRound].sort((a, b) => a.total - b.total)[Math.floor((cpuPerRound.length - 1) / 2)];
    const cpu =
      medianCpu && cpuPerRound.length === perRound.length
        ? {
            ...medianCpu,
            cores,
            ceilingRatio: round3(median(cpuPerRound.map((c, k) => (perRound[k] as [number, number])[1] / Math.max(c.floorSeconds, 0.001)))),
          }
        : null;
    return {
      files: n,
      rounds,
      seconds: round3(seconds),
      filesPerSecond: round3(n / seconds),
      baselineSeconds: round3(baselineSeconds),
      ratio: round3(median(perRound.map(([a, b]) => b / a))),
      perRound,
      peakRssMb: Math.round(peak / 1048576),
      importPeakRssMb: Math.round(importPeak / 1048576),
      imported,
      avgFileKb: round3(avgFileKb),
      warmStartSeconds: round3(warmStartSeconds),
      checkWarnings,
      checkedValues,
      cli,
      cpu,
    };
  } finally {
    clearInterval(timer);
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A fresh database with the units and the plan the generated files name (what each round starts from).
 * Returns the plan id (always 1: the generated templates name plan 1).
 */
function benchDatabase(ctx: ReturnType<typeof createContext>, n: number): number {
  const insert = ctx.db.prepare("INSERT INTO units (code, name, search_key, created_at, updated_at) VALUES (?, ?, ?, 'x', 'x')");
  ctx.db.transaction(() => {
    for (let i = 1; i <= n; i++) insert.run(`U${i}`, `Công đoàn đơn vị U${i}`, `u${i} cong doan don vi u${i}`);
  })();
  const indicators = SECTIONS.flatMap(([roman, , items]) => items.map(([label, unit]) => ({ label, unit, group: roman })));
  const { id } = createPlanFromJson(ctx.db, { title: 'Kết quả phối hợp làm công tác dân vận (đo hiệu năng)', indicators }, new Date());
  if (id !== 1) throw new Error('the generated templates name plan 1');
  return id;
}

/** `reports import` of the files written to disk, in a child process that reports its peak memory (peak-rss.mjs). */
async function cliImport(dir: string, files: { name: string; bytes: Uint8Array }[]): Promise<BenchResult['cli']> {
  const folder = join(dir, 'cli-files');
  mkdirSync(folder, { recursive: true });
  const paths = files.map((f) => {
    const p = join(folder, f.name);
    writeFileSync(p, f.bytes);
    return p;
  });
  const dbFile = join(dir, 'cli.sqlite');
  const ctx = createContext({ mode: 'cli', dbFile, version: 'bench' });
  const planId = benchDatabase(ctx, files.length);
  ctx.close();
  const launcher = launcherHelperUrl();
  if (!launcher) return null;
  const { freshBuiltCli, root, CLI_NODE_FLAGS } = (await import(launcher.href)) as {
    freshBuiltCli: () => string | null;
    root: string;
    CLI_NODE_FLAGS: string[];
  };
  const built = freshBuiltCli();
  const tsx = ['--import', 'tsx']; // resolved from the repository (the child's working folder)
  const args = [
    ...CLI_NODE_FLAGS, // as `npm run cli` runs it
    ...(built ? [] : tsx),
    join(root, 'tests', 'bench', 'peak-rss.mjs'),
    built ?? join(root, 'src-main', 'cli.ts'),
    'reports',
    'import',
    '--plan',
    String(planId),
    '--db',
    dbFile,
    '--json',
    ...paths,
  ];
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  const kb = /PEAK_RSS_KB=(\d+)/.exec(r.stderr ?? '');
  if (r.status !== 0 || !kb) return null;
  const out = JSON.parse(r.stdout) as { files: { status: string }[] };
  return {
    seconds: round3(seconds),
    peakRssMb: Math.round(Number(kb[1]) / 1024),
    imported: out.files.filter((f) => f.status === 'imported').length,
    entry: built ? 'built' : 'sources',
  };
}

/** The repository's launcher helper (cli-build.mjs): two folders up from these sources, three from the built CLI's chunks. */
export function launcherHelperUrl(here = import.meta.url): URL | undefined {
  return ['../../', '../../../']
    .map((up) => new URL(`${up}src-main/launcher/cli-build.mjs`, here))
    .find((url) => existsSync(fileURLToPath(url)));
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
