// Units as a tree for display: depth-first order with depth, children sorted in Vietnamese order.
import type { UnitListed } from '../../src-main/contract/units';
import { compareVi } from '../../src-main/text/vi-text';

export interface TreeRow {
  unit: UnitListed;
  depth: number;
}

export function flattenTree(units: UnitListed[]): TreeRow[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<number | null, UnitListed[]>();
  for (const u of units) {
    const p = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    const list = children.get(p) ?? [];
    list.push(u);
    children.set(p, list);
  }
  const out: TreeRow[] = [];
  const seen = new Set<number>();
  const walk = (parent: number | null, depth: number) => {
    const list = (children.get(parent) ?? []).sort((a, b) => compareVi(a.name, b.name));
    for (const u of list) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      out.push({ unit: u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
