// `npm run cli`: runs the built CLI (out/main/cli.cjs, plain Node, starts in a fraction of a second) when `npm run
// build` is newer than the sources; otherwise the TypeScript sources through tsx (slower start, always current).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freshBuiltCli, root } from './cli-build.mjs';

const built = process.env.DANVAN_CLI_SOURCE ? null : freshBuiltCli();
if (built) {
  await import(pathToFileURL(built).href); // same process and argv: the built cli.cjs reads process.argv.slice(2)
} else {
  const r = spawnSync(
    process.execPath,
    [...process.execArgv, '--import', import.meta.resolve('tsx'), join(root, 'src-main', 'cli.ts'), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exitCode = r.status ?? 1;
}
