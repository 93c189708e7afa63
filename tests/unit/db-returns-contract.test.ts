// db/ returns contract types: features read camelCase fields of what db/ gives them and never force a type with
// `as never`. Scans src-main/features/** (strings and comments left out) for snake_case property reads.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { sourceFiles } from '../helpers/source-files';

const root = resolve(new URL('../../', import.meta.url).pathname);
const features = join(root, 'src-main/features');

/** Snake_case reads allowed, per file, each with its reason (none today: every db/ module returns camelCase). */
const ALLOWED: Record<string, string[]> = {};

/** The code of a TypeScript file with comments removed and string/template text blanked (`${…}` code kept). */
function codeOnly(src: string): string {
  let out = '';
  let i = 0;
  const braces: number[] = []; // per open `${`: the brace depth at which it closes
  let depth = 0;
  const template = (): void => {
    // inside a template literal, just after its opening backtick or a closing `}` of `${…}`
    while (i < src.length) {
      const c = src[i]!;
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c === '`') {
        out += '`';
        i++;
        return;
      }
      if (c === '$' && src[i + 1] === '{') {
        out += '${';
        i += 2;
        braces.push(depth);
        depth++;
        return;
      }
      i++;
    }
  };
  while (i < src.length) {
    const c = src[i]!;
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end < 0 ? src.length : end + 2;
      out += ' ';
      continue;
    }
    if (c === "'" || c === '"') {
      i++;
      while (i < src.length && src[i] !== c && src[i] !== '\n') i += src[i] === '\\' ? 2 : 1;
      i++;
      out += `${c}${c}`;
      continue;
    }
    if (c === '`') {
      out += '`';
      i++;
      template();
      continue;
    }
    if (c === '{') depth++;
    if (c === '}') {
      depth--;
      if (braces.length && braces[braces.length - 1] === depth) {
        braces.pop();
        out += '}';
        i++;
        template();
        continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}

/** Snake_case property reads (`r.unit_id`, `v?.value2_num`) in code; label tables keyed by enum ids (`LABELS.on_time`) are not reads of rows. */
function snakeReads(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/([A-Za-z0-9_$\])]*)\??\.([a-z][a-z0-9]*_[a-z0-9_]*)\b/g)) {
    const owner = m[1] ?? '';
    if (/^[A-Z][A-Z0-9_]*$/.test(owner)) continue; // MODEL_TYPE_LABELS.mo_hinh: a contract enum id as a key
    if (owner === 'env') continue; // process.env.npm_package_version: an environment variable
    out.push(m[2] as string);
  }
  return out;
}

describe('db/ returns contract types', () => {
  it('the scanner finds snake_case reads and `as never` in code, not in strings, comments or label tables', () => {
    const sample = [
      'const a = r.received_on; const b = v?.value2_num ?? x.file_name;',
      '// r.comment_only',
      'const s = \'data.start_empty\' + "x.also_string" + `t.${r.unit_id} and a.b_c`;',
      'const l = MODEL_TYPE_LABELS.mo_hinh; const c = x as never;',
    ].join('\n');
    const code = codeOnly(sample);
    expect(snakeReads(code)).toEqual(['received_on', 'value2_num', 'file_name', 'unit_id']);
    expect(/\bas never\b/.test(code)).toBe(true);
    expect(/\bas never\b/.test(codeOnly("const m = 'as never';"))).toBe(false);
  });

  it('no feature reads a snake_case field of a db result or casts with `as never`', () => {
    const bad: string[] = [];
    const files = sourceFiles(features);
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const rel = relative(root, f);
      const code = codeOnly(readFileSync(f, 'utf8'));
      const allowed = new Set(ALLOWED[rel] ?? []);
      for (const p of new Set(snakeReads(code))) if (!allowed.has(p)) bad.push(`${rel}: .${p}`);
      if (/\bas never\b/.test(code)) bad.push(`${rel}: as never`);
    }
    expect(bad).toEqual([]);
  });

  it('the allowlist names only files that exist and reads that are still there', () => {
    const stale: string[] = [];
    for (const [rel, props] of Object.entries(ALLOWED)) {
      let code = '';
      try {
        code = codeOnly(readFileSync(join(root, rel), 'utf8'));
      } catch {
        stale.push(`${rel}: no such file`);
        continue;
      }
      const reads = new Set(snakeReads(code));
      for (const p of props) if (!reads.has(p)) stale.push(`${rel}: .${p} is no longer read`);
    }
    expect(stale).toEqual([]);
  });
});
