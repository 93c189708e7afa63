// Report import in the renderer: one item per dropped file (its bytes, the dry-run preview and the user's
// decisions), whether it can be committed, what to send to reports.commit, and how issues/cells read.
import type { ReportIssue } from '../../src-main/contract/parsed-report';
import type { MappedRow, PreviewFile } from '../../src-main/contract/reports';
import type { ChannelId } from '../../src-main/contract/report-labels';

export interface Decision {
  unitId: number | null;
  receivedOn: string;
  channel: ChannelId;
  /** Indicator chosen for each preview row (same order as preview.rows); null = ignore the row. */
  mapping: (number | null)[];
  remember: boolean;
  /** The user has looked at the unit / the guessed rows and agreed. */
  unitConfirmed: boolean;
  mappingConfirmed: boolean;
  /** The user's tick: take this file in the commit. */
  include: boolean;
  /** Why a flagged value is right, per preview row index (a value with a blocking check needs one to be stored). */
  reasons: Record<number, string>;
  /** Header of the value column picked by hand on the mapping screen (null: the reader's or the unit's remembered one). */
  valueColumn: string | null;
}

export interface ImportItem {
  /** Where its bytes are kept (outside reactive state: hundreds of files must not be proxied or copied). */
  key: number;
  preview: PreviewFile;
  d: Decision;
}

/** What committing would do with an item right now. */
type Readiness = 'ready' | 'needs' | 'excluded' | 'skipped';

export function newItem(key: number, preview: PreviewFile, channel: ChannelId): ImportItem {
  return {
    key,
    preview,
    d: {
      unitId: preview.unit?.id ?? null,
      receivedOn: preview.receivedOn,
      channel,
      mapping: preview.rows.map((r) => r.indicatorId),
      remember: true,
      unitConfirmed: false,
      mappingConfirmed: false,
      include: preview.status !== 'error' && preview.status !== 'duplicate',
      reasons: {},
      valueColumn: preview.valueColumn?.how === 'chosen' ? preview.valueColumn.header : null,
    },
  };
}

/** Does the unit still need the user's word? (no unit, a guess, or a unit outside the plan's list). */
export function needsUnit(it: ImportItem, planUnitIds: ReadonlySet<number>): boolean {
  if (it.preview.status !== 'confirm' || it.d.unitConfirmed) return false;
  const p = it.preview;
  if (it.d.unitId === null) return true;
  if (p.unit?.id !== it.d.unitId) return false; // picked by hand: that is the confirmation
  return !p.unitSure || !planUnitIds.has(it.d.unitId);
}

function needsMapping(it: ImportItem): boolean {
  return it.preview.status === 'confirm' && !it.d.mappingConfirmed && it.preview.rows.some((r) => !r.sure);
}

/** Preview rows (by index) whose value a check holds and that still lack the user's reason (rows mapped elsewhere by hand excepted). */
export function unconfirmedFlags(it: ImportItem): number[] {
  return it.preview.rows.flatMap((r, i) =>
    r.checks?.some((c) => c.blocking) &&
    it.d.mapping[i] === r.indicatorId &&
    r.indicatorId !== null &&
    (it.d.reasons[i] ?? '').trim().length < 3
      ? [i]
      : [],
  );
}

/** The flagged values the user confirmed, with the reason, as reports.commit takes them. */
export function confirmations(it: ImportItem): { label: string; reason: string }[] {
  return it.preview.rows.flatMap((r, i) => {
    const reason = (it.d.reasons[i] ?? '').trim();
    return r.checks?.length && reason.length >= 3 ? [{ label: r.label, reason }] : [];
  });
}

/** The reader could not tell which value column answers the period, and no column was picked yet. */
export const needsColumn = (it: ImportItem): boolean => it.preview.valueColumn?.sure === false && !it.d.valueColumn;

/** None of the file's rows matched an indicator: only the mapping screen can take it further. */
export const matchedNothing = (p: PreviewFile): boolean =>
  p.status === 'confirm' && p.rows.length > 0 && p.rows.every((r) => r.indicatorId === null);

/** Does the mapping screen need to open by itself for this file? (rows matched nothing, or the value column is in doubt) */
export const wantsMappingScreen = (it: ImportItem): boolean => it.d.include && (matchedNothing(it.preview) || needsColumn(it));

/**
 * The mapping to keep when a file is analysed again (another value column): the rows the user set by hand keep
 * the choice, the others take the new analysis.
 */
export function carryMapping(old: PreviewFile, mapping: (number | null)[], fresh: PreviewFile): (number | null)[] {
  return fresh.rows.map((r, i) => {
    const before = old.rows[i];
    const hand = before && before.label === r.label && mapping[i] !== undefined && mapping[i] !== before.indicatorId;
    return hand ? (mapping[i] ?? null) : r.indicatorId;
  });
}

/**
 * The rows the user mapped by hand in `source` (label -> indicator), applied to another file of the same unit in the
 * same drop: only to its rows the app could not match and the user has not set. Returns how many rows were set.
 */
