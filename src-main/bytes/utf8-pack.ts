// Strings packed as UTF-8 into one buffer with their end offsets: cheap to move between threads (the buffer is
// transferred, not copied) and stored by SQLite as they are (its text is UTF-8), decoded only when read.

export interface PackedUtf8 {
  bytes: Uint8Array;
  /** Where each string ends (byte offsets into `bytes`, in order; the first starts at 0). */
  ends: Uint32Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function packUtf8(strings: readonly string[]): PackedUtf8 {
  // UTF-8 needs at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for 2 units)
  const bytes = new Uint8Array(strings.reduce((n, s) => n + s.length * 3, 0));
  const ends = new Uint32Array(strings.length);
  let at = 0;
  strings.forEach((s, i) => {
    at += encoder.encodeInto(s, bytes.subarray(at)).written;
    ends[i] = at;
  });
  return { bytes: bytes.slice(0, at), ends };
}

/** Each string's UTF-8 bytes as a view into the buffer (no copy), in order. */
export function packedViews(p: PackedUtf8): Uint8Array[] {
  const out: Uint8Array[] = [];
  let from = 0;
  for (const end of p.ends) {
    out.push(p.bytes.subarray(from, end));
    from = end;
  }
  return out;
}

export const unpackUtf8 = (p: PackedUtf8): string[] => packedViews(p).map((v) => decoder.decode(v));
