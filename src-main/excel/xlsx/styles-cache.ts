// styles.xml parsed once per distinct part (part-cache.ts): files made from one template carry the same styles part
// byte for byte, so it is neither inflated nor parsed again; the parsed styles are shared and frozen. Excel rewrites
// the part as cells are formatted, so a batch has tens of distinct ones: the last 64 are kept.
import type { ZipArchive, ZipEntry } from '../../bytes/zip';
import { partCache } from './part-cache';
import { parseStyles, type StyleInfo } from './workbook-parts';

const styles = partCache((xml): StyleInfo => {
  const parsed = parseStyles(xml);
  return Object.freeze({
    legacyFont: Object.freeze(parsed.legacyFont) as (string | undefined)[],
    isDate: Object.freeze(parsed.isDate) as boolean[],
    isPercent: Object.freeze(parsed.isPercent ?? []) as boolean[],
  });
}, 64);

/** The parsed styles part `entry` of `zip` (shared and frozen: never change it). */
export function stylesOf(zip: ZipArchive, entry: ZipEntry, path: string): StyleInfo {
  return styles(zip, entry, path);
}
