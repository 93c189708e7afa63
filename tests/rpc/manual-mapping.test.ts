// Manual mapping instead of a dead end: a workbook whose rows match no indicator is sent to the mapping screen (never
// an error), nothing of it is stored until the user maps its rows, and the mapping is remembered for that unit only.
// The value column the reader cannot tell (Quý I..IV | Cả năm for a plan of a round) is asked once, stored only when
// picked, and taken again for the same unit's next file with the same headers; never for another unit.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, workbookOf, type TestApp } from '../helpers/context';
import { importHeadless } from '../../src-main/features/report-import/one-pass';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

const YT = 'Công đoàn Trạm Y tế xã Bình An';
const GD = 'Công đoàn Trường THCS Lê Lợi';

async function setup() {
  const yt = await app.call('units.save', { code: 'YT01', name: YT });
  const gd = await app.call('units.save', { code: 'GD01', name: GD });
  const cat = await app.call('indicators.list', {});
  const id = (c: string) => cat.find((i) => i.code === c)!.id;
  const plan = await app.call('plans.save', {
    title: 'Phối hợp làm công tác dân vận đợt II/2023',
    status: 'dang_thuc_hien',
    reportDueOn: '2023-12-31',
    periodLabel: 'Đợt II/2023',
    targets: ['CT01', 'CT05', 'CT11'].map((c) => ({ indicatorId: id(c), min: 1 })),
    assignment: 'all_base',
  });
  return { yt, gd, plan, id };
}

const at = (d: string) => Date.parse(`${d}T03:00:00Z`);
const file = (name: string, bytes: Uint8Array, day = '2023-12-28') => ({ name, bytes, lastModified: at(day) });

/** A unit's own layout whose wording matches no indicator of the catalog. */
const ownLayout = (unit: string, a: number, b: number) =>
  workbookOf(
    [
      [`Công đoàn cơ sở: ${unit.replace(/^Công đoàn /, '')}`],
      ['BÁO CÁO KẾT QUẢ ĐỢT II NĂM 2023'],
      [],
      ['TT', 'Nội dung', 'ĐVT', 'Kết quả', 'Ghi chú'],
      ['1', 'Họp mặt phổ cập quy định mới cho anh chị em', 'lần', a, ''],
      ['2', 'Trang trí khẩu ngữ mừng Xuân', 'tấm', b, ''],
    ],
    'Biểu 01',
  );
const OWN = { a: 'Họp mặt phổ cập quy định mới cho anh chị em', b: 'Trang trí khẩu ngữ mừng Xuân' };

