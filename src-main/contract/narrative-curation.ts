// The báo cáo's condensed narrative, curated per plan: the sentences the app proposes from the units' narratives
// (per section, attributed to their units), which of them the user keeps, edited and reordered, and the full-texts
// appendix option. Saved in the db; the Word report and the upward package read the selection.
import { z } from 'zod';
import { Id, Text } from './common';
import { NarrativeKey } from './consolidation';

export const CuratedUnit = z.object({ code: z.string().max(40), name: z.string().max(300) });
export type CuratedUnit = z.infer<typeof CuratedUnit>;

export const CuratedItem = z.object({
  /** The sentence as printed, without its attribution (that is added from `units`). */
  text: Text(1000).pipe(z.string().min(1, { message: 'Câu trống: nhập nội dung hoặc bỏ chọn câu này' })),
  /** The proposal this sentence came from ('' for one the user typed); lets new proposals be told apart. */
  proposed: z.string().max(4000).default(''),
  units: z.array(CuratedUnit).max(500),
  selected: z.boolean(),
});
export type CuratedItem = z.infer<typeof CuratedItem>;

export const NARRATIVE_SECTION_TITLES: Record<NarrativeKey, string> = {
  results: 'Kết quả nổi bật ở cơ sở',
  practices: 'Cách làm hay, mô hình tiêu biểu',
  limits: 'Hạn chế, tồn tại',
  proposals: 'Kiến nghị, đề xuất của cơ sở',
  other: 'Nội dung khác',
};

export const Curation = z.object({
  planId: Id,
  /** False while nothing was saved: the list is the app's proposal, ticked as proposed. */
  saved: z.boolean(),
  savedAt: z.string().nullable(),
  /** Put the units' full narratives in an appendix of the báo cáo. */
  fullAppendix: z.boolean(),
  sections: z.array(
    z.object({
      key: NarrativeKey,
      heading: z.string(),
      /**
       * Items in print order; `fresh` marks a proposal that came in after the list was saved; `stale` a saved sentence
       * that one of its units no longer writes in the report in use (replaced or revoked): to check before printing.
       */
      items: z.array(CuratedItem.extend({ fresh: z.boolean(), stale: z.boolean() })),
    }),
  ),
});
export type Curation = z.infer<typeof Curation>;

export const narrativeCurationChannels = {
  'consolidation.narrative.get': { input: z.object({ planId: Id }), output: Curation },
  'consolidation.narrative.save': {
    input: z.object({
      planId: Id,
      fullAppendix: z.boolean().default(false),
      sections: z.array(z.object({ key: NarrativeKey, items: z.array(CuratedItem).max(500) })).max(5),
    }),
    output: Curation,
  },
  /** Forget the saved list: the report goes back to the app's proposal. */
  'consolidation.narrative.reset': { input: z.object({ planId: Id }), output: Curation },
};
