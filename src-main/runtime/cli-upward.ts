// CLI `upward --plan ID --code CODE [--name NAME] [--number SỐ] [--date YYYY-MM-DD] --out FILE.xlsx`: the upward
// package for the level above, exactly as the app's "Gửi cấp trên" makes it (the same channel).
import { UsageError } from './cli-args';
import { callChannel, withContext, writeOutFile, type Command } from './cli-call';

export const UPWARD_USAGE = `  upward --plan ID --code MÃ [--name TÊN] [--number SỐ] [--date YYYY-MM-DD] --out FILE.xlsx
                                            Gói báo cáo gửi cấp trên (mã, tên của ta trong danh sách của cấp trên)
`;
export const UPWARD_OPTIONS = ['--code', '--name', '--number', '--date'] as const;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export const upwardCommands: Record<string, Command> = {
  upward: (args, io) => {
    const planId = Number(args.options.get('--plan'));
    if (!Number.isInteger(planId) || planId <= 0) throw new UsageError('Thiếu hoặc sai --plan ID');
    const out = args.options.get('--out');
    if (!out || !/\.xlsx$/i.test(out)) throw new UsageError('Thiếu --out FILE.xlsx');
    const date = args.options.get('--date') ?? null;
    if (date !== null && (!ISO.test(date) || Number.isNaN(Date.parse(date)))) throw new UsageError('--date cần dạng YYYY-MM-DD');
    return withContext(args, async (ctx) => {
      const file = await callChannel(ctx, 'consolidation.upwardPackage', {
        planId,
        unitCode: args.options.get('--code') || null,
        unitName: args.options.get('--name') || null,
        number: args.options.get('--number') || null,
        date,
      });
      const path = writeOutFile(out, file.bytes);
      for (const w of file.warnings ?? []) io.err(`Cảnh báo: ${w}\n`);
      const { readUpwardPackage } = await import('../excel/upward/read');
      const m = (await readUpwardPackage(file.bytes)).manifest!;
      return {
        file: path,
        name: file.name,
        bytes: file.bytes.byteLength,
        issuerCode: m.issuerCode,
        issuerName: m.issuerName,
        contentSha256: m.contentSha256,
        indicatorRows: m.indicatorRows,
        detailUnits: m.detailUnits,
        coverage: m.coverage,
        warnings: file.warnings ?? [],
      };
    });
  },
};
