// One raw-deflate engine per thread, reset between zip parts: inflateRawSync builds a new zlib stream, native handle and
// 32 KB window for every part. Output capped exactly as inflateRawSync's maxOutputLength; a part that fails discards the
// engine (the next part gets a new one); a runtime whose zlib internals differ uses inflateRawSync itself. Parts read
// once and dropped (decoded to text at once) may be inflated into one reused output buffer instead of a new one each.
import { constants, deflateRawSync, inflateRawSync, InflateRaw } from 'node:zlib';

/** The parts of Node's zlib binding used here (lib/zlib.js drives the same calls). */
interface NativeHandle {
  writeSync(flush: number, input: Uint8Array, inOff: number, inLen: number, out: Uint8Array, outOff: number, outLen: number): void;
  reset(): void;
  onerror: (message: string, errno: number) => void;
}

interface Engine {
  stream: InflateRaw;
  handle: NativeHandle;
  /** [avail_out, avail_in] after each write (the binding's write result). */
  state: Uint32Array;
  error: string | null;
}

/** undefined: not made yet; null: this runtime's zlib cannot be driven this way (inflateRawSync is used). */
let engine: Engine | null | undefined;

function makeEngine(): Engine | null {
  try {
    const stream = new InflateRaw();
    const inner = stream as unknown as { _handle?: Partial<NativeHandle>; _writeState?: unknown };
    const handle = inner._handle;
    const state = inner._writeState;
    if (!handle || typeof handle.writeSync !== 'function' || typeof handle.reset !== 'function') return null;
    if (!(state instanceof Uint32Array) || state.length < 2) return null;
    const e: Engine = { stream, handle: handle as NativeHandle, state, error: null };
    // zlib reports a bad stream through this callback, synchronously inside writeSync (the stream's own handler
    // would destroy the stream and emit 'error' later)
    e.handle.onerror = (message: string) => {
      e.error = message || 'zlib error';
    };
    if (works(e)) return e;
    discard(e);
    return null;
  } catch {
    return null;
  }
}

/**
 * A new engine's check on this runtime before it reads any part: a known sample comes back byte for byte (in one
 * chunk and in several), the same sample cut short fails, and the sample comes back whole again after that.
 */
function works(e: Engine): boolean {
  const text = Buffer.from('<row r="1"><c r="A1" t="s"><v>0</v></c></row> Công đoàn cơ sở '.repeat(40));
  const packed = deflateRawSync(text);
  try {
    const whole = inflateOn(e, packed, text.length + 1, text.length + 1, null);
    const chunked = inflateOn(e, packed, text.length + 1, 64, null);
    if (!Buffer.from(whole).equals(text) || !Buffer.from(chunked).equals(text)) return false;
  } catch {
    return false;
  }
  try {
    inflateOn(e, packed.subarray(0, packed.length >> 1), text.length + 1, text.length + 1, null);
    return false;
  } catch {
    if (e.error === null) return false;
  }
  try {
    // and after a failure the next part comes back whole (reset clears it)
    return Buffer.from(inflateOn(e, packed, text.length + 1, text.length + 1, null)).equals(text);
  } catch {
    return false;
  }
}

function discard(e: Engine): void {
  if (engine === e) engine = undefined;
  try {
    e.stream.close();
  } catch {
    // already closed
  }
}

/** Largest reused output buffer (readEntry's largest output chunk): bigger chunks are always new buffers. */
const MAX_SCRATCH = 1 << 20;
let scratchBuffer: Buffer | null = null;

/** The reused output buffer, at least `size` bytes (grown by doubling, never past MAX_SCRATCH). */
function scratch(size: number): Buffer {
  if (scratchBuffer === null || scratchBuffer.length < size) {
    let n = scratchBuffer === null ? 1 << 16 : scratchBuffer.length;
    while (n < size) n *= 2;
    scratchBuffer = Buffer.allocUnsafeSlow(Math.min(n, MAX_SCRATCH));
  }
  return scratchBuffer;
}

/** inflateRawSync(data, { maxOutputLength: cap, chunkSize }) done on the engine `e`; the first chunk in `first` when given. */
function inflateOn(e: Engine, data: Uint8Array, cap: number, chunkSize: number, first: Buffer | null): Uint8Array {
  e.error = null;
  e.handle.reset();
  if (e.error !== null) throw new Error(e.error);
  const chunks: Uint8Array[] = [];
  let total = 0;
  let inOff = 0;
  let inLen = data.byteLength;
  for (;;) {
    // a later chunk is never the reused buffer: more than one chunk are concatenated into a new buffer at the end
    const out = first !== null && chunks.length === 0 ? first : Buffer.allocUnsafe(chunkSize);
    e.handle.writeSync(constants.Z_FINISH, data, inOff, inLen, out, 0, chunkSize);
    if (e.error !== null) throw new Error(e.error);
    const availOut = e.state[0] ?? 0;
    const availIn = e.state[1] ?? 0;
    const have = chunkSize - availOut;
    if (have > 0) {
      total += have;
      if (total > cap) throw new RangeError(`inflated output over ${cap} bytes`);
      chunks.push(have === out.length ? out : out.subarray(0, have));
    }
    if (availOut !== 0) break;
    // the output chunk is full: go on with the input left (the stream may also have ended exactly here)
    inOff += inLen - availIn;
    inLen = availIn;
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  return chunks.length === 0 ? new Uint8Array(0) : Buffer.concat(chunks, total);
}

/** Which way parts are inflated in this thread (tests: the reused engine must be the one driven on our runtime). */
export const inflaterKind = (): 'reused' | 'inflateRawSync' | 'not yet' =>
  engine === undefined ? 'not yet' : engine === null ? 'inflateRawSync' : 'reused';

/**
 * The raw-deflate data inflated, at most `cap` bytes (more throws a RangeError, as inflateRawSync's maxOutputLength
 * does), written into output chunks of `chunkSize` bytes. Corrupt or truncated data throws an Error. `transient`: the
 * bytes may sit in a buffer that the next transient call overwrites (the caller reads them at once and keeps none).
 */
export function inflateRawCapped(data: Uint8Array, cap: number, chunkSize: number, transient = false): Uint8Array {
  if (engine === undefined) engine = makeEngine();
  const e = engine;
  if (e === null) return inflateRawSync(data, { maxOutputLength: cap, chunkSize });
  try {
    return inflateOn(e, data, cap, chunkSize, transient && chunkSize <= MAX_SCRATCH ? scratch(chunkSize) : null);
  } catch (err) {
    // a part that failed half-way leaves nothing behind for the next one
    discard(e);
    throw err;
  }
}
