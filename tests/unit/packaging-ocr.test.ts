// The installer must ship what offline OCR needs as real files (asarUnpack): tesseract.js's worker script, its wasm
// core, the Vietnamese language data and every module the worker script requires (taken from tesseract.js's own
// package.json, so a new dependency of theirs fails here before it fails on a user's PC).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const yml = readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8');
/** The `asarUnpack:` list: its "  - pattern" lines up to the next top-level key (comments skipped). */
const block = /^asarUnpack:\n((?:[ \t]+.*\n|\n)*)/m.exec(yml)?.[1] ?? '';
const config = { asarUnpack: [...block.matchAll(/^\s+-\s+"?([^"\n]+?)"?\s*$/gm)].map((m) => m[1] as string) };
const unpacked = (mod: string): boolean => config.asarUnpack.includes(`node_modules/${mod}/**`);

/** Browser-only or install-time dependencies the Node worker never loads. */
const NOT_IN_NODE_WORKER = new Set(['idb-keyval', 'opencollective-postinstall']);

describe('electron-builder.yml unpacks OCR', () => {
  it('unpacks tesseract.js, its core, the Vietnamese data and the native canvas pdf.js renders scans with', () => {
    for (const m of ['tesseract.js', 'tesseract.js-core', '@tesseract.js-data/vie']) expect(unpacked(m), m).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('unpacks every module the tesseract worker script may require, and theirs', () => {
    const deps = Object.keys((require('tesseract.js/package.json') as { dependencies: Record<string, string> }).dependencies).filter(
      (d) => !NOT_IN_NODE_WORKER.has(d),
    );
    const all = new Set<string>();
    const walk = (name: string): void => {
      if (all.has(name)) return;
      all.add(name);
      const pkg = require(`${name}/package.json`) as { dependencies?: Record<string, string> };
      for (const d of Object.keys(pkg.dependencies ?? {})) walk(d);
    };
    deps.forEach(walk);
    expect([...all].filter((m) => !unpacked(m))).toEqual([]);
  });
});
