// Smoke test of the real Electron app (window opens, UI loads over app://, security settings in force).
// Runs only where an Electron binary exists (a Windows dev box); skipped with a clear message elsewhere.
import { test, expect, _electron as electron } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The installed Electron executable, read from the package's path.txt (requiring 'electron' would try to download it). */
function electronBinary(): string | null {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const rel = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    const bin = join(dir, 'dist', rel);
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

test('Electron app opens the main window with the UI', async () => {
  const bin = electronBinary();
  test.skip(
    !bin,
    'Không có Electron binary trên máy này (cài với ELECTRON_SKIP_BINARY_DOWNLOAD=1): bỏ qua kiểm thử Electron, chạy trên máy Windows.',
  );
  const app = await electron.launch({
    executablePath: bin!,
    args: ['out/main/main.js'],
    env: { ...process.env, DANVAN_DATA_DIR: mkdtempSync(join(tmpdir(), 'danvan-electron-')) },
  });
  const win = await app.firstWindow();
  await expect(win.locator('[data-ready="true"]')).toBeVisible();
  expect(win.url()).toMatch(/^app:\/\/bundle\//);
  expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  await app.close();
});
