// The plain text of a Word 97–2003 .doc through word-extractor's OLE reader (the document body: the header block of
// a plan is a table there). Cell ends come out as tabs and paragraph marks as new lines; read-document normalises
// both. A .doc saved with a password (FIB flag fEncrypted) is refused before its scrambled text is read as words.
import { createRequire } from 'node:module';

interface WordExtractorDocument {
  getBody(options?: { filterUnicode?: boolean }): string;
}
interface Reader {
  open(): Promise<unknown>;
  close(): Promise<unknown> | void;
}
type OleExtractorClass = new () => {
  extract(reader: Reader): Promise<WordExtractorDocument>;
  extractWordDocument(document: unknown, fib: Buffer): Promise<WordExtractorDocument>;
};

const requireWordExtractor = createRequire(import.meta.url);

/** Thrown for a password-protected .doc. */
export class EncryptedWordDoc extends Error {}

/** FIB base: wIdent 0xA5EC at 0; flags at 0x0A, bit 0x0100 = fEncrypted. */
function isEncryptedFib(fib: Buffer): boolean {
  return fib.length >= 12 && (fib.readUInt16LE(0x0a) & 0x0100) !== 0;
}

export async function wordDocText(bytes: Uint8Array): Promise<string> {
  const WordOleExtractor = requireWordExtractor('word-extractor/lib/word-ole-extractor') as OleExtractorClass;
  const BufferReader = requireWordExtractor('word-extractor/lib/buffer-reader') as new (b: Buffer) => Reader;
  class Checked extends WordOleExtractor {
    override extractWordDocument(document: unknown, fib: Buffer): Promise<WordExtractorDocument> {
      if (isEncryptedFib(fib)) return Promise.reject(new EncryptedWordDoc('encrypted'));
      return super.extractWordDocument(document, fib);
    }
  }
  const reader = new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  await reader.open();
  try {
    return (await new Checked().extract(reader)).getBody();
  } finally {
    await reader.close();
  }
}
