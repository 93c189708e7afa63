// Worker-thread entry of the gate (isolated.ts): runs one job from workerData, posts its progress, and posts back its
// plain result, or the AppError code and Vietnamese message. Built as its own entry in the Electron main build (out/main/gate-worker.js).
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../contract/errors';
import { allowConversion } from '../excel/legacy/convert';
import { runGateJob, type GateJob } from './jobs';

export interface GateWorkerData {
  gateJob: GateJob;
  timeoutMs: number;
}

const port = parentPort;
const data = workerData as GateWorkerData | undefined;
if (port && data?.gateJob) {
  allowConversion();
  runGateJob(data.gateJob, data.timeoutMs, (progress) => port.postMessage({ progress })).then(
    (result) => port.postMessage({ ok: true, result }),
    (e: unknown) =>
      port.postMessage(
        e instanceof AppError
          ? { ok: false, code: e.code, message: e.message }
          : { ok: false, code: null, message: e instanceof Error ? e.message : String(e) },
      ),
  );
}
