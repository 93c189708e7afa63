// The files of a report drop that the commit did not take, each with why (issue #14: the result counts what
// happened to every dropped file, not only to the ones sent): not a workbook, too large, trùng/lỗi at preview,
// unticked, or still waiting for the user's confirmation.
import { readiness, type ImportItem } from './report-import';

export interface LeftFile {
  file: string;
  kind: 'duplicate' | 'error' | 'skipped' | 'waiting' | 'refused';
  reason: string;
}

export const LEFT_LABELS: Record<LeftFile['kind'], string> = {
  duplicate: 'Trùng',
  error: 'Lỗi',
  skipped: 'Bỏ chọn',
  waiting: 'Chưa xác nhận',
  refused: 'Không đọc',
};

/** Every dropped item not in `taken`, with its reason. */
export function leftOut(items: readonly ImportItem[], taken: ReadonlySet<ImportItem>, planUnitIds: ReadonlySet<number>): LeftFile[] {
  const out: LeftFile[] = [];
  for (const it of items) {
    if (taken.has(it)) continue;
    const file = it.preview.fileName;
    const r = readiness(it, planUnitIds);
    if (r === 'excluded') {
      const dup = it.preview.status === 'duplicate';
      out.push({
        file,
        kind: dup ? 'duplicate' : 'error',
        reason: it.preview.reason || (dup ? 'Đã có tệp giống hệt.' : 'Tệp không đọc được.'),
      });
    } else if (r === 'skipped') out.push({ file, kind: 'skipped', reason: 'Bạn đã bỏ chọn tệp này ở bước xem trước.' });
    else
      out.push({ file, kind: 'waiting', reason: 'Chưa xác nhận đơn vị, chỉ tiêu hoặc số liệu cần xác nhận: mở lại tệp ở bước xem trước.' });
  }
  return out;
}

/** Files refused at the drop itself (not a workbook, too large), with why. */
export function refusedAtDrop(names: readonly string[], reason: string): LeftFile[] {
  return names.map((file) => ({ file, kind: 'refused', reason }));
}
