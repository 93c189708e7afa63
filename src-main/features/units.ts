// Units feature: add/edit/deactivate/delete units with their aliases, each change audited; rules that
// span tables (no cycles in the tree, no deleting a unit that has records) live here.
import { AppError } from '../contract/errors';
import type { UnitDraft } from '../contract/units';
import { addAudit } from '../db/audit';
import type { Db } from '../db/connection';
import * as units from '../db/units';
import type { Handler } from '../handler/handler';
import { importUnits } from './units-import';
import { checkDraft, mustGetUnit } from './unit-rules';
import { backupBeforeBatch } from '../data-file/backup-store';
import { aheadRun } from './ahead-run';
import { makeFileOffThread } from './export-off-thread';
import { writeTx } from '../db/write-tx';
import { cachedByDataVersion } from './data-version-cache';

function saveUnit(db: Db, d: UnitDraft, now: Date) {
  if (d.id !== undefined) mustGetUnit(db, d.id);
  checkDraft(db, d);
  const id = writeTx(db, () => {
    const id = units.upsertUnit(db, d, now.toISOString());
    addAudit(
      db,
      {
        action: d.id === undefined ? 'unit.create' : 'unit.update',
        entity: 'units',
        entityId: id,
        summary: `${d.id === undefined ? 'Thêm' : 'Sửa'} đơn vị ${d.code} – ${d.name}`,
        details: d,
      },
      now,
    );
    return id;
  });
  return mustGetUnit(db, id);
}

export const unitsHandlers = {
  // the same list again while the data is unchanged (5,000 units: ~80–110 ms to make; four pages ask for it)
  'units.list': ({ includeInactive }, ctx) =>
    cachedByDataVersion(ctx.db, `units.list|${includeInactive}`, () => units.listUnits(ctx.db, includeInactive), 'lists'),
  'units.get': ({ id }, ctx) => mustGetUnit(ctx.db, id),
  'units.save': (draft, ctx) => {
    const saved = saveUnit(ctx.db, draft, ctx.now());
    ctx.emit('data.changed', { entity: 'units' });
    return saved;
  },
  'units.setActive': ({ id, active }, ctx) => {
    const u = mustGetUnit(ctx.db, id);
    writeTx(ctx.db, () => {
      units.setUnitActive(ctx.db, id, active, ctx.now().toISOString());
      addAudit(
        ctx.db,
        {
          action: active ? 'unit.activate' : 'unit.deactivate',
          entity: 'units',
          entityId: id,
          summary: `${active ? 'Cho hoạt động lại' : 'Ngừng theo dõi'} đơn vị ${u.code} – ${u.name}`,
        },
        ctx.now(),
      );
    });
    ctx.emit('data.changed', { entity: 'units' });
    return mustGetUnit(ctx.db, id);
  },
  'units.delete': ({ id }, ctx) => {
    const u = mustGetUnit(ctx.db, id);
    if (u.recordCount > 0)
      throw new AppError(
        'conflict',
        `Đơn vị "${u.name}" đã có ${u.recordCount} báo cáo/hồ sơ nên không thể xoá. Hãy chọn "Ngừng theo dõi" thay vì xoá.`,
      );
    const children = units.countChildren(ctx.db, id);
    if (children > 0)
      throw new AppError(
        'conflict',
        `Đơn vị "${u.name}" còn ${children} đơn vị trực thuộc. Hãy chuyển các đơn vị đó sang đơn vị cấp trên khác trước.`,
      );
    writeTx(ctx.db, () => {
      units.deleteUnit(ctx.db, id);
      addAudit(
        ctx.db,
        { action: 'unit.delete', entity: 'units', entityId: id, summary: `Xoá đơn vị ${u.code} – ${u.name}`, details: u },
        ctx.now(),
      );
    });
    ctx.emit('data.changed', { entity: 'units' });
    return { deleted: true as const };
  },
  'units.import': async ({ file, dryRun, skipInvalid, codes, keep }, ctx) => {
    const beforeCommit = dryRun ? undefined : () => void backupBeforeBatch(ctx, `Trước khi nhập danh sách đơn vị "${file.name}"`);
    const result = await importUnits(ctx.db, file, { dryRun, skipInvalid, beforeCommit, codes, keep }, ctx.now());
    if (!dryRun) ctx.emit('data.changed', { entity: 'units' });
    return result;
  },
  // a second on 5,000 units: made in the work-ahead worker (export-off-thread.ts)
  'units.export': ({ includeInactive }, ctx) => makeFileOffThread(aheadRun(ctx), { what: 'units', includeInactive, now: ctx.now() }),
} satisfies {
  [K in 'units.list' | 'units.get' | 'units.save' | 'units.setActive' | 'units.delete' | 'units.import' | 'units.export']: Handler<K>;
};
