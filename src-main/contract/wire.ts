// JSON wire format for browser mode: like JSON, but Uint8Array values travel as {"$b64": "..."}.
// Pure and dependency-free so the renderer and the Node server share it.

const B64 = '$b64';

/** Node's Buffer when present (fast path on the server); the renderer uses btoa/atob. */
interface BufferLike {
  from(data: ArrayBufferLike | string, offsetOrEncoding?: number | string, length?: number): Uint8Array & { toString(enc: string): string };
}
const NodeBuffer = (globalThis as { Buffer?: BufferLike }).Buffer;

function toBase64(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(s: string): Uint8Array {
  if (NodeBuffer) return new Uint8Array(NodeBuffer.from(s, 'base64'));
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Whether bytes are anywhere in the value (only then is the replacer needed: it slows a 5 MB payload by half). */
function hasBytes(v: unknown): boolean {
  if (v instanceof Uint8Array) return true;
  if (Array.isArray(v)) return v.some((x) => x !== null && typeof x === 'object' && hasBytes(x));
  if (v !== null && typeof v === 'object') {
    for (const k in v) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== null && typeof x === 'object' && hasBytes(x)) return true;
    }
  }
  return false;
}

export function encodeWire(value: unknown): string {
  if (!hasBytes(value)) return JSON.stringify(value);
  return JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? { [B64]: toBase64(v) } : v));
}

export function decodeWire(text: string): unknown {
  // Without a \u escape a key can only be "__proto__" or "$b64" written out: when neither appears, the reviver would
  // change nothing, and plain JSON.parse is several times faster on the large payloads (a plan's consolidation).
  if (!text.includes('\\u') && !text.includes('__proto__') && !text.includes(B64)) return JSON.parse(text);
  return JSON.parse(text, (k, v: unknown) => {
    if (k === '__proto__') return undefined; // never let a payload touch prototypes
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.length === 1 && keys[0] === B64 && typeof o[B64] === 'string') return fromBase64(o[B64]);
    }
    return v;
  });
}
