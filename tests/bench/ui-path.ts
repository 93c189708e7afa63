// UI-path bench (issue #17: "the UI path is the bench path"): 300 unit workbooks imported through the real handlers
// as the renderer calls them (reports.preview, reports.stageCheck, reports.commit by hash) against the CLI's
// one-pass import of the same files into another fresh database, in the same run. Goal: within 1.5×.
// Run: npx tsx tests/bench/ui-path.ts [--files 300] [--json]. Prints figures, asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedParsePool } from '../../src-main/excel/report/parse-pool';
import { createPlanFromJson } from '../../src-main/features/plan-create';
import { importHeadless } from '../../src-main/features/report-import/one-pass';
import { resetStage } from '../../src-main/features/report-import/stage';
import { dispatch } from '../../src-main/rpc/dispatch';
import { createContext, type RunningContext } from '../../src-main/runtime/create-context';
import type { Channel, In, Out } from '../../src-main/contract/index';
import { makeCorpus, SECTIONS } from '../fixtures/gen/report-workbooks';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const n = arg('--files', 300);
const dir = mkdtempSync(join(tmpdir(), 'danvan-uipath-'));

async function call<C extends Channel>(ctx: RunningContext, name: C, input: In<C>): Promise<Out<C>> {
  const r = await dispatch(name, input, ctx);
  if (!r.ok) throw new Error(r.error.message);
  return r.data as Out<C>;
}

function freshPlan(name: string) {
  const ctx = createContext({ mode: 'cli', dbFile: join(dir, `${name}.sqlite`), version: 'bench' });
  const insert = ctx.db.prepare("INSERT INTO units (code, name, search_key, created_at, updated_at) VALUES (?, ?, ?, 'x', 'x')");
  ctx.db.transaction(() => {
    for (let i = 1; i <= n; i++) insert.run(`U${i}`, `Công đoàn đơn vị U${i}`, `u${i} cong doan don vi u${i}`);
  })();
  const indicators = SECTIONS.flatMap(([roman, , items]) => items.map(([label, unit]) => ({ label, unit, group: roman })));
  const { id } = createPlanFromJson(ctx.db, { title: 'Kết quả phối hợp làm công tác dân vận (đo hiệu năng)', indicators }, new Date());
  return { ctx, planId: id };
}

try {
  const corpus = await makeCorpus(n, 2024, (i) => ({ planId: '1', unitCode: `U${i + 1}`, unitName: `đơn vị U${i + 1}`, realistic: true }));
  const files = corpus.map((g, i) => ({ name: `bao-cao-U${i + 1}.xlsx`, bytes: g.bytes, lastModified: Date.UTC(2024, 6, 30) }));
  await sharedParsePool().warm();
  const rounds: { cli: number; ui: number; imported: number }[] = [];
  for (let round = 0; round < 3; round++) {
    const a = freshPlan(`cli-${round}`);
    const t0 = performance.now();
    await importHeadless(a.ctx, a.planId, files, false);
    const cli = (performance.now() - t0) / 1000;
    a.ctx.close();
    resetStage();
    const b = freshPlan(`ui-${round}`);
    const t1 = performance.now();
    const preview = await call(b.ctx, 'reports.preview', { planId: b.planId, files });
    const ready = preview.files.filter((p) => p.status === 'new' && p.unit);
    const missing = new Set((await call(b.ctx, 'reports.stageCheck', { planId: b.planId, sha256s: ready.map((p) => p.sha256) })).missing);
    const res = await call(b.ctx, 'reports.commit', {
      planId: b.planId,
      files: ready.map((p) => ({
        ...(missing.has(p.sha256) ? { file: files[p.index]! } : { staged: { sha256: p.sha256, name: p.fileName } }),
        unitId: p.unit!.id,
        receivedOn: p.receivedOn,
      })),
    });
    const ui = (performance.now() - t1) / 1000;
    b.ctx.close();
    rounds.push({ cli, ui, imported: res.files.filter((f) => f.status === 'imported').length });
  }
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const cli = med(rounds.map((r) => r.cli));
  const ui = med(rounds.map((r) => r.ui));
  const out = {
    files: n,
    cliSeconds: Math.round(cli * 1000) / 1000,
    uiSeconds: Math.round(ui * 1000) / 1000,
    ratio: Math.round((ui / cli) * 100) / 100,
    imported: rounds.map((r) => r.imported),
  };
  if (process.argv.includes('--json')) console.log(JSON.stringify(out));
  else
    console.log(
      `Nhập ${n} tệp qua giao diện (xem trước + nhập theo mã băm): ${out.uiSeconds} s; một lượt CLI: ${out.cliSeconds} s; gấp ${out.ratio} lần — mục tiêu ≤ 1,5: ${out.ratio <= 1.5 ? 'đạt' : 'chưa đạt'} (${out.imported.join('/')} tệp vào dữ liệu)`,
    );
} finally {
  await sharedParsePool().close?.();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
