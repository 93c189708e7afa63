// The value checks at import: a đồng amount typed into a triệu đồng cell is flagged in the preview at its cell, is not
// stored without the user's word, and is stored (audited, shown in the report) once confirmed with a reason.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/context';
import { importHeadless } from '../../src-main/features/report-import/one-pass';
import { filledTemplate, moneyPlan } from '../helpers/test-plans';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

async function setup() {
  const a = await app.call('units.save', { code: 'GD01', name: 'Công đoàn Trường THCS Lê Lợi' });
  const b = await app.call('units.save', { code: 'YT01', name: 'Công đoàn Trạm Y tế xã Bình An' });
  const { money, plan } = await moneyPlan(app, 'Kế hoạch kiểm tra số liệu');
  const filled = (unitId: number, kp: number) => filledTemplate(app, plan.id, unitId, { 'Số buổi': 3, 'Kinh phí vận động': kp });
  return { a, b, plan, money, filled };
}
const file = (name: string, bytes: Uint8Array) => ({ name, bytes, lastModified: Date.parse('2024-12-20T03:00:00Z') });

describe('value checks at import', () => {
  it('flags a đồng value in a triệu đồng cell at its cell, stores it only when confirmed with a reason', async () => {
    const { a, b, plan, money, filled } = await setup();
    const fa = file('bc-GD01.xlsx', await filled(a.id, 45_500_000));
    const pre = await app.call('reports.preview', { planId: plan.id, files: [fa] });
    const p = pre.files[0]!;
    expect(p.status).toBe('confirm');
    expect(p.reason).toMatch(/giá trị bất thường/);
    const row = p.rows.find((r) => r.indicatorId === money.id)!;
    expect(row.checks?.map((c) => c.rule)).toEqual(['magnitude']);
    const issue = p.issues.find((i) => /KP01/.test(i.message))!;
    expect(issue).toMatchObject({ severity: 'warning', sheet: 'Báo cáo' });
    expect(issue.cell).toBeTruthy();
    expect(issue.message).toMatch(/đồng vào ô tính bằng triệu đồng/);

    // committed without a confirmation: the other values go in, this one does not, and the report says so
    const c1 = await app.call('reports.commit', { planId: plan.id, files: [{ file: fa, unitId: a.id, receivedOn: '2024-12-20' }] });
    const r1 = await app.call('reports.get', { reportId: c1.files[0]!.reportId! });
    expect(r1.values.find((v) => v.indicatorId === money.id)?.value ?? null).toBeNull();
    expect(r1.issues.map((i) => i.message).join('\n')).toMatch(/Chưa lưu giá trị này vì chưa được xác nhận/);

    // the other unit's odd value, confirmed with a reason: stored, audited, shown in the report
    const fb = file('bc-YT01.xlsx', await filled(b.id, 48_000));
    const c2 = await app.call('reports.commit', {
      planId: plan.id,
      files: [
        {
          file: fb,
          unitId: b.id,
          receivedOn: '2024-12-20',
          confirmations: [{ label: row.label, reason: 'Đơn vị xác nhận qua điện thoại: 48 tỷ đồng từ dự án' }],
        },
      ],
    });
    const r2 = await app.call('reports.get', { reportId: c2.files[0]!.reportId! });
    expect(r2.values.find((v) => v.indicatorId === money.id)?.value).toBe(48_000);
    expect(r2.issues.map((i) => i.message).join('\n')).toMatch(/Đã xác nhận, lý do: Đơn vị xác nhận qua điện thoại/);
    const audit = await app.call('audit.list', { limit: 20 });
    expect(audit.some((e) => e.action === 'report.value_confirmed' && /YT01.*48 tỷ đồng từ dự án/.test(e.summary))).toBe(true);
  });

  it('a near value is not flagged, and the CLI import leaves a flagged value out with its cell', async () => {
    const { a, b, plan, money, filled } = await setup();
    const ok = await app.call('reports.preview', { planId: plan.id, files: [file('ok.xlsx', await filled(a.id, 45.5))] });
    expect(ok.files[0]!.status).toBe('new');
    expect(ok.files[0]!.rows.every((r) => !r.checks)).toBe(true);
    const r = await importHeadless(app.ctx, plan.id, [file('bc-YT01.xlsx', await filled(b.id, 45_500_000))], false);
    expect(r.files[0]!.status).toBe('imported');
    expect(r.files[0]!.issues.map((i) => i.message).join('\n')).toMatch(/KP01.*Chưa lưu giá trị này/);
    const list = await app.call('reports.list', { planId: plan.id });
    const rep = list.find((x) => x.unit.code === 'YT01')!.report!;
    const detail = await app.call('reports.get', { reportId: rep.id });
    expect(detail.values.find((v) => v.indicatorId === money.id)?.value ?? null).toBeNull();
  });
});

