// Units of measure as written in report labels, ĐVT cells and column headers (pure): money scales (đồng,
// nghìn đồng, triệu đồng, tỷ đồng) convert into each other; money, percent and counts never do.
import { fold, foldKey } from './vi-text';
import { formatViNumber } from './vi-number';

type UnitSense = { kind: 'money'; factor: number } | { kind: 'percent' } | { kind: 'count'; key: string };

const MONEY: [number, string[]][] = [
  [1, ['dong', 'd', 'vnd', 'dongvn', 'vnđ']],
  [
    1e3,
    ['nghindong', 'ngandong', 'nghind', 'ngand', 'ngd', 'ngdong', 'nghin', 'ngan', '1000dong', '1000d', '1000vnd', 'nghinvnd', 'ngandvn'],
  ],
  [1e6, ['trieudong', 'trieud', 'trd', 'trdong', 'trieu', 'trieuvnd', 'trvnd', '1000000dong', '1000000d']],
  [1e9, ['tydong', 'tidong', 'tyd', 'tid', 'ty', 'ti', 'tyvnd']],
];
const MONEY_BY_KEY = new Map(MONEY.flatMap(([f, keys]) => keys.map((k) => [k, f] as const)));
const PERCENT = new Set(['%', 'phantram', 'tyle', 'tyle%']);

/** Count units seen in reports: a bracket holding one of them is a unit, not part of the label. */
const COUNT_UNITS = new Set([
  'nguoi',
  'luot',
  'luot nguoi',
  'buoi',
  'can',
  'suat',
  'cai',
  'chiec',
  'm',
  'km',
  'm2',
  'tan',
  'kg',
  'ha',
  'ngay cong',
  'cong',
  'cong trinh',
  'mo hinh',
  'don vi',
  'dvm',
  'don vi mau',
  'to',
  'cuoc',
  'tin',
  'bai',
  'tin bai',
  'cdcs',
  'dien hinh',
  'doan vien',
  'tap the',
  'ca nhan',
  'tap the ca nhan',
  'ho',
  'phan',
  'lop',
  'hoi nghi',
  'dot',
  'nguoi lao dong',
  'luot ngay',
]);

/**
 * Unit texts already understood: a batch meets the same few unit texts hundreds of thousands of times (every value
 * is converted from its row's unit to its indicator's). Bounded, cleared when full; results are read-only.
 */
const senses = new Map<string, Readonly<UnitSense> | null>();
const SENSES_MAX = 5_000;

/** What a unit text means; null for empty text. "Triệu đồng", "tr.đ", "trđ" -> money x 1 000 000. */
export function unitSense(text: string | null | undefined): Readonly<UnitSense> | null {
  if (!text) return null;
  let s = senses.get(text);
  if (s === undefined) {
    if (senses.size >= SENSES_MAX) senses.clear();
    senses.set(text, (s = readUnit(text)));
  }
  return s;
}

function readUnit(text: string): UnitSense | null {
  const f = fold(text).replace(/^(dvt|don vi tinh)\s*[:.]?\s*/, '');
  const compact = f.replace(/[\s.,]+/g, '');
  if (!compact) return null;
  const factor = MONEY_BY_KEY.get(compact);
  if (factor !== undefined) return { kind: 'money', factor };
  if (PERCENT.has(compact)) return { kind: 'percent' };
  return { kind: 'count', key: foldKey(f) };
}

const isKnownUnit = (text: string): boolean => {
  const s = unitSense(text);
  return !!s && (s.kind !== 'count' || COUNT_UNITS.has(s.key) || /^(dvt|don vi tinh)\b/.test(fold(text)));
};

/** Text without trailing spaces and , ; : - (a loop: a regex anchored at the end is quadratic on long runs). */
function trimTail(s: string): string {
  let n = s.length;
  while (n > 0 && ' \t,;:-–'.includes(s.charAt(n - 1))) n--;
  return s.slice(0, n);
}

const DVT = /^(?:đvt|đơn vị tính)\s*[:.]?\s*/iu;

/**
 * A unit written in a label or header: a bracket at the end holding a unit ("Kinh phí (triệu đồng)",
 * "(ĐVT: người)"), or ", ĐVT: đồng" at the end. `rest` is the text without it. Brackets that are not a unit
 * ("Lượt người dự (ĐVCĐ, NLĐ, nhân dân)") stay in the text. Linear in the text's length.
 */
export function unitInLabel(text: string): { unit: string | null; rest: string } {
  let t = text.trimEnd();
  if (t.endsWith('.') || t.endsWith(':')) t = t.slice(0, -1).trimEnd();
  const close = t.charAt(t.length - 1);
  if (close === ')' || close === ']') {
    const open = Math.max(t.lastIndexOf('('), t.lastIndexOf('['));
    const inner = open >= 0 && t.length - open <= 42 ? t.slice(open + 1, -1).trim() : '';
    if (inner && !/[()[\]]/.test(inner) && isKnownUnit(inner)) return { unit: inner.replace(DVT, ''), rest: trimTail(t.slice(0, open)) };
  }
  const lower = t.slice(-50).toLowerCase();
  const at = Math.max(lower.lastIndexOf('đvt'), lower.lastIndexOf('đơn vị tính'));
  if (at >= 0) {
    const m = /^(?:đvt|đơn vị tính)\s*:\s*([^,;()]{1,30})$/iu.exec(t.slice(t.length - lower.length + at));
    if (m) return { unit: (m[1] as string).trim(), rest: trimTail(t.slice(0, t.length - lower.length + at)) };
  }
  return { unit: null, rest: text };
}

type Conversion = { ok: true; value: number; factor: number; note: string | null } | { ok: false; message: string };

/** Round away binary noise after scaling (0.1 x 1e6 -> 100000, not 100000.00000000001). */
const tidy = (x: number): number => Number(x.toPrecision(12));

/**
 * A value written in unit `from` expressed in unit `to` (the indicator's). Unknown or missing units on either side
 * keep the value (factor 1, no note). Money scales convert, with a note for the preview; money vs a count or a
 * percent cannot be converted and is refused with a message naming both units.
 */
export function convertUnit(value: number, from: string | null | undefined, to: string | null | undefined): Conversion {
  const a = unitSense(from);
  const b = unitSense(to);
  if (!a || !b) return { ok: true, value, factor: 1, note: null };
  if (a.kind === 'money' && b.kind === 'money') {
    if (a.factor === b.factor) return { ok: true, value, factor: 1, note: null };
    const factor = a.factor / b.factor;
    const out = tidy(value * factor);
    return { ok: true, value: out, factor, note: `Đã đổi ${formatViNumber(value)} ${from} = ${formatViNumber(out)} ${to}` };
  }
  const moneyOrPercent = (s: UnitSense) => s.kind !== 'count';
  if (a.kind !== b.kind && (moneyOrPercent(a) || moneyOrPercent(b)))
    return { ok: false, message: `đơn vị '${from}' không đổi được sang '${to}' của chỉ tiêu` };
  return { ok: true, value, factor: 1, note: null };
}
