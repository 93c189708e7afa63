// CLI command `reports enter --plan ID --unit CODE FILE.json [--received-on YYYY-MM-DD] [--channel giay|dien-thoai|zalo|email]`:
// a report phoned in or sent on paper, typed as JSON rows (parse-report's shape), stored through 'reports.enter'.
import { readFileSync } from 'node:fs';
import { AppError } from '../contract/errors';
import { ENTRY_VIA_CLI } from '../contract/entry-labels';
import { todayInVietnam } from '../text/vi-date';
import { UsageError } from './cli-args';
import { callChannel, withContext, type Command } from './cli-call';

export const REPORT_ENTRY_USAGE = `  reports enter --plan ID --unit CODE FILE.json [--received-on YYYY-MM-DD] [--channel giay|dien-thoai|zalo|email] [--json]
                                            Nhập tay báo cáo của đơn vị (dòng như kết quả parse-report, có thể kèm narrative)
`;
/** Options with a value this command adds to the CLI's parser. */
export const REPORT_ENTRY_OPTIONS = ['--unit', '--received-on', '--channel'] as const;

export const reportEntryCommands: Record<string, Command> = {
  'reports enter': async (args) => {
    const planId = Number(args.options.get('--plan'));
    if (!Number.isInteger(planId) || planId <= 0) throw new UsageError('Thiếu hoặc sai --plan ID');
    const unitCode = args.options.get('--unit');
    if (!unitCode) throw new UsageError('Thiếu --unit CODE (mã đơn vị)');
    const path = args.positionals[2];
    if (!path) throw new UsageError('Thiếu tệp JSON các dòng báo cáo');
    const channel = args.options.get('--channel') ?? 'giay';
    const via = ENTRY_VIA_CLI[channel];
    if (!via) throw new UsageError(`--channel cần là một trong: ${Object.keys(ENTRY_VIA_CLI).join(' | ')}`);
    const receivedOn = args.options.get('--received-on');
    if (receivedOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(receivedOn)) throw new UsageError('--received-on cần dạng YYYY-MM-DD');
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new AppError(
        'bad_file',
        (e as NodeJS.ErrnoException).code
          ? `Không mở được tệp "${path}". Kiểm tra đường dẫn và quyền đọc.`
          : `Tệp "${path}" không phải JSON hợp lệ.`,
      );
    }
    return withContext(args, async (ctx) => {
      const { entryFromJson } = await import('../features/report-entry-json');
      const input = entryFromJson(ctx.db, json, { planId, unitCode, receivedOn: receivedOn ?? todayInVietnam(ctx.now()), via });
      return callChannel(ctx, 'reports.enter', input);
    });
  },
};
