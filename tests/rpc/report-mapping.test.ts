// Row mapping through the import pipeline: a row matched only by a guess (or whose unit cannot be converted) is
// never stored without the user's confirmation, in the app commit and in the headless CLI import; money written
// in another scale is stored converted, with the conversion shown in the preview; confirmed synonyms are remembered.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, workbookOf, type TestApp } from '../helpers/context';
import { importHeadless } from '../../src-main/features/report-import/one-pass';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

async function setup() {
  const unit = await app.call('units.save', { code: 'YT01', name: 'Công đoàn Trạm Y tế xã Bình An' });
  const cat = await app.call('indicators.list', {});
  const byCode = (c: string) => cat.find((i) => i.code === c)!;
  const codes = ['CT01', 'CT08', 'CT25', 'CT29', 'CT43'];
  const plan = await app.call('plans.save', {
    title: 'Phối hợp làm công tác dân vận đợt II/2023',
    status: 'dang_thuc_hien',
    reportDueOn: '2023-12-31',
    periodLabel: 'Đợt II/2023',
    targets: codes.map((c) => ({ indicatorId: byCode(c).id, min: 1 })),
    assignment: 'all_base',
  });
  return { unit, plan, id: (c: string) => byCode(c).id };
}

const file = (name: string, bytes: Uint8Array) => ({ name, bytes, lastModified: Date.parse('2023-12-30T03:00:00Z') });
const head = [
  ['Công đoàn cơ sở: Trạm Y tế xã Bình An'],
  ['BÁO CÁO KẾT QUẢ DÂN VẬN ĐỢT II NĂM 2023'],
  [],
  ['TT', 'Nội dung công việc', 'Đơn vị tính', 'Kết quả thực hiện', 'Ghi chú'],
];

function storedValues(reportId: number): Map<string, number | null> {
  const rows = app.ctx.db
    .prepare('SELECT i.code, v.value_num FROM report_values v JOIN indicators i ON i.id = v.indicator_id WHERE v.report_id = ?')
    .all(reportId) as { code: string; value_num: number | null }[];
  return new Map(rows.map((r) => [r.code, r.value_num]));
}

describe('guessed rows need the user', () => {
  it('the app commit stores a guessed row only when the user confirms it', async () => {
    const { unit, plan, id } = await setup();
    const bytes = await workbookOf(
      [...head, ['1', 'Số buổi TT, PBPL', 'buổi', 5, ''], ['2', 'Nhà mái ấm công đoàn được xây', 'căn', 2, '']],
      'Báo cáo',
    );
    const pre = await app.call('reports.preview', { planId: plan.id, files: [file('yt.xlsx', bytes)] });
    const f = pre.files[0]!;
    expect(f.rows.map((r) => [r.how, r.sure])).toEqual([
      ['label', true],
      ['similar', false],
    ]);
    expect(f.status).toBe('confirm');
    expect(f.reason).toMatch(/phỏng đoán/);

    // Without a decision on the guessed row: the sure row is stored, the guessed one is not, and the report says so.
    const c1 = await app.call('reports.commit', {
      planId: plan.id,
      files: [{ file: file('yt.xlsx', bytes), unitId: unit.id, receivedOn: f.receivedOn }],
    });
    expect(c1.files[0]?.status).toBe('imported');
    const v1 = storedValues(c1.files[0]!.reportId!);
    expect(v1.get('CT01')).toBe(5);
    expect(v1.has('CT08')).toBe(false);
    expect(c1.files[0]?.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Sheet 'Báo cáo', ô D6: .*"Nhà mái ấm công đoàn được xây".*chưa lưu/)]),
    );

    // The user confirms the guess: now it is stored.
    const bytes2 = await workbookOf(
      [...head, ['1', 'Số buổi TT, PBPL', 'buổi', 6, ''], ['2', 'Nhà mái ấm công đoàn được xây', 'căn', 3, '']],
      'Báo cáo',
    );
    const c2 = await app.call('reports.commit', {
      planId: plan.id,
      files: [
        {
          file: file('yt2.xlsx', bytes2),
          unitId: unit.id,
          receivedOn: '2023-12-31',
          mapping: [{ label: 'Nhà mái ấm công đoàn được xây', indicatorId: id('CT08') }],
        },
      ],
    });
    expect(storedValues(c2.files[0]!.reportId!).get('CT08')).toBe(3);
  });

  it('the CLI import never stores a guessed row: it reports it with its sheet and row', async () => {
    const { plan } = await setup();
    const bytes = await workbookOf(
      [...head, ['1', 'Số buổi tuyên truyền, phổ biến pháp luật', 'buổi', 7, ''], ['2', 'Nhà mái ấm công đoàn được xây', 'căn', 2, '']],
      'Báo cáo',
    );
    const res = await importHeadless(app.ctx, plan.id, [file('YT01.xlsx', bytes)], false);
    expect(res.files[0]).toMatchObject({ status: 'imported', unitCode: 'YT01' });
    expect(res.files[0]?.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Sheet 'Báo cáo', ô D6: .*"Nhà mái ấm công đoàn được xây"/)]),
    );
    const { id: reportId } = app.ctx.db.prepare('SELECT id FROM reports').get() as { id: number };
    const v = storedValues(reportId);
    expect(v.get('CT01')).toBe(7);
    expect(v.has('CT08')).toBe(false);
  });
});

