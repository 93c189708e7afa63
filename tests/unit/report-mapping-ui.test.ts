// The mapping screen's renderer rules (src-renderer/lib/report-import.ts): a file whose rows matched nothing, or whose
// value column is in doubt, opens the screen by itself and waits; a picked column lets it go; reading the file again
// with another column keeps the rows the user mapped by hand.
import { describe, expect, it } from 'vitest';
import {
  carryMapping,
  mappingOverrides,
  matchedNothing,
  needsColumn,
  newItem,
  readiness,
  shareMapping,
  wantsMappingScreen,
} from '../../src-renderer/lib/report-import';
import type { PreviewFile } from '../../src-main/contract/reports';

const row = (label: string, value: number, indicatorId: number | null) => ({
  label,
  cell: `Biểu 01!${value}`,
  value,
  value2: null,
  indicatorId,
  sure: true,
  how: indicatorId === null ? ('none' as const) : ('label' as const),
});
function preview(p: Partial<PreviewFile>): PreviewFile {
  return {
    index: 0,
    fileName: 'a.xlsx',
    size: 1000,
    sha256: 'x',
    status: 'confirm',
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
    rows: [row('Họp mặt phổ cập quy định', 3, null), row('Trang trí khẩu ngữ', 2, null)],
    ...p,
  };
}
const inPlan = new Set([1]);
const columns = [
  { letter: 'D', cell: 'D5', header: 'Kết quả thực hiện / Quý I' },
  { letter: 'H', cell: 'H5', header: 'Kết quả thực hiện / Cả năm' },
];

describe('mapping screen rules', () => {
  it('a file whose rows matched nothing opens the screen and waits until a row is mapped by hand', () => {
    const it = newItem(0, preview({}), 'email');
    expect(matchedNothing(it.preview)).toBe(true);
    expect(wantsMappingScreen(it)).toBe(true);
    expect(readiness(it, inPlan)).toBe('needs');
    it.d.mapping = [10, null];
    it.d.mappingConfirmed = true;
    expect(readiness(it, inPlan)).toBe('ready');
    expect(mappingOverrides(it)).toEqual([{ label: 'Họp mặt phổ cập quy định', indicatorId: 10 }]);
    // a file that matched rows does not open the screen by itself
    expect(wantsMappingScreen(newItem(0, preview({ status: 'new', rows: [row('Số buổi', 3, 10)] }), 'email'))).toBe(false);
  });

  it('a value column in doubt holds the file until one is picked; a remembered or sure column does not', () => {
    const doubt = newItem(
      0,
      preview({
        rows: [row('Số buổi', 3, 10)],
        valueColumns: columns,
        valueColumn: { letter: 'H', header: columns[1]!.header, reason: '', sure: false, how: 'auto' },
      }),
      'email',
    );
    expect(needsColumn(doubt)).toBe(true);
    expect(wantsMappingScreen(doubt)).toBe(true);
    expect(readiness(doubt, inPlan)).toBe('needs');
    doubt.d.valueColumn = columns[0]!.header;
    expect(readiness(doubt, inPlan)).toBe('ready');
    const remembered = newItem(
      0,
      preview({
        status: 'new',
        rows: [row('Số buổi', 3, 10)],
        valueColumns: columns,
        valueColumn: { letter: 'D', header: columns[0]!.header, reason: '', sure: true, how: 'remembered' },
      }),
      'email',
    );
    expect(needsColumn(remembered)).toBe(false);
    expect(readiness(remembered, inPlan)).toBe('ready');
  });

  it('reading the file again with another column keeps the hand mapping and takes the new analysis elsewhere', () => {
    const old = preview({ rows: [row('Họp mặt', 1, null), row('Số buổi', 2, 10), row('Trồng cây', 3, null)] });
    const fresh = preview({ rows: [row('Họp mặt', 11, null), row('Số buổi', 12, 10), row('Trồng cây', 13, 12)] });
    expect(carryMapping(old, [20, 10, null], fresh)).toEqual([20, 10, 12]);
  });
});

describe('a hand mapping shared in the same drop', () => {
  it("is applied to the same unit's other file (rows it could not match, not set by the user), never to another unit", () => {
    const source = newItem(0, preview({}), 'email');
    source.d.mapping = [10, 11];
    const twin = newItem(
      1,
      preview({ rows: [row('Họp mặt phổ cập quy định', 5, null), row('Trang trí khẩu ngữ', 6, null), row('Trồng cây', 7, null)] }),
      'email',
    );
    twin.d.mapping[1] = 12; // the user's own choice there stays
    expect(shareMapping(source, twin)).toBe(1);
    expect(twin.d.mapping).toEqual([10, 12, null]);
    expect(readiness(twin, inPlan)).toBe('ready');
    const stranger = newItem(2, preview({ unit: { id: 2, code: 'U02', name: 'Công đoàn B' } }), 'email');
    expect(shareMapping(source, stranger)).toBe(0);
    expect(stranger.d.mapping).toEqual([null, null]);
  });
});
