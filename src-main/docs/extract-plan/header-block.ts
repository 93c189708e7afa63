// The header block above the title: parent issuer / issuer / "Số:" on the left, Quốc hiệu / tiêu ngữ /
// place-date on the right — in any order a flattened .docx/.pdf table leaves them — plus the document type line.
import { clean } from '../../text/vi-text';
import {
  badDateMessage,
  findDates,
  findDocNumbers,
  foldSame,
  isDecoration,
  segments,
  upperRatio,
  type Line,
  type Warning,
} from './text-tools';

interface HeaderResult {
  documentType: string | null;
  number: string | null;
  issuedOn: string | null;
  place: string | null;
  issuer: string | null;
  parentIssuer: string | null;
  /** Index of the document type line ("KẾ HOẠCH"), or -1. */
  typeLine: number;
  /** Index of the first line after the header block (the title starts here when there is no type line). */
  bodyStart: number;
}

const DOC_TYPES = [
  'KẾ HOẠCH',
  'HƯỚNG DẪN',
  'CHƯƠNG TRÌNH',
  'THÔNG BÁO',
  'BÁO CÁO',
  'QUYẾT ĐỊNH',
  'CHỈ THỊ',
  'NGHỊ QUYẾT',
  'ĐỀ ÁN',
  'PHƯƠNG ÁN',
  'CÔNG VĂN',
  'TỜ TRÌNH',
  'KẾ HOẠCH LIÊN TỊCH',
  'CHƯƠNG TRÌNH PHỐI HỢP',
];
const DOC_TYPE_FOLDED = DOC_TYPES.map((t) => foldSame(t));

/** Right-column and decorative phrases to cut out of header lines (matched on folded text). */
const HEADER_NOISE: RegExp[] = [
  /cong\s*hoa\s+xa\s*hoi\s+chu\s*nghia\s+viet\s*nam/g,
  /doc\s*lap\s*[-–—]\s*tu\s*do\s*[-–—]\s*hanh\s*phuc/g,
  /dang\s+cong\s+san\s+viet\s+nam/g,
  // Quốc hiệu wrapped in a narrow column: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM" (the latter alone in its column).
  /cong\s*hoa\s+xa\s*hoi\s+chu\s*nghia/g,
  /(?:^|(?<=\s{2}))viet\s+nam(?=\s{2,}|\s*$)/g,
  /doan\s+tncs\s+ho\s+chi\s+minh(?=\s*$|\s{2,})/g,
  /\(?\s*du\s+thao\s*\)?/g,
  /(?:^|\s)(?:thuong\s+khan|hoa\s+toc|khan|mat)(?=\s*$)/g,
];
const ORG_START =
  /^(lien doan|ldld|cong doan|cd|ban |uy ban|ubnd|huyen uy|tinh uy|thanh uy|thi uy|quan uy|dang|tinh doan|huyen doan|thanh doan|doan |bch|mat tran|uy ban mat tran|hoi |so |phong |truong |tong lien doan)/;
const ADMIN_START = /^(tinh|huyen|thanh pho|tp\.?|thi xa|quan|xa|phuong|thi tran|dac khu|khu cong nghiep|kcn)\s/;
const ADMIN_ANY = /(^|\s)(tinh|huyen|thanh pho|tp\.?|thi xa|quan|xa|phuong|thi tran|dac khu|viet nam|kcn)(\s|$)/;

/** Index of the document type line within the first lines, or -1. */
function findTypeLine(lines: Line[]): number {
  const limit = Math.min(lines.length, 40);
  for (let i = 0; i < limit; i++) {
    for (const seg of segments(lines[i]?.text ?? '')) {
      if (upperRatio(seg) < 0.9) continue;
      const f = foldSame(seg).replace(/\s+/g, ' ').trim();
      if (DOC_TYPE_FOLDED.includes(f)) return i;
    }
  }
  return -1;
}

function stripNoise(text: string): string {
  let out = text;
  const f = foldSame(out);
  const cuts: [number, number][] = [];
  for (const re of HEADER_NOISE) {
    re.lastIndex = 0;
    for (const m of f.matchAll(re)) cuts.push([m.index, m.index + m[0].length]);
  }
  cuts.sort((a, b) => b[0] - a[0]);
  for (const [a, b] of cuts) out = `${out.slice(0, a)}  ${out.slice(b)}`;
  return out;
}

