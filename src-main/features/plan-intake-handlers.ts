// Handlers of the plan intake: 'plans.intake' reads a dropped document behind the gate (progress events under the
// caller's taskId, cancel with 'tasks.cancel') and returns the intake decided in plan-intake.ts;
// 'plans.intakeIndicator' adds a target to the catalog with the code main gives.
import { AppError } from '../contract/errors';
import * as ind from '../db/indicators';
import { writeTx } from '../db/write-tx';
import { readIsolated } from '../gate/isolated';
import type { Handler } from '../handler/handler';
import { buildIntake, createIntakeIndicator } from './plan-intake';
import { openTask } from './report-import/cancel';

const POLL_MS = 200;

export const planIntakeHandlers = {
  'plans.intake': async ({ file, taskId }, ctx) => {
    const task = taskId ?? 'plans.intake';
    const token = openTask(task);
    const stop = new AbortController();
    const poll = setInterval(() => {
      if (token.cancelled) stop.abort();
    }, POLL_MS);
    try {
      const read = await readIsolated(
        { kind: 'plan', bytes: file.bytes, fileName: file.name },
        {
          signal: stop.signal,
          onProgress: (p) => ctx.emit('progress', { task, done: Math.round(p.done * 100) / 100, total: p.total, message: p.message }),
        },
      );
      return buildIntake(read, ind.listIndicators(ctx.db, false));
    } finally {
      clearInterval(poll);
      token.close();
    }
  },
  'plans.intakeIndicator': ({ label, unit, groupCode }, ctx) => {
    const created = writeTx(ctx.db, () => createIntakeIndicator(ctx.db, { label, unit, groupCode }, ctx.now()));
    if (!created) throw new AppError('internal', 'Không tạo được chỉ tiêu. Hãy thử lại.');
    ctx.emit('data.changed', { entity: 'indicators' });
    return created;
  },
} satisfies { [K in 'plans.intake' | 'plans.intakeIndicator']: Handler<K> };
