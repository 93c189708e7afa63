// Headless import (CLI `reports import`, benchmark): analyse each file once, accept only what needs no human
// decision (sure unit; guessed row matches are left out and reported), commit, and report per file in the
// DESIGN.md §5 shape. A dry run stops after the analysis.
import type { FileIn } from '../../contract/common';
import type { ReportIssue } from '../../contract/parsed-report';
import type { AppContext } from '../../handler/context';
import { parseAhead } from '../../excel/report/parse-pool';
import { analyzeFile, parseOptions, type Analysis } from './analyze';
import { openBatch, type CommitFileInput } from './commit';
import { openTask } from './cancel';
import { loadPlanContext, receivedOnOf, type PlanContext } from './context';
import { planOrThrow } from '../plan-lookup';
import { rowIssues } from './row-mapping';
import { backupBeforeBatchOffThread } from '../../data-file/backup-store';
import { columnDoubtText, columnInDoubt } from './value-column-choice';
import { releaseFile, unreadableFile } from '../../data-file/disk-file';

interface HeadlessFileResult {
  file: string;
  status: 'imported' | 'duplicate' | 'superseded' | 'held' | 'error';
  unitCode: string | null;
  issues: ReportIssue[];
}

const warn = (message: string): ReportIssue => ({ sheet: null, cell: null, severity: 'warning', message });

/** Files written per piece (one transaction each) while the workers parse ahead (their look-ahead window is larger). */
const PIECE = 128;

/** `receivedOn`: the date the files were received when it is not their modified date; `channel`: how they came. */
interface HeadlessOptions {
  receivedOn?: string | null;
  channel?: CommitFileInput['channel'] | null;
  /** The data file is thrown away afterwards (the start-up warm-up's): no backup of it before the batch. */
  throwaway?: boolean;
}

export async function importHeadless(
  ctx: AppContext,
  planId: number,
  files: FileIn[],
  dryRun: boolean,
  opts: HeadlessOptions = {},
): Promise<{ files: HeadlessFileResult[]; batchId: number | null }> {
  const seen = new Set<string>();
  const now = ctx.now();
  // The received date given for all files is said as their modified time (noon, Vietnam), so every rule sees it.
  // (Object.create, not a spread: a file read from disk keeps its lazy bytes and its release.)
  if (opts.receivedOn) {
    const lastModified = Date.parse(`${opts.receivedOn}T12:00:00+07:00`);
    files = files.map((f) => Object.create(f, { lastModified: { value: lastModified, enumerable: true } }) as FileIn);
  }
  // Commit order (oldest received first) is known before parsing: the received date is the file's date.
  const order = files
    .map((f, i) => ({ f, i, on: receivedOnOf(f.lastModified, now) }))
    .sort((a, b) => a.on.localeCompare(b.on) || a.i - b.i);
  // Files are parsed in worker threads ahead of the analysis, which runs here (it reads the database); pieces
  // are written as soon as they are analysed, so the workers keep parsing while SQLite writes. They start at once
  // (they need only the plan's period) while the plan's context is built here (~50 ms for 3,000 units).
  const parsed = parseAhead(
    order.map((o) => o.f),
    parseOptions({ plan: planOrThrow(ctx.db, planId) }),
  );
  const pc = loadPlanContext(ctx.db, planId);
  const results: HeadlessFileResult[] = new Array(files.length);
  // like the app's import: a verified backup of the data as it was, or no import at all
  if (!dryRun && !opts.throwaway)
    await backupBeforeBatchOffThread(ctx, `Trước khi nhập ${files.length} báo cáo cho kế hoạch "${pc.plan.title}" (dòng lệnh)`);
  const token = dryRun ? null : openTask('reports.commit');
  const writer = token
    ? openBatch(
        ctx,
        pc,
        files.map((f) => f.name),
        'reports.commit',
        token,
        PIECE,
      )
    : null;
  let piece: { at: number; input: CommitFileInput }[] = [];
  const flush = async () => {
    if (!writer || piece.length === 0) return;
    const written = await writer.write(piece.map((p) => p.input));
    for (const p of piece) releaseFile(p.input.file as FileIn);
    written.forEach((r, k) => {
      const at = (piece[k] as { at: number }).at;
      const prev = results[at] as HeadlessFileResult;
      results[at] = {
        ...prev,
        status: r.status,
        issues: r.status === 'error' || r.status === 'duplicate' ? (r.status === 'error' ? r.issues : prev.issues) : r.issues,
      };
    });
    piece = [];
  };
  try {
    for (const [k, { f, i }] of order.entries()) {
      const { preview: p, parsed: report, pkg, flagged } = await analyzeFile(ctx.db, pc, f, i, now, seen, await parsed(k));
      const decided = unreadableFile(f) ? { result: unreadable(f), commit: null } : decide(p, report, pc, opts.channel ?? 'file');
      results[i] = decided.result;
      // the unit is sure and was verified with the package, its values checked: commit need not do either again
      if (decided.commit)
        piece.push({
          at: i,
          input: { ...decided.commit, file: f, parsed: report, checked: flagged, ...(pkg !== undefined ? { pkg } : {}) },
        });
      else releaseFile(f);
      if (piece.length >= PIECE) await flush();
    }
    await flush();
    if (!writer) return { files: results, batchId: null };
    const done = writer.finish();
    return { files: results, batchId: done.batchId };
  } finally {
    token?.close();
  }
}

