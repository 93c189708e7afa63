// What document bytes really are, judged by content (not name), before any parser sees them. Zip sizes and entry
// counts are checked by the shared zip reader (excel/xlsx/zip.ts) on real inflated bytes.

type SniffedKind = 'docx' | 'zip-other' | 'pdf' | 'doc' | 'ole-other' | 'ole-encrypted' | 'rtf' | 'png' | 'jpg' | 'text' | 'binary';

export function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
}

/** Byte offset of an ASCII (or, with utf16, UTF-16LE) needle, or -1. */
export function indexOfAscii(bytes: Uint8Array, needle: string, utf16 = false, from = 0, to = bytes.length): number {
  const pat = utf16 ? [...needle].flatMap((c) => [c.charCodeAt(0), 0]) : [...needle].map((c) => c.charCodeAt(0));
  const end = Math.min(to, bytes.length) - pat.length;
  outer: for (let i = from; i <= end; i++) {
    for (let j = 0; j < pat.length; j++) if (bytes[i + j] !== pat[j]) continue outer;
    return i;
  }
  return -1;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
const ZIP = [0x50, 0x4b, 0x03, 0x04] as const;
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d] as const; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
const JPG = [0xff, 0xd8, 0xff] as const;

/** What the bytes are, judged by their content. */
export function sniff(bytes: Uint8Array): SniffedKind {
  if (startsWith(bytes, OLE)) {
    // Password-protected .docx/.xlsx are OLE containers holding an "EncryptedPackage" stream.
    if (indexOfAscii(bytes, 'EncryptedPackage', true) >= 0) return 'ole-encrypted';
    // A Word 97–2003 document keeps its text in the "WordDocument" stream (an .xls has "Workbook", a .ppt
    // "PowerPoint Document"); the name sits in the compound file's directory as UTF-16.
    return indexOfAscii(bytes, 'WordDocument', true) >= 0 ? 'doc' : 'ole-other';
  }
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, JPG)) return 'jpg';
  if (startsWith(bytes, ZIP)) {
    return indexOfAscii(bytes, 'word/document.xml') >= 0 ? 'docx' : 'zip-other';
  }
  if (indexOfAscii(bytes, '%PDF-', false, 0, 1024) >= 0 && startsWith(bytes, PDF, indexOfAscii(bytes, '%PDF-', false, 0, 1024))) {
    return 'pdf';
  }
  if (indexOfAscii(bytes, '{\\rtf', false, 0, 8) === 0) return 'rtf';
  return looksLikeText(bytes) ? 'text' : 'binary';
}

/** Text if it has a BOM, or (in its first 64 KB) no NULs and few control characters, or a UTF-16 shape. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]) || startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const n = Math.min(bytes.length, 65536);
  let nul = 0;
  let control = 0;
  let nulEven = 0;
  let nulOdd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) {
      nul++;
      if (i % 2 === 0) nulEven++;
      else nulOdd++;
    } else if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  if (nul > n / 4 && (nulEven < n / 50 || nulOdd < n / 50)) return true; // UTF-16 without BOM
  return nul === 0 && control <= n / 100;
}
