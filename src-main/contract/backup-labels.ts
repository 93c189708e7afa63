// Vietnamese labels for backups (why a backup was made, the tables its contents are counted in), zod-free so the
// renderer can import them as values.
import type { BackupReason } from './backups';

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  manual: 'Sao lưu thủ công',
  daily: 'Tự động hằng ngày',
  'pre-migrate': 'Trước khi nâng cấp',
  'pre-import': 'Trước khi nhập',
  'pre-restore': 'Trước khi khôi phục',
  'pre-move': 'Trước khi chuyển thư mục',
};

/** What a backup's row counts are called, per table (a table not listed shows its own name). */
export const BACKUP_TABLE_LABELS: Record<string, string> = {
  units: 'đơn vị',
  plans: 'kế hoạch',
  indicators: 'chỉ tiêu',
  reports: 'báo cáo',
  import_batches: 'lượt nhập',
  models: 'mô hình',
  audit_log: 'dòng nhật ký',
};
