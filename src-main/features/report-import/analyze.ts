// Dry run of one file against a plan: parse, detect the unit, map rows, and decide what committing it would
// do (new / replace / duplicate / held / confirm / error), with a one-sentence reason in Vietnamese.
import { narrativeCount } from '../../excel/report/packed-narrative';
import type { FileIn } from '../../contract/common';
import type { ParsedReport } from '../../contract/parsed-report';
import type { PreviewFile } from '../../contract/reports';
import type { Db } from '../../db/connection';
import { sha256 } from '../../bytes/content-hash';
import { activeReport, rememberedMappings, reportWithHash } from '../../db/reports';
import { parseReport } from '../../excel/report/parse-report';
import type { ParsedFile } from '../../excel/report/parse-pool';
import { receivedOnOf, type PlanContext } from './context';
import { formatViDate } from '../../text/vi-date';
import { mapRows, numberIssues, rowIssues, unconfirmed, unmatchedIssues, valueNoteIssues } from './row-mapping';
import { detectUnit } from './unit-detect';
import { flagIssues, flagRows, missingRequired, type FlaggedRow } from './value-flags';
import { unitHistory } from '../../db/check-data';
import { columnDoubtText, columnInDoubt, columnToUse, previewColumn, readWithColumn } from './value-column-choice';
import { verifyUpward, type PackageVerdict } from '../province-verify';

export interface Analysis {
  preview: PreviewFile;
  parsed: ParsedReport;
  /** The upward package's verdict (null: not a package); passed on by headless imports so commit reads it once. */
  pkg?: PackageVerdict | null;
  /** The value checks' findings on the mapped rows (passed on by headless imports so commit checks them once). */
  flagged: FlaggedRow[];
}

export const PARSE_TIMEOUT_MS = 15_000;

/** Start of the reason of a file none of whose rows matched an indicator (the headless import says it as an error). */
const NO_MATCH = 'Không tìm thấy dòng nào khớp với chỉ tiêu của kế hoạch';

/** How a plan's reports are read: the time limit, and the plan's period (which "Kết quả" sub-column answers it). */
export const parseOptions = (pc: { plan: Pick<PlanContext['plan'], 'periodLabel'> }) => ({
  timeoutMs: PARSE_TIMEOUT_MS,
  planPeriod: pc.plan.periodLabel ?? null,
});

/** What the user already decided for a file on the mapping screen, when it is analysed again. */
interface FileChoices {
  /** The unit picked by hand. */
  unitId?: number | null;
  /** Header of the value column picked by hand. */
  valueColumn?: string | null;
}

