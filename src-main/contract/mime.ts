// The media types of every file the app hands out or stores, by extension: the one place these strings are written
// (FileOut.mime, stored documents, the platform's save dialog).
export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  pdf: 'application/pdf',
  zip: 'application/zip',
  txt: 'text/plain; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
} as const;

/** The media type for a file name by its extension; unknown extensions are plain bytes. */
export function mimeOfName(name: string): string {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return (MIME as Record<string, string>)[ext === 'jpeg' ? 'jpg' : ext] ?? 'application/octet-stream';
}
