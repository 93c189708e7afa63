// Unit codes in a units import (pure): "CD 050" / "cd049" read as the register writes them ("CD050"/"CD049"),
// and a proposed code for each row that has none, following the register's own pattern (most used prefix and
// digit width, next free number).
const CODE_SHAPE = /^(\p{L}+)(\d+)$/u;

/** Spaces removed, letters upper-case (Vietnamese Đ included); other marks (- . / _) are kept as written. */
export function normaliseUnitCode(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, '').toLocaleUpperCase('vi');
}

/** `count` new codes not in `taken`, e.g. CD051, CD052 after CD001…CD050; "CD001" when there is no pattern. */
export function proposeUnitCodes(taken: Iterable<string>, count: number): string[] {
  const byPrefix = new Map<string, { n: number; max: number; widths: Map<number, number> }>();
  const used = new Set<string>();
  for (const c of taken) {
    const code = normaliseUnitCode(c);
    used.add(code);
    const m = CODE_SHAPE.exec(code);
    if (!m) continue;
    const [, prefix = '', digits = ''] = m;
    const p = byPrefix.get(prefix) ?? { n: 0, max: 0, widths: new Map() };
    p.n++;
    p.max = Math.max(p.max, Number(digits));
    p.widths.set(digits.length, (p.widths.get(digits.length) ?? 0) + 1);
    byPrefix.set(prefix, p);
  }
  let prefix = 'CD';
  let width = 3;
  let next = 1;
  const best = [...byPrefix].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]))[0];
  if (best) {
    prefix = best[0];
    width = [...best[1].widths].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 3;
    next = best[1].max + 1;
  }
  const out: string[] = [];
  while (out.length < count) {
    const code = `${prefix}${String(next++).padStart(width, '0')}`;
    if (!used.has(code)) {
      out.push(code);
      used.add(code);
    }
  }
  return out;
}
