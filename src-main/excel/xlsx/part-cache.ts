// Parts read once per distinct part: files made from one template carry styles.xml, workbook.xml and its rels byte
// for byte alike, so each reader of such a part keeps the last few it read, keyed by the part's stored (compressed)
// bytes compared whole (never a hash), and skips inflating, guarding, decoding and parsing them again. A hit is
// charged to the archive's budget as if inflated. Only parts that passed the guard are kept.
import { chargeInflated, decodeUtf8, readEntry, storedBytes, type ZipArchive, type ZipEntry } from '../../bytes/zip';
import { guardXml } from '../../bytes/xml';

/**
 * A reader of one kind of part: `make` turns the part's text into what is kept (shared between files with the same
 * part: never change it), for the last `max` distinct parts. The returned function gives it for `entry` (at `path`,
 * for the guard's message) of `zip`.
 */
export function partCache<T>(make: (xml: string) => T, max = 16): (zip: ZipArchive, entry: ZipEntry, path: string) => T {
  /** Most recently used first. */
  const cache: { method: number; size: number; stored: Buffer; value: T }[] = [];
  return (zip, entry, path) => {
    const stored = storedBytes(zip, entry);
    const key = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
    const at = cache.findIndex(
      (c) => c.method === entry.method && c.size === entry.size && c.stored.length === key.length && c.stored.equals(key),
    );
    if (at >= 0) {
      const hit = cache[at] as (typeof cache)[number];
      chargeInflated(zip, entry.size);
      if (at > 0) cache.unshift(...cache.splice(at, 1));
      return hit.value;
    }
    const bytes = readEntry(zip, entry, true); // decoded at once below
    guardXml(bytes, path);
    const value = make(decodeUtf8(bytes));
    // a copy of the key: the cache must not keep a whole file's bytes alive
    cache.unshift({ method: entry.method, size: entry.size, stored: Buffer.from(key), value });
    if (cache.length > max) cache.pop();
    return value;
  };
}

const workbookText = partCache((xml) => xml);

/** The text of part `path` of `zip` (undefined when absent), as fast-reader's part() gives it. */
export function cachedPartText(zip: ZipArchive, path: string): string | undefined {
  const entry = zip.entries.get(path);
  return entry ? workbookText(zip, entry, path) : undefined;
}
