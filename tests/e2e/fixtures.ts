// E2E fixtures: each test gets browser mode on a fresh SQLite file (real handlers, real dispatch) and a page
// already opened with the token; `shot` saves a screenshot artifact under tests/artifacts/screenshots.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, type RunningContext } from '../../src-main/runtime/create-context';
import { startWebServer, type WebServer } from '../../src-main/runtime/web-server';
import { stopAheadWork } from '../../src-main/features/ahead-worker';

const staticDir = fileURLToPath(new URL('../../out/renderer/', import.meta.url));
const shotsDir = fileURLToPath(new URL('../artifacts/screenshots/', import.meta.url));

export interface AppFixture {
  ctx: RunningContext;
  server: WebServer;
  dir: string;
  open: (hash?: string) => Promise<Page>;
  shot: (name: string) => Promise<void>;
  /** Console errors matching this are expected by the test (e.g. a refused request). */
  allowConsole: (re: RegExp) => void;
}

export const test = base.extend<{ app: AppFixture }>({
  app: async ({ page }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'danvan-e2e-'));
    const ctx = createContext({ mode: 'web', dbFile: join(dir, 'e2e.sqlite'), version: 'e2e' });
    const server = await startWebServer({ ctx, staticDir });
    const errors: string[] = [];
    const allowed: RegExp[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    mkdirSync(shotsDir, { recursive: true });
    await use({
      ctx,
      server,
      dir,
      open: async (hash = '#/overview') => {
        await page.goto(server.url + hash);
        await expect(page.locator('[data-ready="true"]')).toBeVisible();
        return page;
      },
      shot: async (name) => {
        await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true });
      },
      allowConsole: (re) => void allowed.push(re),
    });
    // what the page logged while the test ran; once the server closes, the page's polls and event stream meet a closed
    // port (ERR_CONNECTION_REFUSED), which is the teardown, not the test
    const seen = errors.slice();
    await server.close();
    await stopAheadWork(); // the worker lets go of the database before the folder goes
    ctx.close();
    // work done ahead (the checks worker, asked by the page just before the test ended) may still open the database in
    // `dir` for a moment, adding its -shm/-wal beside it while the folder is removed: tried again (ENOTEMPTY in CI once)
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    expect(
      seen.filter((e) => !allowed.some((re) => re.test(e))),
      'no errors in the browser console',
    ).toEqual([]);
  },
});
export { expect };
