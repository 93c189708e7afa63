// The CLI starts fast because a quick command loads no heavy library: importing the CLI's commands and running
// `units list` must not load exceljs, docx, pdfjs, mammoth, SheetJS or fflate (each costs 0.05–0.35 s at start).
// A child process records every module Node resolves (a resolve hook); writing a workbook afterwards proves the
// recording sees exceljs when it is really loaded.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempDirs } from '../helpers/cli';

const tmp = tempDirs('dv-clistart-');
const root = join(import.meta.dirname, '..', '..');
const HEAVY = ['exceljs', 'docx', 'pdfjs-dist', 'mammoth', '@e965/xlsx', 'fflate'];
const heavyIn = (urls: string[]) => HEAVY.filter((h) => urls.some((u) => u.includes(`/node_modules/${h}/`)));

function loadedBy(script: string): { before: string[]; after: string[] } {
  const dir = tmp();
  const log = join(dir, 'resolved.log');
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(log, '');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(spec, ctx, next) { const r = await next(spec, ctx); appendFileSync(log, r.url + '\\n'); return r; }`,
  );
  const src = (p: string) => JSON.stringify(pathToFileURL(join(root, p)).href);
  const code = `import { register } from 'node:module';
import { appendFileSync } from 'node:fs';
register(${JSON.stringify(pathToFileURL(hooks).href)}, { data: { log: ${JSON.stringify(log)} } });
const { runCli } = await import(${src('src-main/runtime/cli-commands.ts')});
${script}
appendFileSync(${JSON.stringify(log)}, '--- after\\n');
const { writeUnitsWorkbook } = await import(${src('src-main/excel/units-write.ts')});
await writeUnitsWorkbook([], 'x', ['a', 'b']);`;
  execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DANVAN_DATA_DIR: dir },
  });
  const lines = readFileSync(log, 'utf8').split('\n');
  const cut = lines.indexOf('--- after');
  return { before: lines.slice(0, cut), after: lines.slice(cut + 1) };
}

describe('CLI start', () => {
  it('`units list` loads no heavy library; a workbook writer loads exceljs when it runs', () => {
    const { before, after } = loadedBy(
      `const code = await runCli(['units', 'list', '--json', '--db', ${JSON.stringify('DB')}.replace('DB', process.env.DANVAN_DATA_DIR + '/t.sqlite')], { out: () => {}, err: (s) => process.stderr.write(s) });
if (code !== 0) throw new Error('units list exited ' + code);`,
    );
    expect(before.some((u) => u.includes('/src-main/rpc/dispatch.ts'))).toBe(true); // the command really ran
    expect(heavyIn(before)).toEqual([]);
    expect(heavyIn(after)).toContain('exceljs');
  }, 60_000);
});
