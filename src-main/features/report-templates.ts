// Report templates out: the generic template, or one workbook per assigned unit (zipped) with the unit's name, code
// and own targets (Chỉ tiêu column: its per-unit target, else the plan's target when set per unit, else blank).
// The per-unit workbooks are one exceljs workbook stamped per unit (excel/template-stamp), not written from scratch.
import { AppError } from '../contract/errors';
import type { FileOut } from '../contract/common';
import type { Db } from '../db/connection';
import { listIndicators } from '../db/indicators';
import { listUnits } from '../db/units';
import { writeReportTemplateLaidOut, type TemplateIndicator } from '../excel/report-template';
import { fittedHeaderLine } from '../excel/report-template-text';
import type { StampValue } from '../excel/template-stamp/sheet-cells';
import { packEntry, writeZip } from '../bytes/zip-write';
import { foldKey } from '../text/vi-text';
import { resolveProfile } from './doc-identity';
import { readProfile } from './settings';
import { planOrThrow } from './plan-lookup';
import { unitTargetGrid } from './unit-targets';
import { MIME } from '../contract/mime';

const slug = (s: string) => foldKey(s).replace(/ /g, '-').slice(0, 60) || 'mau';

export async function buildTemplates(db: Db, planId: number, unitIds: number[] | null, zip: boolean, _now: Date): Promise<FileOut> {
  const plan = planOrThrow(db, planId);
  const profile = resolveProfile(readProfile(db), plan).profile; // names the office even before Settings are filled
  const catalog = new Map(listIndicators(db).map((i) => [i.id, i]));
  // A plan target set "for each unit" is every unit's own target; a plan-wide total is nobody's.
  const planOwn = new Map<number, StampValue>();
  const indicators: (TemplateIndicator & { id: number })[] = plan.targets.flatMap((t) => {
    const i = catalog.get(t.indicatorId);
    if (!i) return [];
    const target = t.text ?? (t.min !== null && t.max !== null && t.min !== t.max ? `${t.min} - ${t.max}` : (t.min ?? t.max));
    if (t.scope === 'per_unit') planOwn.set(i.id, target);
    return [
      {
        id: i.id,
        code: i.code,
        groupCode: i.groupCode,
        groupLabel: i.groupLabel,
        label: i.label,
        unit: i.unit,
        unit2: i.unit2,
        aggregation: i.aggregation,
        target: planOwn.get(i.id) ?? null,
      },
    ];
  });
  if (indicators.length === 0)
    throw new AppError('invalid_input', 'Kế hoạch chưa có chỉ tiêu nào. Hãy thêm chỉ tiêu vào kế hoạch trước khi tạo mẫu báo cáo.');
  const base = {
    planId,
    planTitle: plan.title,
    periodLabel: plan.periodLabel,
    reportDueOn: plan.reportDueOn,
    parentOrg: profile.ownOrg,
    indicators,
    today: null,
    forUnits: true,
  };
  const zipName = `mau-bao-cao-${slug(plan.periodLabel ?? plan.title)}.zip`;
  if (unitIds === null) {
    const bytes = (await writeReportTemplateLaidOut({ ...base, unit: null })).bytes;
    const name = `mau-bao-cao-${slug(plan.periodLabel ?? plan.title)}.xlsx`;
    return zip ? { name: zipName, mime: MIME.zip, bytes: writeZip([packEntry(name, bytes, 0)]) } : { name, mime: MIME.xlsx, bytes };
  }
  const wanted = new Set(unitIds);
  const units = listUnits(db).filter((u) => wanted.has(u.id));
  if (units.length === 0)
    throw new AppError('invalid_input', 'Chưa chọn đơn vị nào. Hãy chọn đơn vị phải báo cáo ở trang Kế hoạch, hoặc tải mẫu chung.');
  const grid = unitTargetGrid(db, planId);
  const own = new Map<number, Map<number, number>>();
  for (const c of grid.cells) {
    if (!own.has(c.unitId)) own.set(c.unitId, new Map());
    own.get(c.unitId)!.set(c.indicatorId, c.target);
  }
  // The base is written for the longest name, so the header row is tall enough for every unit's name.
  const longest = units.reduce((a, u) => (u.name.length > a.name.length ? u : a));
  const laid = await writeReportTemplateLaidOut({ ...base, unit: { code: longest.code, name: longest.name } });
  const { prepareStamper } = await import('../excel/template-stamp/index'); // fflate: loaded when templates are made
  const stamper = prepareStamper(laid.bytes, laid.layout);
  const files = units.map((u) => {
    const mine = own.get(u.id);
    const targets = new Map<string, StampValue>(indicators.map((i) => [i.code, mine?.get(i.id) ?? planOwn.get(i.id) ?? null]));
    const bytes = stamper.stamp({
      code: u.code,
      headerLine: fittedHeaderLine(u.name, laid.layout.headerFit),
      unitLine: `Đơn vị: ${u.name}`,
      targets,
    });
    return { name: `bao-cao-${u.code}-${slug(u.name)}.xlsx`, bytes };
  });
  if (files.length === 1 && !zip) return { name: files[0]!.name, mime: MIME.xlsx, bytes: files[0]!.bytes };
  // xlsx files are compressed already: stored in the zip as they are.
  return { name: zipName, mime: MIME.zip, bytes: writeZip(files.map((f) => packEntry(f.name, f.bytes, 0))) };
}
