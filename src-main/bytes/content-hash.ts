// SHA-256 of a file's bytes: the identity of a stored document and of an imported report (same bytes twice is a
// no-op). No database access, so the parse workers can hash the files they read.
import { createHash } from 'node:crypto';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
