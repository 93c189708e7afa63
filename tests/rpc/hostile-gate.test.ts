// One gate for every outside file (reliability.md §5): each hostile case through the units, models and plans-register
// imports and the plan-document intake is refused with a Vietnamese reason that says what it is, and nothing is
// written. Timeouts here are generous ceilings so a hang fails the test; they are not speed assertions.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, workbookOf, type TestApp } from '../helpers/context';
import { makeHostile, type HostileKind } from '../fixtures/gen/report-workbooks';
import {
  docxBillionLaughs,
  docxFlood,
  docxManyEntries,
  millionRowsXlsx,
  pdfBomb,
  pdfManyPages,
  wordDoc97,
  wordLetterDocx,
} from '../fixtures/gen/hostile-docs';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

const VI = /[ăâđêôơưàảãáạèẻẽéẹìỉĩíịòỏõóọùủũúụỳỷỹýỵ]/i;
const CEILING = 20_000;
const TABLES = ['units', 'models', 'plans', 'documents', 'audit_log'];
const counts = () => TABLES.map((t) => (app.ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n);
const big = () => {
  const b = new Uint8Array(25 << 20);
  b.set([0x50, 0x4b, 3, 4]);
  return b;
};

interface Case {
  row: string;
  make: () => Uint8Array | Promise<Uint8Array>;
  reason: RegExp;
}
const h = (k: HostileKind) => () => makeHostile(k);

const WORKBOOKS: Case[] = [
  { row: '#1 0-byte file', make: h('empty'), reason: /rỗng/ },
  { row: '#2 .xls renamed', make: h('xls'), reason: /Excel cũ|\.xls\b/ },
  { row: '#3 password-protected', make: h('encrypted'), reason: /mật khẩu/ },
  { row: '#4 PDF renamed', make: h('not-zip'), reason: /không phải tệp Excel/i },
  { row: '#4 Word document renamed', make: h('docx'), reason: /tệp Word/ },
  { row: '#4 Word letter as Word saves it (with _rels/.rels)', make: wordLetterDocx, reason: /tệp Word \(\.docx\), không phải tệp Excel/ },
  { row: '#2 old Word letter (.doc)', make: wordDoc97, reason: /tệp Word cũ \(\.doc\), không phải tệp Excel/ },
  {
    row: 'a photo of the list (.jpg) named .xlsx',
    make: () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]),
    reason: /không phải tệp Excel \(\.xlsx\) \(đây là tệp ảnh chụp\)/i,
  },
  { row: '#5 truncated download', make: h('truncated'), reason: /bị hỏng/ },
  { row: '#6 zip bomb, honest sizes', make: h('bomb-honest'), reason: /giải nén quá lớn/ },
  { row: '#7 zip bomb, lying sizes', make: h('bomb-lying'), reason: /nhiều hơn khai báo|khác khai báo/ },
  { row: '#8 10,000 zip entries', make: h('entries-10000'), reason: /cấu trúc bất thường/ },
  { row: '#9 25 MB file', make: big, reason: /lớn/ },
  { row: '#15 billion laughs', make: h('billion-laughs'), reason: /DTD\/thực thể XML/ },
  { row: '#16 1,048,576 rows', make: millionRowsXlsx, reason: /dòng/ },
];

const IMPORTS = {
  units: (bytes: Uint8Array) => app.call('units.import', { file: { name: 'ds.xlsx', bytes }, dryRun: false, skipInvalid: true }),
  models: (bytes: Uint8Array) => app.call('models.import', { file: { name: 'mo-hinh.xlsx', bytes }, dryRun: false, skipInvalid: true }),
  'plans register': (bytes: Uint8Array) => app.call('plans.importRegister', { file: { name: 'so.xlsx', bytes }, dryRun: false }),
};

