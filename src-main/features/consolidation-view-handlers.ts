// RPC handlers of the Tổng hợp tab's consolidation in parts (contract/consolidation-view.ts): each cut from the plan's
// cached consolidation for today (Vietnam), the same one consolidation.get answers; and whether the province view
// can have anything to show.
import type { Handler } from '../handler/handler';
import { todayInVietnam } from '../text/vi-date';
import { cachedConsolidation } from './consolidation-cache';
import { textsOf, viewOf } from './consolidation-view';
import type { AppContext } from '../handler/context';
import { planHasUpperLevelDocuments } from '../db/consolidation';
import { planOrThrow } from './plan-lookup';

const whole = (planId: number, ctx: AppContext) => cachedConsolidation(ctx.db, planId, todayInVietnam(ctx.now()));

export const consolidationViewHandlers = {
  'consolidation.view': ({ planId }, ctx) => viewOf(whole(planId, ctx)),
  'consolidation.matrix': ({ planId }, ctx) => whole(planId, ctx).matrix,
  'consolidation.narrative': ({ planId }, ctx) => whole(planId, ctx).narrative,
  'consolidation.texts': ({ planId, indicatorId }, ctx) => textsOf(whole(planId, ctx), indicatorId),
  'consolidation.hasDistrictPackages': ({ planId }, ctx) => {
    planOrThrow(ctx.db, planId);
    return planHasUpperLevelDocuments(ctx.db, planId);
  },
} satisfies {
  [
    K in
      | 'consolidation.view'
      | 'consolidation.matrix'
      | 'consolidation.narrative'
      | 'consolidation.texts'
      | 'consolidation.hasDistrictPackages'
  ]: Handler<K>;
};
