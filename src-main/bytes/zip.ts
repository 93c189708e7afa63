// Minimal ZIP reader for .xlsx: finds the central directory, lists entries, and inflates one entry at a
// time with node:zlib (one engine reused, inflate-raw.ts), capped at its declared size + 1 so a lying size can never
// allocate more than declared.
import { inflateRawCapped } from './inflate-raw';
import { DEFAULT_LIMITS, XlsxError, type ReadLimits } from './limits';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipArchive {
  bytes: Uint8Array;
  entries: Map<string, ZipEntry>;
  limits: ReadLimits;
  /** Real inflated bytes handed out so far (checked against limits.maxTotalBytes). */
  inflated: number;
}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

const u16 = (b: Uint8Array, o: number): number => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number): number => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;

const CORRUPT = 'Tệp bị hỏng hoặc tải về chưa hết (cấu trúc nén không hợp lệ). Hãy tải lại hoặc xin đơn vị gửi lại.';
const latin1 = new TextDecoder('latin1');
/** Largest output chunk given to zlib at once (bigger parts are inflated in chunks of this size). */
const MAX_CHUNK = 1 << 20;
const utf8 = new TextDecoder('utf-8');

function findEocd(b: Uint8Array): number {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= min; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && u32(b, i) === EOCD_SIG) return i;
  }
  return -1;
}

/**
 * An entry's name as its flags say (UTF-8, else TextDecoder('latin1')), '\\' made '/'. A name
 * of ASCII bytes only (nearly all) is the same text either way: read without a decoder call (openZip runs twice
 * per file: the format sniff and the pre-flight).
 */
function entryName(b: Uint8Array, at: number, len: number, flags: number): string {
  const end = Math.min(at + len, b.length);
  let name = '';
  for (let i = at; i < end; i++) {
    const c = b[i] ?? 0;
    if (c >= 0x80) {
      name = (flags & 0x800 ? utf8 : latin1).decode(b.subarray(at, end));
      break;
    }
    name += String.fromCharCode(c);
  }
  return name.indexOf('\\') === -1 ? name : name.replace(/\\/g, '/');
}

/** Parse the central directory. Throws XlsxError for truncated/odd archives and for caps exceeded. */
export function openZip(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): ZipArchive {
  const eocd = findEocd(bytes);
  if (eocd < 0) throw new XlsxError('truncated', CORRUPT);
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    throw new XlsxError('zip-unsupported', 'Tệp nén dạng ZIP64 không được hỗ trợ. Hãy mở bằng Excel, Lưu lại rồi gửi lại.');
  }
  if (count > limits.maxEntries) {
    throw new XlsxError('too-many-entries', `Tệp có cấu trúc bất thường (${count} thành phần, tối đa ${limits.maxEntries}) – không đọc.`);
  }
  if (cdOffset + cdSize > eocd) throw new XlsxError('truncated', CORRUPT);
  const entries = new Map<string, ZipEntry>();
  let p = cdOffset;
  let declaredTotal = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== CEN_SIG) throw new XlsxError('truncated', CORRUPT);
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const compressedSize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const localOffset = u32(bytes, p + 42);
    const name = entryName(bytes, p + 46, nameLen, flags);
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) throw new XlsxError('encrypted', 'Tệp có mật khẩu – hãy mở bằng Excel, gỡ mật khẩu rồi gửi lại.');
    if (size > limits.maxEntryBytes || (compressedSize > 0 && size / compressedSize > 1000 && size > 1_000_000)) {
      throw new XlsxError(
        'bomb',
        `Tệp nén bất thường: thành phần "${name.slice(0, 80)}" giải nén quá lớn (có thể là tệp độc hại) – không đọc.`,
      );
    }
    declaredTotal += size;
    if (declaredTotal > limits.maxTotalBytes) {
      throw new XlsxError('bomb', 'Tệp nén bất thường: tổng dung lượng giải nén quá lớn (có thể là tệp độc hại) – không đọc.');
    }
    // First entry wins; a duplicate name is a sign of a crafted file, but reading the first is safe.
    if (!entries.has(name)) entries.set(name, { name, method, flags, compressedSize, size, localOffset });
  }
  return { bytes, entries, limits, inflated: 0 };
}

/** An entry's bytes as stored in the archive (compressed), after the same checks readEntry makes. */
export function storedBytes(zip: ZipArchive, entry: ZipEntry): Uint8Array {
  const b = zip.bytes;
  const o = entry.localOffset;
  if (o + 30 > b.length || u32(b, o) !== LOC_SIG) throw new XlsxError('truncated', CORRUPT);
  const start = o + 30 + u16(b, o + 26) + u16(b, o + 28);
  const end = start + entry.compressedSize;
  if (end > b.length) throw new XlsxError('truncated', CORRUPT);
  return b.subarray(start, end);
}

/** Count `n` inflated bytes against the archive's budget (what readEntry does after inflating). */
export function chargeInflated(zip: ZipArchive, n: number): void {
  zip.inflated += n;
  if (zip.inflated > zip.limits.maxTotalBytes) {
    throw new XlsxError('bomb', 'Tệp nén bất thường: tổng dung lượng giải nén quá lớn (có thể là tệp độc hại) – không đọc.');
  }
}

/**
 * Inflate one entry. Real output is capped at the declared size + 1 and at the archive's remaining budget.
 * `transient`: the bytes may be overwritten by the next transient read (for callers that decode them at once).
 */
export function readEntry(zip: ZipArchive, entry: ZipEntry, transient = false): Uint8Array {
  const data = storedBytes(zip, entry);
  const budget = zip.limits.maxTotalBytes - zip.inflated;
  let out: Uint8Array;
  if (entry.method === 0) {
    out = data;
  } else if (entry.method === 8) {
    const cap = Math.min(entry.size + 1, zip.limits.maxEntryBytes + 1, budget + 1);
    try {
      // One output chunk the size of the entry (+1): no 16 KB buffer per small part, no concatenation of chunks.
      out = inflateRawCapped(data, Math.max(1, cap), Math.min(Math.max(64, cap), MAX_CHUNK), transient);
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
        throw new XlsxError(
          'bomb',
          `Tệp nén bất thường: "${entry.name.slice(0, 80)}" giải nén ra nhiều hơn khai báo (có thể là tệp độc hại) – không đọc.`,
        );
      }
      throw new XlsxError('truncated', CORRUPT);
    }
  } else {
    throw new XlsxError('zip-unsupported', `Kiểu nén ${entry.method} không được hỗ trợ. Hãy mở bằng Excel, Lưu lại rồi gửi lại.`);
  }
  if (out.length !== entry.size) {
    throw new XlsxError('bomb', `Tệp nén bất thường: kích thước thật của "${entry.name.slice(0, 80)}" khác khai báo – không đọc.`);
  }
  chargeInflated(zip, out.length);
  return out;
}

/** UTF-8 text of an entry's bytes (bad sequences become U+FFFD). */
export const decodeUtf8 = (bytes: Uint8Array): string => utf8.decode(bytes);

/** Inflate every entry once (bytes discarded) so real sizes are checked before a library that trusts them. */
export function verifyAllEntries(zip: ZipArchive): void {
  const probe: ZipArchive = { ...zip, inflated: 0 };
  for (const e of zip.entries.values()) readEntry(probe, e);
}
