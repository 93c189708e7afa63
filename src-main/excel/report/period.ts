// The period a report answers, from one line of its top block, kept as written: "ĐỢT II NĂM 2023", "QUÝ IV/2024",
// "6 THÁNG CUỐI NĂM 2024", "9 THÁNG ĐẦU NĂM 2024", "THÁNG 11/2024", "HỌC KỲ I NĂM HỌC 2024-2025", "NĂM HỌC 2024-2025",
// "NĂM 2024"; with its dates when it names them.
import type { ReportPeriod } from '../../contract/parsed-report';
import { isoDate } from '../../text/vi-date';

const ROMANS = ['', 'I', 'II', 'III', 'IV', 'V', 'VI'];
const romanOf = (raw: string): string => (/^\d+$/.test(raw) ? (ROMANS[Number(raw)] ?? raw) : raw.toUpperCase());
const numberOf = (raw: string): number | null => {
  if (/^\d+$/.test(raw)) return Number(raw);
  const i = ROMANS.indexOf(raw.toUpperCase());
  return i > 0 ? i : null;
};
const lastDay = (y: number, m: number): string | null => isoDate(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());

const YEAR_TAIL = String.raw`(?:\s*(?:năm|\/|-|–)\s*(\d{4}))?`;
const SEMESTER = new RegExp(
  String.raw`(?:học\s+kỳ|học\s+kì|hk)\s+([IV]{1,3}|[12])\b(?:\s*[,-]?\s*năm\s+học\s+(\d{4})\s*[-–/]\s*(\d{4}))?`,
  'iu',
);
const QUARTER = new RegExp(String.raw`quý\s+([IV]{1,3}|[1-4])\b${YEAR_TAIL}`, 'iu');
const HALF = /(\d{1,2})\s*tháng\s+(đầu|cuối)\s+năm(?:\s+(\d{4}))?/iu;
const SCHOOL_YEAR = /năm\s+học\s+(\d{4})\s*[-–/]\s*(\d{4})/iu;
const MONTH = /tháng\s+(\d{1,2})\s*(?:\/|-|năm)\s*(\d{4})/iu;
const ROUND = /(đợt|kỳ|ky|dot)\s+([IVX]{1,4}|\d{1,2})\b(?:\s*(?:năm|\/|-)\s*(\d{4}))?/iu;
const YEAR = /năm\s+(\d{4})/iu;

type Found = Omit<ReportPeriod, 'startsOn' | 'endsOn'> & { startsOn?: string | null; endsOn?: string | null };

const base = (label: string, kind: NonNullable<ReportPeriod['kind']>, year: number | null): Found => ({
  label: label.trim(),
  kind,
  round: null,
  year,
  quarter: null,
  half: null,
  month: null,
  schoolYear: null,
});

/** The period named in one text, or null. A bare year in the text ("... 2024") fills `year` for a round. */
export function periodIn(text: string): Found | null {
  let m = SEMESTER.exec(text);
  if (m) {
    const p = base(m[0], 'semester', m[2] ? Number(m[2]) : null);
    p.round = romanOf(m[1] ?? '');
    if (m[2] && m[3]) p.schoolYear = `${m[2]}-${m[3]}`;
    return p;
  }
  m = QUARTER.exec(text);
  if (m) {
    const q = numberOf(m[1] ?? '');
    const year = m[2] ? Number(m[2]) : yearNear(text);
    const p = base(m[0], 'quarter', year);
    p.quarter = q;
    if (q && year) {
      p.startsOn = isoDate(year, q * 3 - 2, 1);
      p.endsOn = lastDay(year, q * 3);
    }
    return p;
  }
  m = HALF.exec(text);
  const months = m ? Number(m[1]) : 0;
  if (m && months >= 1 && months <= 11) {
    const first = /^đ/iu.test(m[2] ?? '');
    const year = m[3] ? Number(m[3]) : yearNear(text);
    const p = base(m[0], months === 6 ? 'half' : 'span', year);
    if (months === 6) p.half = first ? 1 : 2;
    if (year) {
      p.startsOn = isoDate(year, first ? 1 : 13 - months, 1);
      p.endsOn = lastDay(year, first ? months : 12);
    }
    return p;
  }
  m = MONTH.exec(text);
  // "ngày 15 tháng 12 năm 2024" is the signing date, not a month period.
  if (m && /ngày\s*\d{1,2}\s*$/iu.test(text.slice(Math.max(0, m.index - 12), m.index))) m = null;
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) {
    const month = Number(m[1]);
    const year = Number(m[2]);
    const p = base(m[0], 'month', year);
    p.month = month;
    p.startsOn = isoDate(year, month, 1);
    p.endsOn = lastDay(year, month);
    return p;
  }
  m = ROUND.exec(text);
  const y = YEAR.exec(text) ?? /\b(20\d{2}|19\d{2})\b/.exec(text);
  if (m) {
    const year = m[3] ? Number(m[3]) : y ? Number(y[1]) : null;
    const start = m.index;
    const end = y && y.index >= start ? y.index + y[0].length : m.index + m[0].length;
    const p = base(text.slice(start, end), 'round', year);
    p.round = romanOf(m[2] ?? '');
    return p;
  }
  const sy = SCHOOL_YEAR.exec(text);
  if (sy) {
    const p = base(sy[0], 'year', Number(sy[1]));
    p.schoolYear = `${sy[1]}-${sy[2]}`;
    return p;
  }
  const yy = YEAR.exec(text);
  if (yy) {
    const year = Number(yy[1]);
    const p = base(yy[0], 'year', year);
    p.startsOn = isoDate(year, 1, 1);
    p.endsOn = isoDate(year, 12, 31);
    return p;
  }
  return null;
}

function yearNear(text: string): number | null {
  const y = YEAR.exec(text) ?? /\b(20\d{2}|19\d{2})\b/.exec(text);
  return y ? Number(y[1]) : null;
}
