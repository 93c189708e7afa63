// Two processes importing into one database at once (the CLI beside browser mode): every write transaction takes the
// lock at its start and the other waits, so both batches finish, every file all or nothing, none lost.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPlanFromJson } from '../../src-main/features/plan-create';
import { importHeadless } from '../../src-main/features/report-import/one-pass';
import { createContext } from '../../src-main/runtime/create-context';
import { makeCorpus, SECTIONS } from '../fixtures/gen/report-workbooks';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'danvan-2w-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('two writers at once', () => {
  it.skipIf(process.platform === 'win32')(
    'a CLI import while browser mode imports: both finish, all or nothing, none lost',
    async () => {
      const n = 160;
      const db = join(dir, 'two.sqlite');
      const ctx = createContext({ mode: 'web', dbFile: db, version: 't' });
      const ins = ctx.db.prepare("INSERT INTO units (code, name, search_key, created_at, updated_at) VALUES (?, ?, ?, 'x', 'x')");
      ctx.db.transaction(() => {
        for (let i = 1; i <= n; i++) ins.run(`U${i}`, `Công đoàn đơn vị U${i}`, `u${i} cong doan don vi u${i}`);
      })();
      const indicators = SECTIONS.flatMap(([roman, , items]) => items.map(([label, unit]) => ({ label, unit, group: roman })));
      const { id: planId } = createPlanFromJson(ctx.db, { title: 'Hai nơi nhập cùng lúc', indicators }, new Date());
      const corpus = await makeCorpus(n, 77, (i) => ({
        planId: String(planId),
        unitCode: `U${i + 1}`,
        unitName: `đơn vị U${i + 1}`,
        realistic: true,
      }));
      const files = corpus.map((g, i) => ({ name: `bao-cao-U${i + 1}.xlsx`, bytes: g.bytes, lastModified: Date.UTC(2024, 6, 30) }));
      const half = n / 2;
      const paths = files.slice(half).map((f) => {
        const p = join(dir, f.name);
        writeFileSync(p, f.bytes);
        return p;
      });
      // the CLI imports the second half while this process (browser mode) imports the first half
      let childPid = 0;
      const child = new Promise<{ code: number | null; out: string; err: string }>((done) => {
        const c = spawn(
          process.execPath,
          ['--import', 'tsx', 'src-main/cli.ts', 'reports', 'import', '--plan', String(planId), ...paths, '--db', db, '--json'],
          {
            cwd: ROOT,
            env: { ...process.env, NODE_OPTIONS: '' },
          },
        );
        let out = '';
        let err = '';
        c.stdout.on('data', (d: Buffer) => (out += d.toString()));
        c.stderr.on('data', (d: Buffer) => (err += d.toString()));
        c.on('exit', (code) => done({ code, out, err }));
        childPid = c.pid ?? 0;
      });
      // start when the CLI has opened the data (its presence file): both imports then run side by side
      const presence = join(`${db}.in-use`, `${childPid}.json`);
      for (let t = 0; t < 300 && !existsSync(presence); t++) await new Promise((r) => setTimeout(r, 20));
      expect(existsSync(presence)).toBe(true);
      const mine = await importHeadless(ctx, planId, files.slice(0, half), false);
      const theirs = await child;
      expect(theirs.err).not.toMatch(/khoá|SQLITE_BUSY/);
      expect(theirs.code).toBe(0);
      const cliFiles = (JSON.parse(theirs.out) as { files: { status: string }[] }).files;
      expect(mine.files.filter((f) => f.status === 'imported')).toHaveLength(half);
      expect(cliFiles.filter((f) => f.status === 'imported')).toHaveLength(half);
      expect(ctx.db.prepare("SELECT count(*) AS n FROM reports WHERE plan_id = ? AND status = 'active'").get(planId)).toEqual({ n });
      // all or nothing: every report has its values
      expect(
        ctx.db
          .prepare('SELECT count(*) AS n FROM reports r WHERE NOT EXISTS (SELECT 1 FROM report_values v WHERE v.report_id = r.id)')
          .get(),
      ).toEqual({ n: 0 });
      expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
      ctx.close();
    },
    180_000,
  );
});
