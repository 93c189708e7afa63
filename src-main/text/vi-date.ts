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

type DateReading = { iso: string; error: null } | { iso: null; error: string };

/** What the user typed in a date field -> ISO, or a Vietnamese message in dd/mm/yyyy terms saying what to fix. */
export function readViDateInput(text: string): DateReading {
  const t = text.trim();
  const m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(t);
  if (!m) {
    const iso = parseViDate(t);
    return iso ? { iso, error: null } : { iso: null, error: `"${t}" chưa đúng dạng ngày/tháng/năm. Gõ như 05/01/2024 hoặc 5/1/2024.` };
  }
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const iso = isoDate(y, mo, d);
  if (iso) return { iso, error: null };
  const shown = `${String(d).padStart(2, '0')}/${String(mo).padStart(2, '0')}/${y}`;
  if (mo < 1 || mo > 12) return { iso: null, error: `Ngày ${shown} không có: tháng phải từ 1 đến 12 (dạng ngày/tháng/năm).` };
  if (y < 1900 || y > 2200) return { iso: null, error: `Năm ${y} không hợp lý. Gõ ngày/tháng/năm, ví dụ 05/01/2024.` };
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return { iso: null, error: `Ngày ${shown} không có: tháng ${mo}/${y} chỉ có ${last} ngày (dạng ngày/tháng/năm).` };
}

/** A yearly day as Vietnamese write it ("13/3", "13/03", "13-3", "13.3") -> "03-13" (MM-DD); 29/02 is allowed. */
export function readViDayMonthInput(text: string): DateReading {
  const t = text.trim();
  const m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})$/.exec(t);
  if (!m) return { iso: null, error: `"${t}" chưa đúng dạng ngày/tháng. Gõ như 13/3 hoặc 13/03.` };
  const [d, mo] = [Number(m[1]), Number(m[2])];
  if (mo < 1 || mo > 12) return { iso: null, error: `Ngày ${d}/${mo} không có: tháng phải từ 1 đến 12 (dạng ngày/tháng).` };
  const last = new Date(Date.UTC(2024, mo, 0)).getUTCDate(); // a leap year: 29/02 stays possible
  if (d < 1 || d > last) return { iso: null, error: `Ngày ${d}/${mo} không có: tháng ${mo} chỉ có ${last} ngày (dạng ngày/tháng).` };
  return { iso: `${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, error: null };
}

/** "03-13" -> "13/03" (the Settings field). */
export function formatViDayMonth(mmdd: string | null | undefined): string {
  const m = /^(\d{2})-(\d{2})$/.exec(mmdd ?? '');
  return m ? `${m[2]}/${m[1]}` : '';
}
