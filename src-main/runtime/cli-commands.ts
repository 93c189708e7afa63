// CLI commands: each maps to the same rpc dispatch (or feature function) the app uses, so the CLI is a
// faithful, scriptable view of the app. New commands register in COMMANDS. A command imports what only it needs
// (readers, writers, the worker pool) when it runs, so that a quick command like `units list` starts fast.
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { AppError } from '../contract/errors';
import { callChannel, withContext, type Command, type Io } from './cli-call';
import { parseArgs, UsageError, type ParsedArgs } from './cli-args';
import { userError } from '../handler/user-error';
import { diskFile } from '../data-file/disk-file';
import { CONSOLIDATION_USAGE, consolidationCommands } from './cli-consolidation';
import { SETTINGS_USAGE, settingsCommands } from './cli-settings';
import { TEMPLATES_USAGE, templatesCommands } from './cli-templates';
import { REPORT_ENTRY_OPTIONS, REPORT_ENTRY_USAGE, reportEntryCommands } from './cli-report-entry';
import { UPWARD_OPTIONS, UPWARD_USAGE, upwardCommands } from './cli-upward';

export type { Io } from './cli-call';

const USAGE = `Cách dùng: npm run cli -- <lệnh> [tuỳ chọn]
  units list [--json]                       Danh sách đơn vị
  units import FILE [--dry-run] [--skip-invalid] [--json]
                                            Nhập danh sách đơn vị từ Excel
  extract-plan FILE [--json]                Đọc văn bản kế hoạch (.docx, .doc, .txt, .pdf; bản quét .pdf/.jpg/.png đọc bằng OCR)
  plans create FILE.json [--json]           Tạo kế hoạch từ tệp JSON (dạng extract-plan + indicators + unitCodes)
  plans list [--json]                       Danh sách kế hoạch
  parse-report FILE [--json]                Đọc một tệp báo cáo của đơn vị (không ghi gì)
  reports import --plan ID FILE... [--received-on YYYY-MM-DD] [--channel file|email|zalo|usb|paper|other] [--dry-run] [--json]
                                            Nhập báo cáo đơn vị cho kế hoạch ID (ngày nhận: mặc định ngày sửa tệp)
  bench [--files N] [--rounds R] [--json]   Đo tốc độ nhập (tạo N tệp mẫu, so với exceljs; R lượt, lấy trung vị)
  check [--json]                            Kiểm tra toàn vẹn dữ liệu (mã thoát 1 nếu hỏng)
  backup --out FILE [--json]                Sao lưu dữ liệu ra tệp (đã kiểm tra)
  restore FILE [--json]                     Khôi phục dữ liệu từ tệp sao lưu (dữ liệu hiện tại được sao lưu và giữ lại)
  check-values --plan ID [--json]           Kiểm tra số liệu của kế hoạch ID (nhầm đơn vị, vượt xa chỉ tiêu, bất thường)
${REPORT_ENTRY_USAGE}${CONSOLIDATION_USAGE}${UPWARD_USAGE}${SETTINGS_USAGE}${TEMPLATES_USAGE}Tuỳ chọn chung: --db FILE (tệp dữ liệu; mặc định: dữ liệu của ứng dụng), --json
`;

function readInputFile(path: string) {
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new Error('not a file');
    return { name: basename(path), lastModified: Math.floor(st.mtimeMs), bytes: new Uint8Array(readFileSync(path)) };
  } catch {
    throw new AppError('bad_file', `Không mở được tệp "${path}". Kiểm tra đường dẫn và quyền đọc.`);
  }
}

/** A report file of a batch: checked now, read when the import gets to it and let go after (never all in memory). */
function listInputFile(path: string) {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new AppError('bad_file', `Không mở được tệp "${path}". Kiểm tra đường dẫn và quyền đọc.`);
  }
  if (!st.isFile()) throw new AppError('bad_file', `"${path}" không phải là tệp. Hãy chỉ ra từng tệp báo cáo (ví dụ thư-mục/*.xlsx).`);
  return diskFile(path, Math.floor(st.mtimeMs));
}

function need(args: ParsedArgs, n: number, what: string): string {
  const v = args.positionals[n];
  if (!v) throw new UsageError(`Thiếu ${what}`);
  return v;
}

