// Dates as Vietnamese documents write them (dd/mm/yyyy, "ngày 05 tháng 01 năm 2024") <-> ISO YYYY-MM-DD.
// Date-only values never pass through local time zones: Vietnam is UTC+7, the CI machine is UTC.

/** Build an ISO date if y-m-d is a real calendar date, else null (so "12/75/2019" is rejected, not invented). */
export function isoDate(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "05/01/2024", "5-1-2024", "5.1.2024" -> "2024-01-05"; null if not a valid date. */
export function parseViDate(text: string): string | null {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(text);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(text);
  return iso ? isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
}

/** "2024-01-05" -> "05/01/2024" (tables). */
export function formatViDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return y && m && d ? `${d}/${m}/${y}` : '';
}

/** "2024-01-05" -> "ngày 05 tháng 01 năm 2024" (documents; NĐ 30/2020 pads day and month below 10). */
export function formatViLongDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
}

/** Today's date in Vietnam (UTC+7) as ISO, whatever the machine's zone. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Calendar-day difference b - a between two ISO dates. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
