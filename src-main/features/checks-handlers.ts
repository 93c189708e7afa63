// Handlers of the value checks: the plan's warnings ("Kiểm tra số liệu"), computed ahead and off the main thread
// (checks-off-thread.ts), and the letter sending a report back.
import type { Handler } from '../handler/handler';
import { correctionLetter } from './correction-letter';
import { aheadRun as run } from './ahead-run';
import { planChecks, prepareChecks, prepareConsolidation } from './checks-off-thread';
import { todayInVietnam } from '../text/vi-date';

// seconds on a province-sized database (every unit's history is read): in a worker (not in unit tests), so
// other pages keep answering; asked ahead by the Reports page and again by the Tổng hợp tab (then reused)

export const checksHandlers = {
  'checks.plan': async ({ planId }, ctx) => ({ warnings: await planChecks(run(ctx), planId) }),
  'checks.prepare': ({ planId, first }, ctx) => {
    void prepareConsolidation(run(ctx), planId, todayInVietnam(ctx.now())); // first: it is the quicker one
    return prepareChecks(run(ctx), planId, first);
  },
  'checks.correctionLetter': async (input, ctx) => {
    const out = await correctionLetter(ctx.db, { ...input, number: input.number ?? null }, ctx.now().toISOString(), (planId) =>
      planChecks(run(ctx), planId),
    );
    if (input.record) ctx.emit('data.changed', { entity: 'reports' });
    return out;
  },
} satisfies { [K in 'checks.plan' | 'checks.prepare' | 'checks.correctionLetter']: Handler<K> };
