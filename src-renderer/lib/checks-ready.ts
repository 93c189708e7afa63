// The value checks of a plan take seconds on a province-sized plan (computed off the main thread): their readiness is
// asked for again every `everyMs` until ready, no request held open meanwhile. Used by the check tab and by the
// Tổng hợp warning count.
import type { Out } from '../../src-main/contract/index';
import { rpc } from './rpc';

type Readiness = Out<'checks.prepare'>;

/**
 * The plan's checks once ready (with the `first` open warnings), or null when `stale()` says the caller no longer
 * wants them (another plan, or a newer question after a change of the reports).
 */
export async function checksWhenReady(planId: number, stale: () => boolean, everyMs: number, first = 0): Promise<Readiness | null> {
  for (;;) {
    const r = await rpc('checks.prepare', { planId, first });
    if (stale()) return null;
    if (r.ready) return r;
    await new Promise((done) => setTimeout(done, everyMs));
    if (stale()) return null;
  }
}
