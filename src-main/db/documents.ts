// Documents aggregate: source files (plan documents, evidence) kept inside the database with their hash.
import { stmt, type Db } from './connection';
import { sha256 } from '../bytes/content-hash';
import { mimeOfName } from '../contract/mime';

interface StoredDocument {
  id: number;
  name: string;
  mime: string;
  size: number;
  sha256: string;
}

/** Store bytes once: the same content (by SHA-256) reuses the existing row. `knownSha256`: the bytes' hash when the caller has it. */
export function putDocument(db: Db, name: string, bytes: Uint8Array, now: string, knownSha256?: string): number {
  const hash = knownSha256 || sha256(bytes);
  const same = stmt(db, 'SELECT id FROM documents WHERE sha256 = ? AND size = ?').get(hash, bytes.byteLength) as { id: number } | undefined;
  if (same) return same.id;
  return Number(
    stmt(db, 'INSERT INTO documents (name, mime, size, sha256, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      name,
      mimeOfName(name),
      bytes.byteLength,
      hash,
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      now,
    ).lastInsertRowid,
  );
}

export function getDocumentMeta(db: Db, id: number): StoredDocument | undefined {
  return stmt(db, 'SELECT id, name, mime, size, sha256 FROM documents WHERE id = ?').get(id) as StoredDocument | undefined;
}

export function getDocumentBytes(db: Db, id: number): Uint8Array | undefined {
  const r = stmt(db, 'SELECT bytes FROM documents WHERE id = ?').get(id) as { bytes: Buffer } | undefined;
  return r ? new Uint8Array(r.bytes) : undefined;
}
