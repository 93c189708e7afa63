// The desktop app warms the whole import path at start: the built-in samples go through the real one-pass import
// (analysis, value checks, commit) into a throwaway file, which is removed after; the user's data is not touched.
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { warmImportPath } from '../../src-main/runtime/warm-import';

const warmDirs = () => readdirSync(tmpdir()).filter((n) => n.startsWith('danvan-warm-'));

describe('warming the import path', () => {
  it('imports every sample (so analysis and commit both run) and leaves nothing behind', async () => {
    const before = warmDirs();
    expect(await warmImportPath(12, 5)).toBe(12); // in three batches
    expect(warmDirs()).toEqual(before);
  }, 60_000);
});
