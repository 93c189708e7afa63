// The gate for long reads (OCR of a scanned plan): progress reaches the caller, the budget the worker announces
// keeps it alive past the text read's timeout, and a cancel terminates the worker with a 'cancelled' error.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract/errors';
import { readIsolated } from '../../src-main/gate/isolated';

const fixture = (name: string): URL => new URL(`../fixtures/workers/${name}`, import.meta.url);
const job = (fileName: string) => ({ kind: 'document' as const, bytes: new Uint8Array([1]), fileName });

describe('readIsolated with progress and cancel', () => {
  it('passes progress on and waits for an announced OCR budget past the timeout', async () => {
    const seen: string[] = [];
    // Start-up of a worker under tsx may take a few seconds on a busy machine: the answer comes well after
    // timeout + grace (5 s), inside the announced budget (60 s).
    const r = await readIsolated(job('scan-8000.png'), {
      workerUrl: fixture('slow-ocr.ts'),
      timeoutMs: 4000,
      graceMs: 1000,
      onProgress: (p) => seen.push(`${p.done}/${p.total} ${p.message}`),
    });
    expect(r).toBe('xong');
    expect(seen).toEqual(['0/2 Đang nhận dạng chữ trang 1/2…', '1/2 Đang nhận dạng chữ trang 2/2…']);
  }, 30_000);

  it('without a budget the same slow worker is stopped at the timeout', async () => {
    const err = await readIsolated(job('scan-8000.png'), { workerUrl: fixture('hang.ts'), timeoutMs: 100, graceMs: 100 }).catch(
      (e: unknown) => e,
    );
    expect((err as AppError).message).toMatch(/quá thời gian/);
  }, 30_000);

  it('a cancel stops the worker and says nothing was saved', async () => {
    const ctl = new AbortController();
    const p = readIsolated(job('scan.png'), {
      workerUrl: fixture('hang.ts'),
      timeoutMs: 60_000,
      signal: ctl.signal,
      onProgress: () => undefined,
    });
    setTimeout(() => ctl.abort(), 200);
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('cancelled');
    expect((err as AppError).message).toContain('scan.png');
  }, 30_000);

  it('an already cancelled read does not start', async () => {
    const ctl = new AbortController();
    ctl.abort();
    const err = await readIsolated(job('scan.png'), { workerUrl: fixture('hang.ts'), signal: ctl.signal }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('cancelled');
  });
});
