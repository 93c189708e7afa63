// The campaign period: a label ("Đợt II/2023", "Đợt 1 năm 2019", "Tháng 7/2019", "Năm 2017") and the window
// ("từ ngày 16/7/2019 – 30/7/2019", "từ ngày 16/12 đến ngày 30/12/2023" with the year inherited, "trong tháng 7/2019").
import { isoDate } from '../../text/vi-date';
import { clean } from '../../text/vi-text';
import { badDateMessage, capitalizeFirst, foldSame, type Warning } from './text-tools';

interface Period {
  label: string | null;
  startsOn: string | null;
  endsOn: string | null;
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6 };

interface Label {
  label: string;
  round: number | null;
  year: number | null;
}

const ROUND = /đợt\s*([IVX]{1,4}|\d{1,2})(?=năm|[^\p{L}\d]|$)(?:\s*(?:\/|năm|-)\s*(\d{4}))?/iu;
const MONTH = /(?:trong\s+)?tháng\s+(\d{1,2})\s*(?:\/|năm)\s*(\d{4})/iu;
const STAGE = /giai đoạn\s+(\d{4})\s*[-–—]\s*(\d{4})/iu;
const YEAR = /(?<!đến\s|tới\s|đến hết\s)năm\s+(\d{4})/iu;

function roundNumber(s: string): number | null {
  const n = /^\d+$/.test(s) ? Number(s) : ROMAN[s.toUpperCase()];
  return n ?? null;
}

function findLabel(title: string | null, body: string): Label | null {
  const t = title ?? '';
  const r = ROUND.exec(t);
  if (r) {
    let year = r[2] ? Number(r[2]) : null;
    let label = r[0];
    if (year === null) {
      const y = YEAR.exec(t.slice(r.index));
      if (y) year = Number(y[1]);
      if (y && y.index < 20) label = t.slice(r.index, r.index + y.index + y[0].length);
    }
    // "đợt 1năm 2019" (a typing slip) -> "Đợt 1 năm 2019".
    return { label: capitalizeFirst(clean(label).replace(/(\d)năm/u, '$1 năm')), round: roundNumber(r[1] ?? ''), year };
  }
  const m = MONTH.exec(t);
  if (m) return { label: `Tháng ${Number(m[1])}/${m[2]}`, round: null, year: Number(m[2]) };
  const s = STAGE.exec(t);
  if (s) return { label: capitalizeFirst(clean(s[0])), round: null, year: null };
  const br = ROUND.exec(body);
  if (br && br[2]) return { label: capitalizeFirst(clean(br[0])), round: roundNumber(br[1] ?? ''), year: Number(br[2]) };
  const y = YEAR.exec(t);
  if (y) return { label: `Năm ${y[1]}`, round: null, year: Number(y[1]) };
  return null;
}

const D = String.raw`(\d{1,2})(?:\s*[/.]\s*(\d{1,2})(?:\s*[/.]\s*(\d{4}))?)?`;
const D_LONG = String.raw`(\d{1,2})(?:\s+tháng\s+(\d{1,2}))?(?:\s+năm\s+(\d{4}))?`;
const RANGE = new RegExp(String.raw`từ\s+(?:ngày\s+)?${D}\s*(?:[-–—]|đến(?:\s+hết)?|tới)\s*(?:(?:hết\s+)?ngày\s+)?${D}`, 'giu');
const RANGE_LONG = new RegExp(String.raw`từ\s+ngày\s+${D_LONG}\s*(?:[-–—]|đến(?:\s+hết)?|tới)\s*(?:hết\s+)?ngày\s+${D_LONG}`, 'giu');
const IN_MONTH = /trong\s+tháng\s+(\d{1,2})\s*(?:\/|năm)\s*(\d{4})/giu;

interface Candidate {
  start: string | null;
  end: string | null;
  index: number;
  score: number;
}

/** Build both ends of a window, filling a missing year/month of the start from the end. */
function window(
  parts: (string | undefined)[],
  fallbackYear: number | null,
  raw: string,
  warnings: Warning[],
): { start: string | null; end: string | null } | null {
  const [d1, m1, y1, d2, m2, y2] = parts.map((p) => (p === undefined ? null : Number(p)));
  if (m2 === null || m2 === undefined || d2 === null || d2 === undefined) return null;
  const endYear = y2 ?? fallbackYear;
  if (endYear === null || d1 === null || d1 === undefined) return null;
  const startMonth = m1 ?? m2;
  const startYear = y1 ?? (startMonth > m2 ? endYear - 1 : endYear);
  const start = isoDate(startYear, startMonth, d1);
  const end = isoDate(endYear, m2, d2);
  if (!start) warnings.push({ field: 'period.startsOn', message: badDateMessage(raw, 'Ngày bắt đầu đợt') });
  if (!end) warnings.push({ field: 'period.endsOn', message: badDateMessage(raw, 'Ngày kết thúc đợt') });
  if (start && end && start > end) {
    warnings.push({ field: 'period', message: `Thời gian "${clean(raw)}" có ngày bắt đầu sau ngày kết thúc; đã để trống.` });
    return { start: null, end: null };
  }
  return { start, end };
}

export function parsePeriod(title: string | null, bodySentences: string[], warnings: Warning[]): Period {
  const label = findLabel(title, bodySentences.join(' '));
  const roundKey = label?.round ? label.round : null;
  const candidates: Candidate[] = [];
  bodySentences.forEach((sentence, idx) => {
    const f = foldSame(sentence);
    let score = 0;
    if (/thoi gian|dien ra|trien khai tu|thuc hien tu/.test(f)) score += 1;
    const r = ROUND.exec(sentence);
    if (roundKey !== null && r && roundNumber(r[1] ?? '') === roundKey) score += 2;
    const local: Warning[] = [];
    const push = (parts: (string | undefined)[], raw: string, at: number): void => {
      if (!/[/]|ngày/iu.test(raw)) return;
      const w = window(parts, label?.year ?? null, raw, local);
      if (w) candidates.push({ start: w.start, end: w.end, index: idx * 10_000 + at, score });
    };
    for (const m of sentence.matchAll(RANGE_LONG)) push(m.slice(1, 7), m[0], m.index);
    for (const m of sentence.matchAll(RANGE)) push(m.slice(1, 7), m[0], m.index);
    for (const m of sentence.matchAll(IN_MONTH)) {
      const y = Number(m[2]);
      const mo = Number(m[1]);
      const start = isoDate(y, mo, 1);
      const end = start ? isoDate(y, mo, new Date(Date.UTC(y, mo, 0)).getUTCDate()) : null;
      if (start) candidates.push({ start, end, index: idx * 10_000 + m.index, score });
    }
    if (local.length && candidates.some((c) => Math.floor(c.index / 10_000) === idx)) warnings.push(...local);
  });
  const best = [...candidates].sort((a, b) => b.score - a.score || a.index - b.index)[0];
  let out: Period = { label: label?.label ?? null, startsOn: best?.start ?? null, endsOn: best?.end ?? null };
  // A whole-month window names the period better than a bare year ("Năm 2024" + "trong tháng 3/2024").
  if ((!out.label || /^Năm \d{4}$/.test(out.label)) && best?.start && best.end) {
    const [y, m] = best.start.split('-');
    const lastDay = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    const wholeMonth =
      best.start.slice(0, 7) === best.end.slice(0, 7) && best.start.endsWith('-01') && Number(best.end.slice(8)) === lastDay;
    if (wholeMonth) out = { ...out, label: `Tháng ${Number(m)}/${y}` };
  }
  return out;
}
