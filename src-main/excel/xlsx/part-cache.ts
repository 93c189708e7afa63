// The workbook part and its rels, read once per distinct part: files made from one template carry them byte for
// byte alike, so the reader keeps the last few it read, keyed by the part's stored (compressed) bytes compared whole
// (never a hash) with its path, and skips inflating, guarding and decoding them again (as styles-cache.ts does).
// A hit is charged to the archive's budget as if inflated. Only parts that passed the guard are kept.
import { chargeInflated, decodeUtf8, readEntry, storedBytes, type ZipArchive, type ZipEntry } from '../../bytes/zip';
import { guardXml } from '../../bytes/xml';

const MAX = 16;
/** Most recently used first. */
const cache: { path: string; method: number; size: number; stored: Buffer; xml: string }[] = [];

/** The text of part `path` of `zip` (undefined when absent), as fast-reader's part() gives it. */
export function cachedPartText(zip: ZipArchive, path: string): string | undefined {
  const entry: ZipEntry | undefined = zip.entries.get(path);
  if (!entry) return undefined;
  const stored = storedBytes(zip, entry);
  const key = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  const at = cache.findIndex(
    (c) => c.path === path && c.method === entry.method && c.size === entry.size && c.stored.length === key.length && c.stored.equals(key),
  );
  if (at >= 0) {
    const hit = cache[at] as (typeof cache)[number];
    chargeInflated(zip, entry.size);
    if (at > 0) cache.unshift(...cache.splice(at, 1));
    return hit.xml;
  }
  const bytes = readEntry(zip, entry);
  guardXml(bytes, path);
  const xml = decodeUtf8(bytes);
  // a copy of the key: the cache must not keep a whole file's bytes alive
  cache.unshift({ path, method: entry.method, size: entry.size, stored: Buffer.from(key), xml });
  if (cache.length > MAX) cache.pop();
  return xml;
}
