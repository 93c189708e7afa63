// PDF pre-flight before pdf.js: every Flate-compressed stream is inflated once here with a hard output cap, so a
// small file whose streams inflate to gigabytes (a PDF bomb) is refused before any parser allocates for it.
import { constants as zc, inflateSync } from 'node:zlib';

interface PdfStreamLimits {
  /** Largest inflated stream (page content, font, object stream; images of a text PDF are JPEG, not Flate). */
  maxStreamBytes: number;
  /** Largest total inflated across all streams. */
  maxTotalBytes: number;
}

const PDF_STREAM_LIMITS: PdfStreamLimits = { maxStreamBytes: 64 * 1024 * 1024, maxTotalBytes: 256 * 1024 * 1024 };

/**
 * True when every Flate stream inflates within the caps. Linear: one pass over "stream" keywords, each stream
 * inflated once. Streams that fail to inflate (damaged, truncated) are left for pdf.js to judge; only size counts.
 */
export function checkPdfStreams(bytes: Uint8Array, limits: PdfStreamLimits = PDF_STREAM_LIMITS): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  let pos = 0;
  for (;;) {
    const kw = buf.indexOf('stream', pos, 'latin1');
    if (kw < 0) return true;
    pos = kw + 6;
    if (buf[kw - 1] === 0x64 /* "endstream" */) continue;
    let start = kw + 6;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    else if (start === kw + 6) continue; // "stream" not followed by an end of line: not a stream keyword
    const end = buf.indexOf('endstream', start, 'latin1');
    const stop = end < 0 ? buf.length : end;
    const dictFrom = Math.max(0, kw - 2048);
    const dict = buf.toString('latin1', dictFrom, kw);
    const objAt = dict.lastIndexOf(' obj');
    const head = objAt >= 0 ? dict.slice(objAt) : dict;
    if (/\/(?:FlateDecode|Fl)\b/.test(head)) {
      const room = Math.min(limits.maxStreamBytes, limits.maxTotalBytes - total);
      const out = inflateCapped(buf.subarray(start, stop), room + 1);
      if (out === null) return false;
      total += out;
      if (total > limits.maxTotalBytes) return false;
    }
    pos = end < 0 ? buf.length : end + 9;
  }
}

/** Inflated length, capped at `cap` (null when the cap is reached); damaged data counts as 0. */
function inflateCapped(data: Uint8Array, cap: number): number | null {
  try {
    const out = inflateSync(data, { maxOutputLength: Math.max(1, cap), finishFlush: zc.Z_SYNC_FLUSH });
    return out.length >= cap ? null : out.length;
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) return null;
    return 0;
  }
}
