// UTF-8 bytes to text for large parts of mostly non-ASCII text (sharedStrings.xml of Vietnamese narrative): ICU's
// converter (buffer.transcode) decodes such text several times faster than V8's UTF-8 decoder. Only bytes that are
// valid UTF-8 are decoded here (where every decoder gives the same text); for others the caller keeps its own way.
import { isUtf8, transcode } from 'node:buffer';

/** Whether this runtime's transcode works (Node built without ICU throws). Checked once. */
const icu: boolean = ((): boolean => {
  try {
    return transcode(Buffer.from('Đ', 'utf8'), 'utf8', 'utf16le').toString('utf16le') === 'Đ';
  } catch {
    return false;
  }
})();

/**
 * The text of `bytes` when they are valid UTF-8 (exactly Buffer#toString('utf8') of them: a leading byte-order mark
 * is kept), else null.
 */
export function validUtf8Text(bytes: Uint8Array): string | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUtf8(buf)) return null;
  if (icu) {
    try {
      return transcode(buf, 'utf8', 'utf16le').toString('utf16le');
    } catch {
      // the plain decoder below
    }
  }
  return buf.toString('utf8');
}
