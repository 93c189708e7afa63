// A unit's record count (getUnit: the edit dialog and deleting ask for it) read per counted table equals the view
// unit_record_counts unit by unit, on a database with plan lists, reports and models; a view of another shape is read
// as it is. The register's list (units.list) carries no count: only deleting needs one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLargeDb } from '../bench/large-db';
import { openDatabase } from '../../src-main/db/connection';
import { getUnit, listUnits } from '../../src-main/db/units';

const dir = mkdtempSync(join(tmpdir(), 'danvan-counts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('unit record counts', () => {
  it('equal the view for every unit, and follow a view of another shape', async () => {
    const file = join(dir, 'c.sqlite');
    await buildLargeDb(file, { units: 130, years: 2, plansPerYear: 2 });
    const db = openDatabase(file);
    try {
      const view = new Map(
        (db.prepare('SELECT unit_id, n FROM unit_record_counts').all() as { unit_id: number; n: number }[]).map((r) => [r.unit_id, r.n]),
      );
      expect([...view.values()].some((n) => n > 4)).toBe(true); // plan lists, reports and models all counted
      const units = listUnits(db, true);
      expect(units).toHaveLength(130);
      expect(units.some((u) => 'recordCount' in u)).toBe(false);
      // one unit at a time (getUnit: the edit dialog, deleting, plan saves and unit imports ask per unit)
      for (const u of units) expect(getUnit(db, u.id)!.recordCount, u.code).toBe(view.get(u.id) ?? 0);
      // a redefined view (here: plan lists no longer counted) is read as it is, never second-guessed
      db.exec(`DROP VIEW unit_record_counts; CREATE VIEW unit_record_counts AS
        SELECT unit_id, COUNT(*) AS n FROM (SELECT unit_id FROM reports WHERE status = 'active' UNION ALL SELECT unit_id FROM models) GROUP BY unit_id`);
      const after = new Map(
        (db.prepare('SELECT unit_id, n FROM unit_record_counts').all() as { unit_id: number; n: number }[]).map((r) => [r.unit_id, r.n]),
      );
      for (const u of units) expect(getUnit(db, u.id)!.recordCount, u.code).toBe(after.get(u.id) ?? 0);
      // the same shape with other tables is followed table by table
      db.exec(`DROP VIEW unit_record_counts; CREATE VIEW unit_record_counts AS
        SELECT unit_id, COUNT(*) AS n FROM (SELECT unit_id FROM models UNION ALL SELECT unit_id FROM reminders) GROUP BY unit_id`);
      const two = new Map(
        (db.prepare('SELECT unit_id, n FROM unit_record_counts').all() as { unit_id: number; n: number }[]).map((r) => [r.unit_id, r.n]),
      );
      for (const u of units) expect(getUnit(db, u.id)!.recordCount, u.code).toBe(two.get(u.id) ?? 0);
    } finally {
      db.close();
    }
  });
});
