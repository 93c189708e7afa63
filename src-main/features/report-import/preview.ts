// Preview (dry run) of a whole batch: every file analysed in isolation, then files of the same unit settled
// against each other (commit order); progress reported, cancel per call (cancel.ts), nothing written.
import { stageFile } from './stage';
import type { FileIn } from '../../contract/common';
import type { PreviewFile } from '../../contract/reports';
import type { AppContext } from '../../handler/context';
import { parseAhead, type ParsedFile } from '../../excel/report/parse-pool';
import { analyzeFile, parseOptions, settleSameUnit } from './analyze';
import { openTask, type TaskToken } from './cancel';
import { loadPlanContext, type PlanContext } from './context';
import { planOrThrow } from '../plan-lookup';
import { userError } from '../../handler/user-error';

export async function previewBatch(ctx: AppContext, planId: number, files: FileIn[], task = 'reports.preview'): Promise<PreviewFile[]> {
  // Parsed in worker threads a little ahead of use, starting at once (they need only the plan's period) while the
  // plan's context is built here; cancelling stops asking for more.
  const parsed = parseAhead(files, parseOptions({ plan: planOrThrow(ctx.db, planId) }), 32);
  const pc = loadPlanContext(ctx.db, planId);
  const token = openTask(task);
  try {
    return await previewAll(ctx, pc, files, parsed, task, token);
  } finally {
    token.close();
  }
}

async function previewAll(
  ctx: AppContext,
  pc: PlanContext,
  files: FileIn[],
  parsed: (i: number) => Promise<ParsedFile>,
  task: string,
  token: TaskToken,
): Promise<PreviewFile[]> {
  const seen = new Set<string>();
  const out: PreviewFile[] = [];
  for (const [i, f] of files.entries()) {
    if (token.cancelled) break;
    try {
      const ahead = await parsed(i);
      // kept for the commit (by hash): neither sent nor parsed again (a file that cannot be read is never committed)
      if (!ahead.report.issues.some((x) => x.severity === 'fatal')) stageFile(pc.plan.id, f, ahead);
      out.push((await analyzeFile(ctx.db, pc, f, i, ctx.now(), seen, ahead)).preview);
    } catch (err) {
      out.push({
        index: i,
        fileName: f.name,
        size: f.bytes.byteLength,
        sha256: '',
        status: 'error',
        reason: `Không đọc được tệp: ${userError(err, 'lỗi không mong muốn. Hãy thử lại; nếu vẫn lỗi, hãy mở bằng Excel, lưu lại rồi gửi lại.').message}`,
        unit: null,
        unitSure: false,
        unitCandidates: [],
        receivedOn: ctx.now().toISOString().slice(0, 10),
        template: false,
        reader: null,
        title: null,
        rows: [],
        narrativeCount: 0,
        replaces: null,
        issues: [],
      });
    }
    ctx.emit('progress', { task, done: i + 1, total: files.length, message: `Đã đọc ${i + 1}/${files.length} tệp` });
    if ((i + 1) % 20 === 0) await new Promise((r) => setImmediate(r));
  }
  settleSameUnit(ctx.db, pc.plan.id, out);
  return out;
}
