// The built CLI's entry (src-main/launcher/cli-loader.cjs, copied to out/main/cli.cjs) runs the bundle in cli-chunks/
// with the V8 code cache one run wrote: the cache is used on the next starts, a module changed since (even to the same
// length) compiles from its text again and runs as it now is, and without any cache everything still runs.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDirs } from '../helpers/cli';

const tmp = tempDirs('dv-cli-loader-');
const loader = join(import.meta.dirname, '..', '..', 'src-main', 'launcher', 'cli-loader.cjs');

function fakeBuild(): string {
  const out = tmp();
  mkdirSync(join(out, 'cli-chunks'));
  copyFileSync(loader, join(out, 'cli.cjs'));
  writeFileSync(
    join(out, 'cli-chunks', 'cli-main.cjs'),
    `const { word } = require('./words-abc.cjs');
const { later } = require('./later-abc.cjs');
process.stdout.write(JSON.stringify({ word: word(), args: process.argv.slice(2), main: require.main === module.parent }));
void later().then((t) => process.stdout.write(' ' + t));\n`,
  );
  writeFileSync(join(out, 'cli-chunks', 'words-abc.cjs'), `exports.word = () => 'một';\n`);
  // a package loaded at its first use, as exceljs and pdf.js are: Node 20 loses import() in a cached module
  writeFileSync(join(out, 'cli-chunks', 'later-abc.cjs'), `exports.later = () => import('node:path').then((p) => typeof p.join);\n`);
  return out;
}

function run(out: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(out, 'cli.cjs'), 'units', 'list'], {
    encoding: 'utf8',
    env: { ...process.env, DANVAN_CLI_CODE_CACHE_REPORT: '1', ...env },
  });
  expect(r.status).toBe(0);
  return { out: r.stdout, report: r.stderr.trim() };
}

describe('the built CLI entry with its code cache', () => {
  it('runs the bundle with its arguments, without a cache and then with the one a run wrote', () => {
    const out = fakeBuild();
    const want = `${JSON.stringify({ word: 'một', args: ['units', 'list'], main: true })} function`;
    expect(run(out)).toEqual({ out: want, report: 'code cache: 0 used, 0 refused' });
    expect(run(out, { DANVAN_CLI_WRITE_CODE_CACHE: '1' }).out).toBe(want);
    expect(existsSync(join(out, 'cli-code-cache.bin'))).toBe(true);
    expect(run(out)).toEqual({ out: want, report: 'code cache: 2 used, 0 refused' }); // the module with import() compiles as usual
  });

  it('compiles a module changed since the cache was made from its new text, even at the same length', () => {
    const out = fakeBuild();
    run(out, { DANVAN_CLI_WRITE_CODE_CACHE: '1' });
    const words = join(out, 'cli-chunks', 'words-abc.cjs');
    writeFileSync(words, `exports.word = () => 'hai';\n`); // 'một' and 'hai': the same length in UTF-16
    utimesSync(words, new Date(), new Date(Date.now() + 5_000));
    const r = run(out);
    expect(JSON.parse(r.out.split(' ')[0]!)).toMatchObject({ word: 'hai' });
    expect(r.report).toBe('code cache: 1 used, 0 refused');
  });
});
