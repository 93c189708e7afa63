// RPC handlers of the báo cáo's narrative curation (contract/narrative-curation.ts): get the list, save the
// user's selection (audited), reset to the app's proposal. A change tells the renderer ('narrative').
import type { Handler } from '../handler/handler';
import { getCuration, resetNarrativeCuration, saveNarrativeCuration } from './narrative-curation';
import { consolidationSummaryNow } from './consolidation-cache';
import { cachedByDataVersion } from './data-version-cache';
import { todayInVietnam } from '../text/vi-date';

type Channels = 'consolidation.narrative.get' | 'consolidation.narrative.save' | 'consolidation.narrative.reset';

export const narrativeCurationHandlers = {
  // the proposal condenses every unit's narrative (seconds for thousands of reports): reused while the data is unchanged
  'consolidation.narrative.get': ({ planId }, ctx) =>
    cachedByDataVersion(ctx.db, `narrative|${planId}`, () =>
      getCuration(ctx.db, planId, consolidationSummaryNow(ctx.db, planId, todayInVietnam(ctx.now()))),
    ),
  'consolidation.narrative.save': (i, ctx) => {
    const out = saveNarrativeCuration(ctx.db, i.planId, { fullAppendix: i.fullAppendix, sections: i.sections }, ctx.now());
    ctx.emit('data.changed', { entity: 'narrative' });
    return out;
  },
  'consolidation.narrative.reset': ({ planId }, ctx) => {
    const out = resetNarrativeCuration(ctx.db, planId, ctx.now());
    ctx.emit('data.changed', { entity: 'narrative' });
    return out;
  },
} satisfies { [K in Channels]: Handler<K> };
