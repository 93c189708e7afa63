// A generated province for tests and the bench: N district offices, each with its own database, M base unions,
// unit reports imported through the real pipeline, and its upward package; plus the province database where the
// districts are units of kind "công đoàn cấp trên". Values are a pure function of (district, unit), so every
// total at every level is known in advance (expect* fields).
import { fillByCode } from '../rpc/consolidation-fixture';
import { makeTestApp, type TestApp } from './context';

export const PROVINCE_PLAN_NUMBER = '233/KH-LĐLĐ';
export const CODES = ['CT01', 'CT08', 'CT25'] as const;
const PLACES = [
  'Hậu Lộc',
  'Hoằng Hóa',
  'Nga Sơn',
  'Hà Trung',
  'Thọ Xuân',
  'Yên Định',
  'Vĩnh Lộc',
  'Thạch Thành',
  'Cẩm Thủy',
  'Ngọc Lặc',
  'Lang Chánh',
  'Bá Thước',
  'Quan Hóa',
  'Quan Sơn',
  'Mường Lát',
  'Thường Xuân',
  'Như Xuân',
  'Như Thanh',
  'Nông Cống',
  'Đông Sơn',
  'Triệu Sơn',
  'Thiệu Hóa',
  'Quảng Xương',
  'Tĩnh Gia',
  'Sầm Sơn',
  'Bỉm Sơn',
  'Thanh Hóa',
  'Nghi Sơn',
  'Hậu Thành',
  'Quảng Yên',
];

export interface DistrictSpec {
  code: string;
  name: string;
  place: string;
}
export const districtCode = (d: number) => `LDLD-${String(d + 1).padStart(2, '0')}`;
export const districtSpec = (d: number): DistrictSpec => {
  const place = PLACES[d % PLACES.length]! + (d >= PLACES.length ? ` ${Math.floor(d / PLACES.length) + 1}` : '');
  return { code: districtCode(d), name: `Liên đoàn Lao động huyện ${place}`, place };
};

/** A unit's values: CT01 (buổi), CT08 (căn) with CT08#2 (triệu đồng, 3 decimals), CT25 (ĐVM) with CT25#2. */
export function unitValues(d: number, u: number): Record<string, number> {
  return {
    CT01: ((d * 31 + u * 7) % 20) + 1,
    CT08: (d + u) % 3,
    'CT08#2': Math.round((((d * 13 + u * 17) % 90) + 10 + ((d + u) % 7) * 0.125) * 1000) / 1000,
    CT25: ((d * 11 + u * 5) % 40) + 5,
    'CT25#2': ((d * 3 + u) % 30) + 10,
  };
}

export interface District extends DistrictSpec {
  app: TestApp;
  planId: number;
  unitCodes: string[];
  /** Units that reported (the last one of each district never does). */
  reported: number;
  expect: Record<string, number>;
  /** The upward package as exported. */
  pkg: { name: string; bytes: Uint8Array };
}

export interface Province {
  app: TestApp;
  planId: number;
  districtIds: Map<string, number>;
}

const PERIOD = { periodLabel: 'Năm 2025', startsOn: '2025-01-01', endsOn: '2025-12-31', reportDueOn: '2025-12-15' };

async function targets(app: TestApp, mins: number[]) {
  const cat = await app.call('indicators.list', {});
  return CODES.map((c, k) => ({ indicatorId: cat.find((i) => i.code === c)!.id, min: mins[k]! }));
}

