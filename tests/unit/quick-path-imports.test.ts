// What a quick call loads (issue #17, CLI start ≤ 0.3 s): the CLI's own modules reach no feature module, no reader or
// writer and no other package than SQLite and zod; each room's feature module is imported at its first call
// (rpc/rooms.ts). The units room, which `units list` loads, reaches no exporter, no outside-file reader and no checks.
// A static import added on these paths fails here, before it slows every start.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(new URL('../../', import.meta.url).pathname);

/** Every module a file loads with its static imports (not `import type`, not `import()`), and the packages among them
 *  (imported, or required at load through createRequire, as db/sqlite-driver.ts loads SQLite). */
function staticClosure(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [resolve(root, entry)];
  while (todo.length) {
    const file = todo.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
      const spec = m[1] as string;
      if (!spec.startsWith('.')) {
        packages.add(spec.startsWith('node:') ? 'node:' : spec);
        continue;
      }
      const base = resolve(dirname(file), spec);
      const found = [`${base}.ts`, `${base}/index.ts`].find((f) => existsSync(f));
      if (found) todo.push(found);
    }
    for (const m of src.matchAll(/createRequire\([^)]*\)\(\s*['"]([^'"]+)['"]\s*\)/g)) packages.add(m[1] as string);
  }
  return { files: [...files].map((f) => relative(root, f)).sort(), packages: [...packages].sort() };
}

describe('what a quick call loads', () => {
  it('the CLI reaches no feature module, no reader or writer, and no package but SQLite and zod', () => {
    const { files, packages } = staticClosure('src-main/cli.ts');
    expect(files).toContain('src-main/rpc/dispatch.ts'); // the walk follows the CLI's imports
    expect(files.filter((f) => /^src-main\/(features|excel|docs|checks|gate)\//.test(f))).toEqual([]);
    expect(files).not.toContain('src-main/contract/index.ts'); // every room's schemas: loaded per room instead
    expect(packages).toEqual(['better-sqlite3', 'node:', 'zod']);
  });

  it('the units room reaches no exporter, no outside-file reader and no value checks', () => {
    const { files, packages } = staticClosure('src-main/features/units.ts');
    expect(files).toContain('src-main/features/units-import.ts');
    const heavy = files.filter(
      (f) =>
        /^src-main\/(excel|docs|checks)\//.test(f) ||
        ['src-main/features/file-jobs.ts', 'src-main/gate/jobs.ts', 'src-main/features/checks-off-thread.ts'].includes(f),
    );
    expect(heavy).toEqual([]);
    expect(packages).toEqual(['better-sqlite3', 'node:', 'zod']);
  });
});
