// Units feature: add/edit/deactivate/delete units with their aliases, each change audited; rules that
// span tables (no cycles in the tree, no deleting a unit that has records) live here.
import { AppError } from '../contract/errors';
import { UNIT_KIND_LABELS, type UnitDraft } from '../contract/units';
import { addAudit } from '../db/audit';
import type { Db } from '../db/connection';
import * as units from '../db/units';
import type { Handler } from '../handler/handler';
import { fold } from '../text/vi-text';
import { importUnits } from './units-import';
import { backupBeforeBatch } from '../data-file/backup-store';
import { exportUnits } from './units-export';
import { writeTx } from '../db/write-tx';

function mustGet(db: Db, id: number) {
  const u = units.getUnit(db, id);
  if (!u) throw new AppError('not_found', 'Không tìm thấy đơn vị (có thể đã bị xoá). Hãy tải lại danh sách.');
  return u;
}

/** Checks a draft against the register; throws AppError with field messages. */
export function checkDraft(db: Db, d: UnitDraft): void {
  const sameCode = units.findUnitIdByCode(db, d.code);
  if (sameCode !== undefined && sameCode !== d.id) {
    const other = mustGet(db, sameCode);
    throw new AppError('conflict', `Mã "${d.code}" đã dùng cho "${other.name}". Hãy chọn mã khác.`, { code: 'Mã đã tồn tại' });
  }
  if (d.parentId !== null) {
    mustGet(db, d.parentId);
    if (d.id !== undefined && (d.parentId === d.id || units.wouldCycle(db, d.id, d.parentId)))
      throw new AppError('invalid_input', 'Đơn vị cấp trên không hợp lệ: không thể trực thuộc chính nó hoặc đơn vị cấp dưới của nó.', {
        parentId: 'Chọn đơn vị cấp trên khác',
      });
  }
}

export function saveUnit(db: Db, d: UnitDraft, now: Date) {
  if (d.id !== undefined) mustGet(db, d.id);
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
  return mustGet(db, id);
}

export const unitsHandlers = {
  'units.list': ({ includeInactive }, ctx) => units.listUnits(ctx.db, includeInactive),
  'units.get': ({ id }, ctx) => mustGet(ctx.db, id),
  'units.save': (draft, ctx) => {
    const saved = saveUnit(ctx.db, draft, ctx.now());
    ctx.emit('data.changed', { entity: 'units' });
    return saved;
  },
  'units.setActive': ({ id, active }, ctx) => {
    const u = mustGet(ctx.db, id);
    writeTx(ctx.db, () => {
      units.setUnitActive(ctx.db, id, active, ctx.now().toISOString());
      addAudit(ctx.db, {
        action: active ? 'unit.activate' : 'unit.deactivate',
        entity: 'units',
        entityId: id,
        summary: `${active ? 'Cho hoạt động lại' : 'Ngừng theo dõi'} đơn vị ${u.code} – ${u.name}`,
      }, ctx.now());
    });
    ctx.emit('data.changed', { entity: 'units' });
    return mustGet(ctx.db, id);
  },
  'units.delete': ({ id }, ctx) => {
    const u = mustGet(ctx.db, id);
    if (u.recordCount > 0)
      throw new AppError('conflict', `Đơn vị "${u.name}" đã có ${u.recordCount} báo cáo/hồ sơ nên không thể xoá. Hãy chọn "Ngừng theo dõi" thay vì xoá.`);
    const children = units.countChildren(ctx.db, id);
    if (children > 0)
      throw new AppError('conflict', `Đơn vị "${u.name}" còn ${children} đơn vị trực thuộc. Hãy chuyển các đơn vị đó sang đơn vị cấp trên khác trước.`);
    writeTx(ctx.db, () => {
      units.deleteUnit(ctx.db, id);
      addAudit(ctx.db, { action: 'unit.delete', entity: 'units', entityId: id, summary: `Xoá đơn vị ${u.code} – ${u.name}`, details: u }, ctx.now());
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
  'units.export': ({ includeInactive }, ctx) => exportUnits(ctx.db, includeInactive, ctx.now()),
} satisfies { [K in
  'units.list' | 'units.get' | 'units.save' | 'units.setActive' | 'units.delete' | 'units.import' | 'units.export']: Handler<K> };

/** Parse a free-text unit kind ("CĐCS", "Nghiệp đoàn", "Công đoàn cấp trên") to a kind code. */
export function parseUnitKind(text: string): UnitDraft['kind'] | null {
  const f = fold(text);
  if (!f) return null;
  if (f.includes('nghiep doan')) return 'nghiep_doan';
  if (f.includes('cap tren') || f.includes('lien doan') || f.includes('ldld')) return 'cap_tren';
  if (f.includes('co so') || f.includes('cdcs') || f === 'cs') return 'cdcs';
  for (const [k, label] of Object.entries(UNIT_KIND_LABELS)) if (fold(label) === f) return k as UnitDraft['kind'];
  if (f === 'khac') return 'khac';
  return null;
}
