// Test-time only: where LibreOffice is (it renders documents in tests; the app never needs it).
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Path of soffice/libreoffice on PATH, or null (tests that need it skip with a message). */
export function findOffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const dir of (env.PATH ?? env.Path ?? '').split(delimiter).filter(Boolean)) {
    for (const n of names) if (existsSync(join(dir, n))) return join(dir, n);
  }
  return null;
}
