// Which backups to keep (pure): 7 daily, 4 weekly, 12 monthly (the newest backup of each local day, ISO week,
// month), plus every event backup (before migrate/import/restore/move, manual) from the last 14 days. A backup dated
// more than a day after `now` was made while the PC clock was wrong (then or now): it is kept and takes no period's place.
import type { BackupReason } from '../contract/backups';

export interface RotationEntry {
  id: string;
  at: Date;
  reason: BackupReason;
}

interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
  eventDays: number;
}

const DEFAULT_POLICY: RotationPolicy = { daily: 7, weekly: 4, monthly: 12, eventDays: 14 };

const pad = (n: number) => String(n).padStart(2, '0');
const dayKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const monthKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
/** The Monday that starts the (ISO) week of `d`, as a day key. */
function weekKey(d: Date): string {
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
  return dayKey(monday);
}

/** The newest entry of each of the first `n` distinct periods, newest period first. */
function newestPerPeriod(sorted: RotationEntry[], key: (d: Date) => string, n: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of sorted) {
    const k = key(e.at);
    if (seen.has(k)) continue;
    if (seen.size >= n) break;
    seen.add(k);
    out.push(e.id);
  }
  return out;
}

/** Ids to keep; everything else may be deleted. The newest backup is always kept. */
export function backupsToKeep(entries: RotationEntry[], now: Date, policy: RotationPolicy = DEFAULT_POLICY): Set<string> {
  const horizon = now.getTime() + 24 * 3600 * 1000;
  const keep = new Set<string>(entries.filter((e) => e.at.getTime() > horizon).map((e) => e.id));
  const sorted = entries.filter((e) => e.at.getTime() <= horizon).sort((a, b) => b.at.getTime() - a.at.getTime());
  if (sorted[0]) keep.add(sorted[0].id);
  for (const id of newestPerPeriod(sorted, dayKey, policy.daily)) keep.add(id);
  for (const id of newestPerPeriod(sorted, weekKey, policy.weekly)) keep.add(id);
  for (const id of newestPerPeriod(sorted, monthKey, policy.monthly)) keep.add(id);
  const cutoff = now.getTime() - policy.eventDays * 24 * 3600 * 1000;
  for (const e of sorted) if (e.reason !== 'daily' && e.at.getTime() >= cutoff) keep.add(e.id);
  return keep;
}
