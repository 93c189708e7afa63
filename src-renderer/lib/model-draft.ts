// Editing state for the "Dân vận khéo" model form: a blank draft for a year, a draft from a saved model, and the
// clean-up before sending (empty strings become null, the carried-over year a number).
import type { Model, ModelDraftInput } from '../../src-main/contract/models';

export type ModelEditorDraft = ModelDraftInput & { carried: boolean };

export function blankModelDraft(year: number, today: string, unitId?: number): ModelEditorDraft {
  return {
    unitId: unitId ?? 0,
    year,
    name: '',
    type: 'mo_hinh',
    field: 'kinh_te',
    registeredOn: today,
    startedYear: null,
    carried: false,
    planId: null,
    person: null,
    phone: null,
    situation: null,
    goals: null,
    method: null,
    scope: null,
    forces: null,
    resources: null,
    outputs: null,
    sustainability: null,
    midReview: null,
    midReviewOn: null,
    endReview: null,
    endReviewOn: null,
    awards: [],
    note: null,
  };
}

export function modelToDraft(m: Model): ModelEditorDraft {
  return {
    id: m.id,
    unitId: m.unitId,
    planId: m.planId,
    year: m.year,
    startedYear: m.startedYear,
    carried: !m.isNew,
    name: m.name,
    type: m.type,
    field: m.field,
    registeredOn: m.registeredOn,
    situation: m.situation,
    goals: m.goals,
    method: m.method,
    scope: m.scope,
    forces: m.forces,
    resources: m.resources,
    outputs: m.outputs,
    sustainability: m.sustainability,
    person: m.person,
    phone: m.phone,
    midReview: m.midReview,
    midReviewOn: m.midReviewOn,
    endReview: m.endReview,
    endReviewOn: m.endReviewOn,
    awards: m.awards,
    note: m.note,
  };
}

const blankToNull = (v: unknown): unknown => (v === '' || v === undefined ? null : v);

export function draftToInput(d: ModelEditorDraft): ModelDraftInput {
  const { carried, ...rest } = d;
  const started = Number(blankToNull(rest.startedYear));
  return {
    ...rest,
    year: Number(rest.year),
    startedYear: carried && Number.isInteger(started) && started > 0 ? started : null,
    midReviewOn: blankToNull(rest.midReviewOn) as string | null,
    endReviewOn: blankToNull(rest.endReviewOn) as string | null,
  };
}

/** Today in Vietnam as ISO (the renderer's clock, UTC+7). */
export function todayVi(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}
