// RPC handlers for tracking, reminders and consolidation (contract/consolidation.ts): thin wrappers that pick
// today's date in Vietnam, run the feature, and audit what changes data (reminders, cell maps).
import type { Handler } from '../handler/handler';
import type { Consolidation } from '../contract/consolidation';
import { addAudit } from '../db/audit';
import { saveCellMap } from '../db/consolidation';
import { todayInVietnam } from '../text/vi-date';
import { cachedConsolidation, cachedTracking } from './consolidation-cache';
import { exportMissingList } from './consolidation-export';
import { exportConsolidated, makeFileOffThread } from './export-off-thread';
import { pdfFonts, XLSX_PDF_MESSAGE } from './pdf-export';
import { AppError } from '../contract/errors';
import { aheadRun } from './ahead-run';
import { effectiveCellMap, fillProvinceWorkbook, upwardPackage } from './consolidation-upward';
import { recordReminders, reminderHistory, reminderLetter } from './reminders';
import { planOrThrow } from './plan-lookup';
import { writeTx } from '../db/write-tx';

type Channels =
  | 'tracking.get'
  | 'tracking.exportMissing'
  | 'reminders.letter'
  | 'reminders.history'
  | 'reminders.record'
  | 'consolidation.get'
  | 'consolidation.exportXlsx'
  | 'consolidation.exportDocx'
  | 'consolidation.exportPdf'
  | 'consolidation.upwardPackage'
  | 'consolidation.cellMap.get'
  | 'consolidation.cellMap.save'
  | 'consolidation.fillProvinceWorkbook';

/** The consolidation as the CLI `consolidate --json` prints it (DESIGN.md §5): contract keys, small extras beside them. */
export function consolidateJson(c: Consolidation) {
  return {
    expected: c.expected,
    submitted: c.submitted,
    onTime: c.onTime,
    late: c.late,
    missing: c.missing,
    indicators: c.indicators.map((i) => ({
      code: i.code,
      label: i.label,
      unit: i.unit,
      target: i.target,
      total: i.total,
      unit2: i.unit2,
      total2: i.total2,
      aggregation: i.aggregation,
      scope: i.scope,
      achievedPct: i.achievedPct,
      unitsMet: i.unitsMet,
      reporting: i.reporting,
      reportedBy: i.reporting,
      notApplicable: i.notApplicable,
      lastYear: i.lastYear,
      changePct: i.changePct,
    })),
    planId: c.planId,
    title: c.title,
    completenessPct: c.completenessPct,
    timelinessPct: c.timelinessPct,
    lateUnits: c.lateUnits,
  };
}

export const consolidationHandlers = {
  'tracking.get': ({ planId }, ctx) => cachedTracking(ctx.db, planId, todayInVietnam(ctx.now())),
  'tracking.exportMissing': ({ planId }, ctx) => exportMissingList(ctx.db, planId, todayInVietnam(ctx.now())),
  'reminders.letter': async (i, ctx) => {
    const date = i.date ?? todayInVietnam(ctx.now());
    const res = await reminderLetter(ctx.db, { planId: i.planId, unitIds: i.unitIds, number: i.number, date, newDueOn: i.newDueOn });
    if (i.record) {
      writeTx(ctx.db, () => {
        recordReminders(
          ctx.db,
          i.planId,
          res.units.map((u) => u.id),
          { sentOn: date, channel: 'letter', number: i.number, note: null },
          ctx.now().toISOString(),
        );
        addAudit(
          ctx.db,
          { action: 'reminders.record', entity: 'plans', entityId: i.planId, summary: `Gửi công văn đôn đốc ${res.units.length} đơn vị` },
          ctx.now(),
        );
      });
      ctx.emit('data.changed', { entity: 'reminders' });
    }
    return res;
  },
  'reminders.history': ({ planId, unitId }, ctx) => reminderHistory(ctx.db, planId, unitId),
  'reminders.record': (i, ctx) => {
    const recorded = writeTx(ctx.db, () => {
      const n = recordReminders(
        ctx.db,
        i.planId,
        i.unitIds,
        { sentOn: i.sentOn ?? todayInVietnam(ctx.now()), channel: i.channel, number: i.number, note: i.note },
        ctx.now().toISOString(),
      );
      addAudit(
        ctx.db,
        { action: 'reminders.record', entity: 'plans', entityId: i.planId, summary: `Ghi nhận đôn đốc ${n} đơn vị (${i.channel})` },
        ctx.now(),
      );
      return n;
    });
    ctx.emit('data.changed', { entity: 'reminders' });
    return { recorded };
  },
  'consolidation.get': ({ planId }, ctx) => cachedConsolidation(ctx.db, planId, todayInVietnam(ctx.now())),
  // seconds on a province-sized plan: made in the work-ahead worker, first in its queue (export-off-thread.ts)
  'consolidation.exportXlsx': (i, ctx) =>
    exportConsolidated(aheadRun(ctx), 'xlsx', { planId: i.planId, number: i.number, date: i.date ?? todayInVietnam(ctx.now()) }),
  'consolidation.exportDocx': (i, ctx) =>
    exportConsolidated(aheadRun(ctx), 'docx', { planId: i.planId, number: i.number, date: i.date ?? todayInVietnam(ctx.now()) }),
  // made in the work-ahead worker too (the PDF of a 4,461-unit plan held the app 0.4–0.9 s)
  'consolidation.exportPdf': (i, ctx) => {
    if (i.from === 'xlsx') throw new AppError('invalid_input', XLSX_PDF_MESSAGE);
    const options = { planId: i.planId, number: i.number, date: i.date ?? todayInVietnam(ctx.now()) };
    return makeFileOffThread(aheadRun(ctx), { what: 'consolidated-pdf', options, fonts: pdfFonts() });
  },
  'consolidation.upwardPackage': (i, ctx) =>
    upwardPackage(
      aheadRun(ctx),
      i.planId,
      { unitCode: i.unitCode, unitName: i.unitName, number: i.number, date: i.date },
      todayInVietnam(ctx.now()),
      { appVersion: ctx.version, now: ctx.now() },
    ),
  'consolidation.cellMap.get': ({ planId }, ctx) => {
    planOrThrow(ctx.db, planId);
    return effectiveCellMap(ctx.db, planId);
  },
  'consolidation.cellMap.save': ({ planId, entries }, ctx) => {
    planOrThrow(ctx.db, planId);
    writeTx(ctx.db, () => {
      saveCellMap(ctx.db, planId, entries);
      addAudit(
        ctx.db,
        {
          action: 'consolidation.cellMap',
          entity: 'plans',
          entityId: planId,
          summary: `Lưu bảng ánh xạ ô mẫu cấp trên (${entries.length} ô)`,
        },
        ctx.now(),
      );
    });
    return effectiveCellMap(ctx.db, planId);
  },
  'consolidation.fillProvinceWorkbook': ({ planId, file }, ctx) => fillProvinceWorkbook(ctx.db, planId, file, todayInVietnam(ctx.now())),
} satisfies { [K in Channels]: Handler<K> };
