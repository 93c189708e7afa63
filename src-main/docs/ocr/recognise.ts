// Offline Vietnamese OCR of page images with tesseract.js (its own worker thread, local language data only): the
// text of each page with column gaps kept (preserve_interword_spaces, so a header's two columns stay apart like in
// a text PDF), its mean confidence, and progress per page. Runs inside the gate's worker: stopping that worker
// stops this one too.
import type { Worker as TessWorker } from 'tesseract.js';
import { AppError } from '../../contract/errors';
import { missingOcrFiles, ocrPaths, ocrWorkerOptions } from './ocr-options';

interface OcrPageText {
  text: string;
  /** Mean word confidence, 0–100. */
  confidence: number;
}

type OcrProgress = (p: { page: number; pages: number; fraction: number }) => void;

export async function recognisePages(images: Uint8Array[], onProgress: OcrProgress = () => undefined): Promise<OcrPageText[]> {
  const paths = ocrPaths();
  const missing = missingOcrFiles(paths);
  if (missing) throw new AppError('internal', missing);
  const tesseract = (await import('tesseract.js')).default;
  let current = 0;
  const worker: TessWorker = await tesseract.createWorker('vie', tesseract.OEM.LSTM_ONLY, {
    ...ocrWorkerOptions(paths),
    logger: (m: { status: string; progress: number }) => {
      if (m.status === 'recognizing text') onProgress({ page: current + 1, pages: images.length, fraction: m.progress });
    },
    errorHandler: () => undefined,
  });
  try {
    await worker.setParameters({ preserve_interword_spaces: '1' });
    const out: OcrPageText[] = [];
    for (; current < images.length; current++) {
      onProgress({ page: current + 1, pages: images.length, fraction: 0 });
      const r = await worker.recognize(Buffer.from(images[current] as Uint8Array));
      out.push({ text: r.data.text ?? '', confidence: r.data.confidence ?? 0 });
    }
    return out;
  } finally {
    await worker.terminate().catch(() => undefined);
  }
}
