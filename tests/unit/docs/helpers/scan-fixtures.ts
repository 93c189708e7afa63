// Scanned plan fixtures made at test time: a page of a text PDF rendered to PNG/JPEG with pdftoppm (poppler), and
// a JPEG wrapped in an image-only PDF (what a scanner produces: no text layer). Tests skip when pdftoppm is absent.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function hasPdftoppm(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Page 1 of `pdf` as an image at `dpi`. */
export function renderPage(pdf: string, format: 'png' | 'jpeg', dpi = 150): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'danvan-scan-'));
  try {
    execFileSync('pdftoppm', [`-${format}`, '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, 'page')]);
    return new Uint8Array(readFileSync(join(dir, `page.${format === 'png' ? 'png' : 'jpg'}`)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An A4 PDF whose pages are only these JPEGs (each drawn full page), no text. */
export function jpegPdf(pages: { jpeg: Uint8Array; width: number; height: number }[]): Uint8Array {
  const parts: (string | Uint8Array)[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (p: string | Uint8Array): void => {
    parts.push(p);
    length += typeof p === 'string' ? Buffer.byteLength(p, 'latin1') : p.length;
  };
  const n = pages.length;
  const obj = (id: number, body: (string | Uint8Array)[]): void => {
    offsets[id] = length;
    push(`${id} 0 obj\n`);
    for (const b of body) push(b);
    push('\nendobj\n');
  };
  push('%PDF-1.4\n');
  obj(1, ['<< /Type /Catalog /Pages 2 0 R >>']);
  obj(2, [`<< /Type /Pages /Count ${n} /Kids [${pages.map((_, i) => `${3 + i * 3} 0 R`).join(' ')}] >>`]);
  pages.forEach((p, i) => {
    const page = 3 + i * 3;
    const content = 'q 595 0 0 842 0 0 cm /Im1 Do Q';
    obj(page, [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 ${page + 1} 0 R >> >> /Contents ${page + 2} 0 R >>`,
    ]);
    obj(page + 1, [
      `<< /Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${p.jpeg.length} >>\nstream\n`,
      p.jpeg,
      '\nendstream',
    ]);
    obj(page + 2, [`<< /Length ${content.length} >>\nstream\n${content}\nendstream`]);
  });
  const xref = length;
  const size = 3 + n * 3;
  let tail = `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let id = 1; id < size; id++) tail += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  tail += `trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  push(tail);
  return new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p)))));
}
