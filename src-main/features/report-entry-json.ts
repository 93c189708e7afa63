// A hand-entered report from JSON (the CLI's `reports enter`): rows shaped like `parse-report --json` rows
// ({ stt, label, unit, target, value, note }, optional code / value2) plus optional narrative, matched to the plan's
// indicators by code or folded label; a row that cannot be read is refused naming it, nothing is stored.
import { z } from 'zod';
import { AppError } from '../contract/errors';
import type { EntryInput } from '../contract/report-entry';
import type { EntryViaId } from '../contract/entry-labels';
import type { Db } from '../db/connection';
import { findUnitIdByCode } from '../db/units';
import { loadPlanContext } from './report-import/context';
import { labelKey } from './report-import/row-mapping';
import { parseViNumber } from '../text/vi-number';
import { fold } from '../text/vi-text';

const Cell = z.union([z.number(), z.string(), z.null()]).optional();
const JsonRow = z.object({
  stt: z.union([z.string(), z.number(), z.null()]).optional(),
  label: z.string().max(2000).optional(),
  code: z.string().max(50).nullable().optional(),
  unit: z.string().nullable().optional(),
  value: Cell,
  value2: Cell,
  isSection: z.boolean().optional(),
  /** parse-report's other value columns under a merged header ("Kết quả / Trị giá"). */
  extra: z.array(z.object({ header: z.string(), value: Cell })).optional(),
});
/** A header naming the second measure's column. */
const SECOND = /\b(tri gia|thanh tien|kinh phi|so tien)\b/;
const JsonNarrative = z.array(z.object({ heading: z.string().max(300), text: z.string().max(50_000) })).max(100);

const bad = (m: string) => new AppError('invalid_input', m);

/** Whole `parse-report --json` output, `{ rows, narrative }`, or a plain array of rows. */
export function entryFromJson(
  db: Db,
  json: unknown,
  o: { planId: number; unitCode: string; receivedOn: string; via: EntryViaId },
): EntryInput {
  const pc = loadPlanContext(db, o.planId);
  const unitId = findUnitIdByCode(db, o.unitCode.trim());
  if (!unitId) throw bad(`Không có đơn vị mã "${o.unitCode}". Xem mã bằng lệnh units list.`);
  const obj = Array.isArray(json) ? { rows: json } : json;
  if (!obj || typeof obj !== 'object' || !Array.isArray((obj as { rows?: unknown }).rows))
    throw bad('Tệp JSON cần có "rows": danh sách dòng như kết quả parse-report --json.');
  const rawRows = (obj as { rows: unknown[] }).rows;
  const narr = JsonNarrative.safeParse((obj as { narrative?: unknown }).narrative ?? []);
  if (!narr.success) throw bad('"narrative" cần là danh sách { heading, text }.');
  const byCode = new Map(pc.planIndicators.map((i) => [i.code.toUpperCase(), i] as const));
  const byLabel = new Map(pc.planIndicators.map((i) => [labelKey(i.label), i] as const));
  const rows = new Map<number, { indicatorId: number; value: number | string | null; value2: number | null }>();
  rawRows.forEach((raw, k) => {
    const name = `Dòng ${k + 1} của tệp JSON`;
    const p = JsonRow.safeParse(raw);
    if (!p.success) throw bad(`${name}: không đúng dạng (cần { label, value, ... } như kết quả parse-report).`);
    const r = p.data;
    const named = `${name}${r.label ? ` ("${r.label.slice(0, 80)}")` : ''}`;
    const code = (r.code ?? '').toUpperCase();
    const second = /#2$/.test(code);
    const ind = byCode.get(second ? code.slice(0, -2) : code) ?? (r.label ? byLabel.get(labelKey(r.label)) : undefined);
    const empty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && !v.trim());
    if (!ind) {
      if (r.isSection || (empty(r.value) && empty(r.value2))) return; // a section heading or an empty row
      throw bad(`${named}: không khớp chỉ tiêu nào của kế hoạch. Sửa nhãn hoặc mã chỉ tiêu cho đúng kế hoạch rồi chạy lại.`);
    }
    const cur = rows.get(ind.id) ?? { indicatorId: ind.id, value: null, value2: null };
    const num2 = (v: unknown): number | null => {
      if (empty(v)) return null;
      if (typeof v === 'number') return v;
      const p = parseViNumber(String(v));
      if (p && !p.suffix) return p.value;
      throw bad(`${named}: số liệu thứ hai "${String(v)}" cần là số (ví dụ 45,5).`);
    };
    const extra2 = ind.unit2 ? r.extra?.find((x) => SECOND.test(fold(x.header)) && !empty(x.value)) : undefined;
    if (second) cur.value2 = num2(r.value);
    else {
      if (rows.has(ind.id) && !empty(cur.value)) throw bad(`${named}: chỉ tiêu ${ind.code} đã có ở một dòng trước. Hãy giữ một dòng.`);
      cur.value = empty(r.value) ? null : (r.value as number | string);
      if (!empty(r.value2)) cur.value2 = num2(r.value2);
      else if (extra2) cur.value2 = num2(extra2.value);
    }
    rows.set(ind.id, cur);
  });
  return { planId: o.planId, unitId, receivedOn: o.receivedOn, via: o.via, rows: [...rows.values()], narrative: narr.data };
}
