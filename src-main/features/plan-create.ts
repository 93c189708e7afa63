// `plans create FILE.json`: a plan from the extract-plan shape plus indicators (matched to the catalog by code
// or folded label, created when new) and the codes of the units that must report. The decisions are the app's
// intake ones (plan-intake.ts), and the draft passes the same contract schema as the app's plans.save (text NFC,
// white space folded, trimmed).
import { z } from 'zod';
import { AppError } from '../contract/errors';
import { PlanDraft, type PlanDraftInput } from '../contract/plans';
import type { Db } from '../db/connection';
import * as ind from '../db/indicators';
import { findUnitIdByCode } from '../db/units';
import { parseViNumber } from '../text/vi-number';
import { createIntakeIndicator, findIndicator } from './plan-intake';
import { savePlan } from './plan-save';
import { writeTx } from '../db/write-tx';

const S = z.string().nullable().optional();
const D = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .nullable()
  .optional();
const TargetValue = z.union([
  z.number(),
  z.string(),
  z.object({ min: z.number().nullable().optional(), max: z.number().nullable().optional(), text: S }),
]);

const PlanCreateInput = z.object({
  kind: z.enum(['dot_dan_van', 'dan_van_kheo', 'khac']).optional(),
  documentType: S,
  number: S,
  issuedOn: D,
  place: S,
  issuer: S,
  parentIssuer: S,
  title: z.string().min(3, { message: 'Thiếu trích yếu (title)' }),
  basis: z.array(z.object({ text: z.string(), number: S, issuedOn: D, issuer: S })).optional(),
  period: z.object({ label: S, startsOn: D, endsOn: D }).nullable().optional(),
  reportDueOn: D,
  signer: z.object({ authority: S, title: S, name: S }).nullable().optional(),
  recipients: z.array(z.string()).optional(),
  indicators: z
    .array(z.object({ code: S, label: z.string().min(1), unit: S, group: S, target: TargetValue.nullable().optional() }))
    .default([]),
  unitCodes: z.array(z.string()).optional(),
});
type PlanCreateInput = z.infer<typeof PlanCreateInput>;

function targetOf(t: z.infer<typeof TargetValue> | null | undefined) {
  if (t === null || t === undefined) return { min: null, max: null, text: null };
  if (typeof t === 'number') return { min: t, max: null, text: null };
  if (typeof t === 'string') {
    const n = parseViNumber(t);
    return { min: n ? n.value : null, max: null, text: n ? null : t };
  }
  return { min: t.min ?? null, max: t.max ?? null, text: t.text ?? null };
}

/** Find an indicator by code, else by folded label (same wording, any case/diacritics), else create it. */
function resolveIndicator(db: Db, i: PlanCreateInput['indicators'][number], now: Date): number {
  const found = findIndicator(ind.listIndicators(db), i.code, i.label);
  if (found) return found.id;
  return createIntakeIndicator(db, { label: i.label, unit: i.unit ?? null, groupCode: i.group ?? null, code: i.code ?? null }, now).id;
}

export function createPlanFromJson(db: Db, raw: unknown, now: Date): { id: number } {
  const parsed = PlanCreateInput.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new AppError('invalid_input', `Tệp JSON kế hoạch không hợp lệ${i ? ` (${i.path.join('.')}: ${i.message})` : ''}.`);
  }
  const p = parsed.data;
  const unitIds: number[] = [];
  for (const code of p.unitCodes ?? []) {
    const id = findUnitIdByCode(db, code);
    if (id === undefined) throw new AppError('not_found', `Không có đơn vị mã "${code}" trong danh sách. Hãy nhập danh sách đơn vị trước.`);
    unitIds.push(id);
  }
  return writeTx(db, () => {
    const targets = p.indicators.map((i) => ({
      indicatorId: resolveIndicator(db, i, now),
      scope: 'total' as const,
      ...targetOf(i.target),
    }));
    const input: PlanDraftInput = {
      kind: p.kind ?? 'dot_dan_van',
      status: 'ban_hanh',
      origin: 'own',
      documentType: p.documentType ?? null,
      number: p.number ?? null,
      issuedOn: p.issuedOn ?? null,
      place: p.place ?? null,
      issuer: p.issuer ?? null,
      parentIssuer: p.parentIssuer ?? null,
      title: p.title,
      periodLabel: p.period?.label ?? null,
      startsOn: p.period?.startsOn ?? null,
      endsOn: p.period?.endsOn ?? null,
      reportDueOn: p.reportDueOn ?? null,
      signerAuthority: p.signer?.authority ?? null,
      signerTitle: p.signer?.title ?? null,
      signerName: p.signer?.name ?? null,
      recipients: p.recipients ?? [],
      basis: (p.basis ?? []).map((b) => ({
        text: b.text,
        number: b.number ?? null,
        issuedOn: b.issuedOn ?? null,
        issuer: b.issuer ?? null,
        basisPlanId: null,
      })),
      targets,
      assignment: p.unitCodes ? 'picked' : 'all_base',
      assignmentGroup: null,
      unitIds,
      note: null,
      previousPlanId: null,
    };
    const draft = PlanDraft.safeParse(input);
    if (!draft.success) {
      const i = draft.error.issues[0];
      throw new AppError('invalid_input', `Tệp JSON kế hoạch không hợp lệ${i ? ` (${i.path.join('.')}: ${i.message})` : ''}.`);
    }
    return { id: savePlan(db, draft.data, now).id };
  });
}
