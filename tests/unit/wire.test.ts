// The browser-mode wire format: bytes round-trip as {"$b64"}, a "__proto__" key never survives (also written with
// \u escapes), and large payloads without either take the plain JSON path with the same result (issue #17).
import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from '../../src-main/contract/wire';

describe('wire format', () => {
  it('round-trips bytes at any depth, and plain data unchanged', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const value = { a: [1, 'Đoàn', null, { deep: [{ file: bytes }] }], b: { c: 1.5 } };
    const back = decodeWire(encodeWire(value)) as typeof value;
    expect(back.a[3]).toEqual({ deep: [{ file: bytes }] });
    expect((back.a[3] as { deep: { file: Uint8Array }[] }).deep[0]!.file).toBeInstanceOf(Uint8Array);
    const plain = { rows: Array.from({ length: 50 }, (_, i) => ({ id: i, v: i % 3 ? i / 7 : null, s: `Công đoàn ${i}` })) };
    expect(encodeWire(plain)).toBe(JSON.stringify(plain));
    expect(decodeWire(encodeWire(plain))).toEqual(plain);
  });

  it('drops "__proto__" keys however they are written', () => {
    for (const text of ['{"a":1,"__proto__":{"x":1}}', '{"a":1,"__pr\\u006fto__":{"x":1}}', '{"a":{"\\u005f_proto__":{"x":1}}}']) {
      const v = decodeWire(text) as Record<string, unknown>;
      expect(JSON.stringify(v), text).not.toMatch(/proto|"x"/);
      expect(({} as { x?: number }).x).toBeUndefined();
    }
  });

  it('reads bytes whose key is written with escapes', () => {
    const v = decodeWire('{"f":{"\\u0024b64":"AAEC"}}') as { f: Uint8Array };
    expect(v.f).toEqual(new Uint8Array([0, 1, 2]));
  });
});
