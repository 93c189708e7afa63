// Committing an import batch: each file in its own transaction (all-or-nothing per file), same bytes twice
// is a no-op, newer supersedes, older is held, another plan's template is refused, text in a number indicator
// is stored empty with its issue kept; progress events, cancel (per call, cancel.ts) between files.
import type { ParsedReport, ReportIssue } from '../../contract/parsed-report';
import type { CommitResult, MappedRow } from '../../contract/reports';
import { AppError } from '../../contract/errors';
import { deferCheckpoints, sqliteErrorToApp } from '../../db/connection';
import { addAudit } from '../../db/audit';
import { sha256 } from '../../bytes/content-hash';
import { putDocument } from '../../db/documents';
import * as rep from '../../db/reports';
import { parseAhead, type ParsedFile } from '../../excel/report/parse-pool';
import { packedNarrativeOf } from '../../excel/report/packed-narrative';
import type { AppContext } from '../../handler/context';
import { parseOptions } from './analyze';
import { loadPlanContext, type PlanContext } from './context';
import { flagIssues, flagRows, missingRequired, type FlaggedRow } from './value-flags';
import { unitHistory } from '../../db/check-data';
import { NOT_APPLICABLE } from '../../text/blank-words';
import { labelKey, mapRows, numberIssues, remapRow, rowIssues, unmatchedIssues, valueNoteIssues, wantsNumber } from './row-mapping';
import { openTask, type TaskToken } from './cancel';
import { writeTx } from '../../db/write-tx';
import { userError } from '../../handler/user-error';
import { columnDoubtText, columnInDoubt, columnToUse, readWithColumn, rememberColumn } from './value-column-choice';
import { verifyUpward, type PackageVerdict } from '../province-verify';

export interface CommitFileInput {
  file: { name: string; bytes: Uint8Array; lastModified?: number | undefined };
  unitId: number;
  receivedOn: string;
  channel: string;
  mapping: { label: string; indicatorId: number | null }[];
  remember: boolean;
  /** Header of the value column the user picked (absent: the reader's choice, or the unit's remembered one). */
  valueColumn?: string | null;
  /** Flagged values the user confirmed, with the reason (absent: none confirmed). */
  confirmations?: { label: string; reason: string }[];
  /** Already parsed (one-pass imports such as the CLI); parsed again when absent. */
  parsed?: ParsedReport;
  /** Rows already mapped from `parsed` for this unit (the analysis of a one-pass import); mapped again when absent. */
  rows?: MappedRow[];
  /** SHA-256 of the bytes when already known. */
  sha256?: string;
  /** The file as the preview parsed it (the preview stage): used instead of parsing it again. */
  ahead?: ParsedFile;
  /** The upward-package verdict of this file for this unit, already made by server-side code (never from the renderer). */
  pkg?: PackageVerdict | null;
  /**
   * The value checks' findings on `rows` for this unit, made by the server-side analysis of a one-pass import (never
   * from the renderer); the rows are checked here when absent.
   */
  checked?: FlaggedRow[];
}

type FileResult = CommitResult['files'][number];
const fail = (file: string, message: string, unitCode: string | null = null): FileResult => ({
  file,
  status: 'error',
  unitCode,
  reportId: null,
  issues: [{ sheet: null, cell: null, severity: 'fatal', message }],
});

interface Prepared {
  f: CommitFileInput;
  unit: { id: number; code: string };
  parsed: ParsedReport;
  hash: string;
  /** SHA-256 of the file's bytes (the stored document); `hash` is the report's identity (a package's content hash). */
  fileHash: string;
  /** Why the report is stored held (an upward package edited after export); null when not. */
  hold: string | null;
  values: rep.NewValue[];
  overrides: Map<string, number | null>;
  /** Issues found after mapping (text where a number is needed), kept on the report. */
  issues: ReportIssue[];
  /** The plan's period (the remembered value column is kept per period). */
  period: string | null;
  /** Flagged values the user confirmed as right, with the reason: audited when the report is written. */
  confirmed: { indicatorId: number; indicator: string; value: number | null; reason: string; findings: string[] }[];
}

