// Which unit sent this workbook? Scored evidence from our template's unit code, the unit name written in the
// header cells, the file name, and the register's aliases. Exact evidence is "sure"; anything else is a guess.
import type { UnitListed } from '../../contract/units';
import { foldKey } from '../../text/vi-text';

interface UnitGuess {
  unit: UnitListed | null;
  sure: boolean;
  candidates: { unit: UnitListed; score: number }[];
}

const PREFIXES = ['cong doan co so', 'nghiep doan co so', 'cong doan', 'nghiep doan', 'cdcs', 'cd', 'bao cao', 'bc', 'ket qua', 'kq'];

/**
 * The part of a name (already folded with foldKey) that tells units apart: "cong doan truong thcs le loi" ->
 * "truong thcs le loi".
 */
function coreOfKey(folded: string): string {
  let k = folded;
  for (let changed = true; changed;) {
    changed = false;
    for (const p of PREFIXES)
      if (k.startsWith(`${p} `)) {
        k = k.slice(p.length + 1);
        changed = true;
      }
  }
  return k;
}

const compact = (s: string) => s.replace(/ /g, '');

export class UnitIndex {
  readonly byCode = new Map<string, UnitListed>();
  readonly byKey = new Map<string, UnitListed[]>();
  readonly cores: { unit: UnitListed; core: string; compact: string }[] = [];
  constructor(
    readonly units: UnitListed[],
    readonly expected: Set<number>,
  ) {
    for (const u of units) {
      this.byCode.set(u.code.toLowerCase(), u);
      for (const name of [u.name, ...u.aliases]) {
        // each name folded once (a register of thousands of units is indexed at every import)
        const key = foldKey(name);
        const core = coreOfKey(key);
        for (const k of key === core ? [key] : [key, core]) {
          if (!k) continue;
          const list = this.byKey.get(k);
          if (!list) this.byKey.set(k, [u]);
          else if (!list.includes(u)) list.push(u);
        }
        const c = compact(core);
        if (c.length >= 6) this.cores.push({ unit: u, core, compact: c });
      }
    }
  }
}

export function detectUnit(
  index: UnitIndex,
  evidence: { templateUnitCode: string | null; nameInFile: string | null; fileName: string },
): UnitGuess {
  const scores = new Map<UnitListed, number>();
  const bump = (u: UnitListed, s: number) => scores.set(u, Math.max(scores.get(u) ?? 0, s + (index.expected.has(u.id) ? 0.02 : 0)));
  if (evidence.templateUnitCode) {
    const u = index.byCode.get(evidence.templateUnitCode.toLowerCase());
    if (u) bump(u, 1);
  }
  // each text folded once (a batch folds thousands)
  const nameKey = evidence.nameInFile ? foldKey(evidence.nameInFile) : null;
  const nameCore = nameKey === null ? null : coreOfKey(nameKey);
  if (nameKey !== null && nameCore !== null)
    for (const key of [nameKey, nameCore]) for (const u of index.byKey.get(key) ?? []) bump(u, 0.95);
  const base = evidence.fileName.replace(/\.[a-z0-9]{1,5}$/i, '');
  const baseKey = foldKey(base);
  for (const t of baseKey.split(' ')) {
    const u = t.length >= 2 ? index.byCode.get(t) : undefined;
    if (u) bump(u, 0.9);
  }
  // Exact evidence that agrees needs no fuzzy scan over the whole register (O(units) per file).
  const exact = [...scores.values()].filter((s) => s >= 0.9).length;
  if (exact !== 1 || scores.size !== 1) {
    if (nameCore !== null) {
      const c = compact(nameCore);
      for (const x of index.cores) if (c.length >= 6 && (c.includes(x.compact) || x.compact.includes(c))) bump(x.unit, 0.75);
    }
    const fileCompact = compact(baseKey);
    for (const x of index.cores) if (fileCompact.includes(x.compact)) bump(x.unit, 0.8 + Math.min(0.08, x.compact.length / 500));
  }
  const candidates = [...scores].map(([unit, score]) => ({ unit, score: Math.round(score * 100) / 100 })).sort((a, b) => b.score - a.score);
  const top = candidates[0];
  const second = candidates[1];
  const sure = !!top && top.score >= 0.9 && (!second || second.score < top.score - 0.04);
  return { unit: top?.unit ?? null, sure, candidates: candidates.slice(0, 5) };
}
