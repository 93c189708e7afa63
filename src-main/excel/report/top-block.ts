// The block above the table: the reporting unit ("Công đoàn cơ sở: ...", "Đơn vị: ...", "CĐCS ...",
// "CÔNG ĐOÀN CƠ SỞ ..." under the parent line), the title ("BÁO CÁO KẾT QUẢ ...") and the period (period.ts).
import type { ReportPeriod } from '../../contract/parsed-report';
import { cachedFold as fold } from './fold-cache';
import { isoDate } from '../../text/vi-date';
import type { SheetText } from './sheet-text';
import { periodIn } from './period';

const LABELLED = /^(?:công đoàn cơ sở|cđcs|đơn vị báo cáo|tên đơn vị|đơn vị|công đoàn|cơ quan|nghiệp đoàn)\s*:\s*(.+)$/iu;
const NOT_UNIT = /^(cong doan cap tren|cong hoa|lien doan|doc lap|so:|so \d)/;

/** The reporting unit and the 0-based cell it was read from. */
export function findUnit(st: SheetText, beforeRow: number): { name: string; r: number; c: number } | null {
  let bare: { name: string; r: number; c: number } | null = null;
  for (let r = 0; r < Math.min(beforeRow, st.text.length); r++) {
    const row = st.text[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const t = row[c] ?? '';
      if (!t) continue;
      const m = LABELLED.exec(t);
      if (m && (m[1] ?? '').trim().replace(/^[.…_\s]+$/, '')) return { name: (m[1] ?? '').trim(), r, c };
      const f = fold(t);
      if (bare === null && !NOT_UNIT.test(f) && /^(cong doan co so|cdcs|cong doan|nghiep doan)\s+\S/.test(f)) bare = { name: t, r, c };
    }
  }
  return bare;
}

export function findTitle(st: SheetText, beforeRow: number): string | null {
  for (let r = 0; r < Math.min(beforeRow, st.text.length); r++) {
    const row = st.text[r] ?? [];
    const t = row.find((s) => s !== '') ?? '';
    const f = fold(t);
    if (!f.startsWith('bao cao')) continue;
    if (f === 'bao cao') {
      for (let n = r + 1; n < Math.min(beforeRow, r + 3); n++) {
        const next = (st.text[n] ?? []).find((s) => s !== '');
        if (next) return `${t} ${next}`;
      }
    }
    return t;
  }
  return null;
}

export function findPeriod(st: SheetText, beforeRow: number, title: string | null): ReportPeriod | null {
  const texts = [title ?? ''];
  for (let r = 0; r < Math.min(beforeRow, st.text.length); r++) for (const t of st.text[r] ?? []) if (t) texts.push(t);
  for (const text of texts) {
    const found = periodIn(text);
    if (!found) continue;
    const range = /từ\s+ngày\s+(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?\s*(?:đến|-)\s*(?:ngày\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4})/iu.exec(
      texts.join(' '),
    );
    let startsOn = found.startsOn ?? null;
    let endsOn = found.endsOn ?? null;
    if (range) {
      const y2 = Number(range[6]);
      endsOn = isoDate(y2, Number(range[5]), Number(range[4]));
      startsOn = isoDate(range[3] ? Number(range[3]) : y2, Number(range[2]), Number(range[1]));
    }
    // the keys in the order a spread of `found` gives them (startsOn and endsOn last): a spread of these objects,
    // made with and without dates, takes the slow generic path
    const { label, kind, round, year, quarter, half, month, schoolYear } = found;
    return { label, kind, round, year, quarter, half, month, schoolYear, startsOn, endsOn };
  }
  return null;
}
