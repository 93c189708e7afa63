// The province's view down to the base units: each district's totals (both measures) from its report in use,
// its % of its own targets, a ranking, its coverage, and — opening one district — its base units × indicators
// as carried by its upward package (read from the stored document; read packages are kept by content hash, so a
// restored or another database never gets another's package; only upper-level units' documents are read).
import type { DistrictDetail, ProvinceDistrict, ProvinceOverview } from '../contract/province';
import { AppError } from '../contract/errors';
import type { Db } from '../db/connection';
import { activeValues } from '../db/consolidation';
import { getDocumentBytes, getDocumentMeta } from '../db/documents';
import { listUnits } from '../db/units';
import { activeReportsWithDocuments, type DistrictReport } from '../db/province';
import { readUpwardPackage, type ReadPackage } from '../excel/upward/read';
import { computeConsolidation } from './consolidation';
import { EDITED_LABEL } from './province-verify';
import { computeTracking, pct } from './tracking';

const cache = new Map<string, ReadPackage>();
const CACHE_MAX = 200;

async function packageOf(db: Db, documentId: number | null): Promise<ReadPackage | null> {
  if (documentId === null) return null;
  const doc = getDocumentMeta(db, documentId);
  if (!doc) return null;
  const key = `${doc.sha256}:${doc.size}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const bytes = getDocumentBytes(db, documentId);
  if (!bytes) return null;
  let pkg: ReadPackage;
  try {
    pkg = await readUpwardPackage(bytes);
  } catch {
    return null;
  }
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(key, pkg);
  return pkg;
}

/** A package held because it was edited after export (province-verify puts that in the report's issues). */
const isEdited = (rep: DistrictReport): boolean => rep.issues.some((i) => i.message.includes(EDITED_LABEL));

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export async function provinceOverview(db: Db, planId: number, today: string): Promise<ProvinceOverview> {
  const c = computeConsolidation(db, planId, today);
  const tracking = computeTracking(db, planId, today);
  const reports = new Map(activeReportsWithDocuments(db, planId).map((r) => [r.unitId, r]));
  const values = new Map(activeValues(db, planId).map((v) => [`${v.unitId}:${v.indicatorId}`, v]));
  const indicators = c.indicators.map((i) => ({ code: i.code, label: i.label, unit: i.unit, unit2: i.unit2 }));
  const districts: ProvinceDistrict[] = [];
  // a base union's report is never a package: only the upper-level units' documents are read
  const upper = new Set(
    listUnits(db, true)
      .filter((u) => u.kind === 'cap_tren')
      .map((u) => u.id),
  );
  for (const row of tracking.rows) {
    const rep = reports.get(row.unit.id) ?? null;
    const pkg = rep && upper.has(row.unit.id) ? await packageOf(db, rep.documentId) : null;
    const totals = c.indicators.map((i) => {
      const v = values.get(`${row.unit.id}:${i.indicatorId}`);
      return v ? (v.valueNum ?? v.valueText ?? null) : null;
    });
    const totals2 = c.indicators.map((i) => (i.unit2 ? (values.get(`${row.unit.id}:${i.indicatorId}`)?.value2Num ?? null) : null));
    const targets = c.indicators.map((i) => pkg?.targets.get(i.code) ?? null);
    const pcts = c.indicators.map((i, k) => {
      const t = num(targets[k]);
      const v = num(totals[k]);
      return i.aggregation === 'sum' && t !== null && t > 0 && v !== null ? pct(v, t) : null;
    });
    const given = pcts.filter((p): p is number => p !== null);
    districts.push({
      unit: { id: row.unit.id, code: row.unit.code, name: row.unit.name },
      state: row.state,
      receivedOn: row.receivedOn,
      correctedAfterDue: row.correctedAfterDue,
      reportId: rep?.id ?? null,
      edited: !!rep && isEdited(rep),
      coverage: pkg?.manifest?.coverage ?? null,
      totals,
      totals2,
      targets,
      pct: pcts,
      meanPct: given.length ? Math.round((given.reduce((a, b) => a + b, 0) / given.length) * 10) / 10 : null,
      rank: null,
    });
  }
  const ranked = districts
    .filter((d) => d.meanPct !== null)
    .sort((a, b) => b.meanPct! - a.meanPct! || a.unit.code.localeCompare(b.unit.code));
  ranked.forEach((d, k) => (d.rank = k > 0 && ranked[k - 1]!.meanPct === d.meanPct ? ranked[k - 1]!.rank : k + 1));
  const coverage = { expected: 0, submitted: 0, onTime: 0, late: 0, missing: 0 };
  for (const d of districts)
    if (d.coverage) for (const k of Object.keys(coverage) as (keyof typeof coverage)[]) coverage[k] += d.coverage[k];
  return { planId, title: c.title, periodLabel: c.periodLabel, indicators, districts, coverage };
}

export async function districtDetail(db: Db, planId: number, unitId: number, today: string): Promise<DistrictDetail> {
  const c = computeConsolidation(db, planId, today);
  const unit = c.matrix.units.find((u) => u.id === unitId);
  const rep = activeReportsWithDocuments(db, planId).find((r) => r.unitId === unitId);
  if (!unit || !rep)
    throw new AppError('not_found', 'Đơn vị này chưa có báo cáo đang dùng trong kế hoạch. Hãy nhập gói báo cáo của đơn vị trước.');
  const pkg = await packageOf(db, rep.documentId);
  if (!pkg?.manifest)
    throw new AppError(
      'not_found',
      'Báo cáo đang dùng của đơn vị này không phải gói báo cáo Dân vận nên không có chi tiết từng đơn vị cơ sở.',
    );
  const m = pkg.manifest;
  const indicators = c.indicators.map((i) => ({ code: i.code, label: i.label, unit: i.unit, unit2: i.unit2 }));
  return {
    district: { id: unit.id, code: unit.code, name: unit.name },
    reportId: rep.id,
    issuerName: m.issuerName,
    reportNumber: m.reportNumber,
    reportDate: m.reportDate,
    createdAt: m.createdAt || null,
    edited: isEdited(rep),
    coverage: m.coverage,
    indicators,
    units: pkg.detail.map((u) => ({
      code: u.code,
      name: u.name,
      state: u.state,
      receivedOn: u.receivedOn,
      values: indicators.map((i) => u.values.get(i.code) ?? null),
      values2: indicators.map((i) => num(u.values.get(`${i.code}#2`))),
    })),
  };
}
