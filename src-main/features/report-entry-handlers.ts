// IPC handlers of manual report entry (contract/report-entry.ts): the form, the check and the store.
import type { Handler } from '../handler/handler';
import { checkEntry, enterReport, entryForm } from './report-entry';

export const reportEntryHandlers = {
  'reports.entryForm': ({ planId, unitId }, ctx) => entryForm(ctx.db, planId, unitId),
  'reports.entryCheck': (input, ctx) => checkEntry(ctx, input),
  'reports.enter': (input, ctx) => enterReport(ctx, input),
} satisfies { [K in 'reports.entryForm' | 'reports.entryCheck' | 'reports.enter']: Handler<K> };
