// The short list of the units' sentences the báo cáo proposes per section (pure, deterministic): every unit text is
// split into sentences, scored for concreteness (numbers, places, named activities; stock phrases cost), near
// duplicates merged with all their units kept, and the best few kept in a stable order.
import { fold } from '../../text/vi-text';
import { printable, splitSentences } from '../../text/vi-sentences';
import { attribution, type UnitRef } from '../../text/unit-attribution';

export { attribution, NAMED_UNITS, shortUnitName, type UnitRef } from '../../text/unit-attribution';

interface SourceItem {
  unitCode: string;
  unitName: string;
  text: string;
}
interface ProposedSentence {
  text: string;
  units: UnitRef[];
  score: number;
}

/** Places and named activities staff write about ("xã Bình An", "khu phố 3", "hội thi", "Mái ấm Công đoàn"). */
const PLACE =
  /\b(xa|phuong|thi tran|thon|ap|khu pho|to dan pho|huyen|quan|tinh|thanh pho|tp|khu cong nghiep|kcn|cum cong nghiep|truong|tram y te|benh vien|cho|cong ty)\b/g;
const ACTIVITY =
  /\b(mo hinh|hoi thi|hoi thao|toa dam|ra quan|hien mau|mai am|tu thien|trao tang|tang qua|ho tro|xay dung|sua chua|tuyen truyen|tap huan|giao luu|the thao|van nghe|dien dan|doi thoai|ky ket|phat dong|tham hoi|nha|sinh hoat|cuoc thi|hoi nghi|buoi)\b/g;
/** Stock phrases that say nothing a reader can check. */
const STOCK =
  /\b(tich cuc|nghiem tuc|kip thoi|day du|theo ke hoach|dung quy dinh|hieu qua|quan tam|chu dong|tot|nhiet tinh|trien khai thuc hien|dat ket qua)\b/g;

