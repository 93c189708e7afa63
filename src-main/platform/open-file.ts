// Opening a stored document with the system viewer: a private temp copy, then the OS default app. Only the
// document extensions we store (docs/document-type.ts) are ever opened: never anything Windows would run.
import { shell } from 'electron';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { FileOut } from '../contract/common';
import { AppError } from '../contract/errors';
import { OPENABLE_EXTENSIONS } from '../docs/document-type';

export function openWithSystem(file: FileOut): void {
  const dir = join(tmpdir(), 'DanVan-mo-tep');
  mkdirSync(dir, { recursive: true });
  const safeName = basename(file.name).replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_') || 'tep';
  if (!OPENABLE_EXTENSIONS.includes(extname(safeName).slice(1).toLowerCase())) {
    throw new AppError('bad_file', `Không mở tệp "${safeName}": chỉ mở văn bản .pdf, .docx, .doc, .txt hoặc ảnh .png/.jpg.`);
  }
  const path = join(dir, `${Date.now()}-${safeName}`);
  writeFileSync(path, file.bytes);
  void shell.openPath(path);
}
