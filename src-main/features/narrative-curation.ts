// The báo cáo's condensed narrative per plan: the app's proposal (docs/report/narrative-proposal) from the units'
// active narratives, the user's saved selection (ticked, edited, reordered) with proposals that came in after it,
// and curatedNarrative(db, planId): the selected sentences per section, for the Word report and the upward package.
import { NARRATIVE_KEYS, type Consolidation, type NarrativeKey } from '../contract/consolidation';
import { NARRATIVE_SECTION_TITLES, type Curation, type CuratedItem, type CuratedUnit } from '../contract/narrative-curation';
import type { Db } from '../db/connection';
import { deleteCuration, saveCuration, savedCuration } from '../db/narrative-curation';
import { writeTx } from '../db/write-tx';
import { addAudit } from '../db/audit';
import { attributed, proposeSentences, sentencesByUnit, stillSaid } from '../docs/report/narrative-proposal';
import { todayInVietnam } from '../text/vi-date';
import { fold } from '../text/vi-text';
import { computeConsolidationSummary } from './consolidation';
import { planOrThrow } from './plan-lookup';

/** How many sentences are proposed (ticked) per section: a 50-unit plan still reads in 3–5 pages. */
const SECTION_LIMITS: Record<NarrativeKey, number> = { results: 6, practices: 5, limits: 4, proposals: 4, other: 2 };
/** Proposed but not ticked: the next best few, so the user can swap one in without typing. */
const SPARE = 4;
/** Below this a sentence is mostly stock phrases ("Đơn vị đã tích cực triển khai."): proposed, but not ticked. */
const TICK_SCORE = -1;

type Proposal = Record<NarrativeKey, (CuratedItem & { fresh: boolean; stale: boolean })[]>;

function proposeCuration(c: Pick<Consolidation, 'narrative'>): Proposal {
  const out = Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, []])) as unknown as Proposal;
  for (const s of c.narrative) {
    const limit = SECTION_LIMITS[s.key];
    out[s.key] = proposeSentences(s.items, { limit: limit + SPARE }).map((p, i) => ({
      text: p.text,
      proposed: p.text,
      units: p.units,
      selected: i < limit && p.score >= TICK_SCORE,
      fresh: false,
      stale: false,
    }));
  }
  return out;
}

const consolidationOf = (db: Db, planId: number, c?: Pick<Consolidation, 'narrative'>): Pick<Consolidation, 'narrative'> =>
  c ?? computeConsolidationSummary(db, planId, todayInVietnam(new Date())); // the narratives only: no matrix

/** The list the curation panel shows: saved items in order, then proposals not in it yet (unticked, fresh). */
export function getCuration(db: Db, planId: number, c?: Pick<Consolidation, 'narrative'>): Curation {
  planOrThrow(db, planId);
  const cons = consolidationOf(db, planId, c);
  const proposal = proposeCuration(cons);
  const saved = savedCuration(db, planId);
  const said = sentencesByUnit(cons.narrative.flatMap((s) => s.items));
  const sections = NARRATIVE_KEYS.map((key) => {
    let items = proposal[key];
    if (saved) {
      const mine = saved.items
        .filter((i) => i.section === key)
        .map((i) => ({
          text: i.text,
          proposed: i.proposed,
          units: i.units,
          selected: i.selected,
          fresh: false,
          stale: i.proposed !== '' && !stillSaid(i.proposed, i.units, said),
        }));
      const known = new Set(mine.map((i) => fold(i.proposed)));
      items = [...mine, ...items.filter((p) => !known.has(fold(p.proposed))).map((p) => ({ ...p, selected: false, fresh: true }))];
    }
    return { key, heading: NARRATIVE_SECTION_TITLES[key], items };
  }).filter((s) => s.items.length > 0);
  return { planId, saved: !!saved, savedAt: saved?.savedAt ?? null, fullAppendix: saved?.fullAppendix ?? false, sections };
}

interface CuratedSentence {
  text: string;
  units: CuratedUnit[];
  /** "Text (CĐCS A, CĐCS B)." as printed */ printed: string;
  /** A unit no longer writes it in the report in use (replaced or revoked); the exports warn. */
  stale: boolean;
}
export interface CuratedNarrative {
  fullAppendix: boolean;
  /** Selected sentences that are stale, for the export's warning. */
  stale: number;
  sections: { key: NarrativeKey; heading: string; sentences: CuratedSentence[] }[];
}

/**
 * The selected sentences per section, in the user's order (the app's proposal while nothing is saved), each with
 * its units and the printed form "… (CĐCS Trường THCS A)." — for the báo cáo and the upward package.
 */
export function curatedNarrative(db: Db, planId: number, c?: Consolidation): CuratedNarrative {
  const cur = getCuration(db, planId, c);
  const chosen = cur.sections.flatMap((s) => s.items.filter((i) => i.selected));
  return {
    fullAppendix: cur.fullAppendix,
    stale: chosen.filter((i) => i.stale).length,
    sections: cur.sections.flatMap((s) => {
      const sentences = s.items
        .filter((i) => i.selected)
        .map((i) => ({ text: i.text, units: i.units, printed: attributed(i.text, i.units), stale: i.stale }));
      return sentences.length ? [{ key: s.key, heading: s.heading, sentences }] : [];
    }),
  };
}

export function saveNarrativeCuration(
  db: Db,
  planId: number,
  input: { fullAppendix: boolean; sections: { key: NarrativeKey; items: CuratedItem[] }[] },
  now: Date,
): Curation {
  planOrThrow(db, planId);
  const items = NARRATIVE_KEYS.flatMap((key) =>
    input.sections.filter((s) => s.key === key).flatMap((s) => s.items.map((i) => ({ ...i, section: key }))),
  );
  writeTx(db, () => {
    saveCuration(db, planId, { fullAppendix: input.fullAppendix, items }, now.toISOString());
    addAudit(
      db,
      {
        action: 'consolidation.narrative',
        entity: 'plans',
        entityId: planId,
        summary: `Lưu phần thuyết minh của báo cáo (${items.filter((i) => i.selected).length} câu chọn)`,
      },
      now,
    );
  });
  return getCuration(db, planId);
}

export function resetNarrativeCuration(db: Db, planId: number, now: Date): Curation {
  planOrThrow(db, planId);
  writeTx(db, () => {
    deleteCuration(db, planId);
    addAudit(
      db,
      { action: 'consolidation.narrative', entity: 'plans', entityId: planId, summary: 'Bỏ phần thuyết minh đã chọn, dùng lại đề xuất' },
      now,
    );
  });
  return getCuration(db, planId);
}
