// Committing an import batch: each file in its own transaction (all-or-nothing per file), same bytes twice
// is a no-op, newer supersedes, older is held, another plan's template is refused, text in a number indicator
// is stored empty with its issue kept; progress events, cancel (per call, cancel.ts) between files.
import type { ParsedReport, ReportIssue } from '../../contract/parsed-report';
import type { CommitResult, MappedRow } from '../../contract/reports';
import { AppError } from '../../contract/errors';
import { sqliteErrorToApp } from '../../db/connection';
import { addAudit } from '../../db/audit';
import { sha256 } from '../../db/content-hash';
import { putDocument } from '../../db/documents';
import * as rep from '../../db/reports';
import { parseAhead, type ParsedFile } from '../../excel/report/parse-pool';
import type { AppContext } from '../../rpc/context';
import { PARSE_TIMEOUT_MS } from './analyze';
import { loadPlanContext, type PlanContext } from './context';
import { labelKey, mapRows, numberIssues, wantsNumber } from './row-mapping';
import { openTask, type TaskToken } from './cancel';
import { userError } from '../../runtime/error-text';

export interface CommitFileInput {
  file: { name: string; bytes: Uint8Array; lastModified?: number | undefined };
  unitId: number;
  receivedOn: string;
  channel: string;
  mapping: { label: string; indicatorId: number | null }[];
  remember: boolean;
  /** Already parsed (one-pass imports such as the CLI); parsed again when absent. */
  parsed?: ParsedReport;
  /** Rows already mapped from `parsed` for this unit (the analysis of a one-pass import); mapped again when absent. */
  rows?: MappedRow[];
  /** SHA-256 of the bytes when already known. */
  sha256?: string;
}

type FileResult = CommitResult['files'][number];
const fail = (file: string, message: string, unitCode: string | null = null): FileResult => ({
  file, status: 'error', unitCode, reportId: null, issues: [{ sheet: null, cell: null, severity: 'fatal', message }],
});

interface Prepared {
  f: CommitFileInput;
  unit: { id: number; code: string };
  parsed: ParsedReport;
  hash: string;
  values: rep.NewValue[];
  overrides: Map<string, number | null>;
  /** Issues found after mapping (text where a number is needed), kept on the report. */
  issues: ReportIssue[];
}

/** Parse (unless already parsed) and map one file; no database writes. */
async function prepareOne(ctx: AppContext, f: CommitFileInput, pc: PlanContext, parse: () => Promise<ParsedFile>): Promise<Prepared | FileResult> {
  const unit = pc.units.units.find((u) => u.id === f.unitId);
  if (!unit) return fail(f.file.name, 'Đơn vị đã chọn không còn trong danh sách. Hãy chọn lại đơn vị.');
  const ahead = f.parsed ? null : await parse();
  const parsed = f.parsed ?? (ahead as ParsedFile).report;
  const fatal = parsed.issues.find((i) => i.severity === 'fatal');
  if (fatal) return fail(f.file.name, fatal.message, unit.code);
  if (parsed.template?.planId && parsed.template.planId !== String(pc.plan.id))
    return fail(f.file.name, 'Tệp này là mẫu báo cáo của một kế hoạch khác. Hãy nhập vào đúng kế hoạch của nó.', unit.code);
  const overrides = new Map(f.mapping.map((m) => [labelKey(m.label), m.indicatorId] as const));
  const mapped = f.parsed && f.rows ? f.rows : mapRows(parsed, { planIndicators: pc.planIndicators, catalog: pc.catalog, remembered: rep.rememberedMappings(ctx.db, unit.id) });
  const rows = mapped.map((r) => {
    const o = overrides.get(labelKey(r.label));
    return o === undefined ? r : { ...r, indicatorId: o, sure: true };
  });
  const values = new Map<number, rep.NewValue>();
  for (const r of rows) {
    if (r.indicatorId === null || values.has(r.indicatorId)) continue;
    const num = typeof r.value === 'number' ? r.value : null;
    // Text that is not a number is never stored for a number indicator (see numberIssues).
    const text = typeof r.value === 'string' && !wantsNumber(pc.byId.get(r.indicatorId)) ? r.value : null;
    values.set(r.indicatorId, { indicatorId: r.indicatorId, valueNum: num, valueText: text, value2: r.value2, note: null, cell: r.cell });
  }
  if (values.size === 0) return fail(f.file.name, 'Không có dòng nào được ghép với chỉ tiêu: chưa nhập tệp này.', unit.code);
  return { f, unit, parsed, hash: f.sha256 || ahead?.sha256 || sha256(f.file.bytes), values: [...values.values()], overrides, issues: numberIssues(parsed, rows, pc.byId) };
}

