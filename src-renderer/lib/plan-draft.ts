// Plan editing helpers: the editor's draft (from a saved plan, an extracted document or blank), the draft sent
// to plans.save and report-deadline badges. The intake's decisions (title, target suggestions, new indicators and
// their codes) are made in main (features/plan-intake.ts) and arrive with 'plans.intake'.
import type { FileIn } from '../../src-main/contract/common';
import type { PlanExtract, PlanExtractField } from '../../src-main/contract/plan-extract';
import type { IntakeOcr, IntakeTarget, PlanIntake } from '../../src-main/contract/plan-intake';
import type { Plan, PlanDraftInput, PlanSummary } from '../../src-main/contract/plans';
import type { PlanKindId, PlanStatusId } from '../../src-main/contract/plan-labels';
import { daysBetween, todayInVietnam } from '../../src-main/text/vi-date';
import { fold, foldKey } from '../../src-main/text/vi-text';
import type { Indicator } from '../../src-main/contract/indicators';

export interface TargetRow {
  indicatorId: number;
  scope: 'total' | 'per_unit';
  min: number | null;
  max: number | null;
  text: string;
}
export interface BasisRow {
  text: string;
  number: string;
  issuedOn: string;
  issuer: string;
  basisPlanId: number | null;
}

export interface EditorDraft {
  id?: number;
  kind: PlanKindId;
  status: PlanStatusId;
  origin: 'own' | 'received';
  documentType: string;
  number: string;
  issuedOn: string;
  place: string;
  issuer: string;
  parentIssuer: string;
  title: string;
  periodLabel: string;
  startsOn: string;
  endsOn: string;
  reportDueOn: string;
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
  recipientsText: string;
  basis: BasisRow[];
  targets: TargetRow[];
  assignment: 'all_base' | 'group' | 'picked';
  assignmentGroup: string;
  unitIds: number[];
  note: string;
  /** The same period's plan of last year ("cùng kỳ"), compared with in consolidation. */
  previousPlanId: number | null;
}

/**
 * What an intake adds to the editor: the file to attach, what the reader could not find, its warnings (from OCR:
 * every field read is marked "cần kiểm tra"), the targets found with main's suggestions, and the OCR page images.
 */
export interface IntakeInfo {
  document: FileIn;
  missing: PlanExtractField[];
  warnings: PlanExtract['warnings'];
  targets: IntakeTarget[];
  ocr: IntakeOcr | null;
}

export function intakeInfo(x: PlanIntake, document: FileIn): IntakeInfo {
  return { document, missing: x.extract.missing, warnings: x.extract.warnings, targets: x.targets, ocr: x.ocr };
}

const s = (v: string | null | undefined): string => v ?? '';
const orNull = (v: string): string | null => (v.trim() === '' ? null : v.trim());

export function blankDraft(): EditorDraft {
  return {
    kind: 'dot_dan_van',
    status: 'du_thao',
    origin: 'own',
    documentType: 'KẾ HOẠCH',
    number: '',
    issuedOn: '',
    place: '',
    issuer: '',
    parentIssuer: '',
    title: '',
    periodLabel: '',
    startsOn: '',
    endsOn: '',
    reportDueOn: '',
    signerAuthority: '',
    signerTitle: '',
    signerName: '',
    recipientsText: '',
    basis: [],
    targets: [],
    assignment: 'all_base',
    assignmentGroup: '',
    unitIds: [],
    note: '',
    previousPlanId: null,
  };
}

export function draftFromPlan(p: Plan): EditorDraft {
  return {
    id: p.id,
    kind: p.kind,
    status: p.status,
    origin: p.origin,
    documentType: s(p.documentType),
    number: s(p.number),
    issuedOn: s(p.issuedOn),
    place: s(p.place),
    issuer: s(p.issuer),
    parentIssuer: s(p.parentIssuer),
    title: p.title,
    periodLabel: s(p.periodLabel),
    startsOn: s(p.startsOn),
    endsOn: s(p.endsOn),
    reportDueOn: s(p.reportDueOn),
    signerAuthority: s(p.signerAuthority),
    signerTitle: s(p.signerTitle),
    signerName: s(p.signerName),
    recipientsText: p.recipients.join('\n'),
    basis: p.basis.map((b) => ({
      text: b.text,
      number: s(b.number),
      issuedOn: s(b.issuedOn),
      issuer: s(b.issuer),
      basisPlanId: b.basisPlanId,
    })),
    targets: p.targets.map((t) => ({ indicatorId: t.indicatorId, scope: t.scope, min: t.min, max: t.max, text: s(t.text) })),
    assignment: p.assignment,
    assignmentGroup: s(p.assignmentGroup),
    unitIds: [...p.unitIds],
    note: s(p.note),
    previousPlanId: p.previousPlanId,
  };
}

