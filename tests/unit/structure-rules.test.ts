// The house rules of src-main, enforced: rooms import only rooms below them (the arrows point down, no cycles
// between rooms), SQL is written only in db/, and handler tables never serve one channel twice.
import { sourceFiles } from '../helpers/source-files';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { mergeHandlers } from '../../src-main/handler/handler';

const root = resolve(new URL('../../', import.meta.url).pathname);
const main = join(root, 'src-main');

/** Each room's floor: a room may import rooms with a lower rank (and itself). Top-level files are the shell. */
export const RANK: Record<string, number> = {
  contract: 0,
  text: 0,
  bytes: 1,
  threads: 1,
  layout: 1,
  db: 2,
  docs: 2,
  excel: 2,
  checks: 2,
  security: 2,
  gate: 3,
  'data-file': 3,
  handler: 3,
  features: 4,
  rpc: 5,
  runtime: 6,
  launcher: 6,
  platform: 7,
  shell: 8,
};
const roomOf = (file: string) => {
  const rel = relative(main, file).split('/');
  return rel.length === 1 ? 'shell' : (rel[0] as string);
};

describe('structure of src-main', () => {
  it('every room is known and imports only rooms below it', () => {
    const bad: string[] = [];
    for (const f of sourceFiles(main)) {
      const from = roomOf(f);
      if (!(from in RANK)) bad.push(`${relative(root, f)}: room "${from}" has no rank in this test`);
      for (const m of readFileSync(f, 'utf8').matchAll(/(?:from|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const target = resolve(dirname(f), m[1] as string);
        // the developer-only `bench` command loads the benchmark from tests/ lazily; nothing else reaches out of src-main
        if (relative(root, target).startsWith('tests/bench/') && m[0].startsWith('import(')) continue;
        const to = roomOf(target);
        if (to !== from && (RANK[to] ?? 99) >= (RANK[from] ?? -1)) bad.push(`${relative(root, f)} (${from}) imports ${m[1]} (${to})`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('SQL is written only in src-main/db/', () => {
    const bad: string[] = [];
    for (const f of sourceFiles(main)) {
      if (roomOf(f) === 'db') continue;
      const src = readFileSync(f, 'utf8');
      for (const re of [/\.prepare\(/, /\.pragma\(/, /\bdb\.exec\(/, /\bdb\.transaction\(/])
        if (re.test(src)) bad.push(`${relative(root, f)}: ${re.source}`);
    }
    expect(bad).toEqual([]);
  });

  it('CLI commands that have a channel call it through dispatch: the CLI reaches into features/ only for CLI-only work', () => {
    // what has no channel: a headless import in one pass, restoring any file, plan creation from extract-plan JSON,
    // a report's JSON turned into the entry input, the consolidate JSON shape, the reminder letter as PDF
    const CLI_ONLY = new Set([
      'report-import/one-pass',
      'report-import/analyze',
      'backup-restore',
      'plan-create',
      'report-entry-json',
      'consolidation-handlers',
      'pdf-export',
    ]);
    const bad: string[] = [];
    for (const f of sourceFiles(join(main, 'runtime')).filter((f) => /\/cli-[^/]*\.ts$/.test(f))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/['"]\.\.\/features\/([^'"]+)['"]/g))
        if (!CLI_ONLY.has(m[1] as string)) bad.push(`${relative(root, f)}: features/${m[1]}`);
    }
    expect(bad).toEqual([]);
  });

  it('merging handler tables throws on a channel served twice, naming it', () => {
    const a = { 'units.list': () => [] };
    const b = { 'units.list': () => [] };
    expect(() => mergeHandlers(a, b)).toThrow(/units\.list/);
    expect(Object.keys(mergeHandlers(a, { 'plans.list': () => [] }))).toEqual(['units.list', 'plans.list']);
  });
});
