// Worker-thread entry of the parse pool (parse-pool.ts): parses workbooks with parseReport off the main thread
// and posts back the plain ParsedReport with the file's SHA-256 (hashing is off the main thread too). Built as
// its own entry in the Electron main build (out/main/parse-worker.js). A `warm` message parses the built-in
// samples (warm-sample.ts) that many times first, so the first real files do not run uncompiled code.
import { parentPort } from 'node:worker_threads';
import { sha256 } from '../../bytes/content-hash';
import { allowConversion } from '../legacy/convert';
import { parseReport } from './parse-report';
import { packNarrative } from './packed-narrative';
import { warmSample } from './warm-sample';

interface ParseJob {
  id: number;
  bytes: Uint8Array;
  fileName: string;
  timeoutMs: number | undefined;
  forceExceljs?: boolean;
  /** The plan's period ("Năm 2024", "Quý III/2024"): which sub-column of "Kết quả" answers it. */
  planPeriod?: string | null;
  /** Header of the value column the user picked (see ParseReportOptions.valueColumn). */
  valueColumn?: string | null;
}

const port = parentPort;
if (port) {
  allowConversion();
  port.on('message', (job: ParseJob | { warm: number }) => {
    if ('warm' in job) {
      void warmUp(job.warm).then(
        () => port.postMessage({ warmed: true }),
        () => port.postMessage({ warmed: true }),
      );
      return;
    }
    const hash = sha256(job.bytes);
    void parseReport(job.bytes, job.fileName, {
      timeoutMs: job.timeoutMs,
      forceExceljs: job.forceExceljs,
      planPeriod: job.planPeriod ?? null,
      valueColumn: job.valueColumn ?? null,
    }).then(
      (report) => {
        // the narrative goes as UTF-8 bytes, moved without a copy (packed-narrative.ts)
        const narrative = packNarrative(report.narrative);
        port.postMessage({ id: job.id, report: { ...report, narrative: [] }, narrative, sha256: hash }, [
          narrative.bytes.buffer as ArrayBuffer,
        ]);
      },
      (e: unknown) => port.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) }),
    );
  });
  port.postMessage({ ready: true });
}

/** Sample layouts the workers warm up on (warm-sample.ts varies them over twelve). */
const WARM_VARIANTS = 12;

/** Parse the built-in samples `times` times in all (results dropped): the reader's code is compiled by then. */
async function warmUp(times: number): Promise<void> {
  const samples = Array.from({ length: WARM_VARIANTS }, (_, k) => warmSample(k));
  for (let i = 0; i < times; i++) {
    const bytes = samples[i % samples.length] as Uint8Array;
    sha256(bytes);
    await parseReport(bytes, 'mau.xlsx', { timeoutMs: 10_000, planPeriod: Math.floor(i / samples.length) % 2 ? 'Năm 2024' : null });
  }
}