describe('hostile workbooks through the units, models and plans-register imports', () => {
  for (const [name, run] of Object.entries(IMPORTS)) {
    for (const c of WORKBOOKS) {
      it(
        `${name}: ${c.row} -> refused in Vietnamese, nothing written`,
        async () => {
          const bytes = await c.make();
          const before = counts();
          const err = await run(bytes).then(
            () => null,
            (e: Error & { code?: string }) => e,
          );
          expect(err, 'the file must be refused').not.toBeNull();
          expect(err!.message).toMatch(c.reason);
          expect(err!.message).toMatch(VI);
          expect(err!.message).not.toMatch(/các sheet đều trống/);
          expect(counts()).toEqual(before);
        },
        CEILING,
      );
    }
  }

  it('a plain units list still imports through the gate', async () => {
    const bytes = await workbookOf([
      ['Mã đơn vị', 'Tên đơn vị', 'Số đoàn viên'],
      ['CD01', 'Công đoàn Trường THCS Lê Lợi', 45],
      ['CD02', 'Công đoàn UBND xã', 12],
    ]);
    const r = await IMPORTS.units(bytes);
    expect(r.created).toBe(2);
    expect((await app.call('units.list', {})).map((u) => [u.code, u.members])).toEqual([
      ['CD01', 45],
      ['CD02', 12],
    ]);
  });
});

const DOCS: Case[] = [
  { row: '#1 0-byte file', make: h('empty'), reason: /rỗng/ },
  { row: '#2 legacy OLE file (.doc/.xls)', make: h('xls'), reason: /Office cũ.*không phải văn bản Word/ },
  { row: '#3 password-protected', make: h('encrypted'), reason: /mật khẩu/ },
  { row: '#4 broken PDF', make: h('not-zip'), reason: /PDF/ },
  { row: '#15 billion laughs in a .docx', make: docxBillionLaughs, reason: /DTD|thực thể/ },
  { row: 'an Excel workbook', make: h('bomb-honest'), reason: /không phải văn bản Word/ },
  { row: '#5 truncated .docx', make: () => docxManyEntries().slice(0, 2000), reason: /bị hỏng/ },
  { row: '#8 .docx with 10,000 entries', make: docxManyEntries, reason: /bất thường/ },
  { row: '#9 25 MB file', make: big, reason: /lớn/ },
  { row: '.docx of 150 MB of paragraphs (honest sizes)', make: () => docxFlood(150), reason: /quá lớn|bất thường|quá lâu/ },
  { row: '.docx bomb with lying sizes', make: () => docxFlood(300, true), reason: /bất thường|hỏng/ },
  { row: 'PDF whose page inflates to 2 GB', make: () => pdfBomb(2048), reason: /bất thường|quá lớn|quá lâu/ },
  { row: 'PDF declaring 1,000,000 pages', make: () => pdfManyPages(1_000_000), reason: /PDF/ },
];

describe('hostile documents through plan intake (plans.extract)', () => {
  for (const c of DOCS) {
    it(
      `${c.row} -> refused in Vietnamese`,
      async () => {
        const bytes = await c.make();
        const before = counts();
        const err = await app.call('plans.extract', { file: { name: 'ke-hoach.docx', bytes } }).then(
          () => null,
          (e: Error) => e,
        );
        expect(err, 'the file must be refused').not.toBeNull();
        expect(err!.message).toMatch(c.reason);
        expect(err!.message).toMatch(VI);
        expect(counts()).toEqual(before);
      },
      CEILING,
    );
  }
});

describe('plan intake through the gate still reads real documents', () => {
  it(
    'a text PDF is read and extracted in the worker the same as in this thread',
    async () => {
      const { readFileSync } = await import('node:fs');
      const { readDocumentText } = await import('../../src-main/docs/read-document');
      const { extractPlan } = await import('../../src-main/docs/extract-plan/index');
      const bytes = new Uint8Array(readFileSync(new URL('../fixtures/plans/ke-hoach-thang-binh-text.pdf', import.meta.url)));
      const viaGate = await app.call('plans.extract', { file: { name: 'ke-hoach.pdf', bytes } });
      expect(viaGate).toEqual(extractPlan(await readDocumentText('ke-hoach.pdf', bytes)));
      expect(viaGate.title).toBeTruthy();
    },
    CEILING,
  );
});
