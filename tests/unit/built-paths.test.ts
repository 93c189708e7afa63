// The built code finds its files wherever the bundler puts a module: out/main/*.js or out/main/chunks/*.js (the app),
// out/main/cli.cjs or out/main/cli-chunks/*.cjs (the CLI) reach the migrations copied to out/main/migrations and the
// package.json two or three folders up.
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultMigrationsDir } from '../../src-main/db/migrate';
import { appVersion } from '../../src-main/runtime/create-context';
import { tempDirs } from '../helpers/cli';
import { launcherHelperUrl } from '../bench/run-bench';
import { workerEntryBeside } from '../../src-main/threads/worker-start';

const tmp = tempDirs('dv-built-');

function fakeOut(): string {
  const root = tmp();
  mkdirSync(join(root, 'out', 'main', 'migrations'), { recursive: true });
  mkdirSync(join(root, 'out', 'main', 'chunks'), { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'dan-van', version: '9.8.7' }));
  return root;
}

describe('built code paths', () => {
  it('finds the migrations from an entry and from a chunk', () => {
    const root = fakeOut();
    const want = join(root, 'out', 'main', 'migrations');
    for (const mod of ['out/main/main.js', 'out/main/chunks/migrate-abc.js', 'out/main/cli.cjs', 'out/main/cli-chunks/migrate-abc.cjs'])
      expect(defaultMigrationsDir(pathToFileURL(join(root, mod)).href).replace(/[\\/]$/, '')).toBe(want);
  });

  it("reads the app's version from an entry and from a chunk", () => {
    const root = fakeOut();
    expect(appVersion(pathToFileURL(join(root, 'out/main/main.js')).href)).toBe('9.8.7');
    expect(appVersion(pathToFileURL(join(root, 'out/main/chunks/create-context-abc.js')).href)).toBe('9.8.7');
    expect(appVersion(pathToFileURL(join(root, 'out/main/cli-chunks/create-context-abc.cjs')).href)).toBe('9.8.7');
  });

  it("the bench finds the launcher helper from its sources and from the built CLI's chunk", () => {
    const root = fakeOut();
    mkdirSync(join(root, 'src-main', 'launcher'), { recursive: true });
    writeFileSync(join(root, 'src-main', 'launcher', 'cli-build.mjs'), '');
    const want = pathToFileURL(join(root, 'src-main', 'launcher', 'cli-build.mjs')).href;
    for (const mod of ['tests/bench/run-bench.ts', 'out/main/cli-chunks/run-bench-abc.cjs'])
      expect(launcherHelperUrl(pathToFileURL(join(root, mod)).href)?.href).toBe(want);
  });

  it("finds the main build's worker entries from the app's modules and from the CLI's", () => {
    const root = fakeOut();
    writeFileSync(join(root, 'out', 'main', 'parse-worker.js'), '');
    const want = pathToFileURL(join(root, 'out', 'main', 'parse-worker.js')).href;
    for (const mod of [
      'out/main/main.js',
      'out/main/chunks/parse-pool-abc.js',
      'out/main/cli.cjs',
      'out/main/cli-chunks/parse-pool-abc.cjs',
    ])
      expect(workerEntryBeside(pathToFileURL(join(root, mod)).href, 'parse-worker')?.href).toBe(want);
    expect(workerEntryBeside(pathToFileURL(join(root, 'out/main/cli.cjs')).href, 'gate-worker')).toBeNull();
  });
});