/** Parse (unless already parsed) and map one file; no database writes. */
async function prepareOne(
  ctx: AppContext,
  f: CommitFileInput,
  pc: PlanContext,
  parse: () => Promise<ParsedFile>,
): Promise<Prepared | FileResult> {
  const unit = pc.units.units.find((u) => u.id === f.unitId);
  if (!unit) return fail(f.file.name, 'Đơn vị đã chọn không còn trong danh sách. Hãy chọn lại đơn vị.');
  const ahead = f.parsed ? null : await parse();
  let parsed = f.parsed ?? (ahead as ParsedFile).report;
  // the value column the user picked, or the unit's remembered pick when the reader cannot tell (read again with it)
  const column = f.parsed ? null : columnToUse(ctx.db, unit.id, parsed, f.valueColumn, pc.plan.periodLabel ?? null);
  if (column && !parsed.valueColumn?.chosen) parsed = (await readWithColumn(f.file, parseOptions(pc), column.header)).report;
  const fatal = parsed.issues.find((i) => i.severity === 'fatal');
  if (fatal) return fail(f.file.name, fatal.message, unit.code);
  if (parsed.template?.planId && parsed.template.planId !== String(pc.plan.id))
    return fail(f.file.name, 'Tệp này là mẫu báo cáo của một kế hoạch khác. Hãy nhập vào đúng kế hoạch của nó.', unit.code);
  if (columnInDoubt(parsed))
    return fail(
      f.file.name,
      `${columnDoubtText(parsed)}: chưa nhập tệp này. Hãy mở tệp ở bước xem trước, chọn cột số liệu rồi nhập lại.`,
      unit.code,
    );
  // Checked again here whatever the preview said: the renderer's word is not proof.
  const pkg = f.pkg !== undefined ? f.pkg : await verifyUpward(pc.plan, unit, f.file.bytes, parsed);
  if (pkg?.action === 'refuse') return fail(f.file.name, pkg.reason ?? '', unit.code);
  const overrides = new Map(f.mapping.map((m) => [labelKey(m.label), m.indicatorId] as const));
  const mapped =
    f.parsed && f.rows
      ? f.rows
      : mapRows(parsed, { planIndicators: pc.planIndicators, catalog: pc.catalog, remembered: rep.rememberedMappings(ctx.db, unit.id) });
  const rows = mapped.map((r) => {
    const o = overrides.get(labelKey(r.label));
    if (o === undefined) return r;
    // The user's decision confirms the row; another indicator than the suggested one reads the value again.
    return o === null || o === r.indicatorId ? { ...r, indicatorId: o, sure: true } : remapRow(parsed, r, pc.byId.get(o));
  });
  const values = new Map<number, rep.NewValue>();
  for (const r of rows) {
    // A guess, or a unit that cannot be converted, is stored only when the user's decisions confirm the row.
    if (r.indicatorId === null || !r.sure || values.has(r.indicatorId)) continue;
    const num = typeof r.value === 'number' ? r.value : null;
    // Text that is not a number is never stored for a number indicator (see numberIssues).
    // (a number indicator keeps only NOT_APPLICABLE as text: "x", "/", "không áp dụng" — neither 0 nor missing)
    const text = typeof r.value === 'string' && (!wantsNumber(pc.byId.get(r.indicatorId)) || r.value === NOT_APPLICABLE) ? r.value : null;
    values.set(r.indicatorId, { indicatorId: r.indicatorId, valueNum: num, valueText: text, value2: r.value2, note: null, cell: r.cell });
  }
  // Flagged values: stored only when the user confirmed them with a reason, else left out and said so at their cell.
  const reasons = new Map((f.confirmations ?? []).map((c) => [labelKey(c.label), c.reason] as const));
  // the rows whose value would be stored; their checks were made by the analysis when it mapped these very rows
  const storable = (r: MappedRow) => r.sure && r.indicatorId !== null && values.get(r.indicatorId)?.cell === r.cell;
  const flagged =
    f.checked && f.parsed && f.rows && f.mapping.length === 0
      ? f.checked.filter((x) => storable(x.row))
      : flagRows(pc, unit.id, rows.filter(storable), unitHistory(ctx.db, unit.id, pc.plan.id), parsed);
  const confirmed: Prepared['confirmed'] = [];
  const flagNotes: ReportIssue[] = [];
  for (const { row, findings, blocking } of flagged) {
    const reason = reasons.get(labelKey(row.label));
    const at = flagIssues(pc, [{ row, findings }]);
    if (!blocking && !reason) flagNotes.push(...at);
    else if (reason) {
      const ind = pc.byId.get(row.indicatorId!);
      confirmed.push({
        indicatorId: row.indicatorId!,
        indicator: ind ? `${ind.code} – ${ind.label}` : row.label,
        value: typeof row.value === 'number' ? row.value : null,
        reason,
        findings: findings.map((x) => x.message),
      });
      for (const i of at)
        flagNotes.push({
          ...i,
          message: `${i.message} — Đã xác nhận, lý do: ${reason}`,
          rule: 'confirmed',
          indicatorId: row.indicatorId!,
        } as ReportIssue);
    } else {
      values.delete(row.indicatorId!);
      // a plain issue (no `rule`): the value is not stored, so no live check will list it; the send-back letter does
      for (const i of at)
        flagNotes.push({
          sheet: i.sheet,
          cell: i.cell,
          severity: i.severity,
          message: `${i.message} — Chưa lưu giá trị này vì chưa được xác nhận.`,
        });
    }
  }
  if (values.size === 0) {
    const open = rows.some((r) => r.indicatorId !== null && !r.sure) || flagged.length > 0;
    return fail(
      f.file.name,
      open
        ? 'Các dòng của tệp chỉ được ghép với chỉ tiêu theo phỏng đoán, có đơn vị chưa đổi được, hoặc có giá trị bất thường chưa được xác nhận: chưa nhập tệp này. Hãy xác nhận ở bước xem trước rồi nhập lại.'
        : 'Không có dòng nào được ghép với chỉ tiêu: chưa nhập tệp này.',
      unit.code,
    );
  }
  const fileHash = (!pkg && f.sha256) || ahead?.sha256 || sha256(f.file.bytes);
  return {
    f,
    unit,
    parsed,
    period: pc.plan.periodLabel ?? null,
    hash: pkg?.identity ?? fileHash,
    fileHash,
    hold: pkg?.action === 'hold' ? pkg.reason : null,
    values: [...values.values()],
    overrides,
    confirmed,
    issues: [
      ...numberIssues(parsed, rows, pc.byId),
      ...rowIssues(parsed, rows, pc.byId, true),
      ...valueNoteIssues(parsed, rows),
      ...flagNotes,
      ...unmatchedIssues(parsed, rows, pc.planIndicators, overrides),
      ...missingRequired(pc, rows, parsed.sheet ?? null),
    ],
  };
}