/** One district office: its units, plan (citing the province's), unit reports, and its upward package. */
export async function makeDistrict(
  d: number,
  units: number,
  opts: { periodLabel?: string; startsOn?: string; endsOn?: string; reportDueOn?: string } = {},
): Promise<District> {
  const spec = districtSpec(d);
  const app = makeTestApp();
  await app.call('settings.save', {
    parentOrg: 'Liên đoàn Lao động tỉnh Thanh Hóa',
    ownOrg: spec.name,
    ownOrgShort: 'LĐLĐ',
    placeName: spec.place,
    documentCode: 'KH-LĐLĐ',
    signerAuthority: 'TM. Ban Thường vụ',
    signerTitle: 'Chủ tịch',
    signerName: `Lê Văn ${String.fromCharCode(65 + (d % 26))}`,
    levelNames: { province: 'LĐLĐ tỉnh', upper: 'LĐLĐ huyện', base: 'Công đoàn cơ sở' },
    modelRegistrationDeadline: '03-13',
  });
  const ids: number[] = [];
  const unitCodes: string[] = [];
  for (let u = 0; u < units; u++) {
    const code = `${spec.code.slice(5)}-CS${String(u + 1).padStart(3, '0')}`;
    unitCodes.push(code);
    ids.push((await app.call('units.save', { code, name: `Công đoàn cơ sở số ${u + 1} huyện ${spec.place}` })).id);
  }
  const plan = await app.call('plans.save', {
    title: 'Phối hợp làm công tác dân vận năm 2025',
    status: 'dang_thuc_hien',
    number: `${10 + d}/KH-LĐLĐ`,
    issuedOn: '2025-01-10',
    ...PERIOD,
    ...opts,
    basis: [{ text: `Kế hoạch số ${PROVINCE_PLAN_NUMBER} của Liên đoàn Lao động tỉnh Thanh Hóa`, number: PROVINCE_PLAN_NUMBER }],
    targets: await targets(app, [units * 8, units, units * 20]),
    assignment: 'all_base',
  });
  const expect: Record<string, number> = Object.fromEntries([...CODES, 'CT08#2', 'CT25#2'].map((c) => [c, 0]));
  const reported = units - 1;
  const files = [];
  for (let u = 0; u < reported; u++) {
    const v = unitValues(d, u);
    for (const [k, x] of Object.entries(v)) expect[k] = Math.round((expect[k]! + x) * 1000) / 1000;
    const t = await app.call('reports.templates', { planId: plan.id, unitIds: [ids[u]!], zip: false });
    const receivedOn = u === 1 ? '2025-12-20' : '2025-12-10';
    files.push({ file: { name: `bc-${unitCodes[u]}.xlsx`, bytes: await fillByCode(t.bytes, v) }, unitId: ids[u]!, receivedOn });
  }
  const res = await app.call('reports.commit', { planId: plan.id, files });
  const bad = res.files.filter((f) => f.status === 'error');
  if (bad.length) throw new Error(JSON.stringify(bad[0]));
  const pkg = await app.call('consolidation.upwardPackage', {
    planId: plan.id,
    unitCode: spec.code,
    unitName: spec.name,
    number: `${40 + d}/BC-LĐLĐ`,
    date: '2025-12-12',
  });
  return { ...spec, app, planId: plan.id, unitCodes, reported, expect, pkg: { name: pkg.name, bytes: pkg.bytes } };
}

type Call = TestApp['call'];

/** The province's register and year plan, through any dispatch (a test database, or the e2e browser-mode context). */
export async function setupProvince(call: Call, districts: number): Promise<{ planId: number; districtIds: Map<string, number> }> {
  await call('settings.save', {
    parentOrg: 'Tổng Liên đoàn Lao động Việt Nam',
    ownOrg: 'Liên đoàn Lao động tỉnh Thanh Hóa',
    ownOrgShort: 'LĐLĐ',
    placeName: 'Thanh Hóa',
    documentCode: 'KH-LĐLĐ',
    signerAuthority: 'TM. Ban Thường vụ',
    signerTitle: 'Phó Chủ tịch',
    signerName: 'Trần Thị Bình',
    levelNames: { province: 'LĐLĐ tỉnh', upper: 'LĐLĐ huyện', base: 'LĐLĐ huyện' },
    modelRegistrationDeadline: '03-13',
  });
  const districtIds = new Map<string, number>();
  for (let d = 0; d < districts; d++) {
    const s = districtSpec(d);
    districtIds.set(s.code, (await call('units.save', { code: s.code, name: s.name, kind: 'cap_tren' })).id);
  }
  const cat = await call('indicators.list', {});
  const plan = await call('plans.save', {
    title: 'Phối hợp làm công tác dân vận năm 2025',
    status: 'dang_thuc_hien',
    number: PROVINCE_PLAN_NUMBER,
    issuedOn: '2025-01-05',
    ...PERIOD,
    targets: CODES.map((c, k) => ({
      indicatorId: cat.find((i) => i.code === c)!.id,
      min: [districts * 100, districts * 10, districts * 200][k]!,
    })),
    assignment: 'all_base',
  });
  return { planId: plan.id, districtIds };
}

/** The province office: districts registered as "công đoàn cấp trên", a year plan on the default assignment. */
export async function makeProvince(districts: number): Promise<Province> {
  const app = makeTestApp();
  return { app, ...(await setupProvince(app.call, districts)) };
}

/** N districts of M units and the province; close() closes every database. */
export async function generateProvince(districts: number, units: number) {
  const ds: District[] = [];
  for (let d = 0; d < districts; d++) ds.push(await makeDistrict(d, units));
  const province = await makeProvince(districts);
  return {
    districts: ds,
    province,
    close: () => {
      for (const d of ds) d.app.close();
      province.app.close();
    },
  };
}
