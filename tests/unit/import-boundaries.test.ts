// Architecture rule, enforced: only main.ts, preload.ts and platform/ may import 'electron'; the renderer
// imports from src-main only the pure contract/ and text/ rooms.
import { sourceFiles } from '../helpers/source-files';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;

describe('import boundaries', () => {
  it('electron is imported only by the shell and platform/', () => {
    const offenders = sourceFiles(join(root, 'src-main'), /\.ts$/)
      .map((f) => relative(root, f))
      .filter((f) => !/^src-main\/(main|preload)\.ts$|^src-main\/platform\//.test(f))
      .filter((f) => /from ['"]electron['"]/.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the renderer reaches into src-main only for contract/ and text/', () => {
    const bad: string[] = [];
    for (const f of sourceFiles(join(root, 'src-renderer'), /\.(ts|svelte)$/)) {
      for (const m of readFileSync(f, 'utf8').matchAll(/from ['"]([^'"]*src-main\/[^'"]+)['"]/g))
        if (!/src-main\/(contract|text)\//.test(m[1] ?? '')) bad.push(`${relative(root, f)}: ${m[1]}`);
    }
    expect(bad).toEqual([]);
  });
});
