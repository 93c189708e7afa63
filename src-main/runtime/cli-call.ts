// What every CLI command shares: the context opened on --db and closed when the command ends, and calling the app's
// channels exactly as the renderer does — through dispatch (input validated by the contract, the same handler), a
// failure turned into the AppError the CLI prints in Vietnamese.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../contract/errors';
import type { Channel, In, Out } from '../contract/index';
import type { AppContext } from '../handler/context';
import { dispatch } from '../rpc/dispatch';
import type { ParsedArgs } from './cli-args';
import { createContext, type RunningContext } from './create-context';

/** Where a command writes: stdout and stderr in the CLI, strings in tests. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** One CLI command: its parsed arguments in, its JSON-able result out (printed by runCli). */
export type Command = (args: ParsedArgs, io: Io) => Promise<unknown>;

export async function callChannel<C extends Channel>(ctx: AppContext, name: C, input: In<C>): Promise<Out<C>> {
  const res = await dispatch(name, input, ctx);
  if (!res.ok) throw new AppError(res.error.code, res.error.message);
  return res.data as Out<C>;
}

/** Run a command on the database of `--db` (default: the app's own), closed afterwards whatever happens. */
export function withContext<T>(args: ParsedArgs, fn: (ctx: RunningContext) => Promise<T>): Promise<T> {
  const ctx = createContext({ mode: 'cli', dbFile: args.options.get('--db') });
  return fn(ctx).finally(() => ctx.close());
}

/** Write a command's output file (`--out`); returns its full path, or says in Vietnamese that it could not. */
export function writeOutFile(out: string, bytes: Uint8Array): string {
  const path = resolve(out);
  try {
    writeFileSync(path, bytes);
  } catch {
    throw new AppError('internal', `Không ghi được tệp "${out}". Kiểm tra thư mục và quyền ghi.`);
  }
  return path;
}
