// Importing a units list from a workbook: plan every row against the register (create / update /
// unchanged / skip) with per-row Vietnamese issues, then, unless it is a dry run, write it in one transaction.
// Codes are normalised, a row without one gets a proposed code (or the user's), an update lists old -> new per
// field, and fields the user keeps stay as they are in the register.
import { AppError } from '../contract/errors';
import type { FileIn, Issue } from '../contract/common';
import { UNIT_KIND_LABELS, UnitDraft, type Unit, type UnitImportResult, type UnitImportRow } from '../contract/units';
import { addAudit } from '../db/audit';
import type { Db } from '../db/connection';
import * as units from '../db/units';
import type { RawUnitRow, UnitField } from '../excel/units-read';
import { readIsolated } from '../gate/isolated';
import { parseViNumber } from '../text/vi-number';
import { clean, fold } from '../text/vi-text';
import { checkDraft, parseUnitKind } from './unit-rules';
import { writeTx } from '../db/write-tx';
import { normaliseUnitCode, proposeUnitCodes } from './unit-codes';
import { actionCounts, refuseRowErrors } from './register-import-rules';

type CodeSource = UnitImportRow['codeSource'];
type Diff = UnitImportRow['diffs'][number];

const FIELD_LABELS: Record<string, string> = {
  code: 'mã',
  name: 'tên',
  kind: 'loại',
  parentId: 'đơn vị cấp trên',
  sector: 'khối',
  members: 'số đoàn viên',
  chair: 'chủ tịch',
  phone: 'điện thoại',
  email: 'email',
  address: 'địa chỉ',
  aliases: 'tên khác',
  note: 'ghi chú',
  active: 'trạng thái',
};

interface PlannedRow {
  raw: RawUnitRow;
  code: string;
  codeSource: CodeSource;
  /** Fields the user keeps as in the register (input `keep`). */
  keep: Set<string>;
  draft: UnitDraft | null;
  parentRef: string | null;
  active: boolean | null;
  existing: Unit | undefined;
  /** Parent found in the register (undefined: none given or it is a row of this file). */
  registeredParentId: number | undefined;
  errors: string[];
  warnings: string[];
}

function issue(sheet: string | null, row: number, severity: Issue['severity'], message: string): Issue {
  return { severity, message: `Dòng ${row}: ${message}`, sheet, cell: null, row };
}

/** Build a draft for one row, merging over the existing unit for columns the file does not have. */
function draftFor(raw: RawUnitRow, existing: Unit | undefined, p: PlannedRow): UnitDraft | null {
  const f = raw.fields;
  const has = (k: UnitField) => f[k] !== undefined;
  const text = (k: UnitField) => clean(f[k] ?? '') || null;
  let members: number | null = existing?.members ?? null;
  if (has('members')) {
    const t = text('members');
    const n = t === null ? null : parseViNumber(t);
    if (t !== null && (n === null || n.suffix !== '' || !Number.isInteger(n.value)))
      p.errors.push(`số đoàn viên "${t}" không phải số nguyên`);
    else members = n?.value ?? null;
  }
  let kind = existing?.kind ?? 'cdcs';
  if (has('kind') && text('kind')) {
    const k = parseUnitKind(text('kind') ?? '');
    if (k) kind = k;
    else p.warnings.push(`không hiểu loại đơn vị "${text('kind')}", giữ là "${kind === 'cdcs' ? 'Công đoàn cơ sở' : kind}"`);
  }
  const aliases = has('aliases')
    ? (text('aliases') ?? '')
        .split(/[;\n]/)
        .map((a) => clean(a))
        .filter(Boolean)
    : (existing?.aliases ?? []);
  const candidate = {
    id: existing?.id,
    code: p.code,
    name: text('name') ?? '',
    kind,
    parentId: existing?.parentId ?? null,
    sector: has('sector') ? text('sector') : (existing?.sector ?? null),
    members,
    chair: has('chair') ? text('chair') : (existing?.chair ?? null),
    phone: has('phone') ? text('phone') : (existing?.phone ?? null),
    email: has('email') ? text('email') : (existing?.email ?? null),
    address: has('address') ? text('address') : (existing?.address ?? null),
    note: has('note') ? text('note') : (existing?.note ?? null),
    aliases,
  };
  if (existing) {
    const kept = candidate as Record<string, unknown>;
    for (const k of p.keep) if (k in kept && k !== 'code' && k !== 'id') kept[k] = (existing as unknown as Record<string, unknown>)[k];
  }
  const parsed = UnitDraft.safeParse(candidate);
  if (!parsed.success) {
    for (const i of parsed.error.issues) p.errors.push(`${FIELD_LABELS[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`);
    return null;
  }
  return parsed.data;
}

