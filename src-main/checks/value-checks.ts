// The checks a careful checker does on one reported value (pure: no SQL, no Electron), used by the import preview,
// hand edits, the check view and the exports: magnitude against target and peers (đồng / triệu đồng mix-ups), far
// above target, robust outliers (median and MAD) against peers and the unit's own history, impossible values.
import { viNumberFormat } from '../text/vi-number';

type CheckRule =
  | 'magnitude'
  | 'far_above_target'
  | 'outlier_peers'
  | 'outlier_history'
  | 'negative'
  | 'percent_over_100'
  | 'breakdown_exceeds'
  | 'breakdown_part_exceeds'
  | 'second_without_main'
  | 'rule_min'
  | 'rule_max'
  | 'rule_integer';

export interface CheckSubject {
  /** "CT25 – Hiến máu tình nguyện" */
  indicator: {
    code: string;
    label: string;
    unit: string | null;
    aggregation: string;
    /** The catalog's rules for this indicator (staff set them). */
    rules?: { min: number | null; max: number | null; integer: boolean; required: boolean };
  };
  value: number | null;
  value2?: number | null;
  /** The plan's target for this indicator (min), when it has one. */
  target?: number | null;
  /** The same indicator reported by the other units of the plan. */
  peers?: readonly number[] | PeerStats;
  /** The same unit's values for the same indicator in earlier plans (oldest first), or them summed up (sampleStats). */
  history?: readonly number[] | PeerStats;
}

export interface CheckFinding {
  rule: CheckRule;
  /** Vietnamese, says what is odd and what to do. */
  message: string;
  /** What a plausible value would be around (target, peers' median, the unit's usual value), when known. */
  expected: number | null;
}

/**
 * Findings that stop a value until the user corrects or confirms it: almost surely wrong (a unit mix-up, an impossible
 * value). The others (far above target, outliers) are shown as warnings everywhere but do not hold the value: small
 * per-unit targets ("ít nhất 1 buổi") would otherwise stop most honest reports.
 */
export const BLOCKING_RULES: ReadonlySet<CheckRule> = new Set([
  'magnitude',
  'negative',
  'percent_over_100',
  'breakdown_part_exceeds',
  'second_without_main',
  'rule_min',
  'rule_max',
  'rule_integer',
]);
export const isBlocking = (f: CheckFinding) => BLOCKING_RULES.has(f.rule);

interface CheckOptions {
  /** Above this many times the target a value is flagged (issue: configurable, default 10). */
  farAboveTarget: number;
  /** From this many times the target or the peers' median, a unit mix-up is suspected. */
  magnitude: number;
  /** Robust z-score (0.6745·|x − median| / MAD) above which a value is an outlier. */
  outlierZ: number;
  /** Fewer peers (or earlier values) than this: no outlier check at all. */
  minSample: number;
  /** Targets below this are minimums ("ít nhất 1"), not a scale to judge a unit mix-up by. */
  minScaleTarget: number;
  /** An outlier must also be this many times the median: units differ in size, a tight spread alone is no alarm. */
  outlierRatio: number;
}

const DEFAULT_CHECKS: CheckOptions = { farAboveTarget: 10, magnitude: 300, outlierZ: 5, minSample: 5, outlierRatio: 3, minScaleTarget: 10 };

const MONEY = /đồng|vnđ|vnd|\bđ\b/i;
// the one vi-VN formatter (a plan's check view formats tens of thousands of numbers into its messages)
const fmt = (n: number) => viNumberFormat().format(n);

/** The other units' values summed up once (median, MAD, how many): a plan's check view computes it per indicator. */
export interface PeerStats {
  readonly n: number;
  readonly median: number;
  readonly mad: number;
}