/** Write one prepared file: its own transaction (a savepoint inside a group), so it is all or nothing. */
function applyOne(ctx: AppContext, planId: number, batchId: number, p: Prepared, now: string): FileResult {
  const { f, unit, parsed } = p;
  return writeTx(ctx.db, (): FileResult => {
    if (rep.reportWithHash(ctx.db, planId, p.hash))
      return { file: f.file.name, status: 'duplicate', unitCode: unit.code, reportId: null, issues: [] };
    const active = rep.activeReport(ctx.db, planId, unit.id);
    const older = (!!active && f.receivedOn < active.receivedOn) || p.hold !== null;
    const documentId = putDocument(ctx.db, f.file.name, f.file.bytes, now, p.fileHash);
    const held: ReportIssue[] = p.hold ? [{ sheet: null, cell: null, severity: 'error', message: p.hold }] : [];
    const issues: ReportIssue[] = [...held, ...p.issues, ...parsed.issues].slice(0, 200);
    const reportId = rep.insertReport(
      ctx.db,
      {
        planId,
        unitId: unit.id,
        batchId,
        status: older ? 'held' : 'superseded',
        receivedOn: f.receivedOn,
        channel: f.channel,
        fileName: f.file.name,
        sha256: p.hash,
        documentId,
        reader: parsed.reader,
        title: parsed.title,
        periodLabel: parsed.period?.label ?? null,
        unitNameInFile: parsed.unitName,
        issues,
      },
      p.values,
      packedNarrativeOf(parsed) ?? parsed.narrative,
      now,
    );
    if (!older) rep.recomputeActive(ctx.db, planId, unit.id);
    if (p.hold)
      addAudit(
        ctx.db,
        {
          action: 'report.package_edited',
          entity: 'reports',
          entityId: reportId,
          summary: `Giữ lại gói báo cáo của ${unit.code} đã bị sửa sau khi xuất (${f.file.name})`,
          details: { file: f.file.name, identity: p.hash },
        },
        new Date(now),
      );
    for (const c of p.confirmed) {
      addAudit(
        ctx.db,
        {
          action: 'report.value_confirmed',
          entity: 'reports',
          entityId: reportId,
          summary: `Xác nhận giá trị bất thường của ${unit.code}, ${c.indicator}: ${c.value ?? '(trống)'}; lý do: ${c.reason}`,
          details: c,
        },
        new Date(now),
      );
    }
    if (f.remember) for (const [label, id] of p.overrides) if (id !== null) rep.rememberMapping(ctx.db, unit.id, label, id, now);
    if (f.remember) rememberColumn(ctx.db, unit.id, parsed, p.period, now);
    return { file: f.file.name, status: older ? 'held' : active ? 'superseded' : 'imported', unitCode: unit.code, reportId, issues };
  });
}