/** `ahead`: the file already parsed and hashed (by the worker pool, see parse-pool.ts); done here when absent. */
export async function analyzeFile(
  db: Db,
  pc: PlanContext,
  file: FileIn,
  index: number,
  now: Date,
  seenHashes: Set<string>,
  ahead?: ParsedFile,
  choices: FileChoices = {},
): Promise<Analysis> {
  let parsed = ahead?.report ?? (await parseReport(file.bytes, file.name, parseOptions(pc)));
  const detected = detectUnit(pc.units, {
    templateUnitCode: parsed.template?.unitCode ?? null,
    nameInFile: parsed.unitName,
    fileName: file.name,
  });
  const picked = choices.unitId ? pc.units.units.find((u) => u.id === choices.unitId) : undefined;
  const guess = picked ? { ...detected, unit: picked, sure: true } : detected;
  const unit = guess.unit;
  // the value column: the user's pick, else this unit's remembered pick for the same headers (read again with it)
  const column = columnToUse(db, unit?.id ?? null, parsed, choices.valueColumn, pc.plan.periodLabel ?? null);
  if (column && !parsed.valueColumn?.chosen) parsed = (await readWithColumn(file, parseOptions(pc), column.header)).report;
  // An upward package (or a district's workbook): proven before anything else; its identity is its content hash.
  const pkg = parsed.issues.some((i) => i.severity === 'fatal') ? null : await verifyUpward(pc.plan, unit, file.bytes, parsed);
  const hash = pkg?.identity ?? (ahead?.sha256 || sha256(file.bytes));
  const mappedRows = mapRows(parsed, {
    planIndicators: pc.planIndicators,
    catalog: pc.catalog,
    remembered: unit ? rememberedMappings(db, unit.id) : new Map(),
  });
  // every value is checked before anything is stored: odd ones carry their findings and need the user's word
  const flagged = unit ? flagRows(pc, unit.id, mappedRows, unitHistory(db, unit.id, pc.plan.id), parsed) : [];
  const findings = new Map(flagged.map((f) => [f.row, f.findings.map(({ rule, message }) => ({ rule, message, blocking: f.blocking }))]));
  const rows = mappedRows.map((r) => (findings.has(r) ? { ...r, checks: findings.get(r) } : r));
  const receivedOn = receivedOnOf(file.lastModified, now);
  const col = previewColumn(parsed, column?.how ?? null);
  // one object literal of one shape, set once below: a spread's shape would die with each import, and with it the
  // compiled code of this function (compiled again on every import, measured)
  const base: PreviewFile = {
    index,
    fileName: file.name,
    size: file.bytes.byteLength,
    sha256: hash,
    status: 'new',
    reason: '',
    unit: unit ? { id: unit.id, code: unit.code, name: unit.name } : null,
    unitSure: guess.sure,
    // a match score said as a share (a perfect match plus bonuses is still 100 %, never 102 %)
    unitCandidates: guess.candidates.map((c) => ({ id: c.unit.id, code: c.unit.code, name: c.unit.name, score: Math.min(1, c.score) })),
    receivedOn,
    template: parsed.template !== null,
    reader: parsed.reader,
    title: parsed.title,
    rows,
    narrativeCount: narrativeCount(parsed),
    replaces: null,
    valueColumn: col.valueColumn,
    valueColumns: col.valueColumns,
    issues: [
      ...parsed.issues,
      ...numberIssues(parsed, rows, pc.byId),
      ...rowIssues(parsed, rows),
      ...valueNoteIssues(parsed, rows),
      ...flagIssues(pc, flagged),
      ...unmatchedIssues(parsed, rows, pc.planIndicators),
      ...(unit ? missingRequired(pc, rows, parsed.sheet ?? null) : []),
    ],
  };
  const fatal = parsed.issues.find((i) => i.severity === 'fatal');
  const set = (status: PreviewFile['status'], reason: string): Analysis => {
    base.status = status;
    base.reason = reason;
    return { preview: base, parsed, pkg, flagged };
  };
  if (fatal) return set('error', fatal.message);
  if (pkg?.action === 'refuse') return set('error', pkg.reason ?? '');
  const planOfTemplate = parsed.template?.planId;
  if (planOfTemplate && planOfTemplate !== String(pc.plan.id))
    return set('error', 'Tệp này là mẫu báo cáo của một kế hoạch khác. Hãy nhập vào đúng kế hoạch của nó.');
  const dup = reportWithHash(db, pc.plan.id, hash);
  if (dup || seenHashes.has(hash))
    return set(
      'duplicate',
      dup
        ? 'Tệp này đã được nhập trước đây (nội dung giống hệt): bỏ qua.'
        : 'Tệp trùng nội dung với một tệp khác trong lần nhập này: bỏ qua.',
    );
  seenHashes.add(hash);
  const mapped = rows.filter((r) => r.indicatorId !== null);
  const doubt = columnInDoubt(parsed);
  // Never a dead end: rows the app cannot match are mapped by hand on the mapping screen (and remembered for the unit).
  if (mapped.length === 0 && rows.length > 0)
    return set(
      'confirm',
      `${NO_MATCH}: hãy mở tệp và ghép các dòng với chỉ tiêu${doubt ? ', chọn cột số liệu' : ''}${unit ? '' : ', chọn đơn vị'}. Lần sau, tệp của đơn vị này được ghép tự động.`,
    );
  if (mapped.length === 0) return set('error', 'Bảng số liệu của tệp không có dòng nào: hãy kiểm tra tệp rồi gửi lại.');
  if (!unit) return set('confirm', 'Chưa xác định được đơn vị gửi báo cáo: hãy chọn đơn vị.');
  if (!guess.sure) return set('confirm', `Đơn vị có thể là "${unit.name}": hãy xác nhận.`);
  if (!pc.units.expected.has(unit.id))
    return set('confirm', `"${unit.name}" không có trong danh sách đơn vị phải báo cáo của kế hoạch: hãy xác nhận.`);
  const active = activeReport(db, pc.plan.id, unit.id);
  if (active) base.replaces = { reportId: active.id, version: active.version, receivedOn: active.receivedOn };
  if (doubt) return set('confirm', `${columnDoubtText(parsed)}: hãy mở tệp và chọn cột số liệu.`);
  const open = unconfirmed(rows);
  const guessed = open.filter((r) => r.how === 'similar').length;
  const badUnit = open.length - guessed;
  if (open.length) {
    const parts = [
      guessed ? `${guessed} dòng được ghép với chỉ tiêu theo phỏng đoán` : '',
      badUnit ? `${badUnit} dòng có đơn vị không đổi được sang đơn vị của chỉ tiêu` : '',
    ];
    return set('confirm', `${parts.filter(Boolean).join(', ')}: cần xác nhận trước khi lưu các dòng này.`);
  }
  const held = flagged.filter((f) => f.blocking);
  if (held.length)
    return set(
      'confirm',
      `${held.length} giá trị bất thường (${held[0]!.findings[0]!.message.split(':')[0]}${held.length > 1 ? '…' : ''}): hãy kiểm tra, sửa trong tệp rồi nhập lại, hoặc xác nhận kèm lý do.`,
    );
  if (pkg?.action === 'hold') return set('held', pkg.reason ?? '');
  if (active && receivedOn < active.receivedOn)
    return set(
      'held',
      `Báo cáo này cũ hơn bản đang dùng (nhận ngày ${formatViDate(active.receivedOn)}): sẽ được giữ lại để bạn quyết định.`,
    );
  if (active) return set('replace', `Thay thế bản ${active.version} (nhận ngày ${formatViDate(active.receivedOn)}); bản cũ vẫn được lưu.`);
  return set('new', `Báo cáo mới của "${unit.name}": ${mapped.length} chỉ tiêu.`);
}

