// Models aggregate ("Dân vận khéo"): registered models with their steps and evidence, search keys, and the
// yearly registration coverage of base units (new vs carried over, on time vs late) computed by queries.
import type { Award, Coverage, Model, ModelDraft } from '../contract/models';
import { MODEL_FIELDS, MODEL_STATUSES } from '../contract/model-labels';
import { compareVi, fold } from '../text/vi-text';
import type { Db } from './connection';

interface ModelRow {
  id: number;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  plan_id: number | null;
  plan_title: string | null;
  year: number;
  started_year: number;
  name: string;
  type: Model['type'];
  field: Model['field'];
  registered_on: string;
  situation: string | null;
  goals: string | null;
  method: string | null;
  scope: string | null;
  forces: string | null;
  resources: string | null;
  outputs: string | null;
  sustainability: string | null;
  person: string | null;
  phone: string | null;
  step: number;
  status: Model['status'];
  proposed_level: Model['proposedLevel'];
  recognition_level: Model['recognitionLevel'];
  recognized_on: string | null;
  mid_review: string | null;
  mid_review_on: string | null;
  end_review: string | null;
  end_review_on: string | null;
  awards: string;
  note: string | null;
  search_key: string;
  updated_at: string;
  steps: string;
  evidence: string;
}

const SELECT_MODELS = `
  SELECT m.*, u.code AS unit_code, u.name AS unit_name, p.title AS plan_title,
    (SELECT json_group_array(json_object('step', s.step, 'reachedOn', s.reached_on, 'note', s.note))
       FROM (SELECT * FROM model_steps WHERE model_id = m.id ORDER BY step) s) AS steps,
    (SELECT json_group_array(json_object('id', e.id, 'step', e.step, 'onDate', e.on_date, 'note', e.note, 'name', d.name, 'size', d.size))
       FROM (SELECT * FROM model_evidence WHERE model_id = m.id ORDER BY on_date, id) e JOIN documents d ON d.id = e.document_id) AS evidence
  FROM models m JOIN units u ON u.id = m.unit_id LEFT JOIN plans p ON p.id = m.plan_id`;

function rowToModel(r: ModelRow): Model {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    planId: r.plan_id,
    planTitle: r.plan_title,
    year: r.year,
    startedYear: r.started_year,
    isNew: r.started_year >= r.year,
    name: r.name,
    type: r.type,
    field: r.field,
    registeredOn: r.registered_on,
    situation: r.situation,
    goals: r.goals,
    method: r.method,
    scope: r.scope,
    forces: r.forces,
    resources: r.resources,
    outputs: r.outputs,
    sustainability: r.sustainability,
    person: r.person,
    phone: r.phone,
    step: r.step,
    steps: JSON.parse(r.steps) as Model['steps'],
    evidence: JSON.parse(r.evidence) as Model['evidence'],
    status: r.status,
    proposedLevel: r.proposed_level,
    recognitionLevel: r.recognition_level,
    recognizedOn: r.recognized_on,
    midReview: r.mid_review,
    midReviewOn: r.mid_review_on,
    endReview: r.end_review,
    endReviewOn: r.end_review_on,
    awards: JSON.parse(r.awards) as Award[],
    note: r.note,
    searchKey: r.search_key,
    updatedAt: r.updated_at,
  };
}

/** Folded text of everything a user may search a model by (the unit is matched through units.search_key). */
function modelSearchKey(d: Pick<ModelDraft, 'name' | 'person' | 'scope' | 'goals' | 'method' | 'forces' | 'note'>): string {
  return fold([d.name, d.person, d.scope, d.goals, d.method, d.forces, d.note].filter(Boolean).join(' '));
}

const byUnitThenName = (a: Model, b: Model): number => b.year - a.year || compareVi(a.unitName, b.unitName) || compareVi(a.name, b.name);

interface ModelFilter {
  year?: number | null;
  unitId?: number | null;
  query?: string;
  planId?: number | null;
}

