// Never an empty name or place: without a profile the documents take the plan's issuer, parent and place, else
// print a visible "[chưa nhập …]" placeholder and return a warning; the CLI can set the profile (settings set).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { DEFAULT_PROFILE } from '../../../src-main/contract/settings';
import type { Plan } from '../../../src-main/contract/plans';
import { isGenericOrg, resolveProfile } from '../../../src-main/features/doc-identity';
import { cli } from '../../helpers/cli';
import { makeTestApp, type TestApp } from '../../helpers/context';
import { checkDocx } from './layout-check/docx';

const text = async (bytes: Uint8Array): Promise<string> =>
  (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.normalize('NFC').replace(/\s+/g, ' ');
const plan = (p: Partial<Plan>): Plan => ({ origin: 'own', issuer: null, parentIssuer: null, place: null, ...p }) as Plan;

describe('resolveProfile', () => {
  it('treats the default level names as no name', () => {
    expect(isGenericOrg(DEFAULT_PROFILE.ownOrg)).toBe(true);
    expect(isGenericOrg(DEFAULT_PROFILE.parentOrg)).toBe(true);
    expect(isGenericOrg('LĐLĐ huyện Dương Minh Châu')).toBe(false);
  });

  it("falls back to our own plan's issuer, parent and place", () => {
    const r = resolveProfile(
      DEFAULT_PROFILE,
      plan({ issuer: 'LĐLĐ huyện Dương Minh Châu', parentIssuer: 'LĐLĐ tỉnh Tây Ninh', place: 'Dương Minh Châu' }),
    );
    expect([r.profile.ownOrg, r.profile.parentOrg, r.profile.placeName]).toEqual([
      'LĐLĐ huyện Dương Minh Châu',
      'LĐLĐ tỉnh Tây Ninh',
      'Dương Minh Châu',
    ]);
    expect(r.warnings).toEqual([]);
  });

  it("takes a received plan's issuer as the parent only", () => {
    const r = resolveProfile(DEFAULT_PROFILE, plan({ origin: 'received', issuer: 'LĐLĐ tỉnh Tây Ninh', place: 'Tây Ninh' }));
    expect(r.profile.parentOrg).toBe('LĐLĐ tỉnh Tây Ninh');
    expect(r.profile.ownOrg).toBe('[chưa nhập tên cơ quan]');
    expect(r.profile.placeName).toBe('[chưa nhập địa danh]');
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[0]).toMatch(/Cài đặt/);
  });
});

describe('exports without a saved profile', () => {
  let app: TestApp;
  beforeEach(() => (app = makeTestApp()));
  afterEach(() => app.close());

  async function planWith(fields: Record<string, string>) {
    await app.call('units.save', { code: 'GD01', name: 'Công đoàn Trường THCS Lê Lợi' });
    const first = (await app.call('indicators.list', {}))[0]!;
    return app.call('plans.save', {
      title: 'Phối hợp làm công tác dân vận đợt II/2023',
      status: 'dang_thuc_hien',
      reportDueOn: '2023-12-31',
      assignment: 'all_base',
      targets: [{ indicatorId: first.id, min: 1 }],
      ...fields,
    } as never);
  }

  it('prints placeholders and returns warnings when neither Settings nor the plan name us', async () => {
    const p = await planWith({});
    const out = await app.call('consolidation.exportDocx', { planId: p.id, date: '2024-01-06', number: null });
    expect(out.warnings).toHaveLength(3);
    const t = await text(out.bytes);
    const squeezed = t.replace(/\s/g, ''); // names may be set on two lines in the header
    expect(squeezed).toContain('[CHƯANHẬPTÊNCƠQUANCẤPTRÊN]');
    expect(squeezed).toContain('[CHƯANHẬPTÊNCƠQUAN]');
    expect(t).toContain('[chưa nhập địa danh], ngày 06 tháng 01 năm 2024');
    expect(t).not.toMatch(/LIÊN ĐOÀN LAO ĐỘNG (TỈNH|HUYỆN)\s*(LIÊN|CỘNG|\[)/);
    expect(checkDocx(out.bytes)).toEqual([]); // placeholders aside, the layout holds
    const letter = await app.call('reminders.letter', {
      planId: p.id,
      date: '2024-01-06',
      number: null,
      unitIds: null,
      newDueOn: null,
      record: false,
    });
    expect(letter.file.warnings).toHaveLength(3);
  });

  it("names the office from the plan's issuer, parent and place, with no warning", async () => {
    const p = await planWith({
      issuer: 'LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU',
      parentIssuer: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH',
      place: 'Dương Minh Châu',
    });
    const out = await app.call('consolidation.exportDocx', { planId: p.id, date: '2024-01-06', number: '118/BC-LĐLĐ' });
    expect(out.warnings).toBeUndefined();
    const t = await text(out.bytes);
    expect(t).toContain('LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH');
    expect(t).toContain('Dương Minh Châu, ngày 06 tháng 01 năm 2024');
    expect(t).toContain('Ban Thường vụ Liên đoàn Lao động huyện Dương Minh Châu báo cáo');
    expect(checkDocx(out.bytes)).toEqual([]);
    // The units' template names the office above the unit the same way.
    const tpl = await app.call('reports.templates', { planId: p.id, unitIds: null, zip: false });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(tpl.bytes) as unknown as ArrayBuffer);
    expect(String(wb.getWorksheet('Báo cáo')!.getCell(1, 1).value)).toMatch(/^LIÊN ĐOÀN LAO ĐỘNG\s+HUYỆN DƯƠNG MINH CHÂU$/);
  });

  it('lets the CLI set the profile, then exports name the office', async () => {
    const p = await planWith({});
    const before = await cli('export', 'docx', '--plan', String(p.id), '--out', join(app.dir, 'truoc.docx'), '--db', app.ctx.dbFile);
    expect(before.code).toBe(0);
    expect(before.err).toContain('Cảnh báo: Chưa có tên cơ quan ban hành');
    const file = join(app.dir, 'profile.json');
    writeFileSync(
      file,
      JSON.stringify({
        ownOrg: 'LĐLĐ huyện Dương Minh Châu',
        parentOrg: 'LĐLĐ tỉnh Tây Ninh',
        placeName: 'Dương Minh Châu',
        signerName: 'Trần Văn Bình',
      }),
    );
    const set = await cli('settings', 'set', file, '--json', '--db', app.ctx.dbFile);
    expect(set.code).toBe(0);
    expect(JSON.parse(set.out)).toMatchObject({
      ownOrg: 'LĐLĐ huyện Dương Minh Châu',
      placeName: 'Dương Minh Châu',
      levelNames: DEFAULT_PROFILE.levelNames,
    });
    const bad = await cli('settings', 'set', join(app.dir, 'none.json'), '--db', app.ctx.dbFile);
    expect(bad.code).toBe(1);
    const outFile = join(app.dir, 'bc.docx');
    const res = await cli('export', 'docx', '--plan', String(p.id), '--out', outFile, '--json', '--db', app.ctx.dbFile);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.out).warnings).toEqual([]);
    const again = await app.call('consolidation.exportDocx', { planId: p.id, date: '2024-01-06', number: null });
    expect(await text(again.bytes)).toContain('Dương Minh Châu, ngày 06 tháng 01 năm 2024');
  });
});
