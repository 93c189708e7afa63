// Shared bits of the "Theo dõi & tổng hợp" tab (labels come from contract/report-labels.ts): number/percent formatting for tables, and `download(job)` which saves the FileOut a call returns and turns a
// refusal (e.g. a PDF asked of a workbook) into the backend's own Vietnamese message in a toast.
import type { FileOut } from '../../src-main/contract/common';
import { formatViNumber } from '../../src-main/text/vi-number';
import { saveFile } from './files';
import { errorMessage, rpc } from './rpc';
import { toasts } from './toasts.svelte';

export const fmtPct = (n: number | null | undefined): string => (n === null || n === undefined ? '–' : `${formatViNumber(n)}%`);
export const fmtVal = (v: number | string | null | undefined): string =>
  v === null || v === undefined ? '' : typeof v === 'number' ? formatViNumber(v) : v;

/**
 * Before anything of a plan is written out: the value warnings still open are said and listed, and the user chooses
 * to export anyway or to look at them first (tab "Kiểm tra số liệu"). Resolves true to go on.
 */
export async function confirmOpenWarnings(planId: number, what: string): Promise<boolean> {
  let open: { unitCode: string; indicatorCode: string; message: string }[];
  try {
    open = (await rpc('checks.plan', { planId })).warnings.filter((w) => w.status === 'open');
  } catch (e) {
    toasts.show('error', errorMessage(e));
    return false;
  }
  if (open.length === 0) return true;
  const list = open
    .slice(0, 10)
    .map((w) => `• ${w.unitCode}, ${w.indicatorCode}: ${w.message}`)
    .join('\n');
  const more = open.length > 10 ? `\n… và ${open.length - 10} cảnh báo khác.` : '';
  return confirm(
    `Còn ${open.length} cảnh báo số liệu chưa xử lý, các số liệu này vẫn được tính vào ${what}:\n\n${list}${more}\n\n` +
      'Bấm OK để vẫn xuất, hoặc Huỷ để xem ở tab "Kiểm tra số liệu" trước.',
  );
}

/** Run an export: save the file it returns, toast `done` (or the error). Resolves true when a file was saved. */
export async function download(job: () => Promise<FileOut>, done?: string): Promise<boolean> {
  try {
    const out = await job();
    saveFile(out);
    toasts.show('ok', done ?? `Đã tải xuống ${out.name}.`);
    return true;
  } catch (e) {
    toasts.show('error', errorMessage(e));
    return false;
  }
}
