// The Tổng hợp tab's consolidation in parts (issue #17: the whole answer for 5,000 units is ~5 MB): first the figures
// the first screen shows (totals, counts, the first text answers of each indicator), then, when the user reaches them,
// the units × indicators matrix, the units' narratives and an indicator's remaining text answers. Put back together
// they are exactly consolidation.get's answer (tests/rpc/consolidation-view.test.ts).
import { z } from 'zod';
import { Id } from './common';
import { ConsolidatedIndicator, Consolidation } from './consolidation';

/** Text answers of each indicator sent with the first part (as many as the totals table shows before the user scrolls). */
export const TEXTS_FIRST = 100;

export const ConsolidationView = Consolidation.omit({ matrix: true, narrative: true }).extend({
  /** `texts` holds the first TEXTS_FIRST answers; `textCount` how many there are in all. */
  indicators: z.array(ConsolidatedIndicator.extend({ textCount: z.number().int() })),
  /** Rows of the matrix and paragraphs of the narratives, said before they arrive. */
  matrixRows: z.number().int(),
  narrativeItems: z.number().int(),
});
export type ConsolidationView = z.infer<typeof ConsolidationView>;
export type ConsolidationMatrix = Consolidation['matrix'];

export const consolidationViewChannels = {
  'consolidation.view': { input: z.object({ planId: Id }), output: ConsolidationView },
  'consolidation.matrix': { input: z.object({ planId: Id }), output: Consolidation.shape.matrix },
  'consolidation.narrative': { input: z.object({ planId: Id }), output: Consolidation.shape.narrative },
  'consolidation.texts': { input: z.object({ planId: Id, indicatorId: Id }), output: ConsolidatedIndicator.shape.texts },
  /** Whether the province view (province.overview) can have a district to show: some report in use is an upper-level
   *  unit's stored document. False: the tab skips that call (seconds and megabytes on a plan of 5,000 base unions). */
  'consolidation.hasDistrictPackages': { input: z.object({ planId: Id }), output: z.boolean() },
};
