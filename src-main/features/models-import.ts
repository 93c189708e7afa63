// Importing "Dân vận khéo" registrations from a workbook (our form or a free-form list): match each row's unit
// by code or name/alias, parse type/field/new-or-carried, plan create / update / unchanged / skip with per-row
// Vietnamese issues; nothing is written on a dry run, and the write is one transaction.
import type { FileIn, Issue } from '../contract/common';
import { AppError } from '../contract/errors';
import { ModelDraft, REGISTRATION_FIELDS, type Model, type ModelImportResult } from '../contract/models';
import { MODEL_FIELD_LABELS, MODEL_TYPE_LABELS } from '../contract/model-labels';
import { addAudit } from '../db/audit';
import type { Db } from '../db/connection';
import * as models from '../db/models';
import * as units from '../db/units';
import type { RawModelRow } from '../excel/models-read';
import { readIsolated } from '../gate/isolated';
import { parseViDate, todayInVietnam } from '../text/vi-date';
import { clean, fold } from '../text/vi-text';
import { writeTx } from '../db/write-tx';
import { actionCounts, refuseRowErrors } from './register-import-rules';

export function parseModelField(text: string): Model['field'] | null {
  const f = fold(text);
  if (!f) return null;
  if (f.includes('kinh te')) return 'kinh_te';
  if (f.includes('van hoa') || f.includes('xa hoi')) return 'van_hoa_xa_hoi';
  if (f.includes('quoc phong') || f.includes('an ninh')) return 'quoc_phong_an_ninh';
  if (f.includes('cong doan') || f.includes('he thong') || f.includes('chinh tri')) return 'xay_dung_cong_doan';
  return null;
}

export function parseModelType(text: string): Model['type'] | null {
  const f = fold(text);
  if (!f || f === 'mo hinh') return 'mo_hinh';
  if (f.includes('ca nhan')) return 'dien_hinh_ca_nhan';
  if (f.includes('tap the')) return 'dien_hinh_tap_the';
  if (f.includes('mo hinh')) return 'mo_hinh';
  return null;
}

const LABEL: Record<string, string> = {
  unitId: 'đơn vị',
  name: 'tên mô hình',
  type: 'loại',
  field: 'lĩnh vực',
  year: 'năm',
  startedYear: 'năm bắt đầu',
  registeredOn: 'ngày đăng ký',
  person: 'người phụ trách',
  phone: 'điện thoại',
  note: 'ghi chú',
  ...Object.fromEntries(REGISTRATION_FIELDS.map((f) => [f.key, f.label.toLowerCase()])),
};

interface Planned {
  raw: RawModelRow;
  draft: ModelDraft | null;
  existing: Model | undefined;
  unitLabel: string | null;
  errors: string[];
  warnings: string[];
}

function unitOf(db: Db, idsByFoldedName: (folded: string) => number[], code: string, name: string, p: Planned): number | undefined {
  if (code) {
    const id = units.findUnitIdByCode(db, code);
    if (id !== undefined) return id;
    if (!name) {
      p.errors.push(`không tìm thấy đơn vị mã "${code}" trong danh sách đơn vị`);
      return undefined;
    }
  }
  if (!name) {
    p.errors.push('thiếu mã hoặc tên đơn vị đăng ký');
    return undefined;
  }
  const ids = idsByFoldedName(fold(name));
  if (ids.length === 1) return ids[0];
  p.errors.push(
    ids.length > 1
      ? `có nhiều đơn vị tên "${name}", hãy ghi mã đơn vị`
      : `không tìm thấy đơn vị "${name}" — hãy thêm đơn vị ở trang Đơn vị hoặc ghi đúng mã`,
  );
  return undefined;
}

