// A minimal ZIP writer (pure) for the files we write: stamped templates (entries deflated ahead of time are written as
// they are, so a workbook of which only one or two parts change per unit is not compressed again), the warm-up
// samples, and every exceljs workbook (excel/xlsx-bytes.ts). Deflate and CRC-32 by node:zlib (native).
import { crc32 as zlibCrc32, deflateRawSync } from 'node:zlib';

export interface PackedEntry {
  name: Uint8Array;
  crc: number;
  size: number;
  data: Uint8Array;
  method: 0 | 8;
}

/** CRC-32 of the bytes (ZIP's, IEEE): node:zlib's native one (Node ≥ 20.15; Electron's Node has it too). */
export function crc32(bytes: Uint8Array): number {
  return zlibCrc32(bytes) >>> 0;
}

const enc = new TextEncoder();

/** Deflate one entry's bytes (level 6, like Excel; 1 for speed; 0 stored as is) and remember its CRC and size. */
export function packEntry(name: string, bytes: Uint8Array, level: 0 | 1 | 6 = 6): PackedEntry {
  const data = level === 0 ? bytes : new Uint8Array(deflateRawSync(bytes, { level }));
  return { name: enc.encode(name), crc: crc32(bytes), size: bytes.length, data, method: level === 0 ? 0 : 8 };
}

// 2026-01-01 00:00 in DOS time/date: stable bytes for the same input.
const DOS_TIME = 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;

/** The ZIP file of these entries, in this order (names UTF-8, flag bit 11). */
export function writeZip(entries: PackedEntry[]): Uint8Array {
  let total = 22;
  for (const e of entries) total += 30 + e.name.length + e.data.length + 46 + e.name.length;
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  let o = 0;
  const offsets: number[] = [];
  const header = (at: number, e: PackedEntry, central: boolean): number => {
    let p = at;
    dv.setUint32(p, central ? 0x02014b50 : 0x04034b50, true);
    p += 4;
    if (central) {
      dv.setUint16(p, 20, true);
      p += 2;
    }
    dv.setUint16(p, 20, true);
    dv.setUint16(p + 2, 0x0800, true);
    dv.setUint16(p + 4, e.method, true);
    dv.setUint16(p + 6, DOS_TIME, true);
    dv.setUint16(p + 8, DOS_DATE, true);
    dv.setUint32(p + 10, e.crc, true);
    dv.setUint32(p + 14, e.data.length, true);
    dv.setUint32(p + 18, e.size, true);
    dv.setUint16(p + 22, e.name.length, true);
    dv.setUint16(p + 24, 0, true);
    p += 26;
    return p;
  };
  for (const e of entries) {
    offsets.push(o);
    o = header(o, e, false);
    out.set(e.name, o);
    o += e.name.length;
    out.set(e.data, o);
    o += e.data.length;
  }
  const cdStart = o;
  entries.forEach((e, i) => {
    o = header(o, e, true);
    // comment length, disk number, internal attrs, external attrs, local header offset
    dv.setUint16(o, 0, true);
    dv.setUint16(o + 2, 0, true);
    dv.setUint16(o + 4, 0, true);
    dv.setUint32(o + 6, 0, true);
    dv.setUint32(o + 10, offsets[i]!, true);
    o += 14;
    out.set(e.name, o);
    o += e.name.length;
  });
  dv.setUint32(o, 0x06054b50, true);
  dv.setUint16(o + 4, 0, true);
  dv.setUint16(o + 6, 0, true);
  dv.setUint16(o + 8, entries.length, true);
  dv.setUint16(o + 10, entries.length, true);
  dv.setUint32(o + 12, o - cdStart, true);
  dv.setUint32(o + 16, cdStart, true);
  dv.setUint16(o + 20, 0, true);
  return out;
}
