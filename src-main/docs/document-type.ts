// The types a stored source document may have, judged by its content (never its name), and the file name it is
// stored and opened under: the extension always matches the content, so nothing Windows would run (.exe, .hta,
// .cmd, "ke-hoach.pdf.exe") is ever handed to the system's "open".
import { sniff } from '../bytes/file-sniff';
import { MIME } from '../contract/mime';

type DocumentExt = 'pdf' | 'docx' | 'doc' | 'txt' | 'png' | 'jpg';

export const DOCUMENT_MIME: Record<DocumentExt, string> = {
  pdf: MIME.pdf,
  docx: MIME.docx,
  doc: MIME.doc,
  txt: MIME.txt,
  png: MIME.png,
  jpg: MIME.jpg,
};

/** Extensions a stored document may be opened with (the platform's last check before the system viewer). */
export const OPENABLE_EXTENSIONS: readonly string[] = Object.keys(DOCUMENT_MIME);

export const DOCUMENT_TYPES_TEXT = '.pdf, .docx, .doc, .txt hoặc ảnh .png/.jpg';

/** The document type of these bytes, or null when they are none of the types we keep. */
export function documentExt(bytes: Uint8Array): DocumentExt | null {
  switch (sniff(bytes)) {
    case 'png':
      return 'png';
    case 'jpg':
      return 'jpg';
    case 'pdf':
      return 'pdf';
    case 'docx':
      return 'docx';
    case 'doc':
      return 'doc';
    case 'text':
      return bytes.byteLength > 0 ? 'txt' : null;
    default:
      return null;
  }
}

/** `name` with its extension replaced by the content's own: "ke-hoach.pdf.exe" (a PDF) → "ke-hoach.pdf", "chay.cmd" → "chay.txt". */
export function documentName(name: string, ext: DocumentExt): string {
  let base = name
    .normalize('NFC')
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_')
    .trim();
  base = base.replace(/\.[A-Za-z][A-Za-z0-9]{0,5}$/, '');
  if (base.toLowerCase().endsWith(`.${ext}`)) base = base.slice(0, -ext.length - 1);
  base = base.replace(/[.\s]+$/, '') || 'van-ban';
  return `${base}.${ext}`;
}
