// The main build bundles many modules into one chunk: a module-level `const require = createRequire(...)` collides
// with the bundler's own `require` shim ("Identifier 'require' has already been declared": the built app and CLI
// fail to start). Such bindings get their own names (requireMammoth, requireOcr...).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../src-main/', import.meta.url));
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(n) ? [p] : [];
  });
}

describe('src-main modules', () => {
  it('declare no module-level binding named `require`', () => {
    const offenders = files(root).filter((f) => /^(?:export\s+)?(?:const|let|var)\s+require\b/m.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
