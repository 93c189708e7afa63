// Overview (Tổng quan): deadlines in the next 30 days, overdue plans, plans in progress with report counts.
import type { Overview } from '../contract/plans';
import type { Db } from '../db/connection';
import { listPlans } from '../db/plans';
import { activeUnitTotals } from '../db/units';
import { daysBetween, todayInVietnam } from '../text/vi-date';

export function overview(db: Db, now: Date): Overview {
  const today = todayInVietnam(now);
  const plans = listPlans(db);
  const open = plans.filter((p) => p.status !== 'da_tong_ket' && p.status !== 'du_thao');
  const withDays = open.filter((p) => p.reportDueOn).map((p) => ({ ...p, daysLeft: daysBetween(today, p.reportDueOn as string) }));
  const units = activeUnitTotals(db);
  return {
    today,
    upcoming: withDays.filter((p) => p.daysLeft >= 0 && p.daysLeft <= 30).sort((a, b) => a.daysLeft - b.daysLeft),
    overdue: withDays.filter((p) => p.daysLeft < 0 && p.submittedCount < p.unitCount).sort((a, b) => b.daysLeft - a.daysLeft),
    inProgress: open.filter((p) => p.status === 'dang_thuc_hien' || p.status === 'ban_hanh'),
    unitCount: units.units,
    memberCount: units.members,
  };
}
