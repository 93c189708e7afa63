// The report import's renderer rules (src-renderer/lib/report-import.ts): which files can be committed, when a
// confirmation is still owed, which mapping decisions are sent, and how places and unit names read.
import { describe, expect, it } from 'vitest';
import { cellText, issueText, mappingOverrides, needsUnit, newItem, readiness, shortUnitName } from '../../src-renderer/lib/report-import';
import type { PreviewFile } from '../../src-main/contract/reports';

function preview(p: Partial<PreviewFile>): PreviewFile {
  return {
    index: 0,
    fileName: 'a.xlsx',
    size: 1000,
    sha256: 'x',
    status: 'new',
    reason: '',
    unit: { id: 1, code: 'U01', name: 'Công đoàn A' },
    unitSure: true,
    unitCandidates: [],
    receivedOn: '2024-01-02',
    template: false,
    reader: 'fast',
    title: null,
    narrativeCount: 0,
    replaces: null,
    issues: [],
    rows: [
      { label: 'Số buổi tuyên truyền', cell: 'Báo cáo!6', value: 3, value2: null, indicatorId: 10, sure: true, how: 'label' },
      { label: 'Nhà mái ấm được xây', cell: 'Báo cáo!7', value: 1, value2: null, indicatorId: 11, sure: false, how: 'similar' },
      { label: 'Trồng cây', cell: 'Báo cáo!8', value: 30, value2: null, indicatorId: null, sure: true, how: 'none' },
    ],
    ...p,
  };
}
const inPlan = new Set([1, 2]);

describe('report import decisions', () => {
  it('error and duplicate files are never committed; an unticked file is skipped', () => {
    expect(readiness(newItem(0, preview({ status: 'error' }), 'email'), inPlan)).toBe('excluded');
    const dup = newItem(0, preview({ status: 'duplicate' }), 'email');
    expect(dup.d.include).toBe(false);
    expect(readiness(dup, inPlan)).toBe('excluded');
    const it = newItem(0, preview({ status: 'new' }), 'zalo');
    expect(it.d).toMatchObject({ channel: 'zalo', unitId: 1, receivedOn: '2024-01-02', mapping: [10, 11, null], include: true });
    expect(readiness(it, inPlan)).toBe('ready');
    it.d.include = false;
    expect(readiness(it, inPlan)).toBe('skipped');
  });

  it('a "confirm" file waits until its guessed unit and guessed rows are confirmed', () => {
    const it = newItem(0, preview({ status: 'confirm', unitSure: false }), 'email');
    expect(needsUnit(it, inPlan)).toBe(true);
    expect(readiness(it, inPlan)).toBe('needs');
    it.d.unitConfirmed = true;
    expect(readiness(it, inPlan)).toBe('needs'); // the guessed row is still open
    it.d.mappingConfirmed = true;
    expect(readiness(it, inPlan)).toBe('ready');
    // picking another unit by hand is itself the confirmation; a unit outside the plan needs a word
    const other = newItem(0, preview({ status: 'confirm', rows: preview({}).rows.filter((r) => r.sure) }), 'email');
    other.d.unitId = 2;
    expect(readiness(other, inPlan)).toBe('ready');
    const outside = newItem(0, preview({ status: 'confirm', unit: { id: 9, code: 'X', name: 'X' }, rows: [] }), 'email');
    expect(needsUnit(outside, inPlan)).toBe(true);
    const none = newItem(0, preview({ status: 'confirm', unit: null }), 'email');
    expect(readiness(none, inPlan)).toBe('needs');
  });

  it('sends the rows changed by hand and the guesses the user accepted, nothing else', () => {
    const it = newItem(0, preview({ status: 'confirm' }), 'email');
    expect(mappingOverrides(it)).toEqual([]);
    it.d.mapping[2] = 12;
    expect(mappingOverrides(it)).toEqual([{ label: 'Trồng cây', indicatorId: 12 }]);
    it.d.mappingConfirmed = true;
    expect(mappingOverrides(it)).toEqual([
      { label: 'Nhà mái ấm được xây', indicatorId: 11 },
      { label: 'Trồng cây', indicatorId: 12 },
    ]);
    it.d.mapping[0] = null;
    expect(mappingOverrides(it)[0]).toEqual({ label: 'Số buổi tuyên truyền', indicatorId: null });
  });

  it('places and names read as office staff say them', () => {
    expect(cellText('Báo cáo!12')).toBe("Sheet 'Báo cáo', dòng 12");
    expect(cellText('Báo cáo!E12')).toBe("Sheet 'Báo cáo', ô E12");
    expect(cellText(null)).toBe('');
    expect(issueText({ sheet: 'Báo cáo', cell: 'E12', severity: 'error', message: "Sheet 'Báo cáo', ô E12: không đọc được số" })).toBe(
      "Sheet 'Báo cáo', ô E12: không đọc được số",
    );
    expect(issueText({ sheet: 'DS', cell: 'B3', severity: 'warning', message: 'ô trống' })).toBe("Sheet 'DS', ô B3: ô trống");
    expect(issueText({ sheet: null, cell: null, severity: 'fatal', message: 'Tệp hỏng.' })).toBe('Tệp hỏng.');
    expect(shortUnitName('Công đoàn cơ sở Trường THCS Lê Lợi')).toBe('Trường THCS Lê Lợi');
    expect(shortUnitName('Công đoàn Trạm Y tế')).toBe('Trạm Y tế');
    expect(shortUnitName('Nghiệp đoàn nghề cá')).toBe('Nghiệp đoàn nghề cá');
    expect(shortUnitName('Trạm Y tế')).toBe('Trạm Y tế');
  });
});

