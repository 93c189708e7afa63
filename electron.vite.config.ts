// One build for the app: main (ESM) and preload (CommonJS, required by the sandbox) from src-main/,
// the Svelte renderer from src-renderer/. The SQL migrations are copied beside the main bundle. The CLI is another
// main entry (out/main/cli.js, run with plain `node`, no electron) sharing the chunks and worker entries.
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { cpSync } from 'node:fs';
import { resolve } from 'node:path';

const copyMigrations = {
  name: 'copy-migrations',
  writeBundle() {
    cpSync(resolve('src-main/db/migrations'), resolve('out/main/migrations'), { recursive: true });
  },
};

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // zod is bundled (tree-shaken to what the contract uses, one file) instead of ~100 ESM files resolved at start
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: { input: { main: resolve('src-main/main.ts'), cli: resolve('src-main/cli.ts'), web: resolve('src-main/web.ts'), 'parse-worker': resolve('src-main/excel/report/parse-worker.ts'), 'gate-worker': resolve('src-main/gate/gate-worker.ts'), 'checks-worker': resolve('src-main/features/checks-worker.ts'), 'copy-check-worker': resolve('src-main/data-file/copy-check-worker.ts') } },
    },
    plugins: [copyMigrations],
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
