// reliability.md §5 (file and content level, security rows 27–29, 46) through the real import pipeline:
// every hostile or odd .xlsx goes through 'reports.preview' and 'reports.commit' (dispatch, output checked).
// Rejected files get status 'error' with a Vietnamese reason and leave reports/report_values/documents
// untouched; accepted oddities import normally; imported text stays inert (also in the consolidated export).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeTestApp, workbookOf, type TestApp } from '../helpers/context';
import { makeHostile, makeReport, type GenOptions, type HostileKind } from '../fixtures/gen/report-workbooks';
import type { PreviewStatus } from '../../src-main/contract/reports';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

/** The unit names the generator writes in its header blocks (tests/fixtures/gen/report-workbooks.ts). */
const CORES = [
  'Trường THCS Nguyễn Du',
  'Trường Tiểu học Phước Minh',
  'Công ty TNHH May Việt Thắng',
  'Bệnh viện Đa khoa huyện',
  'UBND xã Bàu Năng',
  'Trường Mầm non Hoa Sen',
  'Chi cục Thuế khu vực',
  'Công ty CP Cao su Tây Ninh',
];
const CODES = [
  'CT01',
  'CT05',
  'CT07',
  'CT08',
  'CT11',
  'CT15',
  'CT20',
  'CT21',
  'CT24',
  'CT26',
  'CT29',
  'CT35',
  'CT37',
  'CT38',
  'CT49',
  'CT52',
  'TX01',
];
const VI = /[ăâđêôơưàảãáạèẻẽéẹìỉĩíịòỏõóọùủũúụỳỷỹýỵ]/i;
const DAY = '2023-12-30';
const file = (name: string, bytes: Uint8Array) => ({ name, bytes, lastModified: Date.parse(`${DAY}T03:00:00Z`) });

async function setup() {
  const units = [];
  for (const [i, core] of CORES.entries()) units.push(await app.call('units.save', { code: `HU0${i + 1}`, name: `Công đoàn ${core}` }));
  await app.call('indicators.save', {
    code: 'TX01',
    groupCode: 'VII',
    groupLabel: 'Chỉ tiêu khác',
    label: 'Mô hình, cách làm tiêu biểu',
    unit: null,
    aggregation: 'text',
  });
  const cat = await app.call('indicators.list', {});
  const plan = await app.call('plans.save', {
    title: 'Phối hợp làm công tác dân vận đợt II/2023',
    status: 'dang_thuc_hien',
    reportDueOn: '2023-12-31',
    periodLabel: 'Đợt II/2023',
    targets: CODES.map((c) => ({ indicatorId: cat.find((i) => i.code === c)!.id })),
    assignment: 'all_base',
  });
  return { units, plan };
}

