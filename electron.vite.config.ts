// One build for the app: main (ESM) and preload (CommonJS, required by the sandbox) from src-main/,
// the Svelte renderer from src-renderer/. The SQL migrations are copied beside the main bundle.
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
      rollupOptions: { input: { main: resolve('src-main/main.ts'), 'parse-worker': resolve('src-main/excel/report/parse-worker.ts'), 'gate-worker': resolve('src-main/gate/gate-worker.ts') } },
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
