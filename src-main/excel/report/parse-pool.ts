// A small long-lived pool of worker threads running parseReport (parse-worker.ts), created lazily, so the main
// thread stays free for SQLite writes and the UI. Each job keeps a hard timeout: a worker that overruns it is
// terminated and replaced, and the file gets a Vietnamese error. Falls back to in-thread parsing when the worker
// cannot be started (missing build entry, no tsx), so callers never need to care.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker, workerEntryBeside } from '../../threads/worker-start';
import type { ParsedReport } from '../../contract/parsed-report';
import { sha256 } from '../../bytes/content-hash';
import { parseReport, type ParseReportOptions } from './parse-report';
import { withPackedNarrative } from './packed-narrative';
import type { PackedUtf8 } from '../../bytes/utf8-pack';

export const HARD_TIMEOUT_MESSAGE = 'Đọc tệp quá thời gian cho phép – tệp quá lớn hoặc bất thường.';
const CRASH_MESSAGE = 'Tệp bị hỏng hoặc không đọc được. Hãy mở bằng Excel, Lưu lại rồi gửi lại.';
/**
 * Jobs posted to one worker at a time. Deep enough that a worker keeps parsing while the main thread is busy in a
 * synchronous SQLite group write (tens of ms) and cannot hand out more work; measured: 2 left workers idle.
 */
const DEPTH = 32;

/**
 * Young-generation size of a worker's heap: a parse leaves only short-lived garbage, but each collection copies the
 * file being parsed, so fewer, larger nurseries cost less. Measured on 3,000 files: at 12 MB each worker collected
 * ~150 times per 1,500 files; at 24 MB about half as often, ~6 % less CPU in the workers and V8's helper threads,
 * for ~25 MB more peak memory of the whole CLI import (32 MB gained a little more but came near the 300 MB bound).
 * (It bounds no file: the old generation keeps its default limit.)
 */
const YOUNG_MB = 24;

/** A parsed file with the SHA-256 of its bytes (hex), computed where it was parsed. */
export interface ParsedFile {
  report: ParsedReport;
  sha256: string;
}

interface ParsePoolOptions {
  /** Worker threads (default: one per core, at most 2; the main thread mostly waits and writes SQLite). */
  size?: number;
  /** Worker entry; default: parse-worker.ts beside this file under tsx, parse-worker.js in the build. */
  workerUrl?: URL;
  /** Extra time a worker gets past the job's own (cooperative) timeout before it is terminated. */
  graceMs?: number;
}

/** What a parse worker posts back (parse-worker.ts). */
interface WorkerAnswer {
  ready?: true;
  warmed?: true;
  id?: number;
  /** The parsed report without its narrative, which comes as `narrative` (UTF-8 bytes, see packed-narrative.ts). */
  report?: ParsedReport;
  narrative?: PackedUtf8;
  sha256?: string;
  error?: string;
}

interface Job {
  id: number;
  bytes: Uint8Array;
  fileName: string;
  opts: ParseReportOptions;
  resolve: (r: ParsedFile) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  running: Job[];
  timer: NodeJS.Timeout | null;
  /** Waiting warm() calls, released when the worker answers a warm-up (in order) or is gone. */
  warmed: (() => void)[];
}

/**
 * Parses of the built-in samples (warm-sample.ts) each worker makes when warmed: enough for the reader's hot code
 * to be optimised before the first real file (cold, the first thousand files cost about half as much again).
 */
const WARM_PARSES = 500;

function failedReport(fileName: string, message: string): ParsedReport {
  return {
    unitName: null,
    title: null,
    period: null,
    rows: [],
    narrative: [],
    issues: [{ sheet: null, cell: null, severity: 'fatal', message }],
    fileName,
    sheet: null,
    template: null,
    reader: null,
  };
}

const defaultEntry = (): URL | null => workerEntryBeside(import.meta.url, 'parse-worker');

