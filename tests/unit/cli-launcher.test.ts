// `npm run cli` (src-main/launcher/cli.mjs) runs out/main/cli.cjs only when no source is newer than it, else the sources under
// tsx: a stale build must never run. The freshness check runs in a child on a copy of the scripts in a fake tree.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempDirs } from '../helpers/cli';

const tmp = tempDirs('dv-launcher-');
const scripts = join(import.meta.dirname, '..', '..', 'src-main', 'launcher');

function tree() {
  const root = tmp();
  mkdirSync(join(root, 'src-main', 'launcher'), { recursive: true });
  for (const f of ['cli.mjs', 'cli-build.mjs']) copyFileSync(join(scripts, f), join(root, 'src-main', 'launcher', f));
  mkdirSync(join(root, 'src-main', 'db'), { recursive: true });
  mkdirSync(join(root, 'out', 'main'), { recursive: true });
  const at = (path: string, seconds: number) => utimesSync(join(root, path), seconds, seconds);
  // the launcher itself lives under src-main: old enough not to count as an edit after the build
  for (const p of ['src-main/launcher/cli.mjs', 'src-main/launcher/cli-build.mjs', 'src-main/launcher']) at(p, 1_000);
  const fresh = () =>
    JSON.parse(
      execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { freshBuiltCli } from ${JSON.stringify(pathToFileURL(join(root, 'src-main', 'launcher', 'cli-build.mjs')).href)}; console.log(JSON.stringify(freshBuiltCli()));`,
        ],
        { encoding: 'utf8' },
      ),
    ) as string | null;
  return { root, at, fresh };
}

describe('npm run cli launcher', () => {
  it('runs Node with the flags the bench measures the CLI with (CLI_NODE_FLAGS)', async () => {
    const { CLI_NODE_FLAGS } = (await import(pathToFileURL(join(scripts, 'cli-build.mjs')).href)) as { CLI_NODE_FLAGS: string[] };
    const pkg = JSON.parse(readFileSync(join(scripts, '..', '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(CLI_NODE_FLAGS.length).toBeGreaterThan(0);
    expect(pkg.scripts.cli).toBe(['node', ...CLI_NODE_FLAGS, 'src-main/launcher/cli.mjs'].join(' '));
  });

  it('uses the build only while no source, nor a deleted source, is newer than it', () => {
    const { root, at, fresh } = tree();
    writeFileSync(join(root, 'src-main', 'db', 'a.ts'), '');
    writeFileSync(join(root, 'src-main', 'db', 'b.ts'), '');
    for (const p of ['src-main/db/a.ts', 'src-main/db/b.ts', 'src-main/db', 'src-main']) at(p, 1_000);
    expect(fresh()).toBeNull(); // not built

    writeFileSync(join(root, 'out', 'main', 'cli.cjs'), '');
    at('out/main/cli.cjs', 2_000);
    expect(fresh()).toBe(join(root, 'out', 'main', 'cli.cjs'));

    at('src-main/db/a.ts', 3_000); // edited after the build
    expect(fresh()).toBeNull();
    at('src-main/db/a.ts', 1_000);
    expect(fresh()).not.toBeNull();

    rmSync(join(root, 'src-main', 'db', 'b.ts')); // deleted after the build: its folder is newer
    expect(fresh()).toBeNull();
  });

  it('runs the built CLI in the same process with the same arguments', () => {
    const { root, at } = tree();
    writeFileSync(
      join(root, 'out', 'main', 'cli.cjs'),
      'process.stdout.write(JSON.stringify(process.argv.slice(2))); process.exitCode = 3;\n',
    );
    at('src-main/db', 1_000);
    at('src-main', 1_000);
    at('out/main/cli.cjs', 2_000);
    let out = '';
    let code = 0;
    try {
      out = execFileSync(process.execPath, [join(root, 'src-main', 'launcher', 'cli.mjs'), 'units', 'list', '--json'], {
        encoding: 'utf8',
      });
    } catch (e) {
      ({ stdout: out, status: code } = e as { stdout: string; status: number });
    }
    expect(JSON.parse(out)).toEqual(['units', 'list', '--json']);
    expect(code).toBe(3);
  });
});