function statusOf(text: string | undefined): boolean | null {
  const f = fold(text ?? '');
  if (!f) return null;
  if (/ngung|giai the|sap nhap|khong hoat dong|tam dung/.test(f)) return false;
  if (/hoat dong|dang|con/.test(f)) return true;
  return null;
}

const shown = (k: string, v: unknown): string | null =>
  v === null || v === undefined || v === '' ? null : k === 'kind' ? (UNIT_KIND_LABELS[v as Unit['kind']] ?? String(v)) : String(v);
const activeText = (a: boolean) => (a ? 'Đang hoạt động' : 'Ngừng hoạt động');

/** Each field an update changes, old -> new (the parent is added by the caller, which knows the file's rows). */
function diffsOf(before: Unit, d: UnitDraft, active: boolean | null): Diff[] {
  const out: Diff[] = [];
  const keys = ['code', 'name', 'kind', 'sector', 'members', 'chair', 'phone', 'email', 'address', 'note'] as const;
  for (const k of keys)
    if ((before[k] ?? null) !== (d[k] ?? null))
      out.push({ field: k, label: FIELD_LABELS[k] ?? k, before: shown(k, before[k]), after: shown(k, d[k]) });
  if ([...before.aliases].sort().join('|') !== [...d.aliases].sort().join('|'))
    out.push({ field: 'aliases', label: 'tên khác', before: before.aliases.join('; ') || null, after: d.aliases.join('; ') || null });
  if (active !== null && active !== before.active)
    out.push({ field: 'active', label: 'trạng thái', before: activeText(before.active), after: activeText(active) });
  return out;
}

/** Each data row's code: the user's, else the written one normalised, else a proposed one (blank and total lines dropped). */
function codesOf(db: Db, rows: RawUnitRow[], given: Map<number, string>): { raw: RawUnitRow; code: string; source: CodeSource }[] {
  const out: { raw: RawUnitRow; code: string; source: CodeSource }[] = [];
  for (const raw of rows) {
    const written = clean(raw.fields.code ?? '');
    const name = clean(raw.fields.name ?? '');
    const user = given.get(raw.row);
    // A blank or total line ("Tổng cộng", "Cộng: 12"), never a unit whose name starts "Công đoàn…" or "Tổng công ty…".
    if (!written && !user && (!name || /^(tong cong|tong so|tong|cong)\s*:?\s*[\d.,\s]*$/.test(fold(name)))) continue;
    if (user) out.push({ raw, code: user, source: 'user' });
    else if (written) {
      const code = /\s/.test(written) || /\p{Ll}/u.test(written) ? normaliseUnitCode(written) : written;
      out.push({ raw, code, source: code === written ? 'file' : 'normalised' });
    } else out.push({ raw, code: '', source: 'proposed' });
  }
  const missing = out.filter((r) => r.source === 'proposed');
  if (missing.length) {
    const proposed = proposeUnitCodes(
      [...units.listUnits(db).map((u) => u.code), ...out.map((r) => r.code).filter(Boolean)],
      missing.length,
    );
    missing.forEach((r, i) => (r.code = proposed[i] ?? ''));
  }
  return out;
}

