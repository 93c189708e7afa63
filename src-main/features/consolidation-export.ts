// Exports of a plan's consolidation: the official workbook and Word report, the report's PDF (rendered in the app),
// and the missing/late list. Header, signer and recipients come from Settings.
import type { FileOut } from '../contract/common';
import type { Plan } from '../contract/plans';
import type { OrgProfile } from '../contract/settings';
import type { Db } from '../db/connection';
import { buildConsolidatedWorkbook, buildMissingWorkbook, type ExportFrame } from '../excel/consolidated/index';
import { computeConsolidation } from './consolidation';
import { toPdf } from './pdf-export';
import type { FontFiles } from '../docs/pdf/fonts';
import { buildConsolidatedDocx } from './consolidation-docx';
import { curatedNarrative } from './narrative-curation';
import { docNumber, planSubject, titleCaseOrg } from './consolidation-text';
import { slug } from './reminders';
import { resolveProfile } from './doc-identity';
import { readProfile } from './settings';
import { computeTracking } from './tracking';
import { planOrThrow } from './plan-lookup';
import { unitsWording, type UnitsWording } from './unit-wording';
import { MIME } from '../contract/mime';

export interface DocOptions {
  planId: number;
  number: string | null;
  date: string;
}

/** `units`: the wording of the reporting units by their kind (unit-wording.ts); absent, Settings' level name. */
export function exportFrame(plan: Plan, profile: OrgProfile, o: DocOptions, units?: UnitsWording): ExportFrame {
  const base = profile.levelNames.base;
  return {
    ...(units ? { unitsShort: units.short } : {}),
    header: {
      parentOrg: profile.parentOrg ?? '',
      ownOrg: profile.ownOrg,
      number: docNumber(o.number, profile, 'BC'),
      place: profile.placeName ?? '',
      date: o.date,
    },
    subject: planSubject(plan.title),
    recipients: [
      ...(profile.parentOrg ? [`Ban Thường vụ ${titleCaseOrg(profile.parentOrg)} (b/c)`] : []),
      units?.recipients ?? `Các ${base.charAt(0).toLocaleLowerCase('vi')}${base.slice(1)}`,
      'Lưu: VT',
    ],
    signer: { authority: profile.signerAuthority ?? '', title: profile.signerTitle ?? '', name: profile.signerName ?? '' },
  };
}

const fileName = (plan: Plan, prefix: string, ext: string): string => `${prefix}-${slug(plan.periodLabel ?? plan.title)}.${ext}`;

const withWarnings = (f: FileOut, warnings: string[]): FileOut => (warnings.length ? { ...f, warnings } : f);

async function exportConsolidatedXlsx(db: Db, o: DocOptions): Promise<FileOut> {
  const plan = planOrThrow(db, o.planId);
  const { profile, warnings } = resolveProfile(readProfile(db), plan);
  const bytes = await buildConsolidatedWorkbook(
    computeConsolidation(db, o.planId, o.date),
    computeTracking(db, o.planId, o.date),
    exportFrame(plan, profile, o, unitsWording(db, plan)),
  );
  return withWarnings({ name: fileName(plan, 'tong-hop', 'xlsx'), mime: MIME.xlsx, bytes }, warnings);
}

async function exportConsolidatedDocx(db: Db, o: DocOptions): Promise<FileOut> {
  const plan = planOrThrow(db, o.planId);
  const { profile, warnings } = resolveProfile(readProfile(db), plan);
  const c = computeConsolidation(db, o.planId, o.date);
  const narrative = curatedNarrative(db, o.planId, c);
  const bytes = await buildConsolidatedDocx(c, plan, profile, exportFrame(plan, profile, o, unitsWording(db, plan)), narrative);
  const stale = narrative.stale
    ? [
        `${narrative.stale} câu thuyết minh đã chọn không còn trong báo cáo đang dùng của đơn vị (báo cáo đã được thay thế hoặc gỡ): xem lại ở mục "Thuyết minh" trước khi ký.`,
      ]
    : [];
  return withWarnings({ name: fileName(plan, 'bao-cao', 'docx'), mime: MIME.docx, bytes }, [...warnings, ...stale]);
}

/** The consolidated file a format names, made on this connection in this thread (see export-off-thread.ts). */
export type ExportFormat = 'xlsx' | 'docx';
export const exportConsolidatedFile = (db: Db, format: ExportFormat, o: DocOptions): Promise<FileOut> =>
  format === 'xlsx' ? exportConsolidatedXlsx(db, o) : exportConsolidatedDocx(db, o);

/** The report as PDF, rendered in the app with `fonts` (pdf-export.ts pdfFonts: found in the thread that asks). */
export async function exportConsolidatedPdf(db: Db, o: DocOptions, fonts?: FontFiles): Promise<FileOut> {
  const src = await exportConsolidatedDocx(db, o);
  return withWarnings(
    { name: src.name.replace(/\.docx$/, '.pdf'), mime: MIME.pdf, bytes: await toPdf(src.bytes, 'docx', undefined, fonts) },
    src.warnings ?? [],
  );
}

export async function exportMissingList(db: Db, planId: number, today: string): Promise<FileOut> {
  const plan = planOrThrow(db, planId);
  const frame = exportFrame(
    plan,
    resolveProfile(readProfile(db), plan).profile,
    { planId, number: null, date: today },
    unitsWording(db, plan),
  );
  return {
    name: fileName(plan, 'chua-nop-nop-tre', 'xlsx'),
    mime: MIME.xlsx,
    bytes: await buildMissingWorkbook(computeTracking(db, planId, today), frame),
  };
}
