// The main build bundles many modules into one chunk: a module-level `const require = createRequire(...)` collides
// with the bundler's own `require` shim ("Identifier 'require' has already been declared": the built app and CLI
// fail to start). Such bindings get their own names (requireMammoth, requireOcr...).
import { sourceFiles } from '../helpers/source-files';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../src-main/', import.meta.url));

describe('src-main modules', () => {
  it('declare no module-level binding named `require`', () => {
    const offenders = sourceFiles(root).filter((f) => /^(?:export\s+)?(?:const|let|var)\s+require\b/m.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