/** Write one prepared file: its own transaction (a savepoint inside a group), so it is all or nothing. */
function applyOne(ctx: AppContext, planId: number, batchId: number, p: Prepared, now: string): FileResult {
  const { f, unit, parsed } = p;
  return ctx.db.transaction((): FileResult => {
    if (rep.reportWithHash(ctx.db, planId, p.hash)) return { file: f.file.name, status: 'duplicate', unitCode: unit.code, reportId: null, issues: [] };
    const active = rep.activeReport(ctx.db, planId, unit.id);
    const older = !!active && f.receivedOn < active.received_on;
    const documentId = putDocument(ctx.db, f.file.name, f.file.bytes, now, p.hash);
    const issues: ReportIssue[] = [...p.issues, ...parsed.issues].slice(0, 200);
    const reportId = rep.insertReport(ctx.db, {
      planId, unitId: unit.id, batchId, status: older ? 'held' : 'superseded', receivedOn: f.receivedOn, channel: f.channel,
      fileName: f.file.name, sha256: p.hash, documentId, reader: parsed.reader, title: parsed.title, periodLabel: parsed.period?.label ?? null,
      unitNameInFile: parsed.unitName, issues,
    }, p.values, parsed.narrative, now);
    if (!older) rep.recomputeActive(ctx.db, planId, unit.id);
    if (f.remember) for (const [label, id] of p.overrides) if (id !== null) rep.rememberMapping(ctx.db, unit.id, label, id, now);
    return { file: f.file.name, status: older ? 'held' : active ? 'superseded' : 'imported', unitCode: unit.code, reportId, issues };
  })();
}

/** Files written per outer transaction: one disk flush per group instead of per file (synchronous=FULL). */
const GROUP = 50;

export async function commitBatch(ctx: AppContext, planId: number, files: CommitFileInput[], task = 'reports.commit'): Promise<CommitResult> {
  const token = openTask(task);
  try {
    const writer = openBatch(ctx, loadPlanContext(ctx.db, planId), files.length, task, token);
    await writer.write(files);
    return writer.finish();
  } finally {
    token.close();
  }
}

/**
 * One import batch written in pieces, so a caller that analyses files as they are parsed (the headless import)
 * can write each piece while the workers parse the next. Each write() sorts its files oldest received first;
 * a caller writing several pieces passes them in that order overall.
 */
export interface BatchWriter {
  batchId: number;
  write(files: CommitFileInput[]): Promise<FileResult[]>;
  finish(): CommitResult;
}

export function openBatch(ctx: AppContext, pc: PlanContext, total: number, task: string, token: TaskToken): BatchWriter {
  const planId = pc.plan.id;
  const batchId = ctx.db.transaction(() => rep.createBatch(ctx.db, planId, total, ctx.now().toISOString()))();
  const all: FileResult[] = [];
  let done = 0;
  const write = async (files: CommitFileInput[]): Promise<FileResult[]> => {
    // Oldest first, so that within one batch the newest report of a unit ends up active.
    const order = files.map((f, i) => ({ f, i })).sort((a, b) => a.f.receivedOn.localeCompare(b.f.receivedOn) || a.i - b.i);
    const results: FileResult[] = new Array(files.length);
    // Files not parsed yet are parsed in worker threads ahead of the group being written (in commit order).
    const parsedAhead = parseAhead(order.map(({ f }) => (f.parsed ? null : f.file)), { timeoutMs: PARSE_TIMEOUT_MS });
    for (let g = 0; g < order.length; g += GROUP) {
      const group = order.slice(g, g + GROUP);
      const prepared: (Prepared | FileResult)[] = [];
      for (const [k, { f }] of group.entries()) {
        if (token.cancelled) prepared.push(fail(f.file.name, 'Đã dừng theo yêu cầu: tệp này chưa được nhập.'));
        else {
          try {
            prepared.push(await prepareOne(ctx, f, pc, () => parsedAhead(g + k)));
          } catch (err) {
            prepared.push(fail(f.file.name, `Không đọc được tệp: ${userError(err, 'lỗi không mong muốn. Hãy thử lại; nếu vẫn lỗi, hãy mở bằng Excel, lưu lại rồi gửi lại.').message}`));
          }
        }
      }
      const now = ctx.now().toISOString();
      ctx.db.transaction(() => {
        group.forEach(({ f, i }, k) => {
          const p = prepared[k] as Prepared | FileResult;
          if ('status' in p) return void (results[i] = p);
          try {
            results[i] = applyOne(ctx, planId, batchId, p, now);
          } catch (err) {
            const app = err instanceof AppError ? err : sqliteErrorToApp(err);
            if (app && (app.code === 'db_full' || app.code === 'db_busy' || app.code === 'db_corrupt')) throw app;
            results[i] = fail(f.file.name, app?.message ?? `Không nhập được tệp: ${userError(err, 'lỗi không mong muốn, tệp này chưa được nhập. Hãy thử lại.').message}`);
          }
        });
      })();
      done += group.length;
      ctx.emit('progress', { task, done, total, message: `Đã nhập ${done}/${total} tệp` });
      await new Promise((r) => setImmediate(r));
    }
    all.push(...results);
    return results;
  };
  const finish = (): CommitResult => {
    const count = (s: FileResult['status']) => all.filter((r) => r.status === s).length;
    const summary = { imported: count('imported'), superseded: count('superseded'), held: count('held'), duplicate: count('duplicate'), error: count('error') };
    ctx.db.transaction(() => {
      rep.finishBatch(ctx.db, batchId, summary);
      addAudit(ctx.db, {
        action: 'reports.import', entity: 'import_batches', entityId: batchId,
        summary: `Nhập ${total} tệp báo cáo cho kế hoạch "${pc.plan.title}": mới ${summary.imported}, thay thế ${summary.superseded}, giữ lại ${summary.held}, trùng ${summary.duplicate}, lỗi ${summary.error}`,
        details: summary,
      }, ctx.now());
    })();
    ctx.emit('data.changed', { entity: 'reports' });
    return { batchId, files: all };
  };
  return { batchId, write, finish };
}
