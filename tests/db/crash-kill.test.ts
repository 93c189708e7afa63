// Crash safety: the real CLI import SIGKILLed at random moments (12 kills, bounded to ~60 s); after every kill the
// database is sound and each file is imported entirely or not at all. `npm run test:crash-long` does 1,000.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killLoop } from '../crash/kill-loop';

const dir = mkdtempSync(join(tmpdir(), 'danvan-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kill -9 during import', () => {
  it.skipIf(process.platform === 'win32')(
    'keeps the database sound and every import all-or-nothing',
    async () => {
      const r = await killLoop({ dir, kills: 12, files: 3, rowsPerFile: 400, budgetMs: 40_000, log: (s) => console.log(`[crash] ${s}`) });
      console.log(`[crash] ${r.kills} kills (${r.killedRunning} while running, ${r.committedBeforeKill} after the commit) in ${r.ms} ms`);
      expect(r.problems).toEqual([]);
      expect(r.kills).toBeGreaterThanOrEqual(6);
      expect(r.killedRunning).toBeGreaterThanOrEqual(1);
    },
    120_000,
  );
});
