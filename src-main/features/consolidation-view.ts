// The Tổng hợp tab's consolidation in parts (contract/consolidation-view.ts): cut from the plan's cached consolidation
// without its matrix (consolidation-cache.ts), computed by the same walk as consolidation.get's, so every part shows the
// same figures for the same data. The exports never read these parts: they build from computeConsolidation as before.
import type { Consolidation } from '../contract/consolidation';
import type { ConsolidationSummary } from './consolidation';
import { TEXTS_FIRST, type ConsolidationView } from '../contract/consolidation-view';
import { AppError } from '../contract/errors';

/** The first screen's part: everything but the matrix, the narratives and the text answers past the first TEXTS_FIRST. */
export function viewOf(c: ConsolidationSummary): ConsolidationView {
  const { narrative, ...rest } = c;
  return {
    ...rest,
    indicators: c.indicators.map((i) => ({ ...i, texts: i.texts.slice(0, TEXTS_FIRST), textCount: i.texts.length })),
    narrativeItems: narrative.reduce((n, s) => n + s.items.length, 0),
  };
}

/** Every text answer of one indicator of the plan. */
export function textsOf(c: ConsolidationSummary, indicatorId: number): Consolidation['indicators'][number]['texts'] {
  const i = c.indicators.find((x) => x.indicatorId === indicatorId);
  if (!i) throw new AppError('not_found', 'Chỉ tiêu này không còn trong số liệu tổng hợp của kế hoạch. Hãy tải lại trang.');
  return i.texts;
}