describe('units written in labels', () => {
  it('stores money in the indicator unit and shows the conversion in the preview', async () => {
    const { unit, plan } = await setup();
    const bytes = await workbookOf(
      [
        ...head,
        ['1', 'Số tiền doanh nghiệp nợ lương người lao động (triệu đồng)', '', 12.5, ''],
        ['2', 'Kinh phí vận động xã hội hóa', 'đồng', 4500000, ''],
      ],
      'Báo cáo',
    );
    const pre = await app.call('reports.preview', { planId: plan.id, files: [file('yt.xlsx', bytes)] });
    const f = pre.files[0]!;
    expect(f.status).toBe('new');
    expect(f.rows.map((r) => [r.value, r.unitNote])).toEqual([
      [12_500_000, 'Đã đổi 12,5 triệu đồng = 12.500.000 đồng'],
      [4.5, 'Đã đổi 4.500.000 đồng = 4,5 triệu đồng'],
    ]);
    const c = await app.call('reports.commit', {
      planId: plan.id,
      files: [{ file: file('yt.xlsx', bytes), unitId: unit.id, receivedOn: f.receivedOn }],
    });
    const v = storedValues(c.files[0]!.reportId!);
    expect(v.get('CT43')).toBe(12_500_000);
    expect(v.get('CT29')).toBe(4.5);
  });

  it('a row the user maps to another indicator is converted for that indicator, not the one first suggested', async () => {
    const { unit, plan, id } = await setup();
    const label = 'Số tiền doanh nghiệp nợ lương người lao động (triệu đồng)';
    const bytes = await workbookOf([...head, ['1', label, '', 12.5, '']], 'Báo cáo');
    const pre = await app.call('reports.preview', { planId: plan.id, files: [file('yt.xlsx', bytes)] });
    expect(pre.files[0]?.rows[0]).toMatchObject({ indicatorId: id('CT43'), value: 12_500_000 });
    const c = await app.call('reports.commit', {
      planId: plan.id,
      files: [{ file: file('yt.xlsx', bytes), unitId: unit.id, receivedOn: '2023-12-30', mapping: [{ label, indicatorId: id('CT29') }] }],
    });
    const v = storedValues(c.files[0]!.reportId!);
    expect(v.get('CT29')).toBe(12.5);
    expect(v.has('CT43')).toBe(false);
  });

  it('a unit that cannot be converted is flagged at its row and not stored until the user confirms', async () => {
    const { unit, plan } = await setup();
    const bytes = await workbookOf(
      [...head, ['1', 'Số buổi tuyên truyền, phổ biến pháp luật', 'buổi', 5, ''], ['2', 'Kinh phí vận động xã hội hóa', 'người', 35, '']],
      'Báo cáo',
    );
    const pre = await app.call('reports.preview', { planId: plan.id, files: [file('yt.xlsx', bytes)] });
    const f = pre.files[0]!;
    expect(f.status).toBe('confirm');
    expect(f.rows[1]).toMatchObject({ how: 'label', sure: false, value: 35 });
    expect(f.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Sheet 'Báo cáo', ô D6: đơn vị 'người' không đổi được sang 'triệu đồng'/i)]),
    );
    const c = await app.call('reports.commit', {
      planId: plan.id,
      files: [{ file: file('yt.xlsx', bytes), unitId: unit.id, receivedOn: f.receivedOn }],
    });
    expect(storedValues(c.files[0]!.reportId!).has('CT29')).toBe(false);
    const cli = await importHeadless(
      app.ctx,
      plan.id,
      [
        file(
          'YT01-b.xlsx',
          await workbookOf(
            [
              ...head,
              ['1', 'Kinh phí vận động xã hội hóa', 'người', 36, ''],
              ['2', 'Số buổi tuyên truyền, phổ biến pháp luật', 'buổi', 6, ''],
            ],
            'Báo cáo',
          ),
        ),
      ],
      false,
    );
    expect(cli.files[0]?.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Sheet 'Báo cáo', ô D5: .*'người'/)]),
    );
    const active = app.ctx.db.prepare("SELECT id FROM reports WHERE status = 'active'").get() as { id: number };
    expect(storedValues(active.id).has('CT29')).toBe(false);
  });
});