/** Runs of two or more capitalised words after the first word ("Trường THCS Lê Lợi", "Mái ấm" not). */
function properNames(text: string): number {
  let runs = 0;
  let len = 0;
  const words = text.split(/\s+/).slice(1);
  for (const w of [...words, '']) {
    if (/^["“(]?\p{Lu}/u.test(w)) len++;
    else {
      if (len >= 2) runs++;
      len = 0;
    }
  }
  return runs;
}

const count = (re: RegExp, s: string): number => (s.match(re) ?? []).length;

/** Concreteness of one sentence: numbers weigh most, then places and named activities; stock phrases and length cost. */
export function scoreSentence(text: string): number {
  const f = fold(text);
  const words = f.split(' ').filter(Boolean).length;
  const numbers = (text.match(/\d[\d.,]*/g) ?? []).filter((n) => !/^0?\d[./]$/.test(n)).length;
  const quoted = (text.match(/["“][^"”]{3,}["”]/g) ?? []).length;
  const names = properNames(text);
  let s =
    Math.min(numbers, 4) * 3 + Math.min(count(PLACE, f), 3) * 1.5 + Math.min(count(ACTIVITY, f), 3) + quoted * 2 + Math.min(names, 3) * 1.5;
  s -= Math.min(count(STOCK, f), 3) * (numbers ? 0.5 : 1.5);
  if (words < 6) s -= 1;
  if (words > 60) s -= (words - 60) / 10;
  return Math.round(s * 100) / 100;
}

/** Folded words of a sentence, numbers kept, for near-duplicate comparison. */
const wordsOf = (s: string): Set<string> =>
  new Set(
    fold(s)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .split(' ')
      .filter((w) => w.length > 1 || /\d/.test(w)),
  );

const numbersOf = (s: string): string =>
  [...new Set((s.match(/\d[\d.,]*\d|\d/g) ?? []).map((n) => n.replace(/[.,]/g, '')))].sort().join(' ');

/**
 * Near duplicates: the same numbers (different figures are different facts, never merged) and most of the shorter
 * sentence's words in the other (Dice ≥ 0.7, or containment ≥ 0.85).
 */
export function nearDuplicate(a: string, b: string): boolean {
  return numbersOf(a) === numbersOf(b) && similarWords(wordsOf(a), wordsOf(b));
}

function similarWords(A: Set<string>, B: Set<string>): boolean {
  if (!A.size || !B.size) return false;
  const both = common(A, B);
  return (2 * both) / (A.size + B.size) >= 0.7 || both / Math.min(A.size, B.size) >= 0.85;
}

function common(A: Set<string>, B: Set<string>): number {
  let n = 0;
  for (const w of A) if (B.has(w)) n++;
  return n;
}
const dice = (A: Set<string>, B: Set<string>): number => (A.size + B.size ? (2 * common(A, B)) / (A.size + B.size) : 0);

/** A heading ("3. Hạn chế:", "Kết quả") or a fragment of fewer than three words is not a sentence to print. */
function isSentence(text: string): boolean {
  const t = text.trim();
  return !/:$/.test(t) && t.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length >= 3;
}

/** Longer "sentences" (a paragraph without full stops) are not condensed; they stay in the full-text appendix. */
const MAX_SENTENCE = 700;

interface ProposeOptions {
  limit: number;
  minScore?: number;
}

/**
 * The proposed sentences of one section, best first (ties: the order the units and their texts came in). A merged
 * sentence keeps the most concrete wording and names every unit that wrote it, in the units' order.
 */
export function proposeSentences(items: SourceItem[], o: ProposeOptions): ProposedSentence[] {
  const merged: (ProposedSentence & { order: number; key: Set<string> })[] = [];
  // Only sentences with the same figures can be duplicates: one bucket per set of numbers, so 500 units stay quick.
  const buckets = new Map<string, typeof merged>();
  let order = 0;
  for (const it of items) {
    for (const text of splitSentences(it.text)) {
      if (!isSentence(text) || text.length > MAX_SENTENCE) continue;
      const score = scoreSentence(text);
      const unit = { code: it.unitCode, name: it.unitName.normalize('NFC').trim() };
      const words = wordsOf(text);
      const nums = numbersOf(text);
      const bucket = buckets.get(nums) ?? [];
      const same = bucket.find((m) => similarWords(m.key, words));
      if (same) {
        if (!same.units.some((u) => u.code === unit.code)) same.units.push(unit);
        if (score > same.score) {
          same.text = text;
          same.score = score;
        }
        continue;
      }
      const m = { text, units: [unit], score, order: order++, key: words };
      merged.push(m);
      bucket.push(m);
      buckets.set(nums, bucket);
    }
  }
  // A sentence several units wrote is a shared result: a small bonus so it is not lost among single ones.
  const pool = merged
    .map((m) => ({ ...m, rank: m.score + Math.min(m.units.length - 1, 3), words: wordsOf(m.text.replace(/\d[\d.,]*/g, ' ')) }))
    .filter((m) => o.minScore === undefined || m.rank >= o.minScore);
  // Greedy, best first, but a sentence shaped like one already taken (same words, other figures) loses ground, so
  // the list covers different activities rather than ten variants of the best-scoring one.
  const picked: typeof pool = [];
  while (picked.length < o.limit && pool.length) {
    let best = -1;
    let bestValue = -Infinity;
    pool.forEach((m, k) => {
      const like = picked.reduce((mx, p) => Math.max(mx, dice(m.words, p.words)), 0);
      const value = m.rank - 6 * like;
      if (value > bestValue || (value === bestValue && m.order < pool[best]!.order)) {
        best = k;
        bestValue = value;
      }
    });
    picked.push(pool.splice(best, 1)[0]!);
  }
  return picked.map((m) => ({ text: endSentence(m.text), units: m.units, score: m.score }));
}

/** A sentence ends with one full stop (a trailing ";" or ":" becomes "."). */
function endSentence(s: string): string {
  const t = s.trim().replace(/[;:,]+$/, '');
  return /[.!?…"”)]$/.test(t) ? t : `${t}.`;
}

/** The sentence as printed: its text with the units before the full stop: "Tổ chức 3 buổi … (CĐCS A)." */
export function attributed(text: string, units: UnitRef[]): string {
  const t = endSentence(printable(text));
  if (!units.length) return t;
  const m = /^(.*?)([.!?…]?)$/su.exec(t)!;
  return `${m[1]} ${attribution(units)}${m[2] || '.'}`;
}

/** Each unit's sentences, for telling whether a chosen sentence is still in the unit's report in use. */
export function sentencesByUnit(items: SourceItem[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const it of items) out.set(it.unitCode, [...(out.get(it.unitCode) ?? []), ...splitSentences(it.text)]);
  return out;
}

/** True when every unit a proposed sentence is attributed to still writes it (or a near duplicate). */
export function stillSaid(proposed: string, units: UnitRef[], byUnit: Map<string, string[]>): boolean {
  const key = fold(endSentence(proposed));
  return units.every((u) => (byUnit.get(u.code) ?? []).some((s) => fold(endSentence(s)) === key || nearDuplicate(s, proposed)));
}
