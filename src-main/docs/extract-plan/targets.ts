// Targets (chỉ tiêu): measurable commitments stated in the body — "ít nhất 01 công trình", "300 - 500 suất",
// "150 ĐVM", "100% xã", "từ 02 đến 03 mô hình", "mỗi CĐCS đăng ký 1-2 mô hình" -> { text, min, max, unit }.
import { parseViNumber } from '../../text/vi-number';
import { clean } from '../../text/vi-text';
import { foldSame } from './text-tools';

export interface Target {
  text: string;
  min: number | null;
  max: number | null;
  unit: string | null;
}

const NUM = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|một|hai|ba|bốn|mười`;
const WORD_NUMBERS: Record<string, number> = { một: 1, hai: 2, ba: 3, bốn: 4, mười: 10 };
const EXPR = new RegExp(
  String.raw`(?<![\p{L}\d/.,-])(?:(từ)\s+)?(${NUM})(?![\p{L}\d])\s*(?:(?:[-–—]|đến|tới)\s*(${NUM})(?![\p{L}\d]))?\s*(%|[\p{L}]+(?:\s+[\p{L}]+){0,2})?`,
  'giu',
);

/** Units of more than one word, folded; the longest that matches wins. */
const MULTI_WORD_UNITS = [
  'cong trinh',
  'mo hinh',
  'doan vien',
  'luot nguoi',
  'luot doan vien',
  'trieu dong',
  'nghin dong',
  'ty dong',
  'phan qua',
  'can nha',
  'ngay cong',
  'don vi mau',
  'to tu quan',
  'dien hinh',
  'sang kien',
  'cong doan co so',
  'nguoi lao dong',
  'hoc sinh',
  'gia dinh',
  'ho ngheo',
  'tap the',
  'ca nhan',
  'xe dap',
  'cay xanh',
].sort((a, b) => b.split(' ').length - a.split(' ').length);
/** First words that are never a target's unit (durations, dates, glue words). */
const NOT_UNITS = new Set([
  'nam',
  'thang',
  'ngay',
  'gio',
  'tuan',
  'quy',
  'phut',
  'va',
  'den',
  'toi',
  'tren',
  'cua',
  'trong',
  'duoc',
  'co',
  'la',
  'thu',
  'hoac',
  'voi',
  'tai',
  'nhu',
  'theo',
  'de',
  'khi',
  'sau',
  'truoc',
  'tu',
  'cac',
  'nhung',
  'nay',
  'do',
  'buoc',
  'dot',
  'lan',
  'khoa',
  'nhiem',
  'dieu',
  'khoan',
  'muc',
  'phan',
  'tuoi',
  'giai',
  'chi',
  've',
  'o',
  'the',
  'moi',
  'cho',
]);
/** Common count nouns accepted without a strong cue right before the number. */
const KNOWN_UNITS = new Set([
  ...MULTI_WORD_UNITS,
  'suat',
  'nguoi',
  'buoi',
  'luot',
  'cuoc',
  'can',
  'nha',
  'xa',
  'phuong',
  'cdcs',
  'dvm',
  'tin',
  'bai',
  'km',
  'm',
  'tan',
  'ha',
  'to',
  'don',
  'phan',
  'chiec',
  'bo',
  'lop',
  'hoi',
  'doi',
  'diem',
  'tuyen',
  'ho',
  'em',
]);
const STRONG_BEFORE =
  /(?:it nhat|toi thieu|toi da|khong qua|tren|dat|phan dau|dang ky|moi [^,;.]{1,30}?(?:dang ky|xay dung|thuc hien|co|tang|to chuc)|chi tieu[^,;.]{0,30}?)\s*(?:tu\s*)?$/;
const SKIP_BEFORE =
  /(?:nam|thang|ngay|so|lan thu|khoa|nhiem ky|dieu|khoan|buoc|dot|giai doan|luat|quyet dinh|chi thi|nghi quyet|ky niem|thu)\s*$/;
const SENTENCE_CUE =
  /chi tieu|phan dau|it nhat|toi thieu|dang ky|moi (?:don vi|cdcs|cong doan|co so|xa|huyen|nganh)|\bdat\b|dam bao|huy dong/;

function toNumber(s: string): number | null {
  const w = WORD_NUMBERS[s.toLowerCase()];
  if (w !== undefined) return w;
  return parseViNumber(s)?.value ?? null;
}

/** The unit phrase as written, from the words that follow the number. */
function unitOf(words: string): string | null {
  const raw = words.trim();
  if (raw === '%') return '%';
  const parts = raw.split(/\s+/);
  const folded = parts.map((p) => foldSame(p));
  for (const u of MULTI_WORD_UNITS) {
    const n = u.split(' ').length;
    if (folded.slice(0, n).join(' ') === u) return parts.slice(0, n).join(' ');
  }
  const first = parts[0] ?? '';
  if (!first || NOT_UNITS.has(folded[0] ?? '')) return null;
  return first;
}

function clauseAround(sentence: string, at: number, end: number): string {
  const before = sentence.lastIndexOf(';', at);
  const afterSemi = sentence.indexOf(';', end);
  let text = sentence.slice(before + 1, afterSemi < 0 ? sentence.length : afterSemi);
  if (text.length > 300) {
    const localAt = at - (before + 1);
    text = `${text.slice(Math.max(0, localAt - 150), localAt + 150)}`;
    text = text.replace(/^\S*\s/, '').replace(/\s\S*$/, '');
  }
  return clean(text.replace(/^[-+•–]\s*/, ''))
    .replace(/\s*\.\/\.\s*$/, '')
    .replace(/[;,.:]+$/, '');
}

/** `underTargetHeading[i]` is true when sentence i sits under a heading such as "II. CHỈ TIÊU". */
export function parseTargets(bodySentences: string[], underTargetHeading: boolean[] = []): Target[] {
  const out: Target[] = [];
  const seen = new Set<string>();
  for (const [i, sentence] of bodySentences.entries()) {
    const fs = foldSame(sentence);
    const sentenceCue = SENTENCE_CUE.test(fs) || underTargetHeading[i] === true;
    for (const m of sentence.matchAll(EXPR)) {
      const numStart = m.index + m[0].indexOf(m[2] ?? '', m[1] ? 2 : 0);
      const beforeText = fs.slice(Math.max(0, m.index - 40), m.index);
      const nextChar = sentence.charAt(m.index + m[0].length);
      if (SKIP_BEFORE.test(beforeText) || (nextChar === '/' && !m[4])) continue;
      if (/^\s*[/.:]\s*\d/.test(sentence.slice(numStart + (m[2] ?? '').length))) continue; // a date or 10/2022
      const a = toNumber(m[2] ?? '');
      const b = m[3] ? toNumber(m[3]) : null;
      if (a === null) continue;
      const unit = m[4] ? unitOf(m[4]) : null;
      if (!unit) continue;
      const strong = STRONG_BEFORE.test(beforeText) || m[1] !== undefined || b !== null;
      const wordNumber = WORD_NUMBERS[(m[2] ?? '').toLowerCase()] !== undefined;
      if (wordNumber && !STRONG_BEFORE.test(beforeText)) continue;
      const fu = foldSame(unit).toLowerCase();
      const known = unit === '%' || KNOWN_UNITS.has(fu) || /^[\p{Lu}Đ]{2,}$/u.test(unit);
      if (!(strong && (sentenceCue || known)) && !(sentenceCue && known)) continue;
      if (b !== null && b < a) continue;
      const isMax = /(?:toi da|khong qua)\s*$/.test(beforeText);
      const target: Target = {
        text: clauseAround(sentence, m.index, m.index + m[0].length),
        min: isMax ? null : a,
        max: isMax ? a : b,
        unit,
      };
      const key = JSON.stringify(target);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(target);
      }
    }
  }
  return out;
}
