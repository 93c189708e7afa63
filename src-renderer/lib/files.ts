// Files in and out of the renderer as bytes: read a picked/dropped File, save a FileOut as a download.
import type { FileIn, FileOut } from '../../src-main/contract/common';

export async function toFileIn(file: File): Promise<FileIn> {
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
}
