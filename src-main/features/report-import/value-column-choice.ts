// Which value column a file is read from when its table offers several (period or year sub-columns): the user's pick
// for this file, else the unit's remembered pick for the same headers (only when the reader could not tell), read
// again with that column; and whether the user must still pick one before anything is stored. Picks are remembered
// per unit, plan period and headers.
import type { FileIn } from '../../contract/common';
import type { ParsedReport } from '../../contract/parsed-report';
import type { PreviewFile } from '../../contract/reports';
import type { Db } from '../../db/connection';
import { rememberedValueColumn, rememberValueColumn } from '../../db/value-columns';
import { parseAhead, type ParsedFile } from '../../excel/report/parse-pool';
import type { ParseReportOptions } from '../../excel/report/parse-report';
import { headerMatchKey } from '../../excel/report/value-column';

/** "Không rõ lấy số liệu ở cột nào (Quý I, …, Cả năm)". */
export const columnDoubtText = (p: ParsedReport): string =>
  `Không rõ lấy số liệu ở cột nào (${(p.valueColumns ?? []).map((c) => c.header.split(' / ').pop()).join(', ')})`;

/**
 * The layout's identity for remembering: the period the plan asks for (the right column of Quý I..IV depends on it: a
 * pick made for "Đợt II/2023" is not taken for another period) and the candidate columns' headers, folded, in order.
 */
export const layoutKey = (p: ParsedReport, planPeriod: string | null): string =>
  [headerMatchKey(planPeriod ?? ''), ...(p.valueColumns ?? []).map((c) => headerMatchKey(c.header))].join(' | ');

const hasChoice = (p: ParsedReport): boolean => (p.valueColumns?.length ?? 0) > 1 && !!p.valueColumn;

/** The reader took a column without being able to tell it answers the period, and nobody picked one. */
export const columnInDoubt = (p: ParsedReport): boolean => hasChoice(p) && p.valueColumn?.sure === false && !p.valueColumn.chosen;

/**
 * The header to read the values under: the user's pick for this file; else, when the reader was in doubt, the pick
 * remembered for this unit and these headers. Null: the reader's own choice stands.
 */
export function columnToUse(
  db: Db,
  unitId: number | null,
  p: ParsedReport,
  picked: string | null | undefined,
  planPeriod: string | null,
): { header: string; how: 'chosen' | 'remembered' } | null {
  if (!hasChoice(p)) return null;
  const known = (h: string) => p.valueColumns!.some((c) => headerMatchKey(c.header) === headerMatchKey(h));
  if (picked && known(picked)) return { header: picked, how: 'chosen' };
  if (unitId === null || !columnInDoubt(p)) return null;
  const remembered = rememberedValueColumn(db, unitId, layoutKey(p, planPeriod));
  return remembered && known(remembered) ? { header: remembered, how: 'remembered' } : null;
}

/** The file read again with the values under `header` (in a worker, like every read). */
export async function readWithColumn(file: Pick<FileIn, 'name' | 'bytes'>, opts: ParseReportOptions, header: string): Promise<ParsedFile> {
  return parseAhead([file], { ...opts, valueColumn: header }, 1)(0);
}

/** Remember the user's pick for this unit, period and headers (only when the file really offered a choice). */
export function rememberColumn(db: Db, unitId: number, p: ParsedReport, planPeriod: string | null, now: string): void {
  if (hasChoice(p) && p.valueColumn?.chosen) rememberValueColumn(db, unitId, layoutKey(p, planPeriod), p.valueColumn.header, now);
}

/** What the preview says about the value column: the one taken, how, and the others to pick from. */
export function previewColumn(p: ParsedReport, how: 'chosen' | 'remembered' | null): Pick<PreviewFile, 'valueColumn' | 'valueColumns'> {
  if (!hasChoice(p) || !p.valueColumn) return { valueColumn: null, valueColumns: [] };
  const v = p.valueColumn;
  const letter = p.valueColumns!.find((c) => c.cell === v.cell)?.letter ?? v.cell.replace(/\d+$/, '');
  return {
    valueColumn: {
      letter,
      header: v.header,
      reason: how === 'remembered' ? `Lấy cột '${v.header}' như lần trước của đơn vị này.` : v.reason,
      sure: v.sure !== false || !!v.chosen,
      how: how ?? 'auto',
    },
    valueColumns: p.valueColumns ?? [],
  };
}
