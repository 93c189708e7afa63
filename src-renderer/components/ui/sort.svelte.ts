// Click-to-sort state for a list or table (one column, a direction), as runes; the ordering is table-sort.ts.
import { sortRows, type SortColumns, type SortValue } from './table-sort';
export type { SortColumns, SortValue } from './table-sort';

/** One column of a SortHead: key null = not sortable. */
export interface HeadColumn {
  key: string | null;
  label: string;
  width?: string;
  align?: 'left' | 'right';
}

export interface TableSort<T> {
  readonly key: string | null;
  readonly dir: 'asc' | 'desc';
  /** First click sorts ascending, the second descending, the third back to the list's own order. */
  toggle(key: string): void;
  apply(rows: readonly T[]): T[];
  ariaSort(key: string): 'ascending' | 'descending' | 'none';
}

/** `columns`: a getter per column key, or a function giving the getter of a key (for columns known only at run time). */
export function createSort<T>(columns: SortColumns<T> | ((key: string) => ((row: T) => SortValue) | undefined)): TableSort<T> {
  let key = $state<string | null>(null);
  let dir = $state<'asc' | 'desc'>('asc');
  return {
    get key() {
      return key;
    },
    get dir() {
      return dir;
    },
    toggle(k) {
      if (key !== k) {
        key = k;
        dir = 'asc';
      } else if (dir === 'asc') dir = 'desc';
      else {
        key = null;
        dir = 'asc';
      }
    },
    apply(rows) {
      const get = key ? (typeof columns === 'function' ? columns(key) : columns[key]) : undefined;
      return get ? sortRows(rows, get, dir) : [...rows];
    },
    ariaSort(k) {
      return key === k ? (dir === 'asc' ? 'ascending' : 'descending') : 'none';
    },
  };
}
