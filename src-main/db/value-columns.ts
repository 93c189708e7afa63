// Remembered value-column choices per unit (value_column_choices): which column of a layout with several candidate
// value columns the user picked for this unit, keyed by the candidates' headers.
import { stmt, type Db } from './connection';

export function rememberedValueColumn(db: Db, unitId: number, layoutKey: string): string | null {
  const row = stmt(db, 'SELECT header FROM value_column_choices WHERE unit_id = ? AND layout_key = ?').get(unitId, layoutKey) as
    { header: string } | undefined;
  return row?.header ?? null;
}

export function rememberValueColumn(db: Db, unitId: number, layoutKey: string, header: string, now: string): void {
  stmt(
    db,
    `INSERT INTO value_column_choices (unit_id, layout_key, header, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (unit_id, layout_key) DO UPDATE SET header = excluded.header, updated_at = excluded.updated_at`,
  ).run(unitId, layoutKey, header, now);
}
