// Test helper: every file below a folder whose name matches (the source scans of the structure tests).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function sourceFiles(dir: string, ext: RegExp = /\.ts$/): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p, ext) : ext.test(name) ? [p] : [];
  });
}
