// Handlers of the mapping screen (contract/report-mapping.ts): one file analysed again with the user's picks.
import type { Handler } from '../handler/handler';
import { analyzeFile } from './report-import/analyze';
import { loadPlanContext } from './report-import/context';

export const reportMappingHandlers = {
  'reports.previewFile': async ({ planId, file, index, unitId, valueColumn }, ctx) => {
    const pc = loadPlanContext(ctx.db, planId);
    return (await analyzeFile(ctx.db, pc, file, index, ctx.now(), new Set(), undefined, { unitId, valueColumn })).preview;
  },
} satisfies { [K in 'reports.previewFile']: Handler<K> };
