// Handlers of the value checks: the plan's warnings ("Kiểm tra số liệu") and the letter sending a report back.
import type { Handler } from '../handler/handler';
import { correctionLetter } from './correction-letter';
import { planWarnings } from './value-review';
import { cachedByDataVersion } from './data-version-cache';

export const checksHandlers = {
  // seconds on a province-sized database (every unit's history is read, in one query); asked again by the Tổng hợp tab on each visit
  'checks.plan': ({ planId }, ctx) => cachedByDataVersion(ctx.db, `checks|${planId}`, () => ({ warnings: planWarnings(ctx.db, planId) })),
  'checks.correctionLetter': async (input, ctx) => {
    const out = await correctionLetter(ctx.db, { ...input, number: input.number ?? null }, ctx.now().toISOString());
    if (input.record) ctx.emit('data.changed', { entity: 'reports' });
    return out;
  },
} satisfies { [K in 'checks.plan' | 'checks.correctionLetter']: Handler<K> };