/** The finite numbers of a sample summed up: their median and MAD, and how many there are. */
export function peerStats(values: readonly number[]): PeerStats {
  const { finite, median, mad } = finiteStats(values);
  return { n: finite, median, mad };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

let scratch = new Float64Array(64);
/** The median of the first `n` numbers of `a`, sorted in place (a typed array sorts numbers without a comparator). */
function sortedMedian(a: Float64Array, n: number): number {
  const s = a.subarray(0, n).sort();
  const m = n >> 1;
  return n % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Median and MAD of the finite numbers of `values` (0 and 0 when there are none), and how many are finite: in one
 * reused buffer, no copies (the check view sums up ~200,000 unit histories at once).
 */
function finiteStats(values: readonly number[]): { finite: number; median: number; mad: number } {
  if (scratch.length < values.length) scratch = new Float64Array(values.length * 2);
  let k = 0;
  for (const x of values) if (Number.isFinite(x)) scratch[k++] = x;
  if (k === 0) return { finite: 0, median: 0, mad: 0 };
  const med = sortedMedian(scratch, k);
  for (let j = 0; j < k; j++) scratch[j] = Math.abs(scratch[j]! - med);
  return { finite: k, median: med, mad: sortedMedian(scratch, k) };
}

/** A sample summed up as robustZ reads it when given the numbers themselves: n counts them all, finite or not. */
export function sampleStats(values: readonly number[]): PeerStats {
  const { median, mad } = finiteStats(values);
  return { n: values.length, median, mad };
}

/** Robust z-score of `x` in `sample` (null when the sample is too small or has no spread). */
export function robustZ(x: number, sample: readonly number[] | PeerStats, minSample: number): { z: number; median: number } | null {
  const st = 'mad' in sample ? sample : null;
  const n = st ? st.n : (sample as readonly number[]).length;
  if (n < minSample) return null;
  const { median: med, mad } = st ?? peerStats(sample as readonly number[]);
  if (mad === 0) return null; // most units report the same number: no spread to judge by
  return { z: (0.6745 * Math.abs(x - med)) / mad, median: med };
}

/** The "≈ 1,000× / 1,000,000×" hint for money reported in the wrong unit. */
function unitMixHint(ratio: number, unit: string | null): string {
  if (!unit || !MONEY.test(unit)) return 'có thể nhầm đơn vị tính';
  const near = (k: number) => ratio > k / 5 && ratio < k * 5;
  if (near(1e6)) return 'có thể đã ghi bằng đồng vào ô tính bằng triệu đồng';
  if (near(1e3)) return 'có thể nhầm đơn vị đồng / nghìn đồng / triệu đồng';
  return 'có thể nhầm đơn vị đồng / triệu đồng';
}

export function checkValue(s: CheckSubject, o: CheckOptions = DEFAULT_CHECKS): CheckFinding[] {
  const out: CheckFinding[] = [];
  const ind = s.indicator;
  const unit = ind.unit ? ` ${ind.unit}` : '';
  if (s.value === null) {
    if (s.value2 !== null && s.value2 !== undefined)
      out.push({
        rule: 'second_without_main',
        expected: null,
        message: `Có số liệu thứ hai (${fmt(s.value2)}) nhưng thiếu số liệu chính: hãy nhập số liệu chính hoặc xoá số liệu thứ hai.`,
      });
    return out;
  }
  const v = s.value;
  if (ind.aggregation === 'text') return out;
  const r = ind.rules;
  if (r?.min !== null && r?.min !== undefined && v < r.min)
    out.push({
      rule: 'rule_min',
      expected: r.min,
      message: `Giá trị ${fmt(v)}${unit} nhỏ hơn mức tối thiểu của danh mục (${fmt(r.min)}${unit}): hãy kiểm tra lại.`,
    });
  if (r?.max !== null && r?.max !== undefined && v > r.max)
    out.push({
      rule: 'rule_max',
      expected: r.max,
      message: `Giá trị ${fmt(v)}${unit} lớn hơn mức tối đa của danh mục (${fmt(r.max)}${unit}): hãy kiểm tra lại.`,
    });
  if (r?.integer && !Number.isInteger(v))
    out.push({
      rule: 'rule_integer',
      expected: Math.round(v),
      message: `Giá trị ${fmt(v)}${unit} phải là số nguyên (danh mục quy định): hãy kiểm tra lại.`,
    });
  if (v < 0 && !(r?.min !== null && r?.min !== undefined))
    out.push({
      rule: 'negative',
      expected: null,
      message: `Số âm (${fmt(v)}${unit}) không hợp lệ cho chỉ tiêu này: hãy kiểm tra lại với đơn vị.`,
    });
  if ((ind.unit?.trim() === '%' || ind.aggregation === 'percent') && v > 100)
    out.push({
      rule: 'percent_over_100',
      expected: 100,
      message: `Tỷ lệ ${fmt(v)}% vượt quá 100%: hãy kiểm tra (có thể đã ghi số lượng thay cho tỷ lệ).`,
    });
  const target = s.target && s.target > 0 ? s.target : null;
  const peers: PeerStats = s.peers && 'mad' in s.peers ? s.peers : peerStats((s.peers as readonly number[] | undefined) ?? []);
  const peerMed = peers.n >= 3 ? peers.median : null;
  let magnitude = false;
  // a small target ("ít nhất 1 buổi", "5 triệu") is a minimum, not a scale: it tells nothing about a unit mix-up
  if (v > 0 && target && target >= o.minScaleTarget && v / target >= o.magnitude) {
    magnitude = true;
    out.push({
      rule: 'magnitude',
      expected: target,
      message: `Giá trị ${fmt(v)}${unit} gấp ${fmt(Math.round(v / target))} lần chỉ tiêu (${fmt(target)}${unit}): ${unitMixHint(v / target, ind.unit)}. Hãy kiểm tra và sửa, hoặc xác nhận kèm lý do.`,
    });
  } else if (v > 0 && peerMed && peerMed > 0 && v / peerMed >= o.magnitude) {
    magnitude = true;
    out.push({
      rule: 'magnitude',
      expected: peerMed,
      message: `Giá trị ${fmt(v)}${unit} gấp ${fmt(Math.round(v / peerMed))} lần mức thường gặp của các đơn vị khác (${fmt(peerMed)}${unit}): ${unitMixHint(v / peerMed, ind.unit)}. Hãy kiểm tra và sửa, hoặc xác nhận kèm lý do.`,
    });
  }
  if (!magnitude && target && v / target > o.farAboveTarget)
    out.push({
      rule: 'far_above_target',
      expected: target,
      message: `Giá trị ${fmt(v)}${unit} cao gấp ${fmt(Math.round((v / target) * 10) / 10)} lần chỉ tiêu (${fmt(target)}${unit}): hãy kiểm tra lại với đơn vị.`,
    });
  if (!magnitude) {
    const zp = robustZ(v, peers, o.minSample);
    if (zp && zp.z > o.outlierZ && v > zp.median * o.outlierRatio)
      out.push({
        rule: 'outlier_peers',
        expected: zp.median,
        message: `Giá trị ${fmt(v)}${unit} khác hẳn các đơn vị khác (trung vị ${fmt(zp.median)}${unit}): hãy kiểm tra lại.`,
      });
    const zh = robustZ(v, s.history ?? [], Math.max(3, o.minSample - 2));
    if (zh && zh.z > o.outlierZ && v > zh.median * o.outlierRatio)
      out.push({
        rule: 'outlier_history',
        expected: zh.median,
        message: `Giá trị ${fmt(v)}${unit} khác hẳn các kỳ trước của chính đơn vị (thường khoảng ${fmt(zh.median)}${unit}): hãy kiểm tra lại.`,
      });
  }
  return out;
}

/** A finding on one of a value's two measures (1: the main value, 2: the second measure, e.g. trị giá). */
export interface MeasuredFinding extends CheckFinding {
  measure: 1 | 2;
}

/**
 * Both measures of one value: the main one as `checkValue` does, then the second (trị giá, kinh phí) — a value like
 * any other — against the other units' second values (`peers2`), its findings saying which measure they are about.
 */
export function checkMeasures(
  s: CheckSubject & { unit2: string | null; peers2?: readonly number[] | PeerStats },
  o: CheckOptions = DEFAULT_CHECKS,
): MeasuredFinding[] {
  const out: MeasuredFinding[] = checkValue(s, o).map((f) => ({ ...f, measure: 1 }));
  if (s.value2 !== null && s.value2 !== undefined && s.unit2)
    // the catalog's rules (min, max, whole numbers) are the main measure's: a count of houses is no limit on their value
    for (const f of checkValue({ indicator: { ...s.indicator, unit: s.unit2, rules: undefined }, value: s.value2, peers: s.peers2 }, o))
      out.push({ ...f, measure: 2, message: `Số liệu thứ hai (${s.unit2}): ${f.message}` });
  return out;
}

/**
 * "Trong đó" sub-rows against their parent row: one part larger than the whole is impossible (held); parts adding up
 * to more than the whole is a warning only, since such parts often overlap ("trong đó: nữ …; đảng viên …").
 */
export function checkBreakdown(
  parent: { label: string; value: number | null },
  parts: readonly { label?: string; value: number | null }[],
): CheckFinding | null {
  if (parent.value === null) return null;
  const big = parts.find((p) => p.value !== null && p.value > parent.value! + 1e-9);
  if (big)
    return {
      rule: 'breakdown_part_exceeds',
      expected: parent.value,
      message: `Dòng "Trong đó"${big.label ? ` "${big.label}"` : ''} (${fmt(big.value!)}) lớn hơn dòng "${parent.label}" (${fmt(parent.value)}): phần không thể lớn hơn tổng, hãy kiểm tra lại.`,
    };
  const sum = parts.reduce((a, p) => a + (p.value ?? 0), 0);
  if (parts.length < 2 || sum <= parent.value + 1e-9) return null;
  return {
    rule: 'breakdown_exceeds',
    expected: parent.value,
    message: `Các dòng "Trong đó" cộng lại ${fmt(sum)}, lớn hơn dòng "${parent.label}" (${fmt(parent.value)}): nếu các phần không trùng nhau, hãy kiểm tra lại.`,
  };
}
