// Sorting rows by one column: Vietnamese collation for text (Intl.Collator('vi'), "CĐCS 2" before "CĐCS 10"),
// numbers as numbers, empty cells last in both directions. Pure; the click state lives in sort.svelte.ts.
export type SortValue = string | number | boolean | null | undefined;
export type SortColumns<T> = Record<string, (row: T) => SortValue>;

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

/** Compare two cell values ascending; empty ('' / null / undefined) sorts after everything. */
export function compareCells(a: SortValue, b: SortValue): number {
  const ea = a === null || a === undefined || a === '';
  const eb = b === null || b === undefined || b === '';
  if (ea || eb) return ea === eb ? 0 : ea ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(b) - Number(a);
  return collator.compare(String(a), String(b));
}

/** Rows sorted by one column (stable: equal rows keep their order); empties stay last when descending too. */
export function sortRows<T>(rows: readonly T[], get: (row: T) => SortValue, dir: 'asc' | 'desc'): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, v: get(row) }))
    .sort((x, y) => {
      const ex = x.v === null || x.v === undefined || x.v === '';
      const ey = y.v === null || y.v === undefined || y.v === '';
      if (ex || ey) return ex === ey ? x.i - y.i : ex ? 1 : -1;
      return sign * compareCells(x.v, y.v) || x.i - y.i;
    })
    .map((x) => x.row);
}
