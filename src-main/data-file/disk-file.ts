// A file named by its path (the CLI, the bench): its bytes are read from disk when first needed and let go when the
// import is done with them (`release`), so a batch of thousands of files never holds them all in memory at once.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { FileIn } from '../contract/common';

export interface DiskFile extends FileIn {
  /** Drop the bytes read so far; a later use reads the file again. */
  release(): void;
  /** True once a read failed (the file was deleted, moved or locked after it was listed): `bytes` is then empty. */
  readonly unreadable: boolean;
}

/** A file on disk as a FileIn; `lastModified` as the caller stat'ed it (the received date). */
export function diskFile(path: string, lastModified: number): DiskFile {
  let data: Uint8Array | null = null;
  let failed = false;
  return {
    name: basename(path),
    lastModified,
    get bytes(): Uint8Array {
      if (data) return data;
      try {
        data = new Uint8Array(readFileSync(path));
      } catch {
        failed = true;
        data = new Uint8Array(0);
      }
      return data;
    },
    release(): void {
      data = null;
    },
    get unreadable(): boolean {
      return failed;
    },
  };
}

/** Release a file's bytes when it is a DiskFile (files handed over as bytes are left as they are). */
export function releaseFile(f: FileIn): void {
  (f as Partial<DiskFile>).release?.();
}

/** True when `f` is a DiskFile whose read failed. */
export const unreadableFile = (f: FileIn): boolean => (f as Partial<DiskFile>).unreadable === true;
