// One gate for every outside file that is not a report (units, models, plans register, plan documents): the read
// runs in its own worker thread with a heap limit (resourceLimits) and a hard timeout, so a hostile file can only
// take down that worker, never freeze or kill the app. A plan scan's OCR reports progress, may extend the deadline
// once by its announced budget (capped), and is cancelled by terminating the worker. The worker is started like the report parse pool's
// (startWorker); when no worker entry exists the job runs in this thread with its cooperative deadline, its readers
// (jobs.ts) loaded only then: a module that offers an import does not load every reader with it.
import { AppError, type ErrorCode } from '../contract/errors';
import { startWorker, workerEntryBeside } from '../threads/worker-start';
import type { GateJob, GateProgress, GateResults } from './jobs';
import type { GateWorkerData } from './gate-worker';

/** Cooperative deadline of a read; the worker is terminated `GRACE_MS` after it (start-up included). */
const GATE_TIMEOUT_MS = 20_000;
const GRACE_MS = 5_000;
/** Heap of one reading worker. Buffers are outside it: inflated sizes are capped by the readers' pre-flight. */
const GATE_HEAP_MB = 768;
/** Longest an OCR read may take, whatever budget the worker asks for (10 pages of a scan). */
const OCR_MAX_MS = 8 * 60_000;

interface IsolatedOptions {
  timeoutMs?: number;
  /** Worker entry (tests); default gate-worker.ts beside this file under tsx, gate-worker.js in the build. */
  workerUrl?: URL | null;
  heapMb?: number;
  /** Time past the cooperative deadline before the worker is terminated (default GRACE_MS). */
  graceMs?: number;
  /** Progress of a long read (OCR of a scan): pages done of total, and a Vietnamese line to show. */
  onProgress?: (p: { done: number; total: number; message: string }) => void;
  /** Stops the read: the worker is terminated and the call rejects with AppError('cancelled'). */
  signal?: AbortSignal;
}

const defaultEntry = (): URL | null => workerEntryBeside(import.meta.url, 'gate-worker');

const label = (job: GateJob): string => job.fileName.trim() || 'Tệp';
const timedOut = (job: GateJob): AppError =>
  new AppError(
    'bad_file',
    `Đọc tệp "${label(job)}" quá thời gian cho phép – tệp quá lớn hoặc bất thường nên đã dừng, chưa ghi gì. Hãy mở tệp bằng Word/Excel, lưu lại rồi chọn lại.`,
  );
const tooHeavy = (job: GateJob): AppError =>
  new AppError(
    'bad_file',
    `Tệp "${label(job)}" cần quá nhiều bộ nhớ để đọc – tệp quá lớn hoặc bất thường nên đã dừng, chưa ghi gì. Hãy mở tệp bằng Word/Excel, lưu lại rồi chọn lại.`,
  );
const unreadable = (job: GateJob): AppError =>
  new AppError(
    'bad_file',
    `Tệp "${label(job)}" bị hỏng hoặc không đọc được, chưa ghi gì. Hãy mở tệp bằng Word/Excel, lưu lại rồi chọn lại.`,
  );

const cancelled = (job: GateJob): AppError => new AppError('cancelled', `Đã dừng đọc tệp "${label(job)}", chưa ghi gì.`);

type Reply = { ok: true; result: unknown } | { ok: false; code: ErrorCode | null; message: string } | { progress: GateProgress };

/** In this thread (no worker): progress is passed on, a cancel rejects at once (the read itself runs on). */
function inThread<J extends GateJob>(job: J, timeoutMs: number, opts: IsolatedOptions): Promise<GateResults[J['kind']]> {
  if (opts.signal?.aborted) return Promise.reject(cancelled(job));
  const run = import('./jobs').then(({ runGateJob }) =>
    runGateJob(job, timeoutMs, opts.onProgress ? ({ done, total, message }) => opts.onProgress?.({ done, total, message }) : undefined),
  );
  if (!opts.signal) return run;
  const signal = opts.signal;
  return Promise.race([
    run,
    new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(cancelled(job)), { once: true })),
  ]);
}

/** Read one outside file behind the gate. Rejects with AppError('bad_file', Vietnamese reason) when it cannot. */
export function readIsolated<J extends GateJob>(job: J, opts: IsolatedOptions = {}): Promise<GateResults[J['kind']]> {
  const timeoutMs = opts.timeoutMs ?? GATE_TIMEOUT_MS;
  const entry = opts.workerUrl === undefined ? defaultEntry() : opts.workerUrl;
  if (!entry) return inThread(job, timeoutMs, opts);
  if (opts.signal?.aborted) return Promise.reject(cancelled(job));
  return new Promise<GateResults[J['kind']]>((resolve, reject) => {
    let worker: ReturnType<typeof startWorker>;
    try {
      const workerData: GateWorkerData = { gateJob: job, timeoutMs };
      const heap = opts.heapMb ?? GATE_HEAP_MB;
      worker = startWorker(entry, { workerData, resourceLimits: { maxOldGenerationSizeMb: heap, maxYoungGenerationSizeMb: 64 } });
    } catch {
      resolve(inThread(job, timeoutMs, opts));
      return;
    }
    let done = false;
    const onAbort = (): void => finish(() => reject(cancelled(job)));
    const finish = (f: () => void): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      f();
    };
    const grace = opts.graceMs ?? GRACE_MS;
    let timer = setTimeout(() => finish(() => reject(timedOut(job))), timeoutMs + grace);
    let extended = false;
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: Reply) => {
      if ('progress' in m) {
        // OCR announces its own budget once (pages × time per page): the hard deadline moves to cover it, no more.
        if (m.progress.ocrBudgetMs && !done && !extended) {
          extended = true;
          clearTimeout(timer);
          timer = setTimeout(() => finish(() => reject(timedOut(job))), Math.min(m.progress.ocrBudgetMs, OCR_MAX_MS) + grace);
        }
        opts.onProgress?.({ done: m.progress.done, total: m.progress.total, message: m.progress.message });
        return;
      }
      finish(() => {
        if (m.ok) resolve(m.result as GateResults[J['kind']]);
        else reject(m.code ? new AppError(m.code, m.message) : unreadable(job));
      });
    });
    worker.on('error', (e: Error & { code?: string }) =>
      finish(() => reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory/i.test(e.message) ? tooHeavy(job) : unreadable(job))),
    );
    worker.on('exit', () => finish(() => reject(unreadable(job))));
  });
}
