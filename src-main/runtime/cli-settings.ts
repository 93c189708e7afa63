// CLI commands for the organisation profile (the Settings page's fields): `settings get` and
// `settings set FILE.json` — the JSON's fields are laid over the saved profile and validated like the page.
import { readFileSync } from 'node:fs';
import { AppError } from '../contract/errors';
import type { OrgProfile } from '../contract/settings';
import { UsageError } from './cli-args';
import { callChannel, withContext, type Command } from './cli-call';

export const SETTINGS_USAGE = `  settings get [--json]                     Thông tin đơn vị (tên cơ quan, cấp trên, địa danh, người ký…)
  settings set FILE.json [--json]           Lưu thông tin đơn vị từ tệp JSON (các trường như trang Cài đặt:
                                            ownOrg, parentOrg, placeName, ownOrgShort, documentCode,
                                            signerAuthority, signerTitle, signerName, levelNames); trường vắng giữ nguyên
`;

function readJson(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new AppError('bad_file', `Không mở được tệp "${path}". Kiểm tra đường dẫn và quyền đọc.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('bad_file', `Tệp "${path}" không phải JSON hợp lệ.`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json))
    throw new AppError('invalid_input', `Tệp "${path}" cần là một đối tượng JSON, ví dụ {"ownOrg": "LĐLĐ huyện …"}.`);
  return json as Record<string, unknown>;
}

export const settingsCommands: Record<string, Command> = {
  'settings get': (args) =>
    withContext(args, async (ctx) => {
      return callChannel(ctx, 'settings.get', {});
    }),
  'settings set': (args) => {
    const path = args.positionals[2];
    if (!path) throw new UsageError('Thiếu đường dẫn tệp JSON');
    const patch = readJson(path);
    return withContext(args, async (ctx) => {
      const saved: OrgProfile = await callChannel(ctx, 'settings.get', {});
      const levelNames = { ...saved.levelNames, ...(typeof patch.levelNames === 'object' && patch.levelNames ? patch.levelNames : {}) };
      return callChannel(ctx, 'settings.save', { ...saved, ...patch, levelNames } as never);
    });
  },
};
