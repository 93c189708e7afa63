// The CLI's import reads each report file from disk when its turn comes and lets it go once the file is stored or
// refused (thousands of files are never all in memory); a file that disappears after it was listed is said at the
// file, in Vietnamese, and the others go in.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/context';
import { ct01Plan, filledTemplate } from '../helpers/test-plans';
import { diskFile, type DiskFile } from '../../src-main/data-file/disk-file';
import { importHeadless } from '../../src-main/features/report-import/one-pass';

let app: TestApp;
let dir: string;
beforeEach(() => {
  app = makeTestApp();
  dir = mkdtempSync(join(tmpdir(), 'danvan-disk-'));
});
afterEach(() => {
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

/** n units, a plan for them, and each unit's filled template written to disk. */
async function filesOnDisk(n: number): Promise<{ planId: number; paths: string[] }> {
  const units = [];
  for (let i = 1; i <= n; i++) units.push(await app.call('units.save', { code: `D${i}`, name: `Công đoàn xã số ${i}` }));
  const plan = await ct01Plan(app, 'Kế hoạch thử nhập từ thư mục');
  const paths = [];
  for (const u of units) {
    const path = join(dir, `${u.code}.xlsx`);
    writeFileSync(path, await filledTemplate(app, plan.id, u.id, { 'Số buổi': 3 }));
    paths.push(path);
  }
  return { planId: plan.id, paths };
}

/** diskFile, counting how often its bytes are let go. */
function watched(path: string, released: Map<string, number>): DiskFile {
  const f = diskFile(path, Date.parse('2023-12-30T03:00:00Z'));
  const release = f.release;
  f.release = () => {
    released.set(f.name, (released.get(f.name) ?? 0) + 1);
    release();
  };
  return f;
}

describe('a headless import of files on disk', () => {
  it('lets every file go once it is stored or refused', async () => {
    const { planId, paths } = await filesOnDisk(6);
    writeFileSync(join(dir, 'rac.xlsx'), 'không phải tệp Excel');
    const released = new Map<string, number>();
    const files = [...paths, join(dir, 'rac.xlsx')].map((p) => watched(p, released));
    const res = await importHeadless(app.ctx, planId, files, false);
    expect(res.files.filter((f) => f.status === 'imported')).toHaveLength(6);
    expect(res.files.find((f) => f.file === 'rac.xlsx')?.status).toBe('error');
    expect([...released.keys()].sort()).toEqual(files.map((f) => f.name).sort());
    // the stored document is the file's content, read from disk
    const stored = app.ctx.db.prepare('SELECT COUNT(*) AS n FROM documents WHERE size > 0').get() as { n: number };
    expect(stored.n).toBe(6);
  }, 60_000);

  it('keeps the files lazy when a received date is given for all of them', async () => {
    const { planId, paths } = await filesOnDisk(3);
    const released = new Map<string, number>();
    const res = await importHeadless(
      app.ctx,
      planId,
      paths.map((p) => watched(p, released)),
      false,
      { receivedOn: '2024-01-05' },
    );
    expect(res.files.map((f) => f.status)).toEqual(['imported', 'imported', 'imported']);
    expect(released.size).toBe(3);
    const days = app.ctx.db.prepare('SELECT DISTINCT received_on AS d FROM reports').all() as { d: string }[];
    expect(days.map((r) => r.d)).toEqual(['2024-01-05']);
  }, 60_000);

  it('says at the file when it disappeared after it was listed, and imports the others', async () => {
    const { planId, paths } = await filesOnDisk(3);
    const files = paths.map((p) => diskFile(p, Date.parse('2023-12-30T03:00:00Z')));
    rmSync(paths[1]!);
    const res = await importHeadless(app.ctx, planId, files, false);
    const gone = res.files.find((f) => f.file === 'D2.xlsx')!;
    expect(gone.status).toBe('error');
    expect(gone.issues.map((i) => i.message).join(' ')).toMatch(/Không đọc được tệp.*bị xoá, di chuyển.*Hãy kiểm tra tệp rồi nhập lại/);
    expect(res.files.filter((f) => f.status === 'imported').map((f) => f.file)).toEqual(['D1.xlsx', 'D3.xlsx']);
  }, 60_000);
});
