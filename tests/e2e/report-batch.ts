// Seed and batch for the reports e2e: 12 units and a plan with per-unit targets, earlier reports for two
// units, and a mixed drop of ~20 workbooks as an office receives them (filled templates, free-form layouts, a
// TCVN3 legacy-font file, a guessed unit, an unknown sender, a duplicate, a newer and an older version, broken
// files), written to disk with their received dates as file times.
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Channel, In, Out } from '../../src-main/contract/index';
import type { RunningContext } from '../../src-main/runtime/create-context';
import { dispatch } from '../../src-main/rpc/dispatch';
import { todayInVietnam } from '../../src-main/text/vi-date';
import { makeHostile, makeReport } from '../fixtures/gen/report-workbooks';
import { fillTemplate } from '../helpers/context';

export { fillTemplate };

export async function call<C extends Channel>(ctx: RunningContext, name: C, input: In<C>): Promise<Out<C>> {
  const env = await dispatch(name, input, ctx);
  if (!env.ok) throw new Error(env.error.message);
  return env.data as Out<C>;
}

export const iso = (days: number): string =>
  new Date(Date.parse(`${todayInVietnam()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** Noon in Vietnam on that day, as a file time. */
const noonVn = (d: string): Date => new Date(Date.parse(`${d}T05:00:00Z`));

export const UNITS: [string, string][] = [
  ['U01', 'Công đoàn Trường Tiểu học Kim Đồng'],
  ['U02', 'Công đoàn Trường Mầm non Hoa Sen'],
  ['U03', 'Công đoàn Trung tâm Y tế huyện'],
  ['U04', 'Công đoàn Công ty TNHH May Việt Thắng'],
  ['U05', 'Công đoàn Chi cục Thuế khu vực'],
  ['U06', 'Công đoàn UBND xã Bàu Năng'],
  ['U07', 'Công đoàn Trường THPT Dương Minh Châu'],
  ['U08', 'Công đoàn Bệnh viện Đa khoa huyện'],
  ['U09', 'Công đoàn Công ty CP Cao su Tây Ninh'],
  ['U10', 'Công đoàn Trường THCS Nguyễn Du'],
  ['U11', 'Công đoàn Trường Tiểu học Phước Minh'],
  ['U12', 'Công đoàn Kho bạc Nhà nước huyện'],
];
export const TARGET_CODES = ['CT01', 'CT05', 'CT07', 'CT08', 'CT11', 'CT21'];

export async function seed(ctx: RunningContext) {
  const ids = new Map<string, number>();
  for (const [code, name] of UNITS) ids.set(code, (await call(ctx, 'units.save', { code, name })).id);
  const cat = await call(ctx, 'indicators.list', {});
  const ind = (c: string) => cat.find((i) => i.code === c)!;
  const plan = await call(ctx, 'plans.save', {
    number: '25/KH-LĐLĐ',
    title: 'Phối hợp làm công tác dân vận đợt II',
    periodLabel: 'Đợt II',
    status: 'dang_thuc_hien',
    reportDueOn: iso(10),
    assignment: 'all_base',
    targets: TARGET_CODES.map((c, i) => ({ indicatorId: ind(c).id, scope: 'per_unit' as const, min: i === 0 ? 2 : 1 })),
  });
  return { ids, plan, ind };
}

export const templateOf = (zip: Uint8Array, code: string): Uint8Array => {
  const entries = unzipSync(zip);
  const name = Object.keys(entries).find((n) => n.startsWith(`bao-cao-${code}-`));
  if (!name) throw new Error(`no template for ${code} in ${Object.keys(entries).join(', ')}`);
  return entries[name]!;
};

const V = (a: number, b: number, c: number) => ({
  'Số buổi': a,
  'Băng rôn': b,
  'Nhà "Mái ấm': c,
  'Sửa chữa nhà': 1,
  'Quà tặng': 5,
  'Chiếu phim': 2,
});

/** Earlier imports: U02 received 5 days ago (the drop brings a newer one), U03 today (the drop brings an older one). */
export async function seedEarlier(ctx: RunningContext, planId: number, ids: Map<string, number>, zip: Uint8Array) {
  const u02 = await fillTemplate(templateOf(zip, 'U02'), V(1, 1, 0));
  const u03 = await fillTemplate(templateOf(zip, 'U03'), V(4, 2, 1));
  await call(ctx, 'reports.commit', {
    planId,
    files: [
      { file: { name: 'U02-lan-1.xlsx', bytes: u02 }, unitId: ids.get('U02')!, receivedOn: iso(-5) },
      { file: { name: 'U03-ban-chinh.xlsx', bytes: u03 }, unitId: ids.get('U03')!, receivedOn: iso(0) },
    ],
  });
}

async function sheetOf(rows: (string | number)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Báo cáo');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export interface BatchFile {
  name: string;
  path: string;
  expect: string | string[];
}

/** The mixed drop, written under dir; expect = the preview status(es) the file must get. */
export async function writeBatch(dir: string, planId: number, zip: Uint8Array, generic: Uint8Array): Promise<BatchFile[]> {
  const out: BatchFile[] = [];
  const put = (name: string, bytes: Uint8Array, expect: string | string[], day = iso(0)) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    utimesSync(path, noonVn(day), noonVn(day));
    out.push({ name, path, expect });
  };
  const u01 = await fillTemplate(templateOf(zip, 'U01'), V(3, 2, 1));
  put('bao-cao-U01.xlsx', u01, 'new');
  put('U01 (gui lai qua Zalo).xlsx', u01, 'duplicate');
  put('bao-cao-U02-ban-sua.xlsx', await fillTemplate(templateOf(zip, 'U02'), V(5, 3, 2)), 'replace');
  put('bao-cao-U03-ban-cu.xlsx', await fillTemplate(templateOf(zip, 'U03'), V(2, 1, 0)), 'held', iso(-3));
  for (const [code, v] of [
    ['U04', V(2, 4, 1)],
    ['U05', V(1, 0, 0)],
    ['U06', V(6, 2, 3)],
  ] as const)
    put(`bao-cao-${code}.xlsx`, await fillTemplate(templateOf(zip, code), v), 'new');
  put('BC dan van U07.xlsx', await fillTemplate(generic, V(2, 2, 2)), 'new');
  const pid = String(planId);
  const free = async (seed: number, unitName: string, extra: Parameters<typeof makeReport>[0] = { seed }) =>
    (await makeReport({ ...extra, seed, unitName, planId: pid })).bytes;
  put('Bao cao ket qua - BV Da khoa.xlsx', await free(11, 'Bệnh viện Đa khoa huyện'), ['new', 'confirm']);
  put('baocao_caosu.xlsx', await free(12, 'Công ty CP Cao su Tây Ninh', { seed: 12, legacyFont: 'tcvn3' }), ['new', 'confirm']);
  put(
    'KQ dan van THCS.xlsx',
    await sheetOf([
      ['LIÊN ĐOÀN LAO ĐỘNG HUYỆN'],
      ['Công đoàn cơ sở: THCS Nguyễn Du'],
      ['BÁO CÁO KẾT QUẢ DÂN VẬN ĐỢT II'],
      [],
      ['TT', 'Nội dung công việc', 'Đơn vị tính', 'Kết quả thực hiện', 'Ghi chú'],
      ['1', 'SỐ BUỔI TUYÊN TRUYỀN, PHỔ BIẾN PHÁP LUẬT', 'buổi', '4', ''],
      ['2', 'Nhà mái ấm công đoàn được xây', 'căn', '1', ''],
      ['3', 'Quà tặng gia đình chính sách', 'suất', '12,,5', 'ghi nhầm'],
      ['4', 'Trồng cây xanh', 'cây', '30', ''],
    ]),
    'confirm',
  );
  put('bao cao Phuoc Minh.xlsx', await free(14, 'Trường Tiểu học Phước Minh', { seed: 14, mergedHeader: true, numbersAsText: true }), [
    'new',
    'confirm',
  ]);
  put('KB huyen.xlsx', await free(15, 'Kho bạc Nhà nước huyện', { seed: 15, ditto: true, formulas: true, narrative: 'after' }), [
    'new',
    'confirm',
  ]);
  put('bao-cao-khong-ro.xlsx', await free(16, 'Hợp tác xã Nông nghiệp Tân Tiến'), ['confirm', 'error']);
  put('hong-giua-chung.xlsx', await makeHostile('truncated', 3), 'error');
  put('bao cao cu.xls', await makeHostile('xls'), 'error');
  put('nham-tep.xlsx', await makeHostile('not-zip'), 'error');
  return out;
}
