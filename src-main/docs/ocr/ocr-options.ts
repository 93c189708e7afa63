// Where offline OCR finds what it needs: tesseract.js's worker script and the Vietnamese language data, resolved to
// local files (never a URL: with a file path for langPath tesseract.js reads the data from disk and fetches nothing).
// In the packaged app these folders are unpacked beside app.asar (electron-builder.yml asarUnpack).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const requireOcr = createRequire(import.meta.url);

/** A path inside app.asar as its unpacked twin (worker threads and wasm are loaded from real files). */
export function unpacked(path: string): string {
  return path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

interface OcrPaths {
  /** Folder holding vie.traineddata.gz. */
  langPath: string;
  /** tesseract.js's Node worker script. */
  workerPath: string;
  /** Folder of tesseract.js-core (its wasm builds; required by the worker script from there). */
  corePath: string;
}

export function ocrPaths(): OcrPaths {
  const dataPkg = dirname(requireOcr.resolve('@tesseract.js-data/vie/package.json'));
  const tessPkg = dirname(requireOcr.resolve('tesseract.js/package.json'));
  const corePkg = dirname(requireOcr.resolve('tesseract.js-core/package.json'));
  return {
    langPath: unpacked(join(dataPkg, '4.0.0_best_int')),
    workerPath: unpacked(join(tessPkg, 'src', 'worker-script', 'node', 'index.js')),
    corePath: unpacked(corePkg),
  };
}

/** The createWorker options: local files only, no cache written anywhere, no blob URL. */
export function ocrWorkerOptions(paths: OcrPaths = ocrPaths()) {
  return {
    langPath: paths.langPath,
    workerPath: paths.workerPath,
    corePath: paths.corePath,
    cacheMethod: 'none' as const,
    gzip: true,
    workerBlobURL: false,
  };
}

/** A Vietnamese message when the OCR files are missing (a broken install), else null. */
export function missingOcrFiles(paths: OcrPaths = ocrPaths()): string | null {
  const need = [join(paths.langPath, 'vie.traineddata.gz'), paths.workerPath, paths.corePath];
  return need.every((p) => existsSync(p))
    ? null
    : 'Thiếu dữ liệu nhận dạng chữ tiếng Việt (OCR) trong bộ cài. Hãy cài lại phần mềm, hoặc dùng bản .docx/.pdf có chữ của văn bản.';
}
