// RPC handlers of the Tổng hợp tab's consolidation in parts (contract/consolidation-view.ts): each cut from the plan's
// consolidation for today (Vietnam) without its matrix, or the matrix alone (consolidation-cache.ts), computed as
// consolidation.get's is; and whether the province view can have anything to show.
import type { Handler } from '../handler/handler';
import { todayInVietnam } from '../text/vi-date';
import { consolidationMatrix, consolidationSummary } from './consolidation-cache';
import { aheadRun } from './ahead-run';
import { textsOf, viewOf } from './consolidation-view';
import type { AppContext } from '../handler/context';
import { planHasUpperLevelDocuments } from '../db/consolidation';
import { planOrThrow } from './plan-lookup';

const summary = async (planId: number, ctx: AppContext) => consolidationSummary(ctx.db, planId, todayInVietnam(ctx.now()));

export const consolidationViewHandlers = {
  'consolidation.view': async ({ planId }, ctx) => viewOf(await summary(planId, ctx)),
  'consolidation.matrix': ({ planId }, ctx) => consolidationMatrix(aheadRun(ctx), planId, todayInVietnam(ctx.now())),
  'consolidation.narrative': async ({ planId }, ctx) => (await summary(planId, ctx)).narrative,
  'consolidation.texts': async ({ planId, indicatorId }, ctx) => textsOf(await summary(planId, ctx), indicatorId),
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
