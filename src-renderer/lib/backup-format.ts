// Display helpers for backups: Vietnamese date-time, file sizes and a one-line contents summary.
import type { BackupInfo } from '../../src-main/contract/backups';
import { BACKUP_TABLE_LABELS } from '../../src-main/contract/backup-labels';

const pad = (n: number) => String(n).padStart(2, '0');

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatBytes(n: number): string {
  if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024))} KB`;
  return `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

export function contentsSummary(b: BackupInfo): string {
  const parts = Object.entries(b.counts)
    .filter(([t, n]) => t !== 'audit_log' && (n > 0 || t === 'units'))
    .map(([t, n]) => `${n.toLocaleString('vi-VN')} ${BACKUP_TABLE_LABELS[t] ?? t}`);
  return parts.join(' · ') || 'Chưa có dữ liệu';
}
