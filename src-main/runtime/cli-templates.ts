// CLI `templates --plan ID --out FILE.zip [--json]`: one report template per unit assigned to the plan (its name,
// code and own targets stamped in), zipped, the same bytes as the app's bulk download.
import { AppError } from '../contract/errors';
import { UsageError } from './cli-args';
import { callChannel, withContext, writeOutFile, type Command } from './cli-call';

export const TEMPLATES_USAGE = `  templates --plan ID --out FILE.zip [--json]
                                            Tạo mẫu báo cáo cho từng đơn vị phải báo cáo của kế hoạch ID (nén .zip)
`;

export const templatesCommands: Record<string, Command> = {
  templates: async (args) => {
    const planId = Number(args.options.get('--plan'));
    if (!Number.isInteger(planId) || planId <= 0) throw new UsageError('Thiếu hoặc sai --plan ID');
    const out = args.options.get('--out');
    if (!out || !/\.zip$/i.test(out)) throw new UsageError('Thiếu --out FILE.zip (tệp nén chứa mẫu của từng đơn vị)');
    return withContext(args, async (ctx) => {
      const plan = await callChannel(ctx, 'plans.get', { id: planId });
      if (plan.unitIds.length === 0)
        throw new AppError('invalid_input', 'Kế hoạch chưa có đơn vị phải báo cáo. Hãy chọn đơn vị cho kế hoạch trước khi tạo mẫu.');
      const started = performance.now();
      const file = await callChannel(ctx, 'reports.templates', { planId, unitIds: plan.unitIds, zip: true });
      const seconds = Math.round(performance.now() - started) / 1000;
      const path = writeOutFile(out, file.bytes);
      const names = listNames(file.bytes);
      return { file: path, units: names.length, files: names, bytes: file.bytes.byteLength, seconds };
    });
  },
};

/** Entry names of a zip from its central directory (without inflating anything). */
function listNames(zip: Uint8Array): string[] {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (eocd >= 0 && dv.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) return [];
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const dec = new TextDecoder();
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = dv.getUint16(p + 28, true);
    const extra = dv.getUint16(p + 30, true);
    const comment = dv.getUint16(p + 32, true);
    names.push(dec.decode(zip.subarray(p + 46, p + 46 + n)));
    p += 46 + n + extra + comment;
  }
  return names;
}