const counts = () =>
  ['reports', 'report_values', 'documents'].map((t) => (app.ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n);

interface Case {
  row: string;
  make: () => Promise<Uint8Array>;
  status: PreviewStatus[];
  reason?: RegExp;
}
const hostile = (kind: HostileKind) => () => makeHostile(kind);
const report = (o: Partial<GenOptions>) => async () => (await makeReport({ seed: 1, ...o })).bytes;
const OK: PreviewStatus[] = ['new', 'confirm'];

const REJECTED: Case[] = [
  { row: '#1 0-byte file', make: hostile('empty'), status: ['error'], reason: /Tệp rỗng/ },
  { row: '#2 .xls renamed', make: hostile('xls'), status: ['error'], reason: /Excel cũ \(\.xls\)/ },
  { row: '#3 password-protected', make: hostile('encrypted'), status: ['error'], reason: /mật khẩu/ },
  { row: '#4 PDF renamed', make: hostile('not-zip'), status: ['error'], reason: /Không phải tệp Excel/ },
  { row: '#4 Word document renamed', make: hostile('docx'), status: ['error'], reason: /tệp Word/ },
  { row: '#5 truncated download', make: hostile('truncated'), status: ['error'], reason: /bị hỏng hoặc tải về chưa hết/ },
  { row: '#6 zip bomb, honest sizes', make: hostile('bomb-honest'), status: ['error'], reason: /giải nén quá lớn/ },
  { row: '#7 zip bomb, lying sizes', make: hostile('bomb-lying'), status: ['error'], reason: /nhiều hơn khai báo/ },
  { row: '#8 10,000 zip entries', make: hostile('entries-10000'), status: ['error'], reason: /cấu trúc bất thường/ },
  { row: '#15 billion laughs', make: hostile('billion-laughs'), status: ['error'], reason: /DTD\/thực thể XML/ },
  {
    row: "another plan's template",
    make: report({ template: true, planId: '987654', unitCode: 'HU01' }),
    status: ['error'],
    reason: /kế hoạch khác/,
  },
];

const ACCEPTED: Case[] = [
  { row: '#13 whole-column data validation', make: hostile('whole-column-validation'), status: OK },
  { row: '#14 merge A1:XFD1048576', make: hostile('huge-merge'), status: OK },
  { row: '#16 dimension A1:XFD1048576', make: hostile('huge-dimension'), status: OK },
  { row: '#17 prefixed XML (.NET SDK)', make: hostile('prefixed-xml'), status: OK },
  { row: '#23 1904 date system', make: report({ date1904: true }), status: OK },
  { row: '#29 NFD text', make: report({ nfd: true }), status: OK },
  { row: 'legacy TCVN3 font text', make: report({ legacyFont: 'tcvn3' }), status: OK },
  { row: 'legacy VNI font text', make: report({ legacyFont: 'vni' }), status: OK },
];

describe('hostile files through reports.preview / reports.commit', () => {
  for (const c of REJECTED) {
    it(`${c.row} -> error in Vietnamese, database unchanged`, async () => {
      const { units, plan } = await setup();
      const bytes = await c.make();
      const before = counts();
      const pre = (await app.call('reports.preview', { planId: plan.id, files: [file('bao-cao.xlsx', bytes)] })).files[0]!;
      expect(c.status).toContain(pre.status);
      expect(pre.reason).toMatch(c.reason!);
      expect(pre.reason).toMatch(VI);
      // Committing it anyway (e.g. a stale preview) must also refuse and write nothing.
      const com = await app.call('reports.commit', {
        planId: plan.id,
        files: [{ file: file('bao-cao.xlsx', bytes), unitId: units[0]!.id, receivedOn: DAY }],
      });
      expect(com.files[0]).toMatchObject({ status: 'error', reportId: null });
      expect(com.files[0]!.issues.map((i) => i.message).join(' ')).toMatch(VI);
      expect(counts()).toEqual(before);
    });
  }

  for (const c of ACCEPTED) {
    it(`${c.row} -> read like the plain fixture and imported`, async () => {
      const { plan } = await setup();
      const plain = (await app.call('reports.preview', { planId: plan.id, files: [file('plain.xlsx', await report({})())] })).files[0]!;
      const pre = (await app.call('reports.preview', { planId: plan.id, files: [file('odd.xlsx', await c.make())] })).files[0]!;
      expect(c.status).toContain(pre.status);
      expect(pre.unit?.code).toBe(plain.unit?.code);
      const mapped = (p: typeof pre) =>
        p.rows.filter((r) => r.indicatorId !== null).map((r) => [r.label.normalize('NFC'), r.indicatorId, r.value]);
      expect(mapped(pre)).toEqual(mapped(plain));
      for (const r of pre.rows) expect(r.label).toBe(r.label.normalize('NFC'));
      const com = await app.call('reports.commit', {
        planId: plan.id,
        files: [{ file: file('odd.xlsx', await c.make()), unitId: pre.unit!.id, receivedOn: DAY }],
      });
      expect(com.files[0]?.status).toBe('imported');
      const stored = app.ctx.db
        .prepare('SELECT unit_name_in_file AS u, title AS t FROM reports WHERE id = ?')
        .get(com.files[0]!.reportId!) as { u: string; t: string };
      expect(stored.u).toBe(stored.u.normalize('NFC'));
      expect(stored.u).toMatch(VI);
      expect(stored.t).toMatch(/KẾT QUẢ PHỐI HỢP/);
    });
  }

  it('#9 a 25 MB file: refused at the one size limit (20 MB, the same in IPC, the renderer and the reader), nothing written', async () => {
    const { units, plan } = await setup();
    const b = new Uint8Array(25 << 20);
    b.set([0x50, 0x4b, 3, 4]);
    const before = counts();
    await expect(app.call('reports.preview', { planId: plan.id, files: [file('to.xlsx', b)] })).rejects.toThrow(/lớn hơn 20 MB/);
    await expect(
      app.call('reports.commit', { planId: plan.id, files: [{ file: file('to.xlsx', b), unitId: units[0]!.id, receivedOn: DAY }] }),
    ).rejects.toThrow(/lớn hơn 20 MB/);
    expect(counts()).toEqual(before);
  });

  it('a mixed batch: every hostile file fails alone, the good file still imports, memory stays bounded', async () => {
    const { plan } = await setup();
    const good = await report({})();
    const bad = await Promise.all(REJECTED.filter((c) => !c.row.includes('template')).map((c) => c.make()));
    const files = [...bad.map((b, i) => file(`x${i}.xlsx`, b)), file('good.xlsx', good)];
    const before = counts();
    const rss0 = process.memoryUsage().rss;
    const pre = await app.call('reports.preview', { planId: plan.id, files });
    expect(pre.files.map((f) => f.status)).toEqual([...bad.map(() => 'error'), expect.stringMatching(/^(new|confirm)$/)]);
    expect(counts()).toEqual(before);
    const unitId = pre.files.at(-1)!.unit!.id;
    const com = await app.call('reports.commit', { planId: plan.id, files: files.map((f) => ({ file: f, unitId, receivedOn: DAY })) });
    expect(com.files.map((f) => f.status)).toEqual([...bad.map(() => 'error'), 'imported']);
    expect(counts()[0]).toBe(before[0]! + 1);
    expect(process.memoryUsage().rss - rss0).toBeLessThan(600 * 1024 * 1024);
  });
});

describe('hostile text is stored literally and exported inert (§5 #27, #28, #46)', () => {
  const PAYLOADS = [
    '=HYPERLINK("http://x","bấm")',
    '@SUM(1)',
    '+HYPERLINK("http://x")',
    '-2-3+A1',
    '<img src=x onerror=alert(1)>',
    '__proto__',
    'constructor',
  ];

  it('formula, HTML and prototype keys in cells, shared strings and sheet names', async () => {
    const { units, plan } = await setup();
    const commits = [];
    for (const [k, text] of PAYLOADS.entries()) {
      const sheet = text === '__proto__' || text === 'constructor' ? text : 'Báo cáo';
      const bytes = await workbookOf(
        [
          [`Công đoàn cơ sở: ${CORES[k]}`],
          ['STT', 'Nội dung', 'ĐVT', 'Kết quả'],
          ['1', 'Số buổi tuyên truyền, phổ biến pháp luật', 'buổi', 3 + k],
          ['2', 'Mô hình, cách làm tiêu biểu', null, text],
          ['3', text, null, 1],
        ],
        sheet,
      );
      const pre = (await app.call('reports.preview', { planId: plan.id, files: [file(`p${k}.xlsx`, bytes)] })).files[0]!;
      expect(pre).toMatchObject({ status: 'new', unit: { id: units[k]!.id } });
      commits.push({ file: file(`p${k}.xlsx`, bytes), unitId: units[k]!.id, receivedOn: DAY });
    }
    // A live formula whose cached result is text: only the result is kept, never the formula.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Báo cáo');
    ws.addRows([
      [`Công đoàn cơ sở: ${CORES[7]}`],
      ['STT', 'Nội dung', 'ĐVT', 'Kết quả'],
      ['1', 'Mô hình, cách làm tiêu biểu', null, { formula: 'HYPERLINK("http://evil.example","bấm")', result: 'bấm' }],
    ]);
    commits.push({ file: file('f.xlsx', new Uint8Array(await wb.xlsx.writeBuffer())), unitId: units[7]!.id, receivedOn: DAY });
    const com = await app.call('reports.commit', { planId: plan.id, files: commits });
    expect(com.files.map((f) => f.status)).toEqual(commits.map(() => 'imported'));
    const texts = app.ctx.db
      .prepare(
        "SELECT v.value_text AS t FROM report_values v JOIN indicators i ON i.id = v.indicator_id WHERE i.code = 'TX01' ORDER BY v.report_id",
      )
      .all() as { t: string }[];
    expect(texts.map((t) => t.t)).toEqual([...PAYLOADS, 'bấm']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(typeof ({} as { constructor: unknown }).constructor).toBe('function');
    const detail = await app.call('reports.get', { reportId: com.files[0]!.reportId! });
    expect(detail.values.find((v) => v.code === 'TX01')?.value).toBe(PAYLOADS[0]);

    const out = await app.call('consolidation.exportXlsx', { planId: plan.id, number: null, date: '2024-01-05' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(out.bytes) as unknown as ArrayBuffer);
    const strings: string[] = [];
    book.eachSheet((s) =>
      s.eachRow((r) =>
        r.eachCell((cell) => {
          expect(cell.formula, `${s.name}!${cell.address}`).toBeUndefined();
          expect(cell.type, `${s.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') strings.push(cell.value);
        }),
      ),
    );
    // Only our own "- Ban Thường vụ …" recipient bullets may start with a trigger character.
    for (const s of strings) if (/^[=+\-@\t\r]/.test(s)) expect(s, 'text that Excel would read as a formula').toMatch(/^- \p{Lu}/u);
    for (const p of PAYLOADS.slice(0, 4)) expect(strings.filter((s) => s.startsWith(p))).toEqual([]);
    for (const p of PAYLOADS.slice(0, 4))
      expect(
        strings.some((s) => s.includes(`'${p}`)),
        p,
      ).toBe(true);
    expect(strings.some((s) => s.includes(PAYLOADS[4]!))).toBe(true);
  });
});