export function listModels(db: Db, f: ModelFilter = {}): Model[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.year) {
    where.push('m.year = @year');
    params.year = f.year;
  }
  if (f.unitId) {
    where.push('m.unit_id = @unitId');
    params.unitId = f.unitId;
  }
  if (f.planId) {
    where.push('m.plan_id = @planId');
    params.planId = f.planId;
  }
  fold(f.query ?? '')
    .split(' ')
    .filter(Boolean)
    .slice(0, 12)
    .forEach((w, i) => {
      where.push(`instr(m.search_key || ' ' || u.search_key, @w${i}) > 0`);
      params[`w${i}`] = w;
    });
  const rows = db.prepare(`${SELECT_MODELS} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).all(params) as ModelRow[];
  return rows.map(rowToModel).sort(byUnitThenName);
}

export function getModel(db: Db, id: number): Model | undefined {
  const row = db.prepare(`${SELECT_MODELS} WHERE m.id = ?`).get(id) as ModelRow | undefined;
  return row && rowToModel(row);
}

/** Same unit, year and folded name: the registration a re-imported row refers to. */
export function findModelId(db: Db, unitId: number, year: number, name: string): number | undefined {
  const row = db.prepare('SELECT id FROM models WHERE unit_id = ? AND year = ? AND vn_fold(name) = ?').get(unitId, year, fold(name)) as
    { id: number } | undefined;
  return row?.id;
}

/** Insert or update the registration part of a model; a new model starts at step 1 on its registration date. */
export function upsertModel(db: Db, d: ModelDraft, now: string): number {
  const params = {
    unitId: d.unitId,
    planId: d.planId,
    year: d.year,
    startedYear: d.startedYear ?? d.year,
    name: d.name,
    type: d.type,
    field: d.field,
    registeredOn: d.registeredOn,
    situation: d.situation,
    goals: d.goals,
    method: d.method,
    scope: d.scope,
    forces: d.forces,
    resources: d.resources,
    outputs: d.outputs,
    sustainability: d.sustainability,
    person: d.person,
    phone: d.phone,
    midReview: d.midReview,
    midReviewOn: d.midReviewOn,
    endReview: d.endReview,
    endReviewOn: d.endReviewOn,
    awards: JSON.stringify(d.awards),
    note: d.note,
    searchKey: modelSearchKey(d),
    now,
  };
  if (d.id === undefined) {
    const id = Number(
      db
        .prepare(
          `INSERT INTO models (unit_id, plan_id, year, started_year, name, type, field, registered_on, situation, goals, method, scope,
         forces, resources, outputs, sustainability, person, phone, mid_review, mid_review_on, end_review, end_review_on, awards,
         note, search_key, created_at, updated_at)
       VALUES (@unitId, @planId, @year, @startedYear, @name, @type, @field, @registeredOn, @situation, @goals, @method, @scope,
         @forces, @resources, @outputs, @sustainability, @person, @phone, @midReview, @midReviewOn, @endReview, @endReviewOn, @awards,
         @note, @searchKey, @now, @now)`,
        )
        .run(params).lastInsertRowid,
    );
    db.prepare('INSERT INTO model_steps (model_id, step, reached_on, note) VALUES (?, 1, ?, ?)').run(id, d.registeredOn, 'Đăng ký mô hình');
    return id;
  }
  db.prepare(
    `UPDATE models SET unit_id=@unitId, plan_id=@planId, year=@year, started_year=@startedYear, name=@name, type=@type, field=@field,
       registered_on=@registeredOn, situation=@situation, goals=@goals, method=@method, scope=@scope, forces=@forces,
       resources=@resources, outputs=@outputs, sustainability=@sustainability, person=@person, phone=@phone, mid_review=@midReview,
       mid_review_on=@midReviewOn, end_review=@endReview, end_review_on=@endReviewOn, awards=@awards, note=@note,
       search_key=@searchKey, updated_at=@now
     WHERE id=@id`,
  ).run({ ...params, id: d.id });
  db.prepare('UPDATE model_steps SET reached_on = ? WHERE model_id = ? AND step = 1').run(d.registeredOn, d.id);
  return d.id;
}

export function setModelStatus(
  db: Db,
  id: number,
  s: {
    status: Model['status'];
    proposedLevel: Model['proposedLevel'];
    recognitionLevel: Model['recognitionLevel'];
    recognizedOn: string | null;
  },
  now: string,
): void {
  db.prepare(
    `UPDATE models SET status=@status, proposed_level=@proposedLevel, recognition_level=@recognitionLevel, recognized_on=@recognizedOn,
       updated_at=@now WHERE id=@id`,
  ).run({ ...s, now, id });
}

export function addModelStep(db: Db, id: number, step: number, reachedOn: string, note: string | null, now: string): void {
  db.prepare('INSERT INTO model_steps (model_id, step, reached_on, note) VALUES (?, ?, ?, ?)').run(id, step, reachedOn, note);
  db.prepare('UPDATE models SET step = ?, updated_at = ? WHERE id = ?').run(step, now, id);
}

export function addModelEvidence(
  db: Db,
  id: number,
  step: number,
  onDate: string,
  note: string | null,
  documentId: number,
  now: string,
): void {
  db.prepare('INSERT INTO model_evidence (model_id, step, on_date, note, document_id, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    id,
    step,
    onDate,
    note,
    documentId,
    now,
  );
}

export function evidenceDocumentId(db: Db, evidenceId: number): number | undefined {
  return (db.prepare('SELECT document_id FROM model_evidence WHERE id = ?').get(evidenceId) as { document_id: number } | undefined)
    ?.document_id;
}

export function deleteModel(db: Db, id: number): void {
  db.prepare('DELETE FROM models WHERE id = ?').run(id);
}

/**
 * Registration coverage for a year: every active base unit (CĐCS, nghiệp đoàn) with its new and carried-over
 * models, the date of its first new registration, and whether that was by the deadline.
 */
export function coverage(db: Db, year: number, deadline: string): Coverage {
  const units = db
    .prepare(
      `SELECT u.id AS unitId, u.code, u.name, u.sector,
       COUNT(m.id) FILTER (WHERE m.started_year >= m.year) AS newCount,
       COUNT(m.id) FILTER (WHERE m.started_year < m.year) AS carriedCount,
       MIN(m.registered_on) FILTER (WHERE m.started_year >= m.year) AS firstRegisteredOn
     FROM units u LEFT JOIN models m ON m.unit_id = u.id AND m.year = @year
     WHERE u.active = 1 AND u.kind IN ('cdcs', 'nghiep_doan')
     GROUP BY u.id`,
    )
    .all({ year }) as Omit<Coverage['units'][number], 'state'>[];
  const list: Coverage['units'] = units
    .map((u) => ({
      ...u,
      state:
        u.firstRegisteredOn === null
          ? ('chua_dang_ky' as const)
          : u.firstRegisteredOn <= deadline
            ? ('dung_han' as const)
            : ('tre_han' as const),
    }))
    .sort((a, b) => compareVi(a.name, b.name));
  const fields = db
    .prepare(
      `SELECT field, COUNT(*) FILTER (WHERE started_year >= year) AS newCount, COUNT(*) FILTER (WHERE started_year < year) AS carriedCount
     FROM models WHERE year = ? GROUP BY field`,
    )
    .all(year) as { field: Model['field']; newCount: number; carriedCount: number }[];
  const statuses = db.prepare('SELECT status, COUNT(*) AS count FROM models WHERE year = ? GROUP BY status').all(year) as {
    status: Model['status'];
    count: number;
  }[];
  const count = (s: Coverage['units'][number]['state']) => list.filter((u) => u.state === s).length;
  const byField = MODEL_FIELDS.map((field) => fields.find((f) => f.field === field) ?? { field, newCount: 0, carriedCount: 0 });
  return {
    year,
    deadline,
    baseUnits: list.length,
    onTime: count('dung_han'),
    late: count('tre_han'),
    missing: count('chua_dang_ky'),
    meetingTarget: list.filter((u) => u.newCount >= 1).length,
    newModels: byField.reduce((a, f) => a + f.newCount, 0),
    carriedModels: byField.reduce((a, f) => a + f.carriedCount, 0),
    byField,
    byStatus: MODEL_STATUSES.map((status) => ({ status, count: statuses.find((s) => s.status === status)?.count ?? 0 })),
    units: list,
  };
}
