// Rules of a unit draft shared by the units feature and the units import: a code used once, a parent that exists
// and is not the unit itself or below it, and free-text unit kinds ("CĐCS", "Nghiệp đoàn") read to kind codes.
import { AppError } from '../contract/errors';
import { UNIT_KIND_LABELS, type UnitDraft } from '../contract/units';
import type { Db } from '../db/connection';
import * as units from '../db/units';
import { fold } from '../text/vi-text';

export function mustGetUnit(db: Db, id: number) {
  const u = units.getUnit(db, id);
  if (!u) throw new AppError('not_found', 'Không tìm thấy đơn vị (có thể đã bị xoá). Hãy tải lại danh sách.');
  return u;
}

/** Checks a draft against the register; throws AppError with field messages. */
export function checkDraft(db: Db, d: UnitDraft): void {
  const sameCode = units.findUnitIdByCode(db, d.code);
  if (sameCode !== undefined && sameCode !== d.id) {
    const other = mustGetUnit(db, sameCode);
    throw new AppError('conflict', `Mã "${d.code}" đã dùng cho "${other.name}". Hãy chọn mã khác.`, { code: 'Mã đã tồn tại' });
  }
  if (d.parentId !== null) {
    mustGetUnit(db, d.parentId);
    if (d.id !== undefined && (d.parentId === d.id || units.wouldCycle(db, d.id, d.parentId)))
      throw new AppError('invalid_input', 'Đơn vị cấp trên không hợp lệ: không thể trực thuộc chính nó hoặc đơn vị cấp dưới của nó.', {
        parentId: 'Chọn đơn vị cấp trên khác',
      });
  }
}

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
