// Plan intake decided once, here, for the app and the CLI: the stored form of a plan's title, which catalog
// indicators a target found in a document may be (best first), what a new indicator made from it looks like
// (label, unit, group, aggregation) and its code. The renderer gets these through 'plans.intake' and creates
// indicators through 'plans.intakeIndicator'; `plans create` (features/plan-create.ts) uses the same functions.
import { NO_RULES } from '../contract/indicators';
import type { Indicator } from '../contract/indicators';
import type { PlanTarget } from '../contract/plan-extract';
import { PlanIntake, type NewIndicatorProposal } from '../contract/plan-intake';
import type { Db } from '../db/connection';
import * as ind from '../db/indicators';
import type { PlanRead } from '../gate/jobs';
import { fold, foldKey } from '../text/vi-text';
import { saveIndicator } from './indicators';

/** A title as stored: NFC, runs of white space (NBSP included) as one space, trimmed — like every text field. */
export function planTitle(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u00a0\s]+/g, ' ')
    .trim();
}

const STOP = new Set([
  'so',
  'va',
  'cac',
  'cho',
  'cua',
  'it',
  'nhat',
  'tu',
  'den',
  'moi',
  'don',
  'vi',
  'duoc',
  'trong',
  'nam',
  'tren',
  'the',
  'co',
  'la',
  'mot',
  'voi',
]);
const words = (t: string): Set<string> =>
  new Set(
    foldKey(t)
      .split(' ')
      .filter((w) => w.length > 1 && !STOP.has(w) && !/^\d+$/.test(w)),
  );

/** Catalog indicators ordered by how well they match a target (shared words, same unit); best first. */
function suggestIndicators(
  t: Pick<PlanTarget, 'text' | 'unit'>,
  catalog: Indicator[],
  limit = 5,
): { indicator: Indicator; score: number }[] {
  const tw = words(t.text);
  const unit = t.unit ? fold(t.unit) : null;
  return catalog
    .filter((i) => !i.retired)
    .map((i) => {
      const iw = words(i.label);
      let shared = 0;
      for (const w of iw) if (tw.has(w)) shared++;
      let score = iw.size ? shared / iw.size : 0;
      if (unit && (fold(i.unit ?? '') === unit || fold(i.unit2 ?? '') === unit)) score += 0.35;
      return { indicator: i, score };
    })
    .filter((x) => x.score >= 0.3)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/** A short indicator label from a target sentence: white space folded, cut at 120 characters on a word. */
function labelFromTarget(text: string): string {
  const t = planTitle(text);
  return t.length > 120 ? `${t.slice(0, 117).replace(/\s+\S*$/, '')}…` : t;
}

/** Next free "CTnn" code after every code in use. */
export function nextIndicatorCode(codes: Iterable<string>): string {
  let max = 0;
  for (const c of codes) {
    const m = /^CT(\d+)$/i.exec(c);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `CT${String(max + 1).padStart(2, '0')}`;
}

/** The group a new indicator goes to: the one asked for (by code), else the catalog's last group ("other"). */
function intakeGroup(catalog: Indicator[], groupCode?: string | null): { groupCode: string; groupLabel: string } {
  if (groupCode) {
    const known = catalog.find((i) => i.groupCode.toLowerCase() === groupCode.toLowerCase());
    return known ? { groupCode: known.groupCode, groupLabel: known.groupLabel } : { groupCode, groupLabel: `Nhóm ${groupCode}` };
  }
  const last = catalog.at(-1);
  return last ? { groupCode: last.groupCode, groupLabel: last.groupLabel } : { groupCode: 'VII', groupLabel: 'Chỉ tiêu khác' };
}

/** What a target becomes as a new indicator. A percentage is averaged as a rate, anything else summed. */
function proposeIndicator(label: string, unit: string | null, catalog: Indicator[], groupCode?: string | null): NewIndicatorProposal {
  const u = unit === null ? null : planTitle(unit) || null;
  return { label: labelFromTarget(label), unit: u, ...intakeGroup(catalog, groupCode), aggregation: u === '%' ? 'percent' : 'sum' };
}

/** An indicator named by code, else by the same wording (folded: any case, diacritics, spacing). */
export function findIndicator(catalog: Indicator[], code: string | null | undefined, label: string): Indicator | undefined {
  if (code) {
    const byCode = catalog.find((i) => i.code.toLowerCase() === code.toLowerCase());
    if (byCode) return byCode;
  }
  const key = foldKey(label);
  return catalog.find((i) => foldKey(i.label) === key);
}

/** Create the indicator for a target (code given by the caller or the next free one). Call inside writeTx. */
export function createIntakeIndicator(
  db: Db,
  p: { label: string; unit: string | null; groupCode?: string | null; code?: string | null },
  now: Date,
): Indicator {
  const catalog = ind.listIndicators(db);
  const proposal = proposeIndicator(p.label, p.unit, catalog, p.groupCode);
  return saveIndicator(
    db,
    {
      code: p.code ?? nextIndicatorCode(catalog.map((i) => i.code)),
      ...proposal,
      unit2: null,
      sortOrder: 1000 + catalog.length,
      note: null,
      rules: NO_RULES,
    },
    now,
  );
}

/** The intake of a read document: title as stored, targets with their suggestions and proposals; schema-checked. */
export function buildIntake(read: PlanRead, catalog: Indicator[]): PlanIntake {
  const extract = { ...read.extract, title: read.extract.title === null ? null : planTitle(read.extract.title) || null };
  const targets = extract.targets.map((t) => ({
    ...t,
    suggestions: suggestIndicators(t, catalog).map((s) => ({ indicatorId: s.indicator.id, score: Math.round(s.score * 100) / 100 })),
    newIndicator: proposeIndicator(t.text, t.unit, catalog),
    fromOcr: read.ocr !== null,
  }));
  const ocr = read.ocr && {
    pages: read.ocr.pages.map((p) => ({ image: p.bytes, mime: p.mime, width: p.width, height: p.height, confidence: p.confidence })),
    confidence: read.ocr.confidence,
    pagesInFile: read.ocr.pagesInFile,
  };
  return PlanIntake.parse({ extract, targets, ocr });
}
