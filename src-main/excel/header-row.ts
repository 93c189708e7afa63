// Finding a table's header row by its labels, in any workbook layout: scans the first rows of a grid,
// matches folded cell text against alias lists, and accepts two-row headers (merged group + sub labels).
import { foldKey } from '../text/vi-text';

interface HeaderField {
  /** Folded-key aliases; a cell matches when it equals one, or starts with one followed by a space. */
  aliases: readonly string[];
  required?: boolean;
}
export type HeaderSpec<F extends string> = Record<F, HeaderField>;

interface HeaderMatch<F extends string> {
  /** 0-based index of the (last) header row in the grid. */
  rowIndex: number;
  /** 0-based column per recognised field. */
  columns: Partial<Record<F, number>>;
  /** Required fields that were not found. */
  missing: F[];
}

/** How well a header cell fits an alias: exact beats "starts with", which beats "ends with"; longer aliases win ties. */
function fit(key: string, alias: string): number {
  if (key === alias) return 3000 + alias.length;
  if (key.startsWith(`${alias} `)) return 2000 + alias.length;
  if (key.endsWith(` ${alias}`)) return 1000 + alias.length;
  return 0;
}

/** Per spec: folded cell key -> the fields it fits and how well (header labels repeat across a batch's files). */
const fitCache = new WeakMap<object, Map<string, [string, number][]>>();

function fitsOf<F extends string>(key: string, spec: HeaderSpec<F>): [F, number][] {
  let cache = fitCache.get(spec);
  if (!cache) fitCache.set(spec, (cache = new Map()));
  let hit = cache.get(key) as [F, number][] | undefined;
  if (hit === undefined) {
    hit = [];
    for (const field of Object.keys(spec) as F[]) {
      let score = 0;
      for (const a of spec[field].aliases) score = Math.max(score, fit(key, a));
      if (score > 0) hit.push([field, score]);
    }
    if (cache.size >= 5000) cache.clear();
    cache.set(key, hit);
  }
  return hit;
}

/** Assign columns to fields greedily by best fit, so "Mã đơn vị" goes to the code field, not to "đơn vị". */
function matchRow<F extends string>(labels: string[], spec: HeaderSpec<F>, fold: (s: string) => string): Partial<Record<F, number>> {
  const pairs: { field: F; col: number; score: number }[] = [];
  labels.forEach((label, col) => {
    const key = label ? fold(label) : '';
    if (!key) return;
    for (const [field, score] of fitsOf(key, spec)) pairs.push({ field, col, score });
  });
  // Best score first, then leftmost column, then the spec's field order (as a field-major scan would give).
  const order = Object.keys(spec);
  pairs.sort((x, y) => y.score - x.score || x.col - y.col || order.indexOf(x.field) - order.indexOf(y.field));
  const columns: Partial<Record<F, number>> = {};
  const taken = new Set<number>();
  for (const { field, col } of pairs) {
    if (columns[field] !== undefined || taken.has(col)) continue;
    columns[field] = col;
    taken.add(col);
  }
  return columns;
}

/**
 * Look through the first `scanRows` rows for the best header. A row may combine with the row above it
 * (a merged group label over sub labels). Returns null when no row has all required fields.
 */
export function findHeaderRow<F extends string>(
  grid: readonly (readonly string[])[],
  spec: HeaderSpec<F>,
  scanRows = 30,
): HeaderMatch<F> | null {
  const required = (Object.keys(spec) as F[]).filter((f) => spec[f].required);
  const memo = new Map<string, string>();
  const fold = (c: string): string => {
    let k = memo.get(c);
    if (k === undefined) memo.set(c, (k = foldKey(c)));
    return k;
  };
  let best: HeaderMatch<F> | null = null;
  let bestScore = 0;
  for (let r = 0; r < Math.min(grid.length, scanRows); r++) {
    const row = grid[r] ?? [];
    if (row.length === 0) continue; // rows left out by the caller (not header candidates) match nothing
    const above = grid[r - 1] ?? [];
    const candidates = [row.map((c) => c ?? ''), row.map((c, i) => (c ? c : (above[i] ?? '')))];
    for (const labels of candidates) {
      const columns = matchRow(labels, spec, fold);
      const missing = required.filter((f) => columns[f] === undefined);
      const score = Object.keys(columns).length * 10 - missing.length * 100;
      if (missing.length === 0 && score > bestScore) {
        best = { rowIndex: r, columns, missing };
        bestScore = score;
      }
    }
  }
  return best;
}

/** True for the row where an official table ends and the signature block begins ("Nơi nhận:", "TM. ..."). */
export function isTableEnd(cells: readonly string[]): boolean {
  return cells.some((c) => /^(noi nhan|tm |kt |nguoi lap bieu|thu truong don vi)/.test(foldKey(c ?? '')));
}
