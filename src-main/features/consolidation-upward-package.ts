// The upward package: this office's consolidated report for the level above, as the district's own signed report
// (number, date, "TM. BAN THƯỜNG VỤ"), with the units × indicators detail, the coverage and a manifest whose
// content hash lets the level above prove where it comes from and that nobody edited it (excel/upward/).
import type { FileOut } from '../contract/common';
import { REPORT_STATE_LABELS } from '../contract/report-labels';
import type { Consolidation } from '../contract/consolidation';
import type { Db } from '../db/connection';
import { activeValues } from '../db/consolidation';
import { targetCell } from '../excel/consolidated/summary-sheet';
import { capText, writeUpwardPackage, type PackageInput } from '../excel/upward/write';
import { NARRATIVE_HEADINGS } from './consolidation';
import { docNumber, planSubject } from './consolidation-text';
import { exportFrame } from './consolidation-export';
import { resolveProfile } from './doc-identity';
import { slug } from './reminders';
import { readProfile } from './settings';
import { planOrThrow } from './plan-lookup';
import { unitsWording } from './unit-wording';
import { computeConsolidation } from './consolidation';
import { curatedNarrative } from './narrative-curation';
import { MIME } from '../contract/mime';

/** A curated narrative (sections → chosen sentences) when the office made one for this plan; see narrativeFor. */
export type CuratedNarrative = Partial<Record<'results' | 'practices' | 'limits' | 'proposals', string[]>>;

export interface UpwardOptions {
  identity: { code: string; name: string };
  number: string | null;
  date: string;
  appVersion: string;
  now: Date;
  /** The office's curated narrative (documents' condensed narrative); absent: the units' texts, capped per cell. */
  curated?: CuratedNarrative | null;
}

const KEYS = ['results', 'practices', 'limits', 'proposals'] as const;

/** The four narrative sections of the package: the curated sentences when given, else every unit's text (capped at the cell limit). */
export function narrativeFor(c: Consolidation, curated: CuratedNarrative | null | undefined): { heading: string; text: string }[] {
  return KEYS.map((key) => {
    const chosen = curated?.[key];
    const lines = chosen?.length
      ? [...chosen]
      : (c.narrative.find((s) => s.key === key)?.items ?? []).map((it) => `${it.unitName}: ${it.text}`);
    if (key === 'results' && !chosen?.length)
      lines.unshift(`Có ${c.submitted}/${c.expected} đơn vị báo cáo (${c.onTime} đúng hạn, ${c.late} trễ hạn).`);
    return { heading: NARRATIVE_HEADINGS[key], text: capText(lines.join('\n'), '(xem đầy đủ trong báo cáo Word gửi kèm)') };
  });
}

/** The office's curated sentences (its saved selection, else the app's proposal), printed with their units. */
function curatedSentences(db: Db, planId: number, c: Consolidation): CuratedNarrative | null {
  const out: CuratedNarrative = {};
  for (const s of curatedNarrative(db, planId, c).sections) {
    const key = s.key === 'other' ? 'results' : s.key;
    (out[key] ??= []).push(...s.sentences.map((x) => x.printed));
  }
  return Object.keys(out).length ? out : null;
}

/** Vietnam time with its offset: "2025-12-18T09:30:00+07:00". */
function vnTimestamp(now: Date): string {
  return `${new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 19)}+07:00`;
}

export async function buildUpwardPackage(db: Db, planId: number, o: UpwardOptions): Promise<FileOut> {
  const plan = planOrThrow(db, planId);
  const { profile, warnings } = resolveProfile(readProfile(db), plan);
  const c = computeConsolidation(db, planId, o.date);
  const frame = exportFrame(plan, profile, { planId, number: o.number, date: o.date }, unitsWording(db, plan));
  const number = docNumber(o.number, profile, 'BC');
  const values2 = new Map(activeValues(db, planId).map((v) => [`${v.unitId}:${v.indicatorId}`, v.value2Num]));
  const texts = (i: Consolidation['indicators'][number]) => i.texts.map((t) => `${t.unitName}: ${t.text}`).join('; ') || null;
  const input: PackageInput = {
    header: { ...frame.header, number },
    title: `BÁO CÁO KẾT QUẢ ${planSubject(plan.title).toLocaleUpperCase('vi')}`,
    subtitle: plan.periodLabel ? [plan.periodLabel] : [],
    signer: frame.signer.authority ? frame.signer : { ...frame.signer, authority: 'TM. BAN THƯỜNG VỤ' },
    recipients: frame.recipients,
    indicators: c.indicators.map((i) => ({
      code: i.code,
      groupCode: i.groupCode,
      groupLabel: i.groupLabel,
      label: i.label,
      unit: i.unit,
      unit2: i.unit2,
      // as in our reports: a per-unit target reads "1/đơn vị" (never mistaken for the district's total)
      target: targetCell(i),
      total: i.aggregation === 'text' ? texts(i) : i.total,
      total2: i.total2,
      note: `Tổng hợp từ ${i.reporting}/${c.expected} đơn vị`,
    })),
    narrative: narrativeFor(c, o.curated === undefined ? curatedSentences(db, planId, c) : o.curated),
    units: c.matrix.units.map((u, k) => ({
      code: u.code,
      name: u.name,
      state: REPORT_STATE_LABELS[u.state],
      receivedOn: u.receivedOn,
      values: c.matrix.values[k] ?? [],
      values2: c.indicators.map((i) => (i.unit2 ? (values2.get(`${u.id}:${i.indicatorId}`) ?? null) : null)),
    })),
    manifest: {
      issuerCode: o.identity.code,
      issuerName: o.identity.name,
      planNumber: plan.number,
      planTitle: plan.title,
      periodLabel: plan.periodLabel,
      periodStart: plan.startsOn,
      periodEnd: plan.endsOn,
      reportDueOn: plan.reportDueOn,
      basisNumbers: plan.basis.map((b) => b.number).filter((n): n is string => !!n),
      reportNumber: o.number,
      reportDate: o.date,
      appVersion: o.appVersion,
      createdAt: vnTimestamp(o.now),
      indicators: c.indicators.map((i) => ({ code: i.code, unit: i.unit, unit2: i.unit2 })),
      coverage: { expected: c.expected, submitted: c.submitted, onTime: c.onTime, late: c.late, missing: c.missing.length },
      signatureAlg: null,
      signerKeyId: null,
      signature: null,
    },
  };
  const { bytes } = await writeUpwardPackage(input);
  const out: FileOut = { name: `bao-cao-${slug(o.identity.code)}-${slug(plan.periodLabel ?? plan.title)}.xlsx`, mime: MIME.xlsx, bytes };
  return warnings.length ? { ...out, warnings } : out;
}
