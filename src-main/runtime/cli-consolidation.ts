// CLI commands for consolidation (DESIGN.md §5): `consolidate --plan ID --json` and
// `export consolidated|docx|reminders --plan ID --out FILE` (.xlsx / .docx; a .pdf --out renders the Word document to PDF in the app).
import type { FileOut } from '../contract/common';
import { todayInVietnam } from '../text/vi-date';
import { UsageError, type ParsedArgs } from './cli-args';
import type { RunningContext } from './create-context';
import { callChannel, withContext, writeOutFile, type Command } from './cli-call';

export const CONSOLIDATION_USAGE = `  consolidate --plan ID [--json]            Tổng hợp kết quả kế hoạch ID (đã nộp, đúng hạn, trễ, chưa nộp, tổng chỉ tiêu)
  export consolidated|docx|reminders --plan ID --out FILE
                                            Xuất báo cáo tổng hợp (.xlsx), báo cáo Word (.docx) hoặc công văn đôn đốc (.docx);
                                            --out *.pdf: báo cáo Word, công văn đôn đốc xuất thẳng ra PDF
`;

function planOf(args: ParsedArgs): number {
  const plan = Number(args.options.get('--plan'));
  if (!Number.isInteger(plan) || plan <= 0) throw new UsageError('Thiếu hoặc sai --plan ID');
  return plan;
}

const KINDS = ['consolidated', 'docx', 'reminders'] as const;

/** The same channels as the app's export buttons (a .pdf is the Word document made into PDF in the app). */
async function exportOne(kind: (typeof KINDS)[number], ctx: RunningContext, planId: number, pdf: boolean): Promise<FileOut> {
  const date = todayInVietnam(ctx.now());
  if (kind === 'consolidated') {
    if (pdf) return callChannel(ctx, 'consolidation.exportPdf', { planId, number: null, date, from: 'xlsx' });
    return callChannel(ctx, 'consolidation.exportXlsx', { planId, number: null, date });
  }
  if (kind === 'docx')
    return callChannel(ctx, pdf ? 'consolidation.exportPdf' : 'consolidation.exportDocx', { planId, number: null, date });
  const letter = (await callChannel(ctx, 'reminders.letter', { planId, unitIds: null, number: null, date, newDueOn: null })).file;
  return pdf ? { ...letter, bytes: await (await import('../features/pdf-export')).toPdf(letter.bytes, 'docx') } : letter;
}

export const consolidationCommands: Record<string, Command> = {
  consolidate: (args) => {
    const planId = planOf(args);
    return withContext(args, async (ctx) => {
      const { consolidateJson } = await import('../features/consolidation-handlers');
      return consolidateJson(await callChannel(ctx, 'consolidation.get', { planId }));
    });
  },
  export: (args, io) => {
    const kind = args.positionals[1];
    if (!KINDS.includes(kind as never)) throw new UsageError(`Cần chọn loại xuất: ${KINDS.join(' | ')}`);
    const planId = planOf(args);
    const out = args.options.get('--out');
    if (!out) throw new UsageError('Thiếu --out FILE');
    return withContext(args, async (ctx) => {
      // like the app's export dialog: the value warnings still open are said and listed before anything is written
      const open =
        kind === 'reminders' ? [] : (await callChannel(ctx, 'checks.plan', { planId })).warnings.filter((w) => w.status === 'open');
      if (open.length) {
        io.err(
          `Cảnh báo: còn ${open.length} cảnh báo số liệu chưa xử lý, vẫn được tính vào báo cáo (xem: check-values --plan ${planId}):\n`,
        );
        for (const w of open.slice(0, 10)) io.err(`  ${w.unitCode}, ${w.indicatorCode}: ${w.message}\n`);
        if (open.length > 10) io.err(`  … và ${open.length - 10} cảnh báo khác.\n`);
      }
      const pdf = /\.pdf$/i.test(out);
      const file = await exportOne(kind as (typeof KINDS)[number], ctx, planId, pdf);
      const bytes = file.bytes;
      const path = writeOutFile(out, bytes);
      for (const w of file.warnings ?? []) io.err(`Cảnh báo: ${w}\n`);
      return {
        file: path,
        name: file.name,
        bytes: bytes.byteLength,
        format: pdf ? 'pdf' : file.name.split('.').pop(),
        warnings: file.warnings ?? [],
        openValueWarnings: open.length,
      };
    });
  },
};
