// Minimal argument parsing for the CLI: positionals, --flag and --key value, with unknown options reported.

export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

export class UsageError extends Error {}

/** `valued` lists options that take a value (e.g. --db FILE). */
export function parseArgs(argv: string[], valued: readonly string[], known: readonly string[]): ParsedArgs {
  const out: ParsedArgs = { positionals: [], flags: new Set(), options: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (!a.startsWith('--')) {
      out.positionals.push(a);
      continue;
    }
    const [name, inline] = a.split('=', 2) as [string, string | undefined];
    if (valued.includes(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`Thiếu giá trị cho ${name}`);
      out.options.set(name, v);
    } else if (known.includes(name)) out.flags.add(name);
    else throw new UsageError(`Tuỳ chọn không hợp lệ: ${name}`);
  }
  return out;
}
