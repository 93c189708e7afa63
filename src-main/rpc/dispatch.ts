// The one entry point for every call (Electron IPC, browser mode, CLI, tests): reject unknown names,
// validate input with the contract, run the handler, wrap the result or a Vietnamese error in an envelope. The
// channel's part of the contract and its handler come from its room (rooms.ts), loaded at the room's first call.
import { z } from 'zod';
import { CHANNELS_WHEN_BLOCKED } from '../contract/backups';
import { AppError, type Envelope, type ErrorBody } from '../contract/errors';
import { sqliteErrorToApp } from '../db/connection';
import type { AppContext } from '../handler/context';
import { channelOf, isChannel } from './rooms';

z.config(z.locales.vi());

/** Turn zod issues into one readable Vietnamese message plus per-field messages for forms. */
function invalidInput(error: z.ZodError): ErrorBody {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= issue.message;
  }
  const first = error.issues[0];
  return { code: 'invalid_input', message: `Dữ liệu chưa hợp lệ: ${first?.message ?? ''}`.trim(), fields };
}

function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof AppError) return err.toBody();
  const mapped = sqliteErrorToApp(err);
  if (mapped) return mapped.toBody();
  console.error('[rpc] unexpected error', err);
  return {
    code: 'internal',
    message: 'Đã xảy ra lỗi không mong muốn. Dữ liệu chưa bị thay đổi; hãy thử lại, nếu vẫn lỗi hãy sao lưu và liên hệ hỗ trợ.',
  };
}

interface DispatchOptions {
  /** Validate handler output too (tests), to catch drift between handlers and the contract. */
  checkOutput?: boolean;
}

export async function dispatch(name: unknown, input: unknown, ctx: AppContext, opts: DispatchOptions = {}): Promise<Envelope<unknown>> {
  if (!isChannel(name)) {
    return { ok: false, error: { code: 'unknown_channel', message: `Chức năng "${String(name).slice(0, 60)}" không tồn tại.` } };
  }
  if (ctx.dataState.status !== 'ok' && !CHANNELS_WHEN_BLOCKED.includes(name))
    return {
      ok: false,
      error: { code: 'db_read_only', message: ctx.dataState.message ?? 'Dữ liệu đang bị khoá. Hãy khôi phục từ bản sao lưu.' },
    };
  try {
    const { spec, handler } = await channelOf(name); // its room loaded at the room's first call (rooms.ts)
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: invalidInput(parsed.error) };
    const data = await (handler as (i: unknown, c: AppContext) => unknown)(parsed.data, ctx);
    if (opts.checkOutput) spec.output.parse(data);
    return { ok: true, data };
  } catch (err) {
    return { ok: false, error: toErrorBody(err) };
  }
}
