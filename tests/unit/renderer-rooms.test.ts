// Renderer rooms, enforced: components/ui/ holds primitives that never call the backend; each page's panels live
// in its own folder pages/<page>/ and are used by that page only; shared panels live in components/.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../helpers/source-files';

const root = join(__dirname, '..', '..', 'src-renderer');
const files = sourceFiles(root, /\.(ts|svelte)$/);
const rel = (p: string) => relative(root, p).split('\\').join('/');

/** Every relative import of a file, as paths relative to src-renderer (extension-less when written so). */
function importsOf(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [...src.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => rel(resolve(dirname(file), m[1] ?? '')));
}

describe('renderer rooms', () => {
  it('ui primitives never reach the backend nor a page or a panel', () => {
    const bad: string[] = [];
    for (const f of files.filter((p) => rel(p).startsWith('components/ui/'))) {
      for (const target of importsOf(f)) {
        if (
          target === 'lib/rpc' ||
          target.startsWith('pages/') ||
          (target.startsWith('components/') && !target.startsWith('components/ui/'))
        ) {
          bad.push(`${rel(f)} -> ${target}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it("a page's panels are used by that page only", () => {
    const bad: string[] = [];
    for (const f of files) {
      const from = rel(f);
      for (const target of importsOf(f)) {
        const page = /^pages\/([^/]+)\//.exec(target)?.[1];
        if (!page) continue;
        const sameFolder = from.startsWith(`pages/${page}/`);
        const appOpensPage = from === 'App.svelte' && /Page\.svelte$/.test(target);
        if (!sameFolder && !appOpensPage) bad.push(`${from} -> ${target}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('pages are folders, and no panel is left loose in components/', () => {
    const loosePages = files.map(rel).filter((p) => /^pages\/[^/]+$/.test(p));
    expect(loosePages).toEqual([]);
    // A shared panel in components/ must be used by at least two pages' folders or by the app shell.
    const users = new Map<string, Set<string>>();
    for (const f of files) {
      for (const t of importsOf(f)) {
        if (!/^components\/[^/]+\.svelte$/.test(t)) continue;
        const where = /^pages\/([^/]+)\//.exec(rel(f))?.[1] ?? (rel(f).startsWith('components/') ? `shared:${rel(f)}` : 'app');
        users.set(t, (users.get(t) ?? new Set()).add(where));
      }
    }
    const single = [...users]
      .filter(([, w]) => w.size < 2 && !w.has('app') && ![...w].some((x) => x.startsWith('shared:')))
      .map(([t, w]) => `${t} used only by ${[...w]}`);
    expect(single).toEqual([]);
  });
});
