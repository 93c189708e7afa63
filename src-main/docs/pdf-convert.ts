// .docx/.xlsx → PDF through LibreOffice when it is installed (headless, throw-away profile, time limit);
// otherwise a clear Vietnamese error telling the user to open the file and "Lưu thành PDF".
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../contract/errors';

export const PDF_TIMEOUT_MS = 120_000;

const WINDOWS_PATHS = [
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
];

/** Path of soffice/libreoffice on PATH (or the usual Windows install folders), or null. */
export function findOffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const dir of (env.PATH ?? env.Path ?? '').split(delimiter).filter(Boolean)) {
    for (const n of names) if (existsSync(join(dir, n))) return join(dir, n);
  }
  if (process.platform === 'win32') return WINDOWS_PATHS.find((p) => existsSync(p)) ?? null;
  return null;
}

export function noOfficeError(kind: 'docx' | 'xlsx'): AppError {
  const app = kind === 'docx' ? 'Word' : 'Excel';
  return new AppError(
    'not_found',
    `Máy chưa cài LibreOffice nên không tự chuyển sang PDF được. Hãy xuất tệp ${app} (.${kind}), mở bằng ${app} rồi chọn ` +
      '"Tệp" > "Lưu thành" > PDF (hoặc "Lưu thành PDF").',
  );
}

/** Convert one document; `office` overrides the detected LibreOffice (tests). */
export async function convertToPdf(bytes: Uint8Array, kind: 'docx' | 'xlsx', office: string | null = findOffice(), timeoutMs = PDF_TIMEOUT_MS): Promise<Uint8Array> {
  if (!office) throw noOfficeError(kind);
  const dir = mkdtempSync(join(tmpdir(), 'danvan-pdf-'));
  try {
    const input = join(dir, `bao-cao.${kind}`);
    writeFileSync(input, bytes);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    await new Promise<void>((resolve, reject) => {
      execFile(
        office,
        [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input],
        { timeout: timeoutMs, windowsHide: true },
        (err) => (err ? reject(err) : resolve()),
      );
    }).catch((e: unknown) => {
      const timedOut = (e as { killed?: boolean }).killed === true;
      throw new AppError(
        'internal',
        timedOut
          ? 'LibreOffice chuyển sang PDF quá lâu nên đã dừng. Hãy mở tệp và chọn "Lưu thành PDF".'
          : 'LibreOffice không chuyển được tệp sang PDF. Hãy mở tệp và chọn "Lưu thành PDF".',
      );
    });
    const pdf = join(dir, 'bao-cao.pdf');
    if (!existsSync(pdf)) throw new AppError('internal', 'LibreOffice không tạo ra tệp PDF. Hãy mở tệp và chọn "Lưu thành PDF".');
    return new Uint8Array(readFileSync(pdf));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
