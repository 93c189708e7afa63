// Which font files the PDF embeds: Times New Roman from C:\Windows\Fonts when all four faces are there, else the
// shipped metric-compatible Tinos (resources/fonts, OFL 1.1). Files are read once per process.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PdfInputError } from './xml';

export type Face = 'R' | 'B' | 'I' | 'BI';
export type FontFiles = Record<Face, string>;

const TINOS: FontFiles = { R: 'Tinos-Regular.ttf', B: 'Tinos-Bold.ttf', I: 'Tinos-Italic.ttf', BI: 'Tinos-BoldItalic.ttf' };
const TIMES: FontFiles = { R: 'times.ttf', B: 'timesbd.ttf', I: 'timesi.ttf', BI: 'timesbi.ttf' };

export const faceOf = (bold: boolean, italic: boolean): Face => (bold ? (italic ? 'BI' : 'B') : italic ? 'I' : 'R');

const inDir = (dir: string, names: FontFiles): FontFiles | null => {
  const full = Object.fromEntries(Object.entries(names).map(([k, v]) => [k, join(dir, v)])) as FontFiles;
  return Object.values(full).every((p) => existsSync(p)) ? full : null;
};

/** Folders that may hold the shipped fonts: the packaged app's resources, then the source tree upwards. */
function shippedFontDirs(here: string = import.meta.url, env: NodeJS.ProcessEnv = process.env): string[] {
  const dirs: string[] = [];
  if (env.DANVAN_FONTS_DIR) dirs.push(env.DANVAN_FONTS_DIR);
  const res = (process as { resourcesPath?: string }).resourcesPath;
  if (res) dirs.push(join(res, 'fonts'), join(res, 'resources', 'fonts'));
  let d = here.startsWith('file:') ? dirname(fileURLToPath(here)) : dirname(here);
  for (let k = 0; k < 6; k++) {
    dirs.push(join(d, 'resources', 'fonts'));
    d = dirname(d);
  }
  return dirs;
}

/** The four faces to embed; `windowsFonts` is C:\Windows\Fonts on Windows (tests pass their own). */
export function findFonts(opts: { windowsFonts?: string | null; shippedDirs?: string[] } = {}): FontFiles {
  const win =
    opts.windowsFonts !== undefined
      ? opts.windowsFonts
      : process.platform === 'win32'
        ? join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts')
        : null;
  const times = win ? inDir(win, TIMES) : null;
  if (times) return times;
  for (const dir of opts.shippedDirs ?? shippedFontDirs()) {
    const tinos = inDir(dir, TINOS);
    if (tinos) return tinos;
  }
  throw new PdfInputError('Không tìm thấy phông chữ để tạo PDF (thư mục fonts của ứng dụng bị thiếu). Hãy cài lại ứng dụng.');
}

const cache = new Map<string, Buffer>();

export function fontBytes(path: string): Buffer {
  let b = cache.get(path);
  if (!b) {
    b = readFileSync(path);
    cache.set(path, b);
  }
  return b;
}
