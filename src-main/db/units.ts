// Units aggregate: the register of base and upper unions, their aliases and search keys.
// Vietnamese sort order is applied in JS (SQLite has no vi collation); search keys are folded here.
import type { Unit, UnitDraft, UnitListed } from '../contract/units';
import { compareVi, fold } from '../text/vi-text';
import { stmt, type Db } from './connection';
import { unitRecordCount } from './page-queries';

interface UnitRow {
  id: number;
  code: string;
  name: string;
  kind: Unit['kind'];
  parent_id: number | null;
  sector: string | null;
  members: number | null;
  chair: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  note: string | null;
  active: number;
  active_from: string | null;
  active_to: string | null;
  search_key: string;
  updated_at: string;
  aliases: string | null; // JSON array from json_group_array
}

const SELECT_UNITS = `
  SELECT u.*, (SELECT json_group_array(a.alias) FROM unit_aliases a WHERE a.unit_id = u.id) AS aliases FROM units u`;

/** A unit from its row as the register lists it; `aliases`: read apart (listUnits), else the row's JSON array. */
function rowToListed(r: UnitRow, aliases?: string[]): UnitListed {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    parentId: r.parent_id,
    sector: r.sector,
    members: r.members,
    chair: r.chair,
    phone: r.phone,
    email: r.email,
    address: r.address,
    note: r.note,
    aliases: (aliases ?? (r.aliases ? (JSON.parse(r.aliases) as string[]) : [])).sort(compareVi),
    active: r.active === 1,
    activeFrom: r.active_from,
    activeTo: r.active_to,
    searchKey: r.search_key,
    updatedAt: r.updated_at,
  };
}

function searchKeyOf(d: Pick<UnitDraft, 'code' | 'name' | 'aliases' | 'sector' | 'chair'>): string {
  return fold([d.code, d.name, ...d.aliases, d.sector ?? '', d.chair ?? ''].join(' '));
}

/** The register, in Vietnamese order of name, then code (record counts: getUnit). */
export function listUnits(db: Db, includeInactive = true): UnitListed[] {
  // the aliases of every unit in one pass (a correlated json_group_array per unit took ~4 µs a unit)
  const aliases = new Map<number, string[]>();
  for (const a of stmt(db, 'SELECT unit_id, alias FROM unit_aliases').all() as { unit_id: number; alias: string }[]) {
    const list = aliases.get(a.unit_id);
    if (list) list.push(a.alias);
    else aliases.set(a.unit_id, [a.alias]);
  }
  const rows = stmt(db, `SELECT u.*, NULL AS aliases FROM units u ${includeInactive ? '' : 'WHERE u.active = 1'}`).all() as UnitRow[];
  return rows.map((r) => rowToListed(r, aliases.get(r.id))).sort((a, b) => compareVi(a.name, b.name) || compareVi(a.code, b.code));
}

/** How many active units there are and their members in total. */
export function activeUnitTotals(db: Db): { units: number; members: number } {
  const r = db.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(members), 0) AS m FROM units WHERE active = 1').get() as {
    n: number;
    m: number;
  };
  return { units: r.n, members: r.m };
}

