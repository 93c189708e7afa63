// Starting a worker thread for any room: where its built or TypeScript entry sits beside the caller, and a start that
// also works for a .ts entry under tsx. Nothing else here, so a module that only starts a worker (the backup copy
// check, the file gate, the work-ahead worker) does not load the report reader with it.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** The worker entry `name` (e.g. 'gate-worker') beside the calling module (`here`: its import.meta.url): `name.ts` under
 *  tsx; built, `name.js` next to the main bundle (the caller may sit in out/main or out/main/chunks). Null when absent. */
export function workerEntryBeside(here: string, name: string): URL | null {
  const rels = /\.ts$/.test(here) ? [`./${name}.ts`] : [`./${name}.js`, `../${name}.js`, `./${name}.mjs`, `../${name}.mjs`];
  for (const rel of rels) {
    const url = new URL(rel, here);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

/**
 * A worker for a .ts entry (dev, CLI, tests under tsx/vitest): Node 20 does not apply `--import tsx` hooks to a
 * worker's own entry, so a tiny eval'd bootstrap registers tsx's ESM hooks first, then imports the entry.
 */
export function startWorker(url: URL, options: WorkerOptions = {}): Worker {
  if (!/\.ts$/.test(url.pathname)) return new Worker(url, options);
  const req = createRequire(import.meta.url);
  const api = pathToFileURL(req.resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(code, { ...options, eval: true, execArgv: [] });
}
