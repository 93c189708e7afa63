// Hostile and broken files: each one ends as a fatal issue with a Vietnamese message (never a throw, never
// an OOM), or, for the harmless-when-ignored ones (huge merge, whole-column validation), a normal parse.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src-main/excel/report/parse-report';
import { makeHostile, type HostileKind } from '../../fixtures/gen/report-workbooks';

const FATAL: [HostileKind, RegExp][] = [
  ['bomb-honest', /giải nén quá lớn/],
  ['bomb-lying', /nhiều hơn khai báo/],
  ['entries-10000', /cấu trúc bất thường \(10016 thành phần/],
  ['billion-laughs', /DTD\/thực thể XML/],
  ['xxe-sheet', /DTD\/thực thể XML trong "xl\/worksheets\/sheet1.xml"/],
  ['xls', /Excel cũ \(\.xls\)/],
  ['encrypted', /mật khẩu/],
  ['truncated', /bị hỏng hoặc tải về chưa hết/],
  ['not-zip', /Không phải tệp Excel.*PDF/],
  ['empty', /Tệp rỗng/],
  ['docx', /tệp Word/],
];

describe('hostile files', () => {
  for (const [kind, message] of FATAL) {
    it(`${kind} -> one fatal issue in Vietnamese, memory stays bounded`, async () => {
      const bytes = await makeHostile(kind);
      const before = process.memoryUsage().rss;
      for (const forceExceljs of [false, true]) {
        const p = await parseReport(bytes, `${kind}.xlsx`, { forceExceljs });
        const fatal = p.issues.filter((i) => i.severity === 'fatal');
        expect(fatal).toHaveLength(1);
        expect(fatal[0]?.message).toMatch(message);
        expect(p.rows).toEqual([]);
      }
      expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
    });
  }

  it('prefixed XML (.NET SDK style): the fast reader copes; exceljs gives a clean fatal message', async () => {
    const bytes = await makeHostile('prefixed-xml');
    const fast = await parseReport(bytes, 'p.xlsx');
    expect(fast.reader).toBe('fast');
    expect(fast.rows.some((r) => typeof r.value === 'number')).toBe(true);
    const slow = await parseReport(bytes, 'p.xlsx', { forceExceljs: true });
    expect(slow.issues.map((i) => i.severity)).toEqual(['fatal']);
    expect(slow.issues[0]?.message).toMatch(/Lưu \(Save\)/);
  });

  for (const kind of ['huge-merge', 'whole-column-validation', 'huge-dimension'] as const) {
    it(`${kind} -> parsed normally, nothing materialised`, async () => {
      const bytes = await makeHostile(kind);
      const before = process.memoryUsage().rss;
      for (const forceExceljs of [false, true]) {
        const p = await parseReport(bytes, `${kind}.xlsx`, { forceExceljs });
        expect(p.issues.filter((i) => i.severity === 'fatal')).toEqual([]);
        expect(p.rows.filter((r) => !r.isSection).length).toBeGreaterThan(3);
        expect(p.rows.some((r) => typeof r.value === 'number')).toBe(true);
      }
      expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 * 1024);
    });
  }

  it('a huge merge is reported, and the fast reader keeps it as a range', async () => {
    const p = await parseReport(await makeHostile('huge-merge'), 'm.xlsx');
    expect(p.reader).toBe('fast');
    expect(p.issues.some((i) => /vùng gộp ô quá lớn/.test(i.message))).toBe(true);
  });

  it('cells beyond the row/column caps are skipped with a warning', async () => {
    const p = await parseReport(await makeHostile('huge-dimension'), 'd.xlsx');
    expect(p.issues.some((i) => /ngoài giới hạn 20\.000 dòng/.test(i.message))).toBe(true);
  });
});
