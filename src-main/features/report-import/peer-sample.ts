// The other units' values of an indicator, as the value checks take them: with many units summed up once (median,
// MAD) — one unit's own value moves them by next to nothing, so it is left in — and with few, exactly the others'.
// One sampler per batch or per check of a plan, so no peer list is sorted again for every value.
import type { PeerStats } from '../../checks/value-checks';
import { peerStats } from '../../checks/value-checks';
import type { PeerValue } from '../../db/check-data';

export type PeerSampler = (indicatorId: number, unitId: number, which: 'value' | 'value2') => PeerStats | number[];

/** From this many reporting units on, the peers are summed up once per indicator. */
const LARGE = 20;

export function peerSampler(peers: ReadonlyMap<number, readonly PeerValue[]>): PeerSampler {
  const cache = new Map<string, PeerStats>();
  const numbers = (list: readonly PeerValue[], which: 'value' | 'value2') =>
    list.flatMap((p) => (p[which] === null ? [] : [p[which] as number]));
  return (indicatorId, unitId, which) => {
    const all = peers.get(indicatorId) ?? [];
    if (all.length < LARGE)
      return numbers(
        all.filter((p) => p.unitId !== unitId),
        which,
      );
    const key = `${indicatorId}:${which}`;
    let st = cache.get(key);
    if (!st) cache.set(key, (st = peerStats(numbers(all, which))));
    return st;
  };
}