function startedYearOf(f: RawModelRow['fields'], year: number, p: Planned): number {
  const started = clean(f.startedYear ?? '');
  const n = Number(started);
  if (started && Number.isInteger(n) && n >= 1990 && n <= year) return n;
  if (started) p.warnings.push(`năm bắt đầu "${started}" không hợp lệ, bỏ qua`);
  const kind = fold(f.newOrCarried ?? '');
  if (/duy tri|tiep tuc|nam truoc|cu/.test(kind)) {
    p.warnings.push('ghi "Duy trì" nhưng không có năm bắt đầu, tạm ghi là năm trước');
    return year - 1;
  }
  return year;
}

function draftFor(
  db: Db,
  idsByFoldedName: (folded: string) => number[],
  raw: RawModelRow,
  year: number,
  defaultDate: string,
  p: Planned,
): ModelDraft | null {
  const f = raw.fields;
  const text = (k: keyof RawModelRow['fields']) => clean(f[k] ?? '') || null;
  const unitId = unitOf(db, idsByFoldedName, text('unitCode') ?? '', text('unitName') ?? '', p);
  const field = parseModelField(text('field') ?? '');
  if (!field)
    p.errors.push(
      text('field')
        ? `lĩnh vực "${text('field')}" không thuộc 4 lĩnh vực (${Object.values(MODEL_FIELD_LABELS).join('; ')})`
        : 'thiếu lĩnh vực',
    );
  const type = parseModelType(text('type') ?? '');
  if (!type) p.warnings.push(`không hiểu loại "${text('type')}", ghi là "${MODEL_TYPE_LABELS.mo_hinh}"`);
  let rowYear = year;
  if (text('year')) {
    const y = Number(text('year'));
    if (Number.isInteger(y) && y >= 2000 && y <= 2100) rowYear = y;
    else p.errors.push(`năm "${text('year')}" không hợp lệ`);
  }
  let registeredOn = defaultDate;
  if (text('registeredOn')) {
    const d = parseViDate(text('registeredOn') ?? '');
    if (d) registeredOn = d;
    else p.warnings.push(`ngày đăng ký "${text('registeredOn')}" không hợp lệ, dùng ngày nhận tệp`);
  }
  if (unitId === undefined || !field) return null;
  p.existing = text('name')
    ? ((id) => (id === undefined ? undefined : models.getModel(db, id)))(models.findModelId(db, unitId, rowYear, text('name') ?? ''))
    : undefined;
  const e = p.existing;
  const parsed = ModelDraft.safeParse({
    ...(e
      ? {
          id: e.id,
          planId: e.planId,
          midReview: e.midReview,
          midReviewOn: e.midReviewOn,
          endReview: e.endReview,
          endReviewOn: e.endReviewOn,
          awards: e.awards,
        }
      : {}),
    unitId,
    year: rowYear,
    startedYear: startedYearOf(f, rowYear, p),
    name: text('name') ?? '',
    type: type ?? 'mo_hinh',
    field,
    registeredOn: e && !text('registeredOn') ? e.registeredOn : registeredOn,
    ...Object.fromEntries(REGISTRATION_FIELDS.map(({ key }) => [key, f[key] === undefined ? (e?.[key] ?? null) : text(key)])),
    person: text('person') ?? e?.person ?? null,
    phone: text('phone') ?? e?.phone ?? null,
    note: text('note') ?? e?.note ?? null,
  });
  if (!parsed.success) {
    for (const i of parsed.error.issues) p.errors.push(`${LABEL[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`);
    return null;
  }
  return parsed.data;
}

function changesOf(before: Model, d: ModelDraft): string[] {
  const keys = [
    'name',
    'type',
    'field',
    'startedYear',
    'registeredOn',
    'person',
    'phone',
    'note',
    ...REGISTRATION_FIELDS.map((r) => r.key),
  ] as const;
  return keys.filter((k) => (before[k] ?? null) !== (d[k] ?? null)).map((k) => LABEL[k] ?? k);
}

interface ModelImportOptions {
  dryRun: boolean;
  skipInvalid: boolean;
  year?: number | undefined;
  beforeCommit?: () => void;
}

