// styles.xml parsed once per distinct part: files made from one template carry the same styles part byte for
// byte, so the reader keeps the last few it parsed, keyed by the part's stored (compressed) bytes compared whole
// (never a hash), and skips inflating and parsing it again. A hit is charged to the archive's budget as if inflated.
import { chargeInflated, decodeUtf8, readEntry, storedBytes, type ZipArchive, type ZipEntry } from '../../bytes/zip';
import { guardXml } from '../../bytes/xml';
import { parseStyles, type StyleInfo } from './workbook-parts';

const MAX = 16;
/** Most recently used first. */
const cache: { method: number; size: number; stored: Buffer; info: StyleInfo }[] = [];

/** The parsed styles part `entry` of `zip` (shared and frozen: never change it). */
export function stylesOf(zip: ZipArchive, entry: ZipEntry, path: string): StyleInfo {
  const stored = storedBytes(zip, entry);
  const key = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  const at = cache.findIndex(
    (c) => c.method === entry.method && c.size === entry.size && c.stored.length === key.length && c.stored.equals(key),
  );
  if (at >= 0) {
    const hit = cache[at] as (typeof cache)[number];
    chargeInflated(zip, entry.size);
    if (at > 0) cache.unshift(...cache.splice(at, 1));
    return hit.info;
  }
  const bytes = readEntry(zip, entry);
  guardXml(bytes, path);
  const parsed = parseStyles(decodeUtf8(bytes));
  const info: StyleInfo = Object.freeze({
    legacyFont: Object.freeze(parsed.legacyFont) as (string | undefined)[],
    isDate: Object.freeze(parsed.isDate) as boolean[],
    isPercent: Object.freeze(parsed.isPercent ?? []) as boolean[],
  });
  // a copy of the key: the cache must not keep a whole file's bytes alive
  cache.unshift({ method: entry.method, size: entry.size, stored: Buffer.from(key), info });
  if (cache.length > MAX) cache.pop();
  return info;
}
