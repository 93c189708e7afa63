// The desktop app warms the whole import path at start: the built-in samples go through the real one-pass import
// (analysis, value checks, commit) into a throwaway file, which is removed after; the user's data is not touched.
// The throwaway file is not backed up before each batch (a real import always is); folders left by an app closed
// during its warm-up are removed at a later start.
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { warmImportPath } from '../../src-main/runtime/warm-import';
import { importHeadless } from '../../src-main/features/report-import/one-pass';
import { backupFolder, listBackups } from '../../src-main/data-file/backup-store';
import { makeTestApp, type TestApp } from '../helpers/context';
import { ct01Plan, filledTemplate } from '../helpers/test-plans';

const warmDirs = () => readdirSync(tmpdir()).filter((n) => n.startsWith('danvan-warm-'));

let app: TestApp | null = null;
afterEach(() => {
  app?.close();
  app = null;
});

describe('warming the import path', () => {
  it('imports every sample (so analysis and commit both run) and leaves nothing behind', async () => {
    const before = warmDirs();
    expect(await warmImportPath(12, 5)).toBe(12); // in three batches
    expect(warmDirs().filter((d) => !before.includes(d))).toEqual([]); // (older ones may be removed: see below)
  }, 60_000);

  it('removes the throwaway folders an app closed during its warm-up left, never one in use', async () => {
    const stale = mkdtempSync(join(tmpdir(), 'danvan-warm-'));
    const fresh = mkdtempSync(join(tmpdir(), 'danvan-warm-'));
    try {
      const dayAgo = new Date(Date.now() - 24 * 3600 * 1000);
      utimesSync(stale, dayAgo, dayAgo);
      expect(await warmImportPath(2, 2)).toBe(2);
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(fresh)).toBe(true); // as new as a warm-up under way in another app run
    } finally {
      rmSync(stale, { recursive: true, force: true });
      rmSync(fresh, { recursive: true, force: true });
    }
  }, 60_000);

  it('backs up before a real headless import, never before one into a throwaway file', async () => {
    app = makeTestApp();
    const a = app;
    const unit = await a.call('units.save', { code: 'W1', name: 'Công đoàn xã Thử' });
    const plan = await ct01Plan(a, 'Kế hoạch thử sao lưu khi nhập');
    const file = async (n: number) => ({
      name: `w${n}.xlsx`,
      bytes: await filledTemplate(a, plan.id, unit.id, { 'Số buổi': n }),
      lastModified: Date.UTC(2024, 5, n),
    });
    const preImport = () => listBackups(backupFolder(a.ctx)).filter((b) => b.reason === 'pre-import').length;
    const before = preImport();
    expect((await importHeadless(a.ctx, plan.id, [await file(1)], false, { throwaway: true })).files[0]?.status).toBe('imported');
    expect(preImport()).toBe(before);
    expect((await importHeadless(a.ctx, plan.id, [await file(2)], false)).files[0]?.status).toBe('superseded');
    expect(preImport()).toBe(before + 1);
  }, 60_000);
});