export async function importModels(db: Db, file: FileIn, opts: ModelImportOptions, now: Date): Promise<ModelImportResult> {
  const sheet = await readIsolated({ kind: 'models', bytes: file.bytes, fileName: file.name });
  if (sheet.fatal) throw new AppError('bad_file', sheet.fatal);
  const today = todayInVietnam(now);
  const year = opts.year ?? sheet.meta?.year ?? Number(today.slice(0, 4));
  const received = file.lastModified ? todayInVietnam(new Date(file.lastModified)) : today;
  const defaultDate = received > today ? today : received;
  const planned: Planned[] = [];
  const seen = new Map<string, number>();
  const idsByFoldedName = units.foldedNameLookup(db);
  for (const raw of sheet.rows) {
    const name = clean(raw.fields.name ?? '');
    if (!name || /^(tong|cong)( |$)/.test(fold(name))) continue;
    const p: Planned = {
      raw,
      draft: null,
      existing: undefined,
      unitLabel: clean(raw.fields.unitCode ?? '') || clean(raw.fields.unitName ?? '') || null,
      errors: [],
      warnings: [],
    };
    p.draft = draftFor(db, idsByFoldedName, raw, year, defaultDate, p);
    if (p.draft) {
      const key = `${p.draft.unitId}|${p.draft.year}|${fold(p.draft.name)}`;
      const first = seen.get(key);
      if (first !== undefined) {
        p.errors.push(`mô hình "${name}" của đơn vị này trùng với dòng ${first}`);
        p.draft = null;
      } else seen.set(key, raw.row);
    }
    planned.push(p);
  }
  if (planned.length === 0)
    throw new AppError('bad_file', `Bảng trong "${file.name}" chưa có mô hình nào dưới dòng tiêu đề. Hãy điền tên mô hình rồi chọn lại.`);
  const issues: Issue[] = sheet.converted
    ? [{ severity: 'warning', message: sheet.converted, sheet: sheet.sheet, cell: null, row: null }]
    : [];
  const at = (row: number, severity: Issue['severity'], m: string): Issue => ({
    severity,
    message: `Dòng ${row}: ${m}`,
    sheet: sheet.sheet,
    cell: null,
    row,
  });
  const rows: ModelImportResult['rows'] = planned.map((p) => {
    p.errors.forEach((e) => issues.push(at(p.raw.row, 'error', e)));
    p.warnings.forEach((w) => issues.push(at(p.raw.row, 'warning', w)));
    const base = { row: p.raw.row, unit: p.unitLabel, name: clean(p.raw.fields.name ?? '') || null };
    if (p.errors.length || !p.draft) return { ...base, action: 'skip' as const, changes: [] };
    if (!p.existing) return { ...base, action: 'create' as const, changes: [] };
    const changes = changesOf(p.existing, p.draft);
    return { ...base, action: changes.length ? ('update' as const) : ('unchanged' as const), changes };
  });
  const result: ModelImportResult = {
    dryRun: opts.dryRun,
    sheet: sheet.sheet,
    headerRow: sheet.headerRow,
    ourForm: sheet.meta !== null,
    year,
    ...actionCounts(rows),
    rows,
    issues,
  };
  if (opts.dryRun) return result;
  refuseRowErrors(issues, opts.skipInvalid);
  opts.beforeCommit?.();
  writeTx(db, () => {
    planned.forEach((p, i) => {
      const action = rows[i]?.action;
      if (p.draft && (action === 'create' || action === 'update')) models.upsertModel(db, p.draft, now.toISOString());
    });
    addAudit(
      db,
      {
        action: 'model.import',
        entity: 'models',
        summary: `Nhập đăng ký mô hình từ "${file.name}": thêm ${result.created}, cập nhật ${result.updated}, bỏ qua ${result.skipped}`,
        details: { file: file.name, year, created: result.created, updated: result.updated, skipped: result.skipped },
      },
      now,
    );
  });
  return result;
}