/**
 * Files written per outer transaction: one disk flush per group instead of per file (synchronous=FULL); progress
 * is said per group. The headless import writes larger groups (openBatch's `group`).
 */
const GROUP = 50;

export async function commitBatch(
  ctx: AppContext,
  planId: number,
  files: CommitFileInput[],
  task = 'reports.commit',
): Promise<CommitResult> {
  const token = openTask(task);
  try {
    const writer = openBatch(
      ctx,
      loadPlanContext(ctx.db, planId),
      files.map((f) => f.file.name),
      task,
      token,
    );
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
interface BatchWriter {
  batchId: number;
  write(files: CommitFileInput[]): Promise<FileResult[]>;
  finish(): CommitResult;
}

/** Batches being written by this process right now (the others whose summary is missing were cut off). */
const running = new Set<number>();
export const isBatchRunning = (batchId: number) => running.has(batchId);

/** A fatal error halfway through a batch, said as it is: how many files went in, how many did not, what to do. */
function cutOff(app: AppError, batchId: number, stored: number, done: number, total: number): AppError {
  const why = app.code === 'db_full' ? 'Ổ đĩa đã đầy' : app.code === 'db_busy' ? 'Tệp dữ liệu bị khoá' : 'Tệp dữ liệu bị lỗi';
  return new AppError(
    app.code,
    `${why} nên đợt nhập dừng giữa chừng: ${stored} trong ${total} tệp đã vào dữ liệu, ${total - done} tệp chưa vào. ` +
      `Lần nhập #${batchId} được đánh dấu "Bị gián đoạn" trong Lịch sử nhập, kèm danh sách tệp chưa vào. ` +
      (app.code === 'db_full' ? 'Hãy giải phóng dung lượng ổ đĩa, ' : 'Hãy đợi một lát, ') +
      'rồi nhập lại các tệp đó (tệp đã vào sẽ được bỏ qua vì trùng), hoặc hoàn tác lần nhập này.',
  );
}

export function openBatch(
  ctx: AppContext,
  pc: PlanContext,
  fileNames: string[],
  task: string,
  token: TaskToken,
  group = GROUP,
): BatchWriter {
  const planId = pc.plan.id;
  const total = fileNames.length;
  const groupSize = Math.max(1, group);
  const batchId = writeTx(ctx.db, () => rep.createBatch(ctx.db, planId, fileNames, ctx.now().toISOString()));
  running.add(batchId);
  // the batch's commits only append to the WAL; it is copied into the database file once, when the batch ends
  const checkpointed = deferCheckpoints(ctx.db);
  const all: FileResult[] = [];
  let done = 0;
  let stored = 0;
  const write = async (files: CommitFileInput[]): Promise<FileResult[]> => {
    // Oldest first, so that within one batch the newest report of a unit ends up active.
    const order = files.map((f, i) => ({ f, i })).sort((a, b) => a.f.receivedOn.localeCompare(b.f.receivedOn) || a.i - b.i);
    const results: FileResult[] = new Array(files.length);
    // Files not parsed yet are parsed in worker threads ahead of the group being written (in commit order).
    const parsedAhead = parseAhead(
      order.map(({ f }) => (f.parsed || f.ahead ? null : f.file)),
      parseOptions(pc),
    );
    for (let g = 0; g < order.length; g += groupSize) {
      const group = order.slice(g, g + groupSize);
      const prepared: (Prepared | FileResult)[] = [];
      for (const [k, { f }] of group.entries()) {
        if (token.cancelled) prepared.push(fail(f.file.name, 'Đã dừng theo yêu cầu: tệp này chưa được nhập.'));
        else {
          try {
            prepared.push(await prepareOne(ctx, f, pc, () => (f.ahead ? Promise.resolve(f.ahead) : parsedAhead(g + k))));
          } catch (err) {
            prepared.push(
              fail(
                f.file.name,
                `Không đọc được tệp: ${userError(err, 'lỗi không mong muốn. Hãy thử lại; nếu vẫn lỗi, hãy mở bằng Excel, lưu lại rồi gửi lại.').message}`,
              ),
            );
          }
        }
      }
      const now = ctx.now().toISOString();
      try {
        writeTx(ctx.db, () => {
          group.forEach(({ f, i }, k) => {
            const p = prepared[k] as Prepared | FileResult;
            if ('status' in p) return void (results[i] = p);
            try {
              results[i] = applyOne(ctx, planId, batchId, p, now);
            } catch (err) {
              const app = err instanceof AppError ? err : sqliteErrorToApp(err);
              if (app && (app.code === 'db_full' || app.code === 'db_busy' || app.code === 'db_corrupt')) throw app;
              results[i] = fail(
                f.file.name,
                app?.message ??
                  `Không nhập được tệp: ${userError(err, 'lỗi không mong muốn, tệp này chưa được nhập. Hãy thử lại.').message}`,
              );
            }
          });
        });
      } catch (err) {
        running.delete(batchId);
        checkpointed();
        const app = err instanceof AppError ? err : sqliteErrorToApp(err);
        throw app ? cutOff(app, batchId, stored, done, total) : err;
      }
      stored += group.filter(({ i }) => results[i] && ['imported', 'superseded', 'held'].includes(results[i]!.status)).length;
      done += group.length;
      ctx.emit('progress', { task, done, total, message: `Đã nhập ${done}/${total} tệp` });
      await new Promise((r) => setImmediate(r));
    }
    all.push(...results);
    return results;
  };
  const finish = (): CommitResult => {
    running.delete(batchId);
    const count = (s: FileResult['status']) => all.filter((r) => r.status === s).length;
    const summary = {
      imported: count('imported'),
      superseded: count('superseded'),
      held: count('held'),
      duplicate: count('duplicate'),
      error: count('error'),
    };
    try {
      writeTx(ctx.db, () => {
        rep.finishBatch(ctx.db, batchId, summary);
        addAudit(
          ctx.db,
          {
            action: 'reports.import',
            entity: 'import_batches',
            entityId: batchId,
            summary: `Nhập ${total} tệp báo cáo cho kế hoạch "${pc.plan.title}": mới ${summary.imported}, thay thế ${summary.superseded}, giữ lại ${summary.held}, trùng ${summary.duplicate}, lỗi ${summary.error}`,
            details: summary,
          },
          ctx.now(),
        );
      });
    } finally {
      // the WAL is copied into the database file just after the result is given (see deferCheckpoints)
      checkpointed({ later: true });
    }
    ctx.emit('data.changed', { entity: 'reports' });
    return { batchId, files: all };
  };
  return { batchId, write, finish };
}