describe('checking a plan ("Kiểm tra số liệu", CLI check-values)', () => {
  it('lists the warnings of the values in use with unit, indicator, file, sheet, cell and status; the CLI gives the same', async () => {
    const { a, b, plan, money, filled } = await setup();
    const fa = file('bc-GD01.xlsx', await filled(a.id, 45_500_000));
    const row = (await app.call('reports.preview', { planId: plan.id, files: [fa] })).files[0]!.rows.find(
      (r) => r.indicatorId === money.id,
    )!;
    await app.call('reports.commit', {
      planId: plan.id,
      files: [{ file: fa, unitId: a.id, receivedOn: '2024-12-20', confirmations: [{ label: row.label, reason: 'Đơn vị đã xác nhận' }] }],
    });
    await app.call('reports.commit', {
      planId: plan.id,
      files: [{ file: file('bc-YT01.xlsx', await filled(b.id, 600)), unitId: b.id, receivedOn: '2024-12-20' }],
    });
    const { warnings } = await app.call('checks.plan', { planId: plan.id });
    const byUnit = (code: string) => warnings.filter((w) => w.unitCode === code);
    expect(byUnit('GD01')).toEqual([
      expect.objectContaining({
        indicatorCode: 'KP01',
        rule: 'magnitude',
        blocking: true,
        value: 45_500_000,
        expected: 50,
        file: 'bc-GD01.xlsx',
        sheet: 'Báo cáo',
        status: 'confirmed',
      }),
    ]);
    expect(byUnit('YT01')).toEqual([
      expect.objectContaining({ indicatorCode: 'KP01', rule: 'far_above_target', blocking: false, status: 'open' }),
    ]);
    expect(byUnit('GD01')[0]!.cell).toBeTruthy();
    const { cli } = await import('../helpers/cli');
    app.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const r = await cli('check-values', '--plan', String(plan.id), '--json', '--db', app.ctx.dbFile);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { warnings: { unitCode: string; indicatorCode: string; rule: string; status: string }[] };
    expect(out.warnings.map((w) => [w.unitCode, w.indicatorCode, w.rule, w.status]).sort()).toEqual([
      ['GD01', 'KP01', 'magnitude', 'confirmed'],
      ['YT01', 'KP01', 'far_above_target', 'open'],
    ]);
    // a real CLI process computes them in its checks worker and waits for it before printing (it once exited first,
    // printing nothing)
    const { spawnSync } = await import('node:child_process');
    const spawned = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src-main/cli.ts', 'check-values', '--plan', String(plan.id), '--json', '--db', app.ctx.dbFile],
      { cwd: new URL('../..', import.meta.url).pathname, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
    );
    expect(spawned.status).toBe(0);
    expect(JSON.parse(spawned.stdout)).toEqual(out);
  }, 60_000);
});

