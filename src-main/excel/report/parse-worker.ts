// Worker-thread entry of the parse pool (parse-pool.ts): parses workbooks with parseReport off the main thread
// and posts back the plain ParsedReport with the file's SHA-256 (hashing is off the main thread too). Built as
// its own entry in the Electron main build (out/main/parse-worker.js).
import { parentPort } from 'node:worker_threads';
import { sha256 } from '../../bytes/content-hash';
import { allowConversion } from '../legacy/convert';
import { parseReport } from './parse-report';

export interface ParseJob {
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
  port.on('message', (job: ParseJob) => {
    const hash = sha256(job.bytes);
    void parseReport(job.bytes, job.fileName, { timeoutMs: job.timeoutMs, forceExceljs: job.forceExceljs, planPeriod: job.planPeriod ?? null, valueColumn: job.valueColumn ?? null }).then(
      (report) => port.postMessage({ id: job.id, report, sha256: hash }),
      (e: unknown) => port.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) }),
    );
  });
  port.postMessage({ ready: true });
}