/** The editor pre-filled from a read document; a basis whose number matches a registered plan is linked to it. */
export function draftFromExtract(x: PlanExtract, registered: PlanSummary[]): EditorDraft {
  const byNumber = new Map(registered.filter((p) => p.number).map((p) => [foldKey(p.number as string), p.id]));
  const kheo = fold(`${x.title ?? ''}`).includes('dan van kheo');
  return {
    ...blankDraft(),
    kind: kheo ? 'dan_van_kheo' : 'dot_dan_van',
    documentType: s(x.documentType) || 'KẾ HOẠCH',
    number: s(x.number),
    issuedOn: s(x.issuedOn),
    place: s(x.place),
    issuer: s(x.issuer),
    parentIssuer: s(x.parentIssuer),
    title: s(x.title),
    periodLabel: s(x.period.label),
    startsOn: s(x.period.startsOn),
    endsOn: s(x.period.endsOn),
    reportDueOn: s(x.reportDueOn),
    signerAuthority: s(x.signer.authority),
    signerTitle: s(x.signer.title),
    signerName: s(x.signer.name),
    recipientsText: x.recipients.join('\n'),
    basis: x.basis.map((b) => ({
      text: b.text,
      number: s(b.number),
      issuedOn: s(b.issuedOn),
      issuer: s(b.issuer),
      basisPlanId: (b.number && byNumber.get(foldKey(b.number))) || null,
    })),
  };
}

export function toPlanDraft(d: EditorDraft, document?: FileIn): PlanDraftInput {
  return {
    ...(d.id ? { id: d.id } : {}),
    kind: d.kind,
    status: d.status,
    origin: d.origin,
    documentType: orNull(d.documentType),
    number: orNull(d.number),
    issuedOn: orNull(d.issuedOn),
    place: orNull(d.place),
    issuer: orNull(d.issuer),
    parentIssuer: orNull(d.parentIssuer),
    title: d.title,
    periodLabel: orNull(d.periodLabel),
    startsOn: orNull(d.startsOn),
    endsOn: orNull(d.endsOn),
    reportDueOn: orNull(d.reportDueOn),
    signerAuthority: orNull(d.signerAuthority),
    signerTitle: orNull(d.signerTitle),
    signerName: orNull(d.signerName),
    recipients: d.recipientsText
      .split('\n')
      .map((r) => r.trim())
      .filter(Boolean),
    basis: d.basis
      .filter((b) => b.text.trim())
      .map((b) => ({
        text: b.text,
        number: orNull(b.number),
        issuedOn: orNull(b.issuedOn),
        issuer: orNull(b.issuer),
        basisPlanId: b.basisPlanId,
      })),
    targets: d.targets.map((t) => ({ indicatorId: t.indicatorId, scope: t.scope, min: num(t.min), max: num(t.max), text: orNull(t.text) })),
    assignment: d.assignment,
    assignmentGroup: d.assignment === 'group' ? orNull(d.assignmentGroup) : null,
    unitIds: d.assignment === 'picked' ? d.unitIds : [],
    note: orNull(d.note),
    previousPlanId: d.previousPlanId,
    ...(document ? { document } : {}),
  };
}

/** Number inputs bound to a model give '' when cleared; the contract wants null. */
function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

interface Due {
  text: string;
  tone: 'ok' | 'warn' | 'error' | 'info' | '';
  days: number | null;
}

/** The report deadline as a badge: days left, due today, overdue (while reports are missing), done. */
export function dueBadge(p: Pick<PlanSummary, 'reportDueOn' | 'status' | 'unitCount' | 'submittedCount'>, today = todayInVietnam()): Due {
  if (!p.reportDueOn) return { text: '', tone: '', days: null };
  const days = daysBetween(today, p.reportDueOn);
  if (p.status === 'da_tong_ket') return { text: '', tone: '', days };
  if (p.unitCount > 0 && p.submittedCount >= p.unitCount) return { text: 'Đủ báo cáo', tone: 'ok', days };
  if (days < 0) return { text: `Quá hạn ${-days} ngày`, tone: 'error', days };
  if (days === 0) return { text: 'Hạn hôm nay', tone: 'error', days };
  return { text: `Còn ${days} ngày`, tone: days <= 7 ? 'warn' : 'info', days };
}

/** Badge colour per plan status: draft grey, issued blue, in progress amber, reviewed green. */
export const STATUS_TONE = { du_thao: '', ban_hanh: 'info', dang_thuc_hien: 'warn', da_tong_ket: 'ok' } as const;

/** Next free "CTnn" code, the catalog's own numbering (the catalog page's form; an intake's codes come from main). */
export function nextIndicatorCode(catalog: Indicator[]): string {
  const max = Math.max(0, ...catalog.map((i) => /^CT(\d+)$/i.exec(i.code)).map((m) => (m ? Number(m[1]) : 0)));
  return `CT${String(max + 1).padStart(2, '0')}`;
}