const COMMANDS: Record<string, Command> = {
  'extract-plan': async (args, io) => {
    const f = readInputFile(need(args, 1, 'đường dẫn văn bản kế hoạch'));
    const { readIsolated } = await import('../gate/isolated');
    // A scan or photo is read by OCR (slow): its progress goes to stderr on a terminal, stdout stays the JSON.
    const onProgress = process.stderr.isTTY ? (p: { message: string }) => io.err(`${p.message}\n`) : undefined;
    return (await readIsolated({ kind: 'plan', bytes: f.bytes, fileName: f.name }, onProgress ? { onProgress } : {})).extract;
  },
  'plans create': (args) =>
    withContext(args, async (ctx) => {
      const path = need(args, 2, 'đường dẫn tệp JSON');
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder().decode(readInputFile(path).bytes));
      } catch (e) {
        if (e instanceof AppError) throw e;
        throw new AppError('bad_file', `Tệp "${path}" không phải JSON hợp lệ.`);
      }
      const { createPlanFromJson } = await import('../features/plan-create');
      return createPlanFromJson(ctx.db, json, ctx.now());
    }),
  'parse-report': async (args) => {
    const f = readInputFile(need(args, 1, 'đường dẫn tệp báo cáo'));
    // The app's worker pool and timeout: a hostile workbook is stopped, not left spinning the CLI.
    const [{ sharedParsePool }, { PARSE_TIMEOUT_MS }] = await Promise.all([
      import('../excel/report/parse-pool'),
      import('../features/report-import/analyze'),
    ]);
    return sharedParsePool().parse(f.bytes, f.name, { timeoutMs: PARSE_TIMEOUT_MS });
  },
  'reports import': (args) =>
    withContext(args, async (ctx) => {
      const plan = Number(args.options.get('--plan'));
      if (!Number.isInteger(plan) || plan <= 0) throw new UsageError('Thiếu hoặc sai --plan ID');
      const paths = args.positionals.slice(2);
      if (paths.length === 0) throw new UsageError('Thiếu tệp báo cáo');
      const receivedOn = args.options.get('--received-on') ?? null;
      if (receivedOn !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(receivedOn) || Number.isNaN(Date.parse(receivedOn))))
        throw new UsageError('--received-on cần dạng YYYY-MM-DD');
      const channel = args.options.get('--channel') ?? null;
      const { CHANNELS } = await import('../contract/reports');
      if (channel !== null && !(CHANNELS as readonly string[]).includes(channel))
        throw new UsageError(`--channel cần là một trong: ${CHANNELS.join(', ')}`);
      const { importHeadless } = await import('../features/report-import/one-pass');
      const res = await importHeadless(ctx, plan, paths.map(listInputFile), args.flags.has('--dry-run'), { receivedOn, channel });
      return { files: res.files };
    }),
  bench: async (args, io) => {
    const n = Number(args.options.get('--files') ?? 300);
    if (!Number.isInteger(n) || n < 1 || n > 200_000) throw new UsageError('--files cần là số nguyên dương');
    let mod: typeof import('../../tests/bench/run-bench');
    try {
      mod = await import('../../tests/bench/run-bench');
    } catch {
      throw new AppError('not_found', 'Bộ đo hiệu năng chỉ có trong bản mã nguồn (thư mục tests/bench).');
    }
    const rounds = Number(args.options.get('--rounds') ?? 1);
    if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20) throw new UsageError('--rounds cần là số nguyên từ 1 đến 20');
    const r = await mod.runBench(n, (s) => io.err(`${s}\n`), rounds);
    if (!args.flags.has('--json')) {
      const med = r.rounds > 1 ? ` (trung vị ${r.rounds} lượt)` : '';
      io.err(
        `Nhập ${r.files} tệp: ${r.seconds} s${med} (${r.filesPerSecond} tệp/s); exceljs đọc cùng tệp: ${r.baselineSeconds} s; nhanh hơn ${r.ratio} lần; RAM đỉnh ${r.peakRssMb} MB (trong lúc nhập: ${r.importPeakRssMb} MB)\n`,
      );
      if (r.rounds > 1) io.err(`Từng lượt [của ta, exceljs] (giây): ${r.perRound.map(([a, b]) => `[${a}, ${b}]`).join(' ')}\n`);
      io.err(`Kiểm tra số liệu trên ${r.checkedValues} giá trị sạch (báo động nhầm): ${r.checkWarnings} cảnh báo\n`);
      if (r.cli)
        io.err(
          `Dòng lệnh (tiến trình mới, ${r.cli.entry === 'built' ? 'bản đã build' : 'mã nguồn qua tsx'}): nhập ${r.cli.imported} tệp từ thư mục trong ${r.cli.seconds} s, RAM đỉnh ${r.cli.peakRssMb} MB\n`,
        );
      // the import issue's goals (≥ 10× on 3,000 files, ≥ 8× on one round of 1,000, RSS ≤ 300 MB) and the CPU's bound
      for (const line of mod.importGoalLines(r)) io.err(`${line}\n`);
      io.err(`(Khởi động đường nhập trước khi đo, như ứng dụng làm sau khi mở: ${r.warmStartSeconds} s.)\n`);
    }
    return r;
  },
  'plans list': (args) => withContext(args, (ctx) => callChannel(ctx, 'plans.list', {})),
  'units list': (args) => withContext(args, (ctx) => callChannel(ctx, 'units.list', { includeInactive: true })),
  'units import': (args) =>
    withContext(args, (ctx) =>
      callChannel(ctx, 'units.import', {
        file: readInputFile(need(args, 2, 'đường dẫn tệp Excel')),
        dryRun: args.flags.has('--dry-run'),
        skipInvalid: args.flags.has('--skip-invalid'),
      }),
    ),
  check: async (args) => {
    const { checkDatabase } = await import('../data-file/verified-copy');
    const result = checkDatabase(args.options.get('--db'));
    if (!result.ok)
      throw Object.assign(new AppError('db_corrupt', `Dữ liệu bị hỏng: ${result.problems.slice(0, 3).join('; ')}`), { result });
    return result;
  },
  backup: (args) => {
    const out = args.options.get('--out');
    if (!out) throw new UsageError('Thiếu --out FILE');
    return withContext(args, async (ctx) => {
      if (ctx.dataState.status !== 'ok') throw new AppError('db_read_only', ctx.dataState.message ?? 'Dữ liệu đang bị khoá.');
      const { backupTo } = await import('../data-file/verified-copy');
      return backupTo(ctx.db, out);
    });
  },
  restore: (args) =>
    withContext(args, async (ctx) => {
      const { restoreFromFile } = await import('../features/backup-restore');
      return restoreFromFile(ctx, resolve(need(args, 1, 'đường dẫn tệp sao lưu')));
    }),
  'check-values': (args) =>
    withContext(args, (ctx) => {
      const plan = Number(args.options.get('--plan'));
      if (!Number.isInteger(plan) || plan <= 0) throw new UsageError('Thiếu hoặc sai --plan ID');
      return callChannel(ctx, 'checks.plan', { planId: plan });
    }),
  ...consolidationCommands,
  ...settingsCommands,
  ...templatesCommands,
  ...reportEntryCommands,
  ...upwardCommands,
};