describe('flagged values in the import', () => {
  const flagged = () =>
    preview({
      status: 'confirm',
      rows: [
        { label: 'Số buổi tuyên truyền', cell: 'Báo cáo!6', value: 3, value2: null, indicatorId: 10, sure: true, how: 'label' },
        {
          label: 'Kinh phí vận động',
          cell: 'Báo cáo!7',
          value: 45_500_000,
          value2: null,
          indicatorId: 12,
          sure: true,
          how: 'label',
          checks: [{ rule: 'magnitude', message: 'có thể nhầm đơn vị', blocking: true }],
        },
        {
          label: 'Số người hiến máu',
          cell: 'Báo cáo!8',
          value: 900,
          value2: null,
          indicatorId: 13,
          sure: true,
          how: 'label',
          checks: [{ rule: 'far_above_target', message: 'cao gấp 12 lần', blocking: false }],
        },
      ],
    });
  it('a file with a held value waits for a reason (or the row skipped); only reasons of flagged rows are sent', async () => {
    const { confirmations, unconfirmedFlags } = await import('../../src-renderer/lib/report-import');
    const it = newItem(0, flagged(), 'email');
    expect(unconfirmedFlags(it)).toEqual([1]);
    expect(readiness(it, inPlan)).toBe('needs');
    it.d.reasons[1] = 'ok'; // too short to be a reason
    expect(readiness(it, inPlan)).toBe('needs');
    it.d.reasons[1] = 'Đã gọi điện, đơn vị xác nhận';
    it.d.reasons[0] = 'not flagged';
    expect(readiness(it, inPlan)).toBe('ready');
    expect(confirmations(it)).toEqual([{ label: 'Kinh phí vận động', reason: 'Đã gọi điện, đơn vị xác nhận' }]);
    const skip = newItem(0, flagged(), 'email');
    skip.d.mapping[1] = null; // "Bỏ qua dòng này" also settles it
    expect(readiness(skip, inPlan)).toBe('ready');
  });
});

describe('document warnings in one toast', () => {
  it('say the shared advice once', async () => {
    const { joinWarnings } = await import('../../src-renderer/lib/warnings');
    const where = 'Vào Cài đặt → Thông tin đơn vị để nhập, rồi xuất lại.';
    expect(joinWarnings([`Chưa có tên cơ quan ban hành. ${where}`, `Chưa có địa danh. ${where}`])).toBe(
      `Chưa có tên cơ quan ban hành. Chưa có địa danh. ${where}`,
    );
    expect(joinWarnings(['Một. Khác một.', 'Hai. Khác hai.'])).toBe('Một. Khác một. Hai. Khác hai.');
  });
});

describe('files left out of a drop', () => {
  it('are named, the first eight, then counted', async () => {
    const { skippedNames } = await import('../../src-renderer/lib/report-import');
    expect(skippedNames(['anh-bao-cao.jpg', 'bao-cao.docx'])).toBe('"anh-bao-cao.jpg", "bao-cao.docx"');
    expect(skippedNames(Array.from({ length: 10 }, (_, i) => `a${i}.jpg`))).toMatch(/"a7\.jpg" và 2 tệp khác$/);
  });
});