/** Quý I..IV | Cả năm under a merged "Kết quả thực hiện": row k of period q is 10k + q, the total 1000k. */
async function quarterLayout(unit: string, shift = 0): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Biểu 01');
  ws.addRow([`Công đoàn cơ sở: ${unit.replace(/^Công đoàn /, '')}`]);
  ws.addRow(['BÁO CÁO KẾT QUẢ ĐỢT II NĂM 2023']);
  ws.addRow([]);
  ws.addRow(['TT', 'Nội dung', 'ĐVT', 'Kết quả thực hiện', null, null, null, null, 'Ghi chú']);
  ws.addRow([null, null, null, 'Quý I', 'Quý II', 'Quý III', 'Quý IV', 'Cả năm', null]);
  for (const m of ['D4:H4', 'A4:A5', 'B4:B5', 'C4:C5', 'I4:I5']) ws.mergeCells(m);
  ws.addRow(['1', 'Số buổi tuyên truyền, phổ biến pháp luật', 'buổi', 11 + shift, 12 + shift, 13 + shift, 14 + shift, 1000, '']);
  ws.addRow(['2', 'Băng rôn, pa nô, khẩu hiệu', 'cái', 21 + shift, 22 + shift, 23 + shift, 24 + shift, 2000, '']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function values(): Map<string, number | null> {
  const rows = app.ctx.db
    .prepare(
      "SELECT u.code || ':' || i.code AS k, v.value_num FROM report_values v JOIN reports r ON r.id = v.report_id JOIN units u ON u.id = r.unit_id JOIN indicators i ON i.id = v.indicator_id WHERE r.status = 'active'",
    )
    .all() as { k: string; value_num: number | null }[];
  return new Map(rows.map((r) => [r.k, r.value_num]));
}
const reportCount = () => (app.ctx.db.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n;

describe('rows that match nothing', () => {
  it('go to the mapping screen, are stored only once mapped, and are mapped again for that unit only', async () => {
    const { yt, gd, plan, id } = await setup();
    const first = file('yt-1.xlsx', await ownLayout(YT, 3, 2));
    const pre = (await app.call('reports.preview', { planId: plan.id, files: [first] })).files[0]!;
    expect(pre.status).toBe('confirm');
    expect(pre.reason).toMatch(/^Không tìm thấy dòng nào khớp.*ghép các dòng với chỉ tiêu/);
    expect(pre.unit?.code).toBe('YT01');
    expect(pre.rows.map((r) => [r.label, r.how, r.indicatorId])).toEqual([
      [OWN.a, 'none', null],
      [OWN.b, 'none', null],
    ]);

    // nothing is stored without the user's mapping
    const none = await app.call('reports.commit', { planId: plan.id, files: [{ file: first, unitId: yt.id, receivedOn: pre.receivedOn }] });
    expect(none.files[0]?.status).toBe('error');
    expect(reportCount()).toBe(0);

    // mapped by hand: stored, and remembered for YT01
    const done = await app.call('reports.commit', {
      planId: plan.id,
      files: [
        {
          file: first,
          unitId: yt.id,
          receivedOn: pre.receivedOn,
          mapping: [
            { label: OWN.a, indicatorId: id('CT01') },
            { label: OWN.b, indicatorId: id('CT05') },
          ],
        },
      ],
    });
    expect(done.files[0]?.status).toBe('imported');
    expect(values()).toEqual(
      new Map([
        ['YT01:CT01', 3],
        ['YT01:CT05', 2],
      ]),
    );

    // the unit's next file is mapped without asking
    const next = (
      await app.call('reports.preview', { planId: plan.id, files: [file('yt-2.xlsx', await ownLayout(YT, 4, 5), '2023-12-29')] })
    ).files[0]!;
    expect(next.status).toBe('replace');
    expect(next.rows.map((r) => [r.how, r.indicatorId])).toEqual([
      ['remembered', id('CT01')],
      ['remembered', id('CT05')],
    ]);

    // another unit writing the same words is not: its file still goes to the mapping screen
    const other = (await app.call('reports.preview', { planId: plan.id, files: [file('gd-1.xlsx', await ownLayout(GD, 7, 8))] })).files[0]!;
    expect(other.unit?.id).toBe(gd.id);
    expect(other.status).toBe('confirm');
    expect(other.rows.every((r) => r.indicatorId === null)).toBe(true);
  });

  it('without "remember", the mapping is used for this file only', async () => {
    const { yt, plan, id } = await setup();
    const first = file('yt-1.xlsx', await ownLayout(YT, 3, 2));
    await app.call('reports.commit', {
      planId: plan.id,
      files: [
        { file: first, unitId: yt.id, receivedOn: '2023-12-28', remember: false, mapping: [{ label: OWN.a, indicatorId: id('CT01') }] },
      ],
    });
    expect(values().get('YT01:CT01')).toBe(3);
    const next = (
      await app.call('reports.preview', { planId: plan.id, files: [file('yt-2.xlsx', await ownLayout(YT, 4, 5), '2023-12-29')] })
    ).files[0]!;
    expect(next.status).toBe('confirm');
  });

  it("the headless import leaves such a file to the app, by name, and imports it once the unit's mapping is known", async () => {
    const { yt, plan, id } = await setup();
    const before = await importHeadless(app.ctx, plan.id, [file('YT01.xlsx', await ownLayout(YT, 3, 2))], false);
    expect(before.files[0]?.status).toBe('error');
    expect(before.files[0]?.issues.at(-1)?.message).toMatch(/Không tìm thấy dòng nào khớp.*màn hình ghép/);
    expect(reportCount()).toBe(0);
    await app.call('reports.commit', {
      planId: plan.id,
      files: [
        {
          file: file('a.xlsx', await ownLayout(YT, 1, 1), '2023-12-20'),
          unitId: yt.id,
          receivedOn: '2023-12-20',
          mapping: [
            { label: OWN.a, indicatorId: id('CT01') },
            { label: OWN.b, indicatorId: id('CT05') },
          ],
        },
      ],
    });
    const after = await importHeadless(app.ctx, plan.id, [file('YT01.xlsx', await ownLayout(YT, 6, 2))], false);
    expect(after.files[0]?.status).toBe('superseded');
    expect(values().get('YT01:CT01')).toBe(6);
  });
});

describe('the value column the reader cannot tell', () => {
  it('is asked, stored only when picked, and taken again for the same unit and headers (not for another unit)', async () => {
    const { yt, gd, plan } = await setup();
    const f1 = file('yt-q.xlsx', await quarterLayout(YT));
    const pre = (await app.call('reports.preview', { planId: plan.id, files: [f1] })).files[0]!;
    expect(pre.status).toBe('confirm');
    expect(pre.reason).toMatch(/Không rõ lấy số liệu ở cột nào \(Quý I, Quý II, Quý III, Quý IV, Cả năm\).*chọn cột số liệu/);
    expect(pre.valueColumn).toMatchObject({ sure: false, how: 'auto', letter: 'H' });
    expect(pre.valueColumns?.map((c) => c.letter)).toEqual(['D', 'E', 'F', 'G', 'H']);

    // committed without a pick: refused, nothing stored
    const refused = await app.call('reports.commit', { planId: plan.id, files: [{ file: f1, unitId: yt.id, receivedOn: pre.receivedOn }] });
    expect(refused.files[0]?.status).toBe('error');
    expect(refused.files[0]?.issues[0]?.message).toMatch(/chọn cột số liệu/);
    expect(reportCount()).toBe(0);

    // the mapping screen shows the values of the picked column
    const q3 = pre.valueColumns!.find((c) => c.header.endsWith('Quý III'))!;
    const again = await app.call('reports.previewFile', { planId: plan.id, file: f1, unitId: yt.id, valueColumn: q3.header });
    const choices = () => (app.ctx.db.prepare('SELECT count(*) AS n FROM value_column_choices').get() as { n: number }).n;
    expect(choices()).toBe(0); // looking is not deciding: nothing remembered before the commit
    expect(again.valueColumn).toMatchObject({ letter: 'F', sure: true, how: 'chosen' });
    expect(again.rows.map((r) => r.value)).toEqual([13, 23]);
    expect(again.status).toBe('new');

    const stored = await app.call('reports.commit', {
      planId: plan.id,
      files: [{ file: f1, unitId: yt.id, receivedOn: pre.receivedOn, valueColumn: q3.header }],
    });
    expect(stored.files[0]?.status).toBe('imported');
    expect(values()).toEqual(
      new Map([
        ['YT01:CT01', 13],
        ['YT01:CT05', 23],
      ]),
    );
    expect(choices()).toBe(1);

    // the same unit's next file with the same headers: that column, without asking
    const f2 = file('yt-q2.xlsx', await quarterLayout(YT, 100), '2023-12-29');
    const next = (await app.call('reports.preview', { planId: plan.id, files: [f2] })).files[0]!;
    expect(next.status).toBe('replace');
    expect(next.valueColumn).toMatchObject({ letter: 'F', how: 'remembered', sure: true });
    expect(next.rows.map((r) => r.value)).toEqual([113, 123]);
    expect(next.issues.filter((i) => /chia theo kỳ/.test(i.message))).toEqual([]);
    const c2 = await app.call('reports.commit', { planId: plan.id, files: [{ file: f2, unitId: yt.id, receivedOn: next.receivedOn }] });
    expect(c2.files[0]?.status).toBe('superseded');
    expect(values().get('YT01:CT01')).toBe(113);

    // another unit with the same headers is asked
    const gdPre = (await app.call('reports.preview', { planId: plan.id, files: [file('gd-q.xlsx', await quarterLayout(GD))] })).files[0]!;
    expect(gdPre.unit?.id).toBe(gd.id);
    expect(gdPre.status).toBe('confirm');
    expect(gdPre.valueColumn).toMatchObject({ sure: false, how: 'auto' });
  });

  it('the headless import leaves an undecided column to the app', async () => {
    const { plan } = await setup();
    const res = await importHeadless(app.ctx, plan.id, [file('YT01.xlsx', await quarterLayout(YT))], false);
    expect(res.files[0]?.status).toBe('error');
    expect(res.files[0]?.issues.at(-1)?.message).toMatch(/Không rõ lấy số liệu ở cột nào.*chọn cột số liệu/);
    expect(reportCount()).toBe(0);
  });
});

describe('places of mapped rows', () => {
  it('point at the A1 cell the value was read from (the picked column), in issues and in the stored value', async () => {
    const { yt, plan } = await setup();
    const f1 = file('yt-q.xlsx', await quarterLayout(YT));
    const pre = await app.call('reports.previewFile', {
      planId: plan.id,
      file: f1,
      unitId: yt.id,
      valueColumn: 'Kết quả thực hiện / Quý III',
    });
    expect(pre.rows.map((r) => r.cell)).toEqual(['Biểu 01!F6', 'Biểu 01!F7']);
    const done = await app.call('reports.commit', {
      planId: plan.id,
      files: [{ file: f1, unitId: yt.id, receivedOn: pre.receivedOn, valueColumn: 'Kết quả thực hiện / Quý III' }],
    });
    const detail = await app.call('reports.get', { reportId: done.files[0]!.reportId! });
    expect(
      detail.values
        .filter((v) => v.sourceCell)
        .map((v) => v.sourceCell)
        .sort(),
    ).toEqual(['Biểu 01!F6', 'Biểu 01!F7']);
    // a guessed row's issue names its cell
    const guessed = await workbookOf(
      [
        [`Công đoàn cơ sở: Trạm Y tế xã Bình An`],
        ['BÁO CÁO KẾT QUẢ ĐỢT II NĂM 2023'],
        [],
        ['TT', 'Nội dung', 'ĐVT', 'Kết quả', 'Ghi chú'],
        ['1', 'Số buổi TT, PBPL', 'buổi', 5, ''],
        ['2', 'Sửa chữa nhà cho dân nghèo', 'căn', 2, ''],
      ],
      'Biểu 01',
    );
    const c = await app.call('reports.commit', {
      planId: plan.id,
      files: [{ file: file('g.xlsx', guessed, '2023-12-29'), unitId: yt.id, receivedOn: '2023-12-29' }],
    });
    const issue = c.files[0]!.issues.find((i) => /phỏng đoán/.test(i.message));
    expect(issue).toMatchObject({ sheet: 'Biểu 01', cell: 'D6' });
    expect(issue?.message).toMatch(/^Sheet 'Biểu 01', ô D6: dòng "Sửa chữa nhà cho dân nghèo"/);
  });
});

describe('a column picked without "remember"', () => {
  it('is used for that file only', async () => {
    const { yt, plan } = await setup();
    const header = 'Kết quả thực hiện / Quý II';
    const c = await app.call('reports.commit', {
      planId: plan.id,
      files: [
        { file: file('a.xlsx', await quarterLayout(YT)), unitId: yt.id, receivedOn: '2023-12-28', valueColumn: header, remember: false },
      ],
    });
    expect(c.files[0]?.status).toBe('imported');
    expect(values().get('YT01:CT01')).toBe(12);
    const next = (
      await app.call('reports.preview', { planId: plan.id, files: [file('b.xlsx', await quarterLayout(YT, 100), '2023-12-29')] })
    ).files[0]!;
    expect(next.status).toBe('confirm');
    expect(next.valueColumn).toMatchObject({ sure: false, how: 'auto' });
  });
});

describe('a remembered column and the plan period', () => {
  it('is taken for a plan of the same period, and asked again for another period', async () => {
    const { yt, plan } = await setup();
    await app.call('reports.commit', {
      planId: plan.id,
      files: [
        {
          file: file('a.xlsx', await quarterLayout(YT)),
          unitId: yt.id,
          receivedOn: '2023-12-28',
          valueColumn: 'Kết quả thực hiện / Quý III',
        },
      ],
    });
    const ct01 = (await app.call('indicators.list', {})).find((i) => i.code === 'CT01')!.id;
    const planOf = (periodLabel: string) =>
      app.call('plans.save', {
        title: `Kế hoạch ${periodLabel}`,
        status: 'dang_thuc_hien',
        reportDueOn: '2024-12-31',
        periodLabel,
        targets: [{ indicatorId: ct01, min: 1 }],
        assignment: 'all_base',
      });
    const same = await planOf('Đợt II/2023');
    const other = await planOf('Đợt I/2024');
    const f = file('b.xlsx', await quarterLayout(YT, 100), '2023-12-29');
    const onSame = (await app.call('reports.preview', { planId: same.id, files: [f] })).files[0]!;
    expect(onSame.valueColumn).toMatchObject({ letter: 'F', how: 'remembered' });
    const onOther = (await app.call('reports.preview', { planId: other.id, files: [f] })).files[0]!;
    expect(onOther.status).toBe('confirm');
    expect(onOther.valueColumn).toMatchObject({ sure: false, how: 'auto' });
  });
});

describe('rows left unmatched beside plan indicators without a row', () => {
  it('are said in one warning naming the rows and the indicators, never dropped silently', async () => {
    const { plan } = await setup();
    const bytes = await workbookOf(
      [
        ['Công đoàn cơ sở: Trạm Y tế xã Bình An'],
        ['BÁO CÁO KẾT QUẢ ĐỢT II NĂM 2023'],
        [],
        ['TT', 'Nội dung', 'ĐVT', 'Kết quả', 'Ghi chú'],
        ['1', 'Số buổi tuyên truyền, phổ biến pháp luật', 'buổi', 4, ''],
        ['2', 'Trang trí khẩu ngữ mừng Xuân', 'tấm', 6, ''],
        ['', 'Trong đó: khẩu ngữ mới', 'tấm', 2, ''],
      ],
      'Biểu 01',
    );
    const pre = (await app.call('reports.preview', { planId: plan.id, files: [file('yt.xlsx', bytes)] })).files[0]!;
    expect(pre.status).toBe('new');
    const w = pre.issues.filter((i) => /không khớp chỉ tiêu nào/.test(i.message));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ severity: 'warning', sheet: 'Biểu 01', cell: 'D6' });
    expect(w[0]?.message).toMatch(/1 dòng .*"Trang trí khẩu ngữ mừng Xuân" \(ô D6\).*CT05.*CT11.*ghép tay/);
    expect(w[0]?.message).not.toMatch(/Trong đó/);
    // committed with the row left out by the user: the stored report does not raise it again
    const c = await app.call('reports.commit', {
      planId: plan.id,
      files: [
        {
          file: file('yt.xlsx', bytes),
          unitId: pre.unit!.id,
          receivedOn: pre.receivedOn,
          mapping: [{ label: 'Trang trí khẩu ngữ mừng Xuân', indicatorId: null }],
        },
      ],
    });
    expect(c.files[0]?.issues.filter((i) => /không khớp chỉ tiêu nào/.test(i.message))).toEqual([]);
    // every row matched, or no plan indicator left without a row: nothing to say
    const full = await workbookOf(
      [
        ['Công đoàn cơ sở: Trạm Y tế xã Bình An'],
        ['BÁO CÁO KẾT QUẢ ĐỢT II NĂM 2023'],
        [],
        ['TT', 'Nội dung', 'ĐVT', 'Kết quả', 'Ghi chú'],
        ['1', 'Số buổi tuyên truyền, phổ biến pháp luật', 'buổi', 4, ''],
        ['2', 'Băng rôn, pa nô, khẩu hiệu', 'cái', 3, ''],
        ['3', 'Sửa chữa nhà ở cho dân', 'căn', 1, ''],
        ['4', 'Trang trí khẩu ngữ mừng Xuân', 'tấm', 6, ''],
      ],
      'Biểu 01',
    );
    const ok = (await app.call('reports.preview', { planId: plan.id, files: [file('yt2.xlsx', full)] })).files[0]!;
    expect(ok.issues.filter((i) => /không khớp chỉ tiêu nào/.test(i.message))).toEqual([]);
  });
});
