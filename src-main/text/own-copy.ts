// A string's own copy for keys of long-lived caches. A substring may be kept by the engine as a view into the string
// it was cut from (a sheet part, a shared-strings part of tens of KB), and a cache key that is such a view keeps the
// whole part alive after its file is read. Joining a character on and cutting it off again makes a fresh string.

/** s with its own storage (same text; short strings are already copies when cut). */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : `${s} `.slice(0, -1);
}
