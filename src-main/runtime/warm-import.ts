// Warming the whole import path at start (desktop app and browser mode; the benchmark does the same before its
// clock): the parse workers parse the built-in samples, then a few hundred samples are imported into a throwaway data
// file in the temp folder through the same one-pass import as a real batch (analysis and commit on this thread,
// SQLite), so the first real import of the session does not run cold code. Nothing of the user's data is touched; a
// failure only means a cold start; a throwaway folder left by an app closed mid-way is removed at a later start.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnitDraft } from '../contract/units';
import { upsertUnit } from '../db/units';
import { writeTx } from '../db/write-tx';
import { sharedParsePool } from '../excel/report/parse-pool';
import { warmSample } from '../excel/report/warm-sample';
import { createPlanFromJson } from '../features/plan-create';
import { importHeadless } from '../features/report-import/one-pass';
import { createContext } from './create-context';

/**
 * Samples imported on this thread after the workers are warm: measured on the 3,000-file bench, the first round
 * after 300 took about 15 % more CPU than the later rounds, after none about 38 % more.
 */
const WARM_IMPORTS = 300;
/**
 * Samples made and imported at a time. A batch's analysis and commit run on this thread without a break (the
 * workers' results are ready before they are awaited), ~1–4 ms a sample, so the app (busy with the user 3 s after
 * start-up) is held about 20–45 ms at a time; 50 at a time held it 175–340 ms.
 */
const WARM_BATCH = 10;

/**
 * Warm the parse workers, then import `count` built-in samples into a throwaway file, `batch` at a time. Returns the
 * files imported.
 */
export async function warmImportPath(count = WARM_IMPORTS, batch = WARM_BATCH): Promise<number> {
  removeStaleWarmFolders();
  const pool = sharedParsePool();
  await pool.warm();
  if (count <= 0) return 0;
  const dir = mkdtempSync(join(tmpdir(), WARM_PREFIX));
  try {
    const ctx = createContext({ mode: 'cli', dbFile: join(dir, 'warm.sqlite'), version: 'warm' });
    try {
      // the plan asks for what the sample's table reports, so every row maps and every value is checked and stored
      const sample = await pool.parseFile(warmSample(1), 'mau.xlsx', { timeoutMs: 15_000, planPeriod: null });
      const indicators = sample.report.rows
        .filter((r) => !r.isSection && !r.isTotal && !r.isBreakdown)
        .map((r) => ({ label: r.label, unit: r.unit ?? 'lần', group: 'I' }));
      const now = ctx.now().toISOString();
      // a batch's units at a time, with a break between: 300 at once held the app ~90 ms
      for (let from = 0; from < count; from += batch) {
        writeTx(ctx.db, () => {
          for (let k = from; k < Math.min(count, from + batch); k++)
            upsertUnit(ctx.db, UnitDraft.parse({ code: `MAU${k}`, name: `CĐCS Trường Tiểu học Mẫu ${k}` }), now);
        });
        await breather();
      }
      const { id } = createPlanFromJson(ctx.db, { title: 'Mẫu khởi động', indicators }, ctx.now());
      await breather();
      let imported = 0;
      for (let from = 0; from < count; from += batch) {
        const files = [];
        for (let k = from; k < Math.min(count, from + batch); k++)
          files.push({ name: `mau-${k}.xlsx`, bytes: warmSample(k), lastModified: Date.now() });
        // a throwaway file: no backup of it before each batch (~100 ms on this thread each)
        const done = await importHeadless(ctx, id, files, false, { throwaway: true });
        imported += done.files.filter((f) => f.status === 'imported').length;
        await breather();
      }
      return imported;
    } finally {
      ctx.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The throwaway folders' names in the temp folder start so. */
const WARM_PREFIX = 'danvan-warm-';
/** A warm-up lasts seconds: a folder of its older than this was left by an app closed during its warm-up. */
const STALE_MS = 60 * 60 * 1000;

/** Remove the throwaway folders that app runs closed during their warm-up left behind (none of them is in use). */
function removeStaleWarmFolders(now = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir()).filter((n) => n.startsWith(WARM_PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    try {
      const dir = join(tmpdir(), name);
      if (now - statSync(dir).mtimeMs > STALE_MS) rmSync(dir, { recursive: true, force: true });
    } catch {
      // another run removed it, or it cannot be removed now: tried again at the next start
    }
  }
}

/** A break for whatever else waits on this thread (the app's requests) between two pieces of the warm-up. */
const breather = (): Promise<void> => new Promise((r) => setImmediate(r));

/** The desktop app's warm-up: 3 s after start-up, off the critical path, in the background. */
export function warmImportSoon(): void {
  setTimeout(() => void warmImportPath().catch(() => undefined), 3000).unref();
}
