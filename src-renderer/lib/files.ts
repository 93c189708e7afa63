// Files in and out of the renderer as bytes: read a picked/dropped File, save a FileOut as a download (and
// show what the document still lacks — its `warnings` — in a toast that stays until dismissed).
import type { FileIn, FileOut } from '../../src-main/contract/common';
import { MAX_FILE_BYTES, MAX_FILE_MB } from '../../src-main/contract/limits';
import { toasts } from './toasts.svelte';
import { joinWarnings } from './warnings';

/** Files too large to hand over (checked before reading them into memory). */
export const isTooLarge = (file: File): boolean => file.size > MAX_FILE_BYTES;

export function tooLargeMessage(names: string[]): string {
  const list =
    names
      .slice(0, 3)
      .map((n) => `"${n}"`)
      .join(', ') + (names.length > 3 ? ` và ${names.length - 3} tệp khác` : '');
  return `${names.length > 1 ? `${names.length} tệp` : 'Tệp'} ${list} lớn hơn ${MAX_FILE_MB} MB nên không được nhận. Hãy mở tệp, xoá ảnh hoặc sheet không cần thiết, lưu lại rồi chọn lại.`;
}

export async function toFileIn(file: File): Promise<FileIn> {
  if (isTooLarge(file)) throw new Error(tooLargeMessage([file.name]));
  return { name: file.name, lastModified: file.lastModified, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export function saveFile(out: FileOut): void {
  const blob = new Blob([out.bytes as BlobPart], { type: out.mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = out.name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  if (out.warnings?.length) toasts.show('info', `${out.name}: ${joinWarnings(out.warnings)}`, undefined, 0);
}