describe('hand edits ("Sửa")', () => {
  it('edits both measures, audits old → new of each, and refuses an odd value without a reason', async () => {
    const { a, money } = await setup();
    const cat = await app.call('indicators.list', {});
    const ct08 = cat.find((i) => i.code === 'CT08')!; // căn / triệu đồng
    const ct01 = cat.find((i) => i.code === 'CT01')!;
    const plan = await app.call('plans.save', {
      title: 'Kế hoạch sửa tay',
      status: 'dang_thuc_hien',
      reportDueOn: '2024-12-31',
      periodLabel: 'Năm 2024',
      assignment: 'all_base',
      targets: [
        { indicatorId: ct01.id, min: 2 },
        { indicatorId: money.id, min: 50 },
        { indicatorId: ct08.id, min: 1 },
      ],
    });
    const bytes = await filledTemplate(app, plan.id, a.id, { 'Số buổi': 3, 'Kinh phí vận động': 40, 'Nhà "Mái ấm': 2 });
    const c = await app.call('reports.commit', {
      planId: plan.id,
      files: [{ file: file('bc.xlsx', bytes), unitId: a.id, receivedOn: '2024-12-20' }],
    });
    const reportId = c.files[0]!.reportId!;
    const before = (await app.call('reports.get', { reportId })).values.find((v) => v.indicatorId === ct08.id)!;
    expect(before.unit2).toBe('triệu đồng');

    const after = await app.call('reports.editValue', { reportId, indicatorId: ct08.id, value: 2, value2: 150 });
    const v = after.values.find((x) => x.indicatorId === ct08.id)!;
    expect([v.value, v.value2, v.edited]).toEqual([2, 150, true]);
    const audit = (await app.call('audit.list', { limit: 5 })).find((e) => e.action === 'reports.edit')!;
    expect(audit.summary).toMatch(/2 → 2.*trị giá.*→ 150/);

    // an odd value (45.5 million "triệu đồng") is refused without a reason, stored with one
    await expect(app.call('reports.editValue', { reportId, indicatorId: money.id, value: 45_500_000 })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/triệu đồng.*lý do/),
    });
    expect((await app.call('reports.get', { reportId })).values.find((x) => x.indicatorId === money.id)!.value).toBe(40);
    const ok = await app.call('reports.editValue', {
      reportId,
      indicatorId: money.id,
      value: 45_500_000,
      reason: 'Đơn vị gửi công văn xác nhận',
    });
    expect(ok.values.find((x) => x.indicatorId === money.id)!.value).toBe(45_500_000);
    const { warnings } = await app.call('checks.plan', { planId: plan.id });
    expect(warnings.find((w) => w.indicatorId === money.id)).toMatchObject({ rule: 'magnitude', status: 'confirmed' });
  });
});

describe('sending a report back ("đề nghị sửa")', () => {
  it('drafts the letter naming each problem with its place, records the request until a newer version arrives', async () => {
    const { b, plan, filled } = await setup();
    const c = await app.call('reports.commit', {
      planId: plan.id,
      files: [{ file: file('bc-YT01.xlsx', await filled(b.id, 600)), unitId: b.id, receivedOn: '2024-12-20' }],
    });
    const reportId = c.files[0]!.reportId!;
    // the letter names the plan's warnings as given to it (the app gives those its checks worker keeps): none here
    const { correctionLetter } = await import('../../src-main/features/correction-letter');
    const opts = { reportId, number: null, date: '2024-12-22', dueOn: null, record: false };
    await expect(correctionLetter(app.ctx.db, opts, '2024-12-22T01:00:00Z', async () => [])).rejects.toMatchObject({
      message: expect.stringMatching(/không có vấn đề nào/),
    });
    const r = await app.call('checks.correctionLetter', { reportId, number: '12/CV-LĐLĐ', date: '2024-12-22' });
    expect(r.problems).toBe(1);
    expect(r.text).toMatch(
      /^\[.*\] Kính gửi BCH Công đoàn Trạm Y tế xã Bình An\..*KP01 – Kinh phí vận động xã hội hóa \(sheet "Báo cáo", ô [A-Z]+\d+\).*cao gấp 12 lần.*trước ngày 25\/12\/2024/,
    );
    const mammoth = (await import('mammoth')).default;
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(r.file.bytes) })).value.normalize('NFC').replace(/\s+/g, ' ');
    expect(text).toContain('V/v đề nghị rà soát, điều chỉnh số liệu báo cáo kết quả');
    expect(text).toContain('Kính gửi: Ban Chấp hành Công đoàn Trạm Y tế xã Bình An');
    expect(text).toMatch(
      /1\. KP01 – Kinh phí vận động xã hội hóa \(sheet "Báo cáo", ô [A-Z]+\d+\): Giá trị 600 triệu đồng cao gấp 12 lần chỉ tiêu/,
    );
    const detail = await app.call('reports.get', { reportId });
    expect(detail.correctionRequestedOn).toBe('2024-12-22');
    expect((await app.call('reports.list', { planId: plan.id })).find((x) => x.unit.code === 'YT01')!.report!.correctionRequestedOn).toBe(
      '2024-12-22',
    );
    // the unit resends: the new version is in use, and it is not "asked to correct"
    const c2 = await app.call('reports.commit', {
      planId: plan.id,
      files: [{ file: file('bc-YT01-sua.xlsx', await filled(b.id, 60)), unitId: b.id, receivedOn: '2024-12-23' }],
    });
    expect(c2.files[0]!.status).toBe('superseded');
    expect(
      (await app.call('reports.list', { planId: plan.id })).find((x) => x.unit.code === 'YT01')!.report!.correctionRequestedOn,
    ).toBeNull();
    // nothing to correct: said, not an empty letter
    await expect(app.call('checks.correctionLetter', { reportId: c2.files[0]!.reportId!, date: '2024-12-24' })).rejects.toMatchObject({
      message: expect.stringMatching(/không có vấn đề nào/),
    });
  });
});