function planRows(db: Db, rows: RawUnitRow[], given: Map<number, string>, keep: Map<number, Set<string>>): PlannedRow[] {
  const planned: PlannedRow[] = [];
  const idsByFoldedName = units.foldedNameLookup(db);
  const firstRowOfCode = new Map<string, number>();
  const firstRowOfName = new Map<string, number>();
  for (const { raw, code, source } of codesOf(db, rows, given)) {
    const name = clean(raw.fields.name ?? '');
    const written = clean(raw.fields.code ?? '');
    // A register code written with a space ("CD 050") is still that unit.
    const existingId =
      units.findUnitIdByCode(db, code) ?? (written && source === 'normalised' ? units.findUnitIdByCode(db, written) : undefined);
    const existing = existingId === undefined ? undefined : units.getUnit(db, existingId);
    const kept = (existing && keep.get(raw.row)) || new Set<string>();
    const p: PlannedRow = {
      raw,
      code,
      codeSource: source,
      keep: kept,
      draft: null,
      parentRef: kept.has('parentId') ? null : clean(raw.fields.parent ?? '') || null,
      active: kept.has('active') ? null : statusOf(raw.fields.status),
      existing,
      registeredParentId: undefined,
      errors: [],
      warnings: [],
    };
    if (source === 'proposed') p.warnings.push(`chưa có mã, đề xuất mã "${code}" (sửa được trước khi nhập)`);
    if (!name) p.errors.push('thiếu tên đơn vị');
    if (code) {
      const key = code.toLowerCase();
      const first = firstRowOfCode.get(key);
      if (first !== undefined) p.errors.push(`mã "${code}" trùng với dòng ${first}`);
      else firstRowOfCode.set(key, raw.row);
    }
    if (name) {
      const first = firstRowOfName.get(fold(name));
      if (first !== undefined) p.warnings.push(`tên "${name}" trùng với dòng ${first}`);
      else firstRowOfName.set(fold(name), raw.row);
      const sameName = idsByFoldedName(fold(name)).filter((id) => id !== existing?.id);
      const other = sameName[0] === undefined ? undefined : units.getUnit(db, sameName[0]);
      if (other && other.code.toLowerCase() !== code.toLowerCase())
        p.warnings.push(`tên trùng với đơn vị đã có "${other.name}" (mã ${other.code})`);
    }
    if (name) {
      const draft = draftFor(raw, existing, p);
      p.draft = p.errors.length ? null : draft;
    }
    planned.push(p);
  }
  resolveParents(db, planned, idsByFoldedName);
  return planned;
}

/** A parent may be given by code or name, of a unit in the register or elsewhere in the file. */
function resolveParents(db: Db, planned: PlannedRow[], idsByFoldedName: (folded: string) => number[]): void {
  const inFile = new Map<string, PlannedRow>();
  const inFileByName = new Map<string, PlannedRow>();
  for (const p of planned) {
    if (!p.draft) continue;
    inFile.set(p.draft.code.toLowerCase(), p);
    const key = fold(p.draft.name);
    if (!inFileByName.has(key)) inFileByName.set(key, p); // the first row of that name, as before
  }
  for (const p of planned) {
    if (!p.draft || !p.parentRef) continue;
    const ref = p.parentRef;
    const byCode = units.findUnitIdByCode(db, ref);
    const byName = idsByFoldedName(fold(ref));
    const fileRow = inFile.get(ref.toLowerCase()) ?? inFileByName.get(fold(ref));
    if (fileRow === p || (byCode !== undefined && byCode === p.existing?.id)) p.errors.push('đơn vị không thể trực thuộc chính nó');
    else if (byCode === undefined && !fileRow && byName.length !== 1)
      p.errors.push(
        byName.length > 1 ? `có nhiều đơn vị tên "${ref}", hãy ghi mã đơn vị cấp trên` : `không tìm thấy đơn vị cấp trên "${ref}"`,
      );
    else p.registeredParentId = byCode ?? (fileRow ? undefined : byName[0]);
  }
}

interface ImportOptions {
  dryRun: boolean;
  skipInvalid: boolean;
  /** The user's code for a row (Excel row number). */
  codes?: { row: number; code: string }[];
  /** Fields of a row to keep as they are in the register. */
  keep?: { row: number; field: string }[];
  /** Runs after validation, right before the write (the verified pre-import backup). */
  beforeCommit?: () => void;
}

