// A part of the Tổng hợp tab asked only when the user reaches it (issue #17: the matrix and the narratives of 5,000
// units are megabytes): nothing is asked until its placeholder is seen; once seen, it is asked again for each new
// consolidation the page shows (a data change). Until the answer for the one shown comes, the part says "Đang tải…",
// so a part never sits beside totals of other data.
import { errorMessage } from '../../../lib/rpc';

export function createPart<T>(fetch: () => Promise<T>) {
  let value = $state.raw<{ key: object; data: T } | null>(null);
  let error = $state<string | null>(null);
  let askedFor: object | null = null; // the consolidation the latest question was for
  async function load(key: object) {
    askedFor = key;
    try {
      const data = await fetch();
      if (askedFor === key) [value, error] = [{ key, data }, null];
    } catch (e) {
      if (askedFor !== key) return;
      askedFor = null; // asked again when seen again
      error = errorMessage(e);
    }
  }
  return {
    /** The part for `key` (the consolidation shown), else null. */
    for: (key: object): T | null => (value && value.key === key ? value.data : null),
    get error() {
      return error;
    },
    /** Its placeholder came into view. */
    seen: (key: object) => {
      if (askedFor !== key) void load(key);
    },
    /** The page shows a new consolidation: asked again if the part was already wanted. */
    refresh: (key: object) => {
      if (askedFor !== null && askedFor !== key) void load(key);
    },
  };
}
