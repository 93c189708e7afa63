// Test-time only: which renderers are here (LibreOffice and poppler render documents in tests; the app never needs
// them). Tests that need one skip with a message when it is missing.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Full path of a command found on PATH, or null. */
export function whichCommand(names: readonly string[], env: NodeJS.ProcessEnv = process.env): string | null {
  for (const dir of (env.PATH ?? env.Path ?? '').split(delimiter).filter(Boolean)) {
    for (const n of names) if (existsSync(join(dir, n))) return join(dir, n);
  }
  return null;
}

/** Is this command on PATH? */
export const onPath = (cmd: string): boolean => whichCommand(process.platform === 'win32' ? [`${cmd}.exe`, `${cmd}.com`] : [cmd]) !== null;

/** Path of soffice/libreoffice on PATH, or null. */
export function findOffice(env: NodeJS.ProcessEnv = process.env): string | null {
  return whichCommand(process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'], env);
}