/**
 * Several files of one unit in the same drop: say what commit will really do. Commit writes the oldest received
 * first (ties in drop order); each file then replaces the one before it, or is held when it is older than the
 * report active at that moment. Files still needing a confirmation keep their status. Mutates `previews`.
 */
export function settleSameUnit(db: Db, planId: number, previews: PreviewFile[]): void {
  const byUnit = new Map<number, PreviewFile[]>();
  for (const p of previews)
    if (p.unit && (p.status === 'new' || p.status === 'replace' || p.status === 'held'))
      byUnit.set(p.unit.id, [...(byUnit.get(p.unit.id) ?? []), p]);
  for (const [unitId, group] of byUnit) {
    if (group.length < 2) continue;
    const active = activeReport(db, planId, unitId);
    let current: { receivedOn: string; label: string; peer: boolean } | null = active
      ? { receivedOn: active.receivedOn, label: `bản ${active.version}`, peer: false }
      : null;
    for (const p of [...group].sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.index - b.index)) {
      if (current && p.receivedOn < current.receivedOn) {
        p.status = 'held';
        p.reason = `Báo cáo này cũ hơn ${current.label} (nhận ngày ${formatViDate(current.receivedOn)}): sẽ được giữ lại để bạn quyết định.`;
        continue;
      }
      if (current) {
        p.status = 'replace';
        p.reason = `Thay thế ${current.label} (nhận ngày ${formatViDate(current.receivedOn)})${current.peer ? ' trong cùng lần nhập này' : ''}; bản cũ vẫn được lưu.`;
        if (current.peer) p.replaces = null;
      } else {
        p.status = 'new';
        p.replaces = null;
      }
      current = { receivedOn: p.receivedOn, label: `tệp "${p.fileName}"`, peer: true };
    }
  }
}
