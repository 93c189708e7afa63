// Indicators aggregate: the catalog of chỉ tiêu, ordered by group then sort order; label matching by fold.
import type { Indicator, IndicatorDraft } from '../contract/indicators';
import { fold } from '../text/vi-text';
import type { Db } from './connection';

interface Row {
  id: number;
  code: string;
  group_code: string;
  group_label: string;
  label: string;
  unit: string | null;
  unit2: string | null;
  aggregation: Indicator['aggregation'];
  sort_order: number;
  retired: number;
  note: string | null;
  plan_count: number;
  rule_min: number | null;
  rule_max: number | null;
  rule_integer: number;
  rule_required: number;
}

const SELECT = `SELECT i.*, (SELECT COUNT(*) FROM plan_targets t WHERE t.indicator_id = i.id) AS plan_count FROM indicators i`;
const GROUP_ORDER = `CASE i.group_code WHEN 'I' THEN 1 WHEN 'II' THEN 2 WHEN 'III' THEN 3 WHEN 'IV' THEN 4 WHEN 'V' THEN 5 WHEN 'VI' THEN 6
  WHEN 'VII' THEN 7 WHEN 'VIII' THEN 8 WHEN 'IX' THEN 9 WHEN 'X' THEN 10 ELSE 99 END`;

const toIndicator = (r: Row): Indicator => ({
  id: r.id,
  code: r.code,
  groupCode: r.group_code,
  groupLabel: r.group_label,
  label: r.label,
  unit: r.unit,
  unit2: r.unit2,
  aggregation: r.aggregation,
  sortOrder: r.sort_order,
  retired: r.retired === 1,
  note: r.note,
  planCount: r.plan_count,
  rules: { min: r.rule_min, max: r.rule_max, integer: r.rule_integer === 1, required: r.rule_required === 1 },
});

export function listIndicators(db: Db, includeRetired = true): Indicator[] {
  const where = includeRetired ? '' : 'WHERE i.retired = 0';
  return (db.prepare(`${SELECT} ${where} ORDER BY ${GROUP_ORDER}, i.group_code, i.sort_order, i.id`).all() as Row[]).map(toIndicator);
}

export function getIndicator(db: Db, id: number): Indicator | undefined {
  const r = db.prepare(`${SELECT} WHERE i.id = ?`).get(id) as Row | undefined;
  return r && toIndicator(r);
}

export function findIndicatorByCode(db: Db, code: string): Indicator | undefined {
  const r = db.prepare(`${SELECT} WHERE i.code = ? COLLATE NOCASE`).get(code) as Row | undefined;
  return r && toIndicator(r);
}

/** Next free code "CTnn" for a new indicator. */
export function nextIndicatorCode(db: Db): string {
  const rows = db.prepare("SELECT code FROM indicators WHERE code LIKE 'CT%'").all() as { code: string }[];
  const max = Math.max(0, ...rows.map((r) => Number(r.code.slice(2))).filter(Number.isFinite));
  return `CT${String(max + 1).padStart(2, '0')}`;
}

export function upsertIndicator(db: Db, d: IndicatorDraft, now: string): number {
  const p = {
    code: d.code,
    groupCode: d.groupCode,
    groupLabel: d.groupLabel,
    label: d.label,
    folded: fold(d.label),
    unit: d.unit,
    unit2: d.unit2,
    aggregation: d.aggregation,
    sortOrder: d.sortOrder,
    note: d.note,
    now,
    ruleMin: d.rules.min,
    ruleMax: d.rules.max,
    ruleInteger: d.rules.integer ? 1 : 0,
    ruleRequired: d.rules.required ? 1 : 0,
  };
  if (d.id === undefined) {
    return Number(
      db
        .prepare(
          `INSERT INTO indicators (code, group_code, group_label, label, label_folded, unit, unit2, aggregation, sort_order, note,
           rule_min, rule_max, rule_integer, rule_required, created_at, updated_at)
         VALUES (@code, @groupCode, @groupLabel, @label, @folded, @unit, @unit2, @aggregation, @sortOrder, @note,
           @ruleMin, @ruleMax, @ruleInteger, @ruleRequired, @now, @now)`,
        )
        .run(p).lastInsertRowid,
    );
  }
  db.prepare(
    `UPDATE indicators SET code=@code, group_code=@groupCode, group_label=@groupLabel, label=@label, label_folded=@folded, unit=@unit,
       unit2=@unit2, aggregation=@aggregation, sort_order=@sortOrder, note=@note, rule_min=@ruleMin, rule_max=@ruleMax,
       rule_integer=@ruleInteger, rule_required=@ruleRequired, updated_at=@now WHERE id=@id`,
  ).run({ ...p, id: d.id });
  return d.id;
}

export function setIndicatorRetired(db: Db, id: number, retired: boolean, now: string): void {
  db.prepare('UPDATE indicators SET retired = ?, updated_at = ? WHERE id = ?').run(retired ? 1 : 0, now, id);
}
