// The province's own workbook (consolidation.fillProvinceWorkbook) is an outside workbook too: it passes the
// same gate (pre-flight, real inflated sizes, no DTD, in a worker with a time and heap limit) before exceljs
// loads it to fill the mapped cells. Hostile files are refused in Vietnamese; whole-column dropdowns do not hang.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/context';
import { makeHostile, type HostileKind } from '../fixtures/gen/report-workbooks';
import { setupPlan } from './consolidation-fixture';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

const VI = /[ăâđêôơưàảãáạèẻẽéẹìỉĩíịòỏõóọùủũúụỳỷỹýỵ]/i;
const CEILING = 30_000;

async function planWithMap() {
  const f = await setupPlan(app);
  await app.call('consolidation.cellMap.save', { planId: f.plan.id, entries: [{ code: 'CT01', sheet: 'Báo cáo', cell: 'H5' }] });
  return f;
}

const REFUSED: [string, HostileKind, RegExp][] = [
  ['#1 0-byte file', 'empty', /rỗng/],
  ['#2 .xls renamed', 'xls', /Excel cũ/],
  ['#3 password-protected', 'encrypted', /mật khẩu/],
  ['#4 PDF renamed', 'not-zip', /không phải tệp Excel/i],
  ['#4 Word document renamed', 'docx', /tệp Word/],
  ['#5 truncated download', 'truncated', /bị hỏng/],
  ['#6 zip bomb, honest sizes', 'bomb-honest', /giải nén quá lớn/],
  ['#7 zip bomb, lying sizes', 'bomb-lying', /khai báo/],
  ['#8 10,000 zip entries', 'entries-10000', /cấu trúc bất thường/],
  ['#15 billion laughs', 'billion-laughs', /DTD/],
  ['#14 merge A1:XFD1048576', 'huge-merge', /gộp ô/],
];

describe('province workbook through the gate', () => {
  for (const [row, kind, reason] of REFUSED) {
    it(
      `${row} -> refused in Vietnamese`,
      async () => {
        const f = await planWithMap();
        const err = await app
          .call('consolidation.fillProvinceWorkbook', {
            planId: f.plan.id,
            file: { name: 'mau-tinh.xlsx', bytes: await makeHostile(kind) },
          })
          .then(
            () => null,
            (e: Error & { code?: string }) => e,
          );
        expect(err, 'the file must be refused').not.toBeNull();
        expect(err).toMatchObject({ code: 'bad_file' });
        expect(err!.message).toMatch(reason);
        expect(err!.message).toMatch(VI);
      },
      CEILING,
    );
  }

  it(
    '#13 whole-column dropdowns: filled without hanging, and the user is told the dropdowns were dropped',
    async () => {
      const f = await planWithMap();
      const res = await app.call('consolidation.fillProvinceWorkbook', {
        planId: f.plan.id,
        file: { name: 'mau-tinh.xlsx', bytes: await makeHostile('whole-column-validation') },
      });
      expect(res.written.map((w) => w.cell)).toEqual(['H5']);
      expect(res.issues.join(' ')).toMatch(/danh sách chọn/);
    },
    CEILING,
  );
});
