// Sending the consolidation upward. (1) As the upward package (consolidation-upward-package.ts): our report with
// this office as the unit, so the level above (running this app) imports and verifies it. (2) Into a province-supplied workbook
// by a saved cell map (indicator code → sheet + cell), leaving the rest of that workbook as it was.
import type { FileIn, FileOut } from '../contract/common';
import { AppError } from '../contract/errors';
import type { CellMapEntry, Consolidation } from '../contract/consolidation';
import type { Db } from '../db/connection';
import { cellMapOf, LAST_SAVED_MAP } from '../db/consolidation';
import { getSetting, putSetting } from '../db/settings';
import { computeConsolidation } from './consolidation';
import { titleCaseOrg } from './consolidation-text';
import { slug } from './reminders';
import { readProfile } from './settings';
import { planOrThrow } from './plan-lookup';
import { readIsolated } from '../gate/isolated';
import type { AheadRun } from './ahead-run';
import { makeFileOffThread } from './export-off-thread';
import { MIME } from '../contract/mime';

const IDENTITY_KEY = 'upward_identity';
type Identity = { code: string; name: string };

/** Our code and name in the register of the level above: given (and remembered), saved, else from Settings. */
function upwardIdentity(db: Db, given: { unitCode: string | null; unitName: string | null }): Identity {
  const profile = readProfile(db);
  const saved = getSetting(db, IDENTITY_KEY) as Partial<Identity> | null | undefined;
  const id = {
    code: given.unitCode ?? saved?.code ?? profile.ownOrgShort ?? 'LDLD',
    name: given.unitName ?? saved?.name ?? titleCaseOrg(profile.ownOrg),
  };
  if (given.unitCode || given.unitName) putSetting(db, IDENTITY_KEY, id);
  return id;
}

/**
 * The upward package (consolidation-upward-package.ts) under this office's identity for the level above, made in the
 * work-ahead worker when there is one (seconds on a province-sized plan; export-off-thread.ts). The identity given is
 * remembered here first (the one write).
 */
export async function upwardPackage(
  run: AheadRun,
  planId: number,
  given: { unitCode: string | null; unitName: string | null; number?: string | null; date?: string | null },
  today: string,
  env: { appVersion: string; now: Date },
): Promise<FileOut> {
  planOrThrow(run.db, planId);
  const identity = upwardIdentity(run.db, given);
  return makeFileOffThread(run, {
    what: 'upward',
    planId,
    options: { identity, number: given.number ?? null, date: given.date ?? today, appVersion: env.appVersion, now: env.now },
  });
}

export function effectiveCellMap(db: Db, planId: number): { entries: CellMapEntry[]; inherited: boolean } {
  const own = cellMapOf(db, planId);
  return own.length ? { entries: own, inherited: false } : { entries: cellMapOf(db, LAST_SAVED_MAP), inherited: true };
}

function mappedValue(c: Consolidation, e: CellMapEntry): number | string | null | undefined {
  const tracking: Record<string, number> = {
    '#expected': c.expected,
    '#submitted': c.submitted,
    '#ontime': c.onTime,
    '#late': c.late,
    '#missing': c.missing.length,
  };
  if (e.code.startsWith('#')) return tracking[e.code.toLowerCase()];
  const i = c.indicators.find((x) => x.code.toLowerCase() === e.code.toLowerCase());
  if (!i) return undefined;
  if (e.measure === 'total2') return i.total2;
  if (e.measure === 'target') return i.targetMin ?? i.targetMax ?? i.targetText;
  if (e.measure === 'rate') return i.achievedPct === null ? null : Math.round(i.achievedPct * 10) / 1000;
  return i.aggregation === 'text' ? i.texts.map((t) => `${t.unitName}: ${t.text}`).join('; ') : i.total;
}

export async function fillProvinceWorkbook(db: Db, planId: number, file: FileIn, today: string) {
  const plan = planOrThrow(db, planId);
  const { entries } = effectiveCellMap(db, planId);
  if (entries.length === 0)
    throw new AppError(
      'invalid_input',
      'Chưa có bảng ánh xạ ô (mã chỉ tiêu → sheet, ô). Hãy khai báo trước khi điền vào mẫu của cấp trên.',
    );
  const c = computeConsolidation(db, planId, today);
  // The province's workbook is outside bytes: loaded, filled and written behind the gate (worker, caps, timeout).
  const cells = entries.map((e) => ({ code: e.code, measure: e.measure, sheet: e.sheet, cell: e.cell, value: mappedValue(c, e) }));
  const { bytes, written, issues } = await readIsolated({ kind: 'fill-workbook', bytes: file.bytes, fileName: file.name, cells });
  const base = file.name.replace(/\.xlsx$/i, '');
  return { file: { name: `${base}-${slug(plan.periodLabel ?? plan.title)}-da-dien.xlsx`, mime: MIME.xlsx, bytes }, written, issues };
}
