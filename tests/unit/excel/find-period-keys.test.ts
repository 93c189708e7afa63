// findPeriod (top-block.ts) builds its answer field by field: the same keys in the same order as before (the
// period's own fields, then startsOn and endsOn), whether the period found carries dates or not.
import { describe, expect, it } from 'vitest';
import { findPeriod } from '../../../src-main/excel/report/top-block';
import { sheetText } from '../../../src-main/excel/report/sheet-text';
import type { SheetGrid } from '../../../src-main/excel/xlsx/grid';

const top = (lines: string[]) =>
  sheetText({ name: 'S', state: 'visible', merges: [], rows: lines.map((v) => [{ v, k: 's' as const }]) } satisfies SheetGrid, []);
const KEYS = ['label', 'kind', 'round', 'year', 'quarter', 'half', 'month', 'schoolYear', 'startsOn', 'endsOn'];

describe('findPeriod', () => {
  it('gives the period with its keys in order, with and without dates', () => {
    const quarter = findPeriod(top(['BÁO CÁO KẾT QUẢ QUÝ II NĂM 2024']), 1, null);
    expect(JSON.stringify(quarter)).toBe(
      JSON.stringify({
        label: 'QUÝ II NĂM 2024',
        kind: 'quarter',
        round: null,
        year: 2024,
        quarter: 2,
        half: null,
        month: null,
        schoolYear: null,
        startsOn: '2024-04-01',
        endsOn: '2024-06-30',
      }),
    );
    const round = findPeriod(top(['BÁO CÁO KẾT QUẢ ĐỢT I NĂM 2023']), 1, null);
    expect(Object.keys(round ?? {})).toEqual(KEYS);
    expect(round).toMatchObject({ kind: 'round', round: 'I', year: 2023, startsOn: null, endsOn: null });
    const ranged = findPeriod(top(['BÁO CÁO ĐỢT II NĂM 2023', 'từ ngày 16/12 đến ngày 30/12/2023']), 2, null);
    expect(Object.keys(ranged ?? {})).toEqual(KEYS);
    expect(ranged).toMatchObject({ startsOn: '2023-12-16', endsOn: '2023-12-30' });
  });
});