export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private broken = false;
  private closed = false;
  private readonly entry: URL | null;
  private readonly size: number;
  private readonly graceMs: number;

  constructor(opts: ParsePoolOptions = {}) {
    this.size = Math.max(1, opts.size ?? Math.min(2, availableParallelism()));
    this.graceMs = opts.graceMs ?? 2000;
    this.entry = opts.workerUrl ?? defaultEntry();
    if (!this.entry) this.broken = true;
  }

  /** 'workers' while the pool can use threads, 'in-thread' after a start-up failure (or with no worker entry). */
  get mode(): 'workers' | 'in-thread' {
    return this.broken ? 'in-thread' : 'workers';
  }

  parse(bytes: Uint8Array, fileName: string, opts: ParseReportOptions = {}): Promise<ParsedReport> {
    return this.parseFile(bytes, fileName, opts).then((f) => f.report);
  }

  /** parse(), with the SHA-256 of the bytes. */
  parseFile(bytes: Uint8Array, fileName: string, opts: ParseReportOptions = {}): Promise<ParsedFile> {
    if (this.broken || this.closed) return parseInThread(bytes, fileName, opts);
    return new Promise<ParsedFile>((resolve) => {
      this.queue.push({ id: this.nextId++, bytes, fileName, opts, resolve });
      this.pump();
    });
  }

  /**
   * Start the workers now (at app start, before a batch) instead of on the first parse, and let each parse the
   * built-in samples `parses` times; resolves once they are ready and warmed (a worker that takes over 15 s to
   * warm is not waited for).
   */
  async warm(parses = WARM_PARSES): Promise<void> {
    while (!this.broken && !this.closed && this.slots.length < this.size) this.spawn();
    await new Promise<void>((resolve) => {
      const check = (): void => {
        if (this.broken || this.closed || this.slots.every((s) => s.ready)) resolve();
        else setTimeout(check, 5);
      };
      check();
    });
    if (parses <= 0 || this.broken || this.closed) return;
    await Promise.all(
      this.slots.map(
        (s) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => done(), 15_000);
            const done = (): void => {
              clearTimeout(timer);
              resolve();
            };
            s.warmed.push(done);
            s.worker.postMessage({ warm: parses });
          }),
      ),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    for (const s of slots) {
      if (s.timer) clearTimeout(s.timer);
      for (const done of s.warmed.splice(0)) done();
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
    for (const job of [...slots.flatMap((s) => s.running), ...this.queue.splice(0)]) this.inThread(job);
  }

  private inThread(job: Job): void {
    void parseInThread(job.bytes, job.fileName, job.opts).then(job.resolve);
  }

  /** A job that ended without a report from its worker (timeout, crash): the fatal issue, hashed here. */
  private static failed(job: Job, message: string): ParsedFile {
    return { report: failedReport(job.fileName, message), sha256: sha256(job.bytes) };
  }

  private pump(): void {
    if (this.broken) {
      for (const job of this.queue.splice(0)) this.inThread(job);
      return;
    }
    while (this.slots.length < this.size && this.queue.length > this.slots.reduce((n, s) => n + DEPTH - s.running.length, 0)) this.spawn();
    for (const s of this.slots) {
      while (s.ready && s.running.length < DEPTH && this.queue.length > 0) {
        const job = this.queue.shift() as Job;
        s.running.push(job);
        s.worker.postMessage({
          id: job.id,
          bytes: job.bytes,
          fileName: job.fileName,
          timeoutMs: job.opts.timeoutMs,
          forceExceljs: job.opts.forceExceljs,
          planPeriod: job.opts.planPeriod ?? null,
          valueColumn: job.opts.valueColumn ?? null,
        });
        if (s.running.length === 1) this.arm(s);
      }
    }
    // Busy workers keep the process alive (a CLI awaits their answers); idle ones must not keep it from exiting.
    for (const s of this.slots) {
      if (s.running.length > 0 || this.queue.length > 0) s.worker.ref();
      else s.worker.unref();
    }
  }

  private spawn(): void {
    let worker: Worker;
    try {
      worker = startWorker(this.entry as URL, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } });
    } catch {
      this.fail();
      return;
    }
    const slot: Slot = { worker, ready: false, running: [], timer: null, warmed: [] };
    this.slots.push(slot);
    worker.on('message', (m: WorkerAnswer) => {
      if (m.ready) {
        slot.ready = true;
        this.pump();
        return;
      }
      if (m.warmed) return void slot.warmed.shift()?.();
      const i = slot.running.findIndex((j) => j.id === m.id);
      if (i < 0) return;
      const [job] = slot.running.splice(i, 1) as [Job];
      const report = m.report && m.narrative ? withPackedNarrative(m.report, m.narrative) : m.report;
      job.resolve(report && m.sha256 ? { report, sha256: m.sha256 } : ParsePool.failed(job, CRASH_MESSAGE));
      this.arm(slot);
      this.pump();
    });
    const down = (): void => {
      for (const done of slot.warmed.splice(0)) done();
      if (!this.slots.includes(slot)) return; // terminated on purpose
      if (!slot.ready) return this.fail(); // could not start: parse in this thread from now on
      this.retire(slot, CRASH_MESSAGE);
    };
    worker.on('error', down);
    worker.on('exit', down);
  }

  /** (Re)start the hard timer for the job at the head of a worker's queue. */
  private arm(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const head = slot.running[0];
    const ms = head?.opts.timeoutMs;
    if (!head || !ms || ms <= 0) return;
    slot.timer = setTimeout(() => this.retire(slot, HARD_TIMEOUT_MESSAGE), ms + this.graceMs);
  }

  /** Terminate a worker (hung or crashed): its current job fails, the jobs queued behind it go back to the queue. */
  private retire(slot: Slot, message: string): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    if (slot.timer) clearTimeout(slot.timer);
    void slot.worker.terminate();
    const [head, ...rest] = slot.running;
    this.queue.unshift(...rest);
    if (head) head.resolve(ParsePool.failed(head, message));
    this.pump();
  }

  private fail(): void {
    this.broken = true;
    const slots = this.slots.splice(0);
    for (const s of slots) {
      if (s.timer) clearTimeout(s.timer);
      void s.worker.terminate();
      this.queue.unshift(...s.running);
    }
    this.pump();
  }
}

async function parseInThread(bytes: Uint8Array, fileName: string, opts: ParseReportOptions): Promise<ParsedFile> {
  return { report: await parseReport(bytes, fileName, opts), sha256: sha256(bytes) };
}

let shared: ParsePool | null = null;

/** The process-wide pool, created on first use. */
export function sharedParsePool(): ParsePool {
  shared ??= new ParsePool();
  return shared;
}

/**
 * Start parsing files ahead of their use (at most `window` beyond the one asked for), so the workers keep busy
 * while the caller maps rows and writes SQLite. `get(i)` is called once per index; null entries are never parsed.
 */
export function parseAhead(
  files: readonly ({ bytes: Uint8Array; name: string } | null)[],
  opts: ParseReportOptions,
  window = 256,
  pool = sharedParsePool(),
): (i: number) => Promise<ParsedFile> {
  const started = new Map<number, Promise<ParsedFile>>();
  let next = 0;
  const start = (i: number): Promise<ParsedFile> => {
    const f = files[i];
    return f ? pool.parseFile(f.bytes, f.name, opts) : Promise.resolve({ report: failedReport('', CRASH_MESSAGE), sha256: '' });
  };
  return (i: number) => {
    for (; next < files.length && next <= i + window; next++) if (files[next]) started.set(next, start(next));
    const p = started.get(i) ?? start(i);
    started.delete(i);
    return p;
  };
}
