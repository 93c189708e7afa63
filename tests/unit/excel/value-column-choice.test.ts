// The value column as a choice: the reader lists every column the values could come from (letter, header), says
// whether it could tell which answers the period, and takes the column a user picked (by its header) without asking.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src-main/excel/report/parse-report';
import type { ParsedReport } from '../../../src-main/contract/parsed-report';
import * as H from '../../fixtures/gen/habit-workbooks';

const values = (p: ParsedReport) => p.rows.filter((r) => !r.isSection).map((r) => r.value);
const UNKNOWN = 'BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN';

describe('value column candidates', () => {
  it('lists the sub-columns under "Kết quả thực hiện" with letter and header, and says it could not tell', async () => {
    const p = await parseReport(H.periodColumns('shared', 'quarters', UNKNOWN), 'u.xlsx');
    expect(p.valueColumns?.map((c) => [c.letter, c.header])).toEqual([
      ['E', 'Kết quả thực hiện / Quý I'],
      ['F', 'Kết quả thực hiện / Quý II'],
      ['G', 'Kết quả thực hiện / Quý III'],
      ['H', 'Kết quả thực hiện / Quý IV'],
      ['I', 'Kết quả thực hiện / Cả năm'],
    ]);
    expect(p.valueColumn?.sure).toBe(false);
    expect(p.valueColumn?.chosen).toBe(false);
  });

  it('is sure when the period names the column', async () => {
    const p = await parseReport(H.periodColumns('shared', 'quarters', UNKNOWN), 'q.xlsx', { planPeriod: 'Quý II/2024' });
    expect(p.valueColumn).toMatchObject({ cell: 'F7', sure: true, chosen: false });
  });

  it('takes the column the user picked, by header (case and spaces aside), and raises no doubt about it', async () => {
    const p = await parseReport(H.periodColumns('inline', 'quarters', UNKNOWN), 'c.xlsx', { valueColumn: 'kết quả thực hiện /  QUÝ III' });
    expect(values(p)).toEqual([13, 23]);
    expect(p.valueColumn).toMatchObject({ cell: 'G7', sure: true, chosen: true });
    expect(p.issues.filter((i) => i.cell === 'E6')).toEqual([]);
    // months: the same by header text
    const m = await parseReport(H.periodColumns('inline', 'months', UNKNOWN), 'm.xlsx', { valueColumn: 'Kết quả thực hiện / Tháng 3' });
    expect(values(m)).toEqual([13, 23]);
  });

  it('ignores a picked header the table does not have (decides as usual, and says so)', async () => {
    const p = await parseReport(H.periodColumns('shared', 'quarters', UNKNOWN), 'x.xlsx', { valueColumn: 'Kết quả thực hiện / Tháng 5' });
    expect(p.valueColumn?.chosen).toBe(false);
    expect(p.valueColumn?.sure).toBe(false);
    expect(p.issues.filter((i) => i.cell === 'E6').length).toBe(1);
  });

  it('year columns side by side are candidates too, and a pick takes the older year', async () => {
    const auto = await parseReport(H.yearColumns('shared', UNKNOWN, false), 'y.xlsx');
    expect(auto.valueColumns?.length).toBe(2);
    expect(auto.valueColumn?.sure).toBe(false);
    const older = auto.valueColumns!.find((c) => c.header !== auto.valueColumn?.header)!;
    const p = await parseReport(H.yearColumns('shared', UNKNOWN, false), 'y.xlsx', { valueColumn: older.header });
    expect(p.valueColumn).toMatchObject({ header: older.header, sure: true, chosen: true });
    expect(values(p)).not.toEqual(values(auto));
  });
});