describe('indicator codes', () => {
  it('a "Mã chỉ tiêu" column decides the match whatever the label says', async () => {
    const { plan, id } = await setup();
    const bytes = await workbookOf(
      [
        ['Công đoàn cơ sở: Trạm Y tế xã Bình An'],
        ['Mã chỉ tiêu', 'Nội dung', 'ĐVT', 'Kết quả'],
        ['CT25', 'Vận động hiến máu', 'ĐVM', 33],
        ['ct01', 'Tuyên truyền các chỉ thị', 'buổi', 4],
      ],
      'Báo cáo',
    );
    const pre = await app.call('reports.preview', { planId: plan.id, files: [file('yt.xlsx', bytes)] });
    expect(pre.files[0]?.rows.map((r) => [r.indicatorId, r.how, r.sure, r.value])).toEqual([
      [id('CT25'), 'code', true, 33],
      [id('CT01'), 'code', true, 4],
    ]);
    expect(pre.files[0]?.status).toBe('new');
  });
});

describe('confirmed synonyms', () => {
  it('"Hiến máu nhân đạo" confirmed once as "Hiến máu tình nguyện" is matched by itself next time, however it is typed', async () => {
    const { unit, plan, id } = await setup();
    const one = await workbookOf([...head, ['1', 'Hiến máu nhân đạo', 'ĐVM', 40, '']], 'Báo cáo');
    const pre = await app.call('reports.preview', { planId: plan.id, files: [file('a.xlsx', one)] });
    expect(pre.files[0]?.rows[0]?.how).not.toBe('remembered');
    await app.call('reports.commit', {
      planId: plan.id,
      files: [
        {
          file: file('a.xlsx', one),
          unitId: unit.id,
          receivedOn: '2023-12-30',
          mapping: [{ label: 'Hiến máu nhân đạo', indicatorId: id('CT25') }],
        },
      ],
    });
    const two = await workbookOf([...head, ['1', 'HIEN MAU NHAN DAO', 'ĐVM', 41, '']], 'Báo cáo');
    const again = await app.call('reports.preview', { planId: plan.id, files: [file('b.xlsx', two)] });
    expect(again.files[0]?.rows[0]).toMatchObject({ indicatorId: id('CT25'), how: 'remembered', sure: true });
  });
});
