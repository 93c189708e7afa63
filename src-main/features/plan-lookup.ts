// The one way a feature looks up a plan it was asked about: the plan, or a Vietnamese "not found" that says what
// to do next (the plan may have been deleted in another window).
import { AppError } from '../contract/errors';
import type { Plan } from '../contract/plans';
import type { Db } from '../db/connection';
import { getPlan } from '../db/plans';

export function planOrThrow(db: Db, id: number): Plan {
  const p = getPlan(db, id);
  if (!p) throw new AppError('not_found', 'Không tìm thấy kế hoạch (có thể đã bị xoá). Hãy tải lại danh sách kế hoạch rồi chọn lại.');
  return p;
}