export function shareMapping(source: ImportItem, target: ImportItem): number {
  if (source === target || source.d.unitId === null || target.d.unitId !== source.d.unitId || !target.d.include) return 0;
  const hand = new Map<string, number>();
  source.preview.rows.forEach((r, i) => {
    const chosen = source.d.mapping[i];
    if (chosen !== undefined && chosen !== null && chosen !== r.indicatorId) hand.set(r.label, chosen);
  });
  let n = 0;
  target.preview.rows.forEach((r, i) => {
    const id = hand.get(r.label);
    if (id === undefined || r.indicatorId !== null || (target.d.mapping[i] ?? null) !== null || target.d.mapping.includes(id)) return;
    target.d.mapping[i] = id;
    n++;
  });
  return n;
}

export function readiness(it: ImportItem, planUnitIds: ReadonlySet<number>): Readiness {
  const s = it.preview.status;
  if (s === 'error' || s === 'duplicate') return 'excluded';
  if (!it.d.include) return 'skipped';
  if (it.d.unitId === null || needsUnit(it, planUnitIds) || needsMapping(it) || needsColumn(it) || unconfirmedFlags(it).length)
    return 'needs';
  if (!it.d.mapping.some((m) => m !== null)) return 'needs';
  return 'ready';
}

/** The user's mapping decisions to send: rows changed by hand, and guesses the user accepted. */
export function mappingOverrides(it: ImportItem): { label: string; indicatorId: number | null }[] {
  const out = new Map<string, number | null>();
  it.preview.rows.forEach((r, i) => {
    const chosen = it.d.mapping[i] ?? null;
    if (chosen !== r.indicatorId || (!r.sure && it.d.mappingConfirmed)) out.set(r.label, chosen);
  });
  return [...out].map(([label, indicatorId]) => ({ label, indicatorId }));
}

/** "Báo cáo!12" -> "Sheet 'Báo cáo', dòng 12". */
export function cellText(cell: string | null): string {
  if (!cell) return '';
  const i = cell.lastIndexOf('!');
  if (i < 0) return cell;
  const where = cell.slice(i + 1);
  return `Sheet '${cell.slice(0, i)}', ${/^\d+$/.test(where) ? 'dòng' : 'ô'} ${where}`;
}

/** An issue as one sentence with its place: the reader's messages already start with "Sheet '…', ô …". */
export function issueText(i: ReportIssue): string {
  if (/^Sheet '/.test(i.message) || (!i.sheet && !i.cell)) return i.message;
  const where = [i.sheet ? `Sheet '${i.sheet}'` : null, i.cell ? `ô ${i.cell}` : null].filter(Boolean).join(', ');
  return `${where}: ${i.message}`;
}

export const HOW_LABELS: Record<MappedRow['how'], { text: string; tone: '' | 'ok' | 'info' | 'warn' }> = {
  code: { text: 'Theo mẫu', tone: 'ok' },
  label: { text: 'Trùng tên', tone: 'ok' },
  remembered: { text: 'Đã ghi nhớ', tone: 'info' },
  similar: { text: 'Phỏng đoán', tone: 'warn' },
  none: { text: 'Không khớp', tone: '' },
};

/** "Công đoàn Trường THCS Lê Lợi" -> "Trường THCS Lê Lợi": the part that tells units apart, for narrow cells. */
export const shortUnitName = (name: string): string => name.replace(/^công đoàn(\s+cơ sở)?\s+/iu, '') || name;

/** Spreadsheet files only (a dropped folder may bring other files along): .xlsx/.xlsm, and .xls/.ods/.csv/.tsv,
 *  which the readers convert. */
export const isWorkbookName = (name: string): boolean => /\.(xlsx|xlsm|xls|ods|csv|tsv)$/i.test(name);

/** Names of files left out of a drop, for a message: the first 8 in quotes, then how many more. */
export function skippedNames(names: readonly string[]): string {
  const shown = names
    .slice(0, 8)
    .map((n) => `"${n}"`)
    .join(', ');
  return names.length > 8 ? `${shown} và ${names.length - 8} tệp khác` : shown;
}

/** The file pickers' `accept` for workbooks the imports read (the same list as isWorkbookName). */
export const WORKBOOK_ACCEPT = '.xlsx,.xlsm,.xls,.ods,.csv,.tsv';

/** How the accepted formats are named to users. */
export const WORKBOOK_KINDS = '.xlsx, .xls, .ods, .csv';

/** Files inside dropped folders (Chromium/Electron give directory entries through webkitGetAsEntry). */
export async function filesFromDrop(items: DataTransferItemList): Promise<File[] | null> {
  const entries = [...items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (!entries.some((e) => e.isDirectory)) return null;
  const out: File[] = [];
  const walk = async (e: FileSystemEntry, depth: number): Promise<void> => {
    if (e.isFile) {
      out.push(await new Promise<File>((res, rej) => (e as FileSystemFileEntry).file(res, rej)));
    } else if (e.isDirectory && depth < 4) {
      const reader = (e as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
        if (!batch.length) break;
        for (const c of batch) await walk(c, depth + 1);
      }
    }
  };
  for (const e of entries) await walk(e, 0);
  return out;
}