/** Code and name of the given units, in one query (getUnit also counts each unit's records: ~50 ms a unit at scale). */
export function unitRefsById(db: Db, ids: readonly number[]): Map<number, { id: number; code: string; name: string }> {
  const rows = db.prepare('SELECT id, code, name FROM units WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as {
    id: number;
    code: string;
    name: string;
  }[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** The kind (cấp trên, CĐCS, …) of each of these units that exists, in one query. */
export function unitKinds(db: Db, ids: readonly number[]): Unit['kind'][] {
  return (
    stmt(db, 'SELECT kind FROM units WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as { kind: Unit['kind'] }[]
  ).map((r) => r.kind);
}

export function getUnit(db: Db, id: number): Unit | undefined {
  const row = stmt(db, `${SELECT_UNITS} WHERE u.id = ?`).get(id) as UnitRow | undefined;
  return row && { ...rowToListed(row), recordCount: unitRecordCount(db, id) };
}

export function findUnitIdByCode(db: Db, code: string): number | undefined {
  const row = db.prepare('SELECT id FROM units WHERE code = ? COLLATE NOCASE').get(code) as { id: number } | undefined;
  return row?.id;
}

/** Units whose folded name or alias equals the folded text (for duplicate checks and unit detection). */
export function findUnitIdsByFoldedName(db: Db, folded: string): number[] {
  const rows = db
    .prepare(
      `SELECT id FROM units WHERE vn_fold(name) = @f
       UNION SELECT unit_id FROM unit_aliases WHERE alias_folded = @f`,
    )
    .all({ f: folded }) as { id: number }[];
  return rows.map((r) => r.id);
}

/**
 * The same lookup as findUnitIdsByFoldedName, read once: imports look up a name per row, and one query per row
 * scans the register calling vn_fold on every unit (seconds for a few hundred rows over a few thousand units).
 * Valid until the next write.
 */
export function foldedNameLookup(db: Db): (folded: string) => number[] {
  const index = new Map<string, number[]>();
  const add = (key: string, id: number) => {
    const ids = index.get(key) ?? [];
    if (!ids.includes(id)) ids.push(id);
    index.set(key, ids);
  };
  for (const u of db.prepare('SELECT id, name FROM units').all() as { id: number; name: string }[]) add(fold(u.name), u.id);
  for (const a of db.prepare('SELECT unit_id, alias_folded FROM unit_aliases').all() as { unit_id: number; alias_folded: string }[])
    add(a.alias_folded, a.unit_id);
  return (folded) => index.get(folded) ?? [];
}

function writeAliases(db: Db, unitId: number, aliases: string[]): void {
  db.prepare('DELETE FROM unit_aliases WHERE unit_id = ?').run(unitId);
  const ins = db.prepare('INSERT OR IGNORE INTO unit_aliases (unit_id, alias, alias_folded) VALUES (?, ?, ?)');
  for (const a of aliases) ins.run(unitId, a, fold(a));
}

/** Insert or update a unit (caller validates and wraps in a transaction with its audit entry). */
export function upsertUnit(db: Db, d: UnitDraft, now: string): number {
  const params = {
    code: d.code,
    name: d.name,
    kind: d.kind,
    parentId: d.parentId,
    sector: d.sector,
    members: d.members,
    chair: d.chair,
    phone: d.phone,
    email: d.email,
    address: d.address,
    note: d.note,
    searchKey: searchKeyOf(d),
    now,
  };
  let id = d.id;
  if (id === undefined) {
    const res = db
      .prepare(
        `INSERT INTO units (code, name, kind, parent_id, sector, members, chair, phone, email, address, note,
                            active, active_from, search_key, created_at, updated_at)
         VALUES (@code, @name, @kind, @parentId, @sector, @members, @chair, @phone, @email, @address, @note,
                 1, substr(@now, 1, 10), @searchKey, @now, @now)`,
      )
      .run(params);
    id = Number(res.lastInsertRowid);
  } else {
    db.prepare(
      `UPDATE units SET code=@code, name=@name, kind=@kind, parent_id=@parentId, sector=@sector, members=@members,
         chair=@chair, phone=@phone, email=@email, address=@address, note=@note, search_key=@searchKey, updated_at=@now
       WHERE id=@id`,
    ).run({ ...params, id });
  }
  writeAliases(db, id, d.aliases);
  return id;
}

export function setUnitActive(db: Db, id: number, active: boolean, now: string): void {
  db.prepare(
    `UPDATE units SET active = @a, active_to = CASE WHEN @a = 1 THEN NULL ELSE substr(@now, 1, 10) END, updated_at = @now
     WHERE id = @id`,
  ).run({ a: active ? 1 : 0, now, id });
}

export function deleteUnit(db: Db, id: number): void {
  db.prepare('DELETE FROM units WHERE id = ?').run(id);
}

/** True when making `parentId` the parent of `id` would create a cycle. */
export function wouldCycle(db: Db, id: number, parentId: number): boolean {
  const row = db
    .prepare(
      `WITH RECURSIVE up(x) AS (SELECT @p UNION SELECT parent_id FROM units JOIN up ON units.id = up.x WHERE parent_id IS NOT NULL)
       SELECT 1 AS hit FROM up WHERE x = @id LIMIT 1`,
    )
    .get({ p: parentId, id }) as { hit: number } | undefined;
  return row !== undefined;
}

export function countChildren(db: Db, id: number): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM units WHERE parent_id = ?').get(id) as { n: number }).n;
}
