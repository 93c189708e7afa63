// Handlers of the province channels (contract/province.ts).
import type { Handler } from '../handler/handler';
import { todayInVietnam } from '../text/vi-date';
import { districtDetail, provinceOverview } from './province-view';

export const provinceHandlers = {
  'province.overview': (i, ctx) => provinceOverview(ctx.db, i.planId, todayInVietnam(ctx.now())),
  'province.district': (i, ctx) => districtDetail(ctx.db, i.planId, i.unitId, todayInVietnam(ctx.now())),
} satisfies { [K in 'province.overview' | 'province.district']: Handler<K> };
