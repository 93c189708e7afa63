// The saved selection of the báo cáo's condensed narrative per plan (migration 0009): the option row and the
// items in print order per section. Callers wrap saves in writeTx.
import type { NarrativeKey } from '../contract/consolidation';
import { stmt, type Db } from './connection';

interface SavedItem {
  section: NarrativeKey;
  selected: boolean;
  text: string;
  proposed: string;
  units: { code: string; name: string }[];
}
interface SavedCuration {
  fullAppendix: boolean;
  savedAt: string;
  items: SavedItem[];
}

export function savedCuration(db: Db, planId: number): SavedCuration | null {
  const head = stmt(db, 'SELECT full_appendix, saved_at FROM narrative_curations WHERE plan_id = ?').get(planId) as
    { full_appendix: number; saved_at: string } | undefined;
  if (!head) return null;
  const rows = stmt(
    db,
    'SELECT section, selected, text, proposed, units FROM narrative_curation_items WHERE plan_id = ? ORDER BY section, position',
  ).all(planId) as { section: NarrativeKey; selected: number; text: string; proposed: string; units: string }[];
  return {
    fullAppendix: head.full_appendix === 1,
    savedAt: head.saved_at,
    items: rows.map((r) => ({
      section: r.section,
      selected: r.selected === 1,
      text: r.text,
      proposed: r.proposed,
      units: JSON.parse(r.units) as SavedItem['units'],
    })),
  };
}

/** Replace the plan's saved selection. Caller wraps in a transaction. */
export function saveCuration(db: Db, planId: number, c: { fullAppendix: boolean; items: SavedItem[] }, now: string): void {
  stmt(db, 'DELETE FROM narrative_curation_items WHERE plan_id = ?').run(planId);
  stmt(
    db,
    'INSERT INTO narrative_curations (plan_id, full_appendix, saved_at) VALUES (?, ?, ?) ON CONFLICT (plan_id) DO UPDATE SET full_appendix = excluded.full_appendix, saved_at = excluded.saved_at',
  ).run(planId, c.fullAppendix ? 1 : 0, now);
  const ins = stmt(
    db,
    'INSERT INTO narrative_curation_items (plan_id, section, position, selected, text, proposed, units) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const pos = new Map<string, number>();
  for (const it of c.items) {
    const p = pos.get(it.section) ?? 0;
    pos.set(it.section, p + 1);
    ins.run(planId, it.section, p, it.selected ? 1 : 0, it.text, it.proposed, JSON.stringify(it.units));
  }
}

export function deleteCuration(db: Db, planId: number): void {
  stmt(db, 'DELETE FROM narrative_curations WHERE plan_id = ?').run(planId);
}
