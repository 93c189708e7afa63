// Tracking a plan's reports: expected units (the plan's list plus any unit that reported), on time / late /
// missing judged by the received date against the plan's deadline, completeness and timeliness rates,
// reminder counts per unit — all computed from the rows on each call, never stored.
import type { Tracking, TrackingRow } from '../contract/consolidation';
import type { Db } from '../db/connection';
import { reminderCounts } from '../db/consolidation';
import { daysBetween } from '../text/vi-date';
import { reportList } from './reports';
import { planUnitBriefs } from '../db/page-queries';
import { planOrThrow } from './plan-lookup';
import { channelText } from '../contract/entry-labels';

/** a / b × 100 with one decimal; null when b is 0. */
export function pct(a: number, b: number): number | null {
  return b > 0 ? Math.round((a / b) * 1000) / 10 : null;
}

export function computeTracking(db: Db, planId: number, today: string): Tracking {
  const plan = planOrThrow(db, planId);
  const due = plan.reportDueOn;
  const counts = reminderCounts(db, planId);
  const units = planUnitBriefs(db, planId);
  const rows: TrackingRow[] = reportList(db, planId, units).map((r) => {
    const u = units.get(r.unit.id);
    const rem = counts.get(r.unit.id);
    const receivedOn = r.report?.receivedOn ?? null;
    const daysLate = !due
      ? null
      : r.state === 'late' && r.report
        ? daysBetween(due, r.report.firstReceivedOn)
        : r.state === 'missing' && today > due
          ? daysBetween(due, today)
          : null;
    return {
      unit: r.unit,
      state: r.state,
      receivedOn,
      daysLate,
      correctedAfterDue: r.report?.correctedAfterDue ?? false,
      version: r.report?.version ?? null,
      channel: r.report ? channelText(r.report.channel, r.report.receivedVia) : null,
      reminders: rem?.n ?? 0,
      lastReminderOn: rem?.last ?? null,
      phone: u?.phone ?? null,
      email: u?.email ?? null,
    };
  });
  const onTime = rows.filter((r) => r.state === 'on_time').length;
  const late = rows.filter((r) => r.state === 'late').length;
  const submitted = onTime + late;
  return {
    planId,
    title: plan.title,
    periodLabel: plan.periodLabel,
    reportDueOn: due,
    today,
    expected: rows.length,
    submitted,
    onTime,
    late,
    missingCount: rows.length - submitted,
    completenessPct: pct(submitted, rows.length),
    timelinessPct: pct(onTime, submitted),
    rows,
  };
}
