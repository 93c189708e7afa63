// One build for the app: main (ESM) and preload (CommonJS, required by the sandbox) from src-main/,
// the Svelte renderer from src-renderer/. The SQL migrations are copied beside the main bundle. The CLI is built after
// the main bundle as CommonJS (out/main/cli.cjs, its chunks in out/main/cli-chunks/; run with plain `node`, no
// electron), using the main build's worker entries: Node loads CommonJS faster than ES modules (see cliBundle).
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build as viteBuild } from 'vite';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CLI_NODE_FLAGS } from './src-main/launcher/cli-build.mjs';

const copyMigrations = {
  name: 'copy-migrations',
  writeBundle() {
    cpSync(resolve('src-main/db/migrations'), resolve('out/main/migrations'), { recursive: true });
  },
};

/**
 * The CLI as CommonJS: Node 20 loads a quick command's ~40 modules as CommonJS in about two thirds of the time it takes
 * as ES modules (no module graph to resolve and link first; `units list` on a new file: 0.33 → 0.27 s on the 2-core
 * VM). Its chunks (out/main/cli-chunks/) load at the first call of their room, as in the app; zod is bundled, the other
 * packages are not. Its entry, out/main/cli.cjs, is src-main/launcher/cli-loader.cjs: it runs the chunks with V8's code
 * cache, written here by one run of `units list` on a throwaway database (the next starts skip compiling them).
 */
const cliBundle = {
  name: 'cli-bundle',
  async closeBundle() {
    const out = resolve('out/main');
    rmSync(join(out, 'cli-code-cache.bin'), { force: true });
    rmSync(join(out, 'cli-chunks'), { recursive: true, force: true });
    await viteBuild({
      configFile: false,
      logLevel: 'warn',
      build: {
        ssr: resolve('src-main/cli.ts'),
        outDir: out,
        emptyOutDir: false,
        copyPublicDir: false,
        minify: false,
        target: 'node20',
        rollupOptions: {
          output: { format: 'cjs', entryFileNames: 'cli-chunks/cli-main.cjs', chunkFileNames: 'cli-chunks/[name]-[hash].cjs' },
        },
      },
      ssr: { noExternal: ['zod'], target: 'node' },
    });
    copyFileSync(resolve('src-main/launcher/cli-loader.cjs'), join(out, 'cli.cjs'));
    const dir = mkdtempSync(join(tmpdir(), 'danvan-code-cache-'));
    try {
      const run = spawnSync(
        process.execPath,
        [...CLI_NODE_FLAGS, join(out, 'cli.cjs'), 'units', 'list', '--json', '--db', join(dir, 'x.sqlite')],
        {
          env: { ...process.env, DANVAN_CLI_WRITE_CODE_CACHE: '1', DANVAN_DATA_DIR: dir },
          stdio: ['ignore', 'ignore', 'pipe'],
          encoding: 'utf8',
        },
      );
      // without a cache the CLI still works, only its start is slower: said, never a failed build
      if (run.status !== 0) console.warn(`CLI code cache not made (the CLI starts without it): ${run.stderr || run.error}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // zod is bundled (tree-shaken to what the contract uses, one file) instead of ~100 ESM files resolved at start
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: {
          main: resolve('src-main/main.ts'),
          web: resolve('src-main/web.ts'),
          'parse-worker': resolve('src-main/excel/report/parse-worker.ts'),
          'gate-worker': resolve('src-main/gate/gate-worker.ts'),
          'checks-worker': resolve('src-main/features/checks-worker.ts'),
          'copy-check-worker': resolve('src-main/data-file/copy-check-worker.ts'),
        },
      },
    },
    plugins: [copyMigrations, cliBundle],
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve('src-main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src-renderer'),
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('src-renderer/index.html') },
    },
    plugins: [svelte()],
  },
});