export async function importUnits(db: Db, file: FileIn, opts: ImportOptions, now: Date): Promise<UnitImportResult> {
  const sheet = await readIsolated({ kind: 'units', bytes: file.bytes, fileName: file.name });
  if (sheet.fatal) throw new AppError('bad_file', sheet.fatal);
  const given = new Map((opts.codes ?? []).map((c) => [c.row, normaliseUnitCode(c.code)]));
  const keep = new Map<number, Set<string>>();
  for (const k of opts.keep ?? []) keep.set(k.row, (keep.get(k.row) ?? new Set()).add(k.field === 'parent' ? 'parentId' : k.field));
  const planned = planRows(db, sheet.rows, given, keep);
  const issues: Issue[] = sheet.converted
    ? [{ severity: 'warning', message: sheet.converted, sheet: sheet.sheet, cell: null, row: null }]
    : [];
  const rows: UnitImportRow[] = planned.map((p) => {
    for (const e of p.errors) issues.push(issue(sheet.sheet, p.raw.row, 'error', e));
    for (const w of p.warnings) issues.push(issue(sheet.sheet, p.raw.row, 'warning', w));
    const base = {
      row: p.raw.row,
      code: p.draft?.code ?? (p.code || null),
      name: p.draft?.name ?? (clean(p.raw.fields.name ?? '') || null),
      codeSource: p.codeSource,
    };
    if (p.errors.length || !p.draft) return { ...base, action: 'skip', changes: [], diffs: [] };
    if (!p.existing) return { ...base, action: 'create', changes: [], diffs: [] };
    const diffs = diffsOf(p.existing, p.draft, p.active);
    if (p.parentRef && p.registeredParentId !== p.existing.parentId) {
      const old = p.existing.parentId === null ? undefined : units.getUnit(db, p.existing.parentId);
      diffs.push({ field: 'parentId', label: 'đơn vị cấp trên', before: old ? `${old.code} – ${old.name}` : null, after: p.parentRef });
    }
    return { ...base, action: diffs.length ? 'update' : 'unchanged', changes: diffs.map((d) => d.label), diffs };
  });
  if (planned.length === 0) throw new AppError('bad_file', `Bảng trong "${file.name}" không có dòng đơn vị nào dưới dòng tiêu đề.`);
  const result: UnitImportResult = {
    dryRun: opts.dryRun,
    sheet: sheet.sheet,
    headerRow: sheet.headerRow,
    ...actionCounts(rows),
    rows,
    issues,
  };
  if (opts.dryRun) return result;
  refuseRowErrors(issues, opts.skipInvalid);
  opts.beforeCommit?.();
  commitRows(
    db,
    planned.filter((p) => p.draft && !p.errors.length),
    file.name,
    result,
    now,
  );
  return result;
}

function commitRows(db: Db, ok: PlannedRow[], fileName: string, result: UnitImportResult, now: Date): void {
  const at = now.toISOString();
  writeTx(db, () => {
    const ids = new Map<PlannedRow, number>();
    for (const p of ok) {
      if (!p.draft) continue;
      if (p.existing) checkDraft(db, { ...p.draft, parentId: null });
      ids.set(p, units.upsertUnit(db, p.draft, at));
    }
    for (const p of ok) {
      const id = ids.get(p);
      if (id === undefined || !p.draft) continue;
      if (p.parentRef) {
        const parentId = units.findUnitIdByCode(db, p.parentRef) ?? units.findUnitIdsByFoldedName(db, fold(p.parentRef))[0];
        if (parentId === undefined || parentId === id || units.wouldCycle(db, id, parentId))
          throw new AppError(
            'bad_file',
            `Dòng ${p.raw.row}: đơn vị cấp trên "${p.parentRef}" tạo thành vòng lặp hoặc không tồn tại. Chưa nhập gì.`,
          );
        units.upsertUnit(db, { ...p.draft, id, parentId }, at);
      }
      if (p.active !== null) units.setUnitActive(db, id, p.active, at);
    }
    addAudit(
      db,
      {
        action: 'unit.import',
        entity: 'units',
        summary: `Nhập danh sách đơn vị từ "${fileName}": thêm ${result.created}, cập nhật ${result.updated}, bỏ qua ${result.skipped}`,
        details: { file: fileName, created: result.created, updated: result.updated, skipped: result.skipped },
      },
      now,
    );
  });
}