function human(value: unknown): string {
  if (Array.isArray(value))
    return `${value.length} mục\n${value
      .slice(0, 50)
      .map((v) => `  ${JSON.stringify(v)}`)
      .join('\n')}\n`;
  return `${JSON.stringify(value, null, 2)}\n`;
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(
      argv,
      ['--db', '--out', '--plan', '--files', '--rounds', ...REPORT_ENTRY_OPTIONS, '--received-on', '--channel', ...UPWARD_OPTIONS].filter(
        (o, i, all) => all.indexOf(o) === i,
      ),
      ['--json', '--dry-run', '--skip-invalid', '--help'],
    );
  } catch (e) {
    io.err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const key = [args.positionals.slice(0, 2).join(' '), args.positionals[0] ?? ''].find((k) => k in COMMANDS);
  if (!key || args.flags.has('--help')) {
    (key ? io.out : io.err)(USAGE);
    return key ? 0 : 2;
  }
  try {
    const result = await COMMANDS[key]!(args, io);
    io.out(args.flags.has('--json') ? `${JSON.stringify(result)}\n` : human(result));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n${USAGE}`);
      return 2;
    }
    const data = (e as { result?: unknown }).result;
    if (data !== undefined && args.flags.has('--json')) io.out(`${JSON.stringify(data)}\n`);
    io.err(`Lỗi: ${userError(e, 'Đã xảy ra lỗi không mong muốn; dữ liệu chưa bị thay đổi. Hãy thử lại.').message}\n`);
    return 1;
  }
}