describe('unit match shown as a share', () => {
  it('never over 100 %, even for a template naming its unit exactly', async () => {
    const { a, plan, filled } = await setup();
    const pre = await app.call('reports.preview', { planId: plan.id, files: [file('bc-GD01.xlsx', await filled(a.id, 40))] });
    const cands = pre.files[0]!.unitCandidates;
    expect(cands.length).toBeGreaterThan(0);
    expect(Math.max(...cands.map((c) => c.score))).toBeLessThanOrEqual(1);
  });
});

describe('"Trong đó" rows at import', () => {
  it('a part larger than its whole holds the parent value; clean parts pass', async () => {
    const { workbookOf } = await import('../helpers/context');
    const u = await app.call('units.save', { code: 'YT09', name: 'Công đoàn Trạm Y tế xã Phước Minh' });
    const cat = await app.call('indicators.list', {});
    const ct25 = cat.find((i) => i.code === 'CT25')!;
    const plan = await app.call('plans.save', {
      title: 'Kế hoạch hiến máu',
      status: 'dang_thuc_hien',
      periodLabel: 'Năm 2024',
      assignment: 'all_base',
      targets: [{ indicatorId: ct25.id, min: null }],
    });
    const head = [
      ['Công đoàn cơ sở: Trạm Y tế xã Phước Minh'],
      ['BÁO CÁO KẾT QUẢ NĂM 2024'],
      [],
      ['TT', 'Nội dung', 'Đơn vị tính', 'Kết quả', 'Ghi chú'],
    ];
    const wb = async (whole: number, part: number) =>
      workbookOf([...head, ['1', ct25.label, 'người', whole, ''], ['', '- Trong đó: nữ', 'người', part, '']], 'Báo cáo');
    const bad = (await app.call('reports.preview', { planId: plan.id, files: [file('yt09.xlsx', await wb(40, 55))] })).files[0]!;
    expect(bad.rows.find((r) => r.indicatorId === ct25.id)!.checks?.map((c) => c.rule)).toEqual(['breakdown_part_exceeds']);
    expect(bad.status).toBe('confirm');
    const good = (await app.call('reports.preview', { planId: plan.id, files: [file('yt09b.xlsx', await wb(40, 22))] })).files[0]!;
    expect(good.rows.find((r) => r.indicatorId === ct25.id)!.checks).toBeUndefined();
    void u;
  });
});

describe('CLI export says the open value warnings first', () => {
  it('lists them on stderr and counts them in the JSON', async () => {
    const { b, plan, filled } = await setup();
    await app.call('reports.commit', {
      planId: plan.id,
      files: [{ file: file('bc-YT01.xlsx', await filled(b.id, 600)), unitId: b.id, receivedOn: '2024-12-20' }],
    });
    app.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const { cli } = await import('../helpers/cli');
    const out = `${app.dir}/tong-hop.xlsx`;
    const r = await cli('export', 'consolidated', '--plan', String(plan.id), '--out', out, '--json', '--db', app.ctx.dbFile);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/còn 1 cảnh báo số liệu chưa xử lý[\s\S]*YT01, KP01: Giá trị 600/);
    expect((JSON.parse(r.out) as { openValueWarnings: number }).openValueWarnings).toBe(1);
  });
});
