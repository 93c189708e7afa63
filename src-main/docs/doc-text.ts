// The plain text of a Word 97–2003 .doc through word-extractor (the document body: the header block of a plan
// is a table there). Cell ends come out as tabs and paragraph marks as new lines; read-document normalises both.
import { createRequire } from 'node:module';

interface WordExtractorDocument {
  getBody(options?: { filterUnicode?: boolean }): string;
}
type WordExtractorClass = new () => { extract(source: Buffer): Promise<WordExtractorDocument> };

const require = createRequire(import.meta.url);

export async function wordDocText(bytes: Uint8Array): Promise<string> {
  const WordExtractor = require('word-extractor') as WordExtractorClass;
  const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return doc.getBody();
}