function looksLikeOrg(s: string): boolean {
  const t = s.replace(/[*]+/g, '').trim();
  if (t.length < 3 || t.length > 90 || isDecoration(t)) return false;
  if (/^(?:Số|V\/v|Kính gửi)(?=[\s:,]|$)/iu.test(t) || /(?:^|\s)ngày(?=\s|$)/iu.test(t)) return false;
  if (!/\p{L}{2}/u.test(t)) return false;
  return upperRatio(t) >= 0.7 || ORG_START.test(foldSame(t));
}

/** Merge a wrapped org name: "ỦY BAN NHÂN DÂN" + "XÃ BÌNH TÚ", "LIÊN ĐOÀN LAO ĐỘNG" + "HUYỆN THĂNG BÌNH". */
function mergeWrappedOrgs(orgs: string[]): string[] {
  const out: string[] = [];
  for (const o of orgs) {
    const prev = out[out.length - 1];
    const fo = foldSame(o);
    if (prev !== undefined && ADMIN_START.test(fo) && !ADMIN_ANY.test(foldSame(prev))) {
      out[out.length - 1] = `${prev} ${o}`;
    } else out.push(o);
  }
  return out;
}

interface DateLine {
  place: string | null;
  issuedOn: string | null;
}

/** "Thăng Bình, ngày 05 tháng 7 năm 2019" (blank day/month allowed) -> place + date, with warnings. */
function parseDateLine(text: string, warnings: Warning[]): { found: DateLine; rest: string } | null {
  const re = /(?:([\p{L}][\p{L}.' ]{0,60}?)\s*,\s*)?ngày\s*(?:(\d{1,2}|[.…_]+)\s*)?tháng\s*(?:(\d{1,2}|[.…_]+)\s*)?năm\s*(\d{4}|[.…_]*)/iu;
  const m = re.exec(text);
  if (!m) return null;
  let place = m[1] ? clean(segments(m[1]).pop() ?? '') : null;
  if (place) {
    // Keep only the trailing capitalised words when something else was glued in front ("LĐLĐ ... Thăng Bình").
    const caps = /((?:(?:TP\.|Tp\.|[\p{Lu}][\p{Ll}]+|[\p{Lu}]\.)\s*){1,5})$/u.exec(place);
    if (upperRatio(place) > 0.6 || !/^[\p{Lu}]/u.test(place)) place = caps ? clean(caps[1] ?? '') : null;
    if (place && (place.length < 2 || /\d/.test(place))) place = null;
  }
  const d = (m[2] ?? '').trim();
  const mo = (m[3] ?? '').trim();
  const y = (m[4] ?? '').trim();
  let issuedOn: string | null = null;
  if (/^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(mo) && /^\d{4}$/.test(y)) {
    const hit = findDates(`ngày ${d} tháng ${mo} năm ${y}`)[0];
    issuedOn = hit?.iso ?? null;
    if (!issuedOn) warnings.push({ field: 'issuedOn', message: badDateMessage(`ngày ${d} tháng ${mo} năm ${y}`, 'Ngày ban hành') });
  } else {
    const numeric = findDates(text.slice(m.index))[0];
    if (numeric && numeric.iso) issuedOn = numeric.iso;
    else
      warnings.push({
        field: 'issuedOn',
        message: `Ngày ban hành chưa điền đủ ("${clean(m[0])}"); đã để trống, vui lòng nhập ngày trên văn bản đã ký.`,
      });
  }
  return { found: { place, issuedOn }, rest: `${text.slice(0, m.index)}  ${text.slice(m.index + m[0].length)}` };
}

/** A dated line written numerically: "Thăng Bình, ngày 05/7/2019". */
function parseNumericDateLine(text: string, warnings: Warning[]): { found: DateLine; rest: string } | null {
  const m = /(?:([\p{L}][\p{L}.' ]{0,60}?)\s*,\s*)?ngày\s+(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})/iu.exec(text);
  if (!m) return null;
  const hit = findDates(m[2] ?? '')[0];
  if (!hit?.iso) warnings.push({ field: 'issuedOn', message: badDateMessage(m[2] ?? '', 'Ngày ban hành') });
  const caps = m[1] ? /((?:(?:TP\.|Tp\.|[\p{Lu}][\p{Ll}]+)\s*){1,5})$/u.exec(clean(segments(m[1]).pop() ?? '')) : null;
  return {
    found: { place: caps ? clean(caps[1] ?? '') : null, issuedOn: hit?.iso ?? null },
    rest: `${text.slice(0, m.index)}  ${text.slice(m.index + m[0].length)}`,
  };
}

/** "Thăng Bình, ngày 05 tháng 7 năm" + next line "2019" (a date wrapped in a narrow column) -> one line. */
function joinWrappedDate(header: string[]): void {
  for (let i = 0; i + 1 < header.length; i++) {
    const last = segments(header[i] ?? '').pop() ?? '';
    if (!/ngày/iu.test(last) || /năm\s*\d{4}/iu.test(last) || /ngày\s*\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}/u.test(last)) continue;
    const next = segments(header[i + 1] ?? '');
    const k = next.findIndex((s) => /^(?:\d{1,4}|tháng|năm)(?=\s|$)/iu.test(s));
    if (k < 0) continue;
    header[i] = `${header[i]} ${next[k]}`;
    header[i + 1] = next.filter((_, j) => j !== k).join('  ');
  }
}

/** Read the header block (everything above the type line, or the first lines when there is none). */
export function parseHeader(lines: Line[], warnings: Warning[]): HeaderResult {
  const typeLine = findTypeLine(lines);
  let end = typeLine;
  if (end < 0) {
    end = lines.findIndex((l, i) => i < 30 && /^(?:Căn cứ|Thực hiện|Kính gửi|I[.\-])/iu.test(l.text));
    if (end < 0) end = Math.min(lines.length, 12);
  }
  let documentType: string | null = null;
  let preType = '';
  if (typeLine >= 0) {
    const segs = segments(lines[typeLine]?.text ?? '');
    const idx = segs.findIndex((s) => DOC_TYPE_FOLDED.includes(foldSame(s).replace(/\s+/g, ' ').trim()) && upperRatio(s) >= 0.9);
    documentType = clean(segs[idx] ?? '').toUpperCase() || null;
    preType = segs.slice(0, Math.max(0, idx)).join('  ');
  }
  const header = lines.slice(0, end).map((l) => l.text);
  if (preType) header.push(preType);
  joinWrappedDate(header);

  let number: string | null = null;
  let dateLine: DateLine | null = null;
  const orgs: string[] = [];
  for (const original of header) {
    let text = stripNoise(original);
    const so = /(?:^|\s)Số\s*[:.]?\s*/iu.exec(text);
    if (so && number === null) {
      const after = text.slice(so.index + so[0].length);
      const hit = findDocNumbers(after).find((h) => /^[\s:]*$/.test(after.slice(0, h.index)));
      if (hit) {
        number = hit.value;
        text = `${text.slice(0, so.index)}  ${after.slice(hit.end)}`;
      } else {
        const blank = /^[\s.…_]*([/-]\s*[\p{Lu}][\p{L}\d]*(?:\s*[-/]\s*[\p{Lu}][\p{L}\d]*)*)/u.exec(after);
        if (blank) {
          warnings.push({
            field: 'number',
            message: `Số văn bản chưa điền số thứ tự (chỉ có ký hiệu "${clean(blank[1] ?? '').replace(/\s+/g, '')}"); đã để trống.`,
          });
          text = `${text.slice(0, so.index)}  ${after.slice(blank[0].length)}`;
        }
      }
    }
    if (!dateLine) {
      const parsed = parseDateLine(text, warnings) ?? parseNumericDateLine(text, warnings);
      if (parsed) {
        dateLine = parsed.found;
        text = parsed.rest;
      }
    }
    for (const seg of segments(text)) if (looksLikeOrg(seg)) orgs.push(clean(seg.replace(/\*+/g, ' ')));
  }
  const merged = mergeWrappedOrgs(orgs);
  return {
    documentType,
    number,
    issuedOn: dateLine?.issuedOn ?? null,
    place: dateLine?.place ?? null,
    issuer: merged[merged.length - 1] ?? null,
    parentIssuer: merged.length >= 2 ? (merged[merged.length - 2] ?? null) : null,
    typeLine,
    bodyStart: typeLine >= 0 ? typeLine + 1 : end,
  };
}
