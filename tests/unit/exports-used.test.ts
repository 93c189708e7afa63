// Every export of src-main and src-renderer is used by another file (source or test): an export used only in its own
// file is a promise of an interface nobody holds, and dead code hides behind it. A name counts as used when it stands
// as a word in any other file, so the rule can only miss a lonely export, never accuse a used one.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../helpers/source-files';

const root = join(__dirname, '..', '..');
/** Exported on purpose although no other file names them, each with its reason. */
const ALLOWED = new Map<string, string>([
  ['src-main/contract/errors.ts: ERROR_CODES', 'the one list of error codes; ErrorCode is derived from it'],
]);

function lonelyExports(): string[] {
  const files = ['src-main', 'src-renderer', 'tests']
    .flatMap((d) => sourceFiles(join(root, d), /\.(ts|mts|mjs|svelte)$/))
    .filter((f) => f !== __filename);
  const text = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
  const out: string[] = [];
  for (const f of files) {
    const rel = relative(root, f).split('\\').join('/');
    if (!/^src-(main|renderer)\//.test(rel) || !rel.endsWith('.ts')) continue;
    for (const m of text
      .get(f)!
      .matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm)) {
      const word = new RegExp(`\\b${m[1]!.replace(/\$/g, '\\$')}\\b`);
      const used = [...text].some(([g, t]) => g !== f && word.test(t));
      if (!used) out.push(`${rel}: ${m[1]}`);
    }
  }
  return out;
}

describe('exports', () => {
  it('every export is used by another file', () => {
    expect(lonelyExports().filter((e) => !ALLOWED.has(e))).toEqual([]);
  });
  it('the allowlist names only exports that are still lonely', () => {
    const lonely = new Set(lonelyExports());
    expect([...ALLOWED.keys()].filter((k) => !lonely.has(k))).toEqual([]);
  });
});