/** A file listed for the import that could not be read when its turn came. */
const unreadable = (f: FileIn): HeadlessFileResult => ({
  file: f.name,
  status: 'error',
  unitCode: null,
  issues: [
    {
      sheet: null,
      cell: null,
      severity: 'fatal',
      message:
        'Không đọc được tệp: tệp đã bị xoá, di chuyển hoặc đang bị chương trình khác khoá trong lúc nhập. Hãy kiểm tra tệp rồi nhập lại tệp này.',
    },
  ],
});

/** What a headless import does with one analysed file: report it, and commit it unless a human must decide. */
function decide(
  p: Analysis['preview'],
  report: Analysis['parsed'],
  pc: PlanContext,
  channel: string,
): { result: HeadlessFileResult; commit: Omit<CommitFileInput, 'file' | 'parsed'> | null } {
  const byId = pc.byId;
  const base = { file: p.fileName, unitCode: p.unit?.code ?? null, issues: p.issues };
  const fatal = (): ReportIssue => ({ sheet: null, cell: null, severity: 'fatal', message: p.reason });
  if (p.status === 'error')
    return { result: { ...base, status: 'error', issues: [...p.issues.filter((x) => x.severity !== 'fatal'), fatal()] }, commit: null };
  if (p.status === 'duplicate') return { result: { ...base, status: 'duplicate', issues: [warn(p.reason)] }, commit: null };
  if (!p.unit || !p.unitSure) return { result: { ...base, unitCode: null, status: 'error', issues: [...p.issues, fatal()] }, commit: null };
  // what only a person can decide (rows matching nothing, which value column) is left to the app's mapping screen
  const byHand = (message: string) => ({
    result: {
      ...base,
      status: 'error' as const,
      issues: [...p.issues, { sheet: report.sheet, cell: null, severity: 'fatal' as const, message }],
    },
    commit: null,
  });
  if (!p.rows.some((r) => r.indicatorId !== null)) return byHand(`${p.reason} (Nhập báo cáo trong ứng dụng: màn hình ghép chỉ tiêu.)`);
  if (columnInDoubt(report))
    return byHand(
      `${columnDoubtText(report)}: chưa nhập tệp này. Hãy nhập tệp trong ứng dụng và chọn cột số liệu một lần; lần sau đơn vị này được nhập tự động.`,
    );
  // Nobody is asked here: a unit the plan does not expect is left out, said at the file, never counted silently.
  if (!pc.units.expected.has(p.unit.id))
    return {
      result: {
        ...base,
        status: 'error',
        issues: [
          ...p.issues,
          {
            sheet: null,
            cell: null,
            severity: 'fatal',
            message: `"${p.unit.name}" (${p.unit.code}) không có trong danh sách đơn vị phải báo cáo của kế hoạch: chưa nhập. Hãy thêm đơn vị vào kế hoạch rồi nhập lại, hoặc nhập trong ứng dụng để xác nhận.`,
          },
        ],
      },
      commit: null,
    };
  // Guessed rows and rows whose unit cannot be converted are not stored (commit keeps only sure rows); the unit
  // ones are already among the preview's issues, the guesses are reported here, each at its row.
  const guesses = rowIssues(
    report,
    p.rows.filter((r) => r.how === 'similar'),
    byId,
    true,
  );
  const issues = [...p.issues, ...guesses.filter((g) => !p.issues.some((i) => i.message === g.message))];
  return {
    result: { ...base, issues, status: p.status === 'held' ? 'held' : p.replaces ? 'superseded' : 'imported' },
    commit: { unitId: p.unit.id, receivedOn: p.receivedOn, channel, mapping: [], remember: false, rows: p.rows, sha256: p.sha256 },
  };
}
