// The gate's isolation (src-main/gate/isolated.ts): a reader that hangs is terminated at the hard timeout, one that
// eats memory dies at its heap limit, and either way the caller gets a Vietnamese bad_file error while this thread
// stays alive; with no worker entry the job runs in this thread.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract/errors';
import { readIsolated } from '../../src-main/gate/isolated';

const job = { kind: 'document' as const, bytes: new TextEncoder().encode('Kế hoạch số 12/KH-LĐLĐ'), fileName: 'ke-hoach.txt' };
const fixture = (name: string): URL => new URL(`../fixtures/workers/${name}`, import.meta.url);

describe('readIsolated', () => {
  it('terminates a worker that never answers and says the file took too long', async () => {
    const err = await readIsolated(job, { workerUrl: fixture('hang.ts'), timeoutMs: 200, graceMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('bad_file');
    expect((err as AppError).message).toMatch(/quá thời gian/);
    expect((err as AppError).message).toContain('ke-hoach.txt');
  }, 30_000);

  it('a worker past its heap limit dies alone; the caller is told the file needs too much memory', async () => {
    const err = await readIsolated(job, { workerUrl: fixture('hog.ts'), heapMb: 32, timeoutMs: 20_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/bộ nhớ/);
  }, 40_000);

  it('reads through the real worker, and in this thread when there is no worker entry', async () => {
    expect(await readIsolated(job)).toBe('Kế hoạch số 12/KH-LĐLĐ');
    expect(await readIsolated(job, { workerUrl: null })).toBe('Kế hoạch số 12/KH-LĐLĐ');
  }, 30_000);
});
