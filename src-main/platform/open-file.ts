// Opening a stored document with the system viewer: a private temp copy, then the OS default app.
import { shell } from 'electron';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { FileOut } from '../contract/common';

export function openWithSystem(file: FileOut): void {
  const dir = join(tmpdir(), 'DanVan-mo-tep');
  mkdirSync(dir, { recursive: true });
  const safeName = basename(file.name).replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_') || 'tep';
  const path = join(dir, `${Date.now()}-${safeName}`);
  writeFileSync(path, file.bytes);
  void shell.openPath(path);
}
