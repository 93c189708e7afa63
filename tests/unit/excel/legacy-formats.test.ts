// .xls (BIFF8), .ods, .csv/.tsv (UTF-8 BOM, UTF-16LE BOM, Windows-1258) and .xlsm through every import: reports via
// the parse pool's workers, units / models / plans register via the gate's worker. Files are generated here with
// SheetJS; each converted file reads like its .xlsx and says it was converted. Hostile ones are refused in words.
import { afterAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { strToU8, zipSync } from 'fflate';
import { ParsePool } from '../../../src-main/excel/report/parse-pool';
import { parseReport } from '../../../src-main/excel/report/parse-report';
import { readIsolated } from '../../../src-main/gate/isolated';
import { decodeText, detectTextEncoding } from '../../../src-main/excel/legacy/text-decode';
import { sourceFormat } from '../../../src-main/excel/legacy/convert';
import { makeReport } from '../../fixtures/gen/report-workbooks';

const pool = new ParsePool({ size: 1 });
afterAll(() => pool.close());

type Book = ReturnType<typeof XLSX.read>;
const u8 = (b: ArrayLike<number> | ArrayBuffer): Uint8Array => new Uint8Array(b as ArrayBuffer);
const write = (wb: Book, bookType: 'biff8' | 'ods' | 'xlsm' | 'xlsx'): Uint8Array =>
  u8(XLSX.write(wb, { type: 'buffer', bookType }) as Uint8Array);
const book = (rows: unknown[][], name = 'DS'): Book => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  return wb;
};
const csvText = (rows: unknown[][], sep = ','): string => XLSX.utils.sheet_to_csv(XLSX.utils.aoa_to_sheet(rows), { FS: sep });
const utf8Bom = (s: string): Uint8Array => u8([0xef, 0xbb, 0xbf, ...Buffer.from(s, 'utf8')]);
const utf16Bom = (s: string): Uint8Array => u8([0xff, 0xfe, ...Buffer.from(s, 'utf16le')]);

/** Windows-1258 bytes of Vietnamese text, encoded here by inverting Node's decoder: a letter cp1258 has whole, else
 *  its base letter (â, ơ, ư...) followed by the combining tone mark, as Vietnamese Excel writes it. */
function cp1258(s: string): Uint8Array {
  const dec = new TextDecoder('windows-1258');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(dec.decode(u8([b])), b);
  const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
  const out: number[] = [];
  for (const ch of s.normalize('NFC')) {
    const whole = table.get(ch);
    if (whole !== undefined) {
      out.push(whole);
      continue;
    }
    const nfd = ch.normalize('NFD');
    const base = table.get(nfd.replace(TONES, '').normalize('NFC'));
    const tones = (nfd.match(TONES) ?? []).map((t) => table.get(t));
    if (base === undefined || tones.some((t) => t === undefined)) throw new Error(`not in cp1258: ${ch}`);
    out.push(base, ...(tones as number[]));
  }
  return u8(out);
}

const UNITS = [
  ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Số đoàn viên'],
  [1, '007', 'Công đoàn Trường Tiểu học Nguyễn Huệ', 45],
  [2, 'YT02', 'Công đoàn Trạm Y tế phường Đông Hải', 18],
];
const MODELS = [
  ['Mã đơn vị', 'Tên mô hình', 'Lĩnh vực'],
  ['007', 'Mô hình "Bữa cơm công đoàn"', 'Văn hoá – xã hội'],
];
const PLANS = [
  ['Số ký hiệu', 'Ngày ban hành', 'Trích yếu nội dung', 'Đợt'],
  ['12/KH-LĐLĐ', '15/03/2024', 'Kế hoạch thực hiện công tác dân vận năm 2024', 'Năm 2024'],
];

type Variant = [string, (rows: unknown[][]) => Uint8Array, string];
const VARIANTS: Variant[] = [
  ['xls', (r) => write(book(r), 'biff8'), 'ds.xls'],
  ['ods', (r) => write(book(r), 'ods'), 'ds.ods'],
  ['xlsm', (r) => write(book(r), 'xlsm'), 'ds.xlsm'],
  ['csv UTF-8 BOM', (r) => utf8Bom(csvText(r)), 'ds.csv'],
  ['csv UTF-16LE BOM (tab-separated, as Excel "Unicode Text")', (r) => utf16Bom(csvText(r, '\t')), 'ds.txt'],
  ['csv Windows-1258 with semicolons', (r) => cp1258(csvText(r, ';')), 'ds.csv'],
  ['tsv UTF-8 no BOM', (r) => u8(Buffer.from(csvText(r, '\t'), 'utf8')), 'ds.tsv'],
];
const converted = (name: string): boolean => !name.endsWith('.xlsm');

describe('text encodings of CSV files', () => {
  it('tells UTF-8, UTF-16 and Windows-1258 apart and gives NFC text', () => {
    const s = 'Tên đơn vị;Số đoàn viên\r\nCông đoàn Trường Tiểu học;45\r\n';
    expect(detectTextEncoding(cp1258(s)).encoding).toBe('windows-1258');
    expect(decodeText(cp1258(s)).text).toBe(s.normalize('NFC'));
    expect(decodeText(utf16Bom(s))).toEqual({ text: s, encoding: 'utf-16le' });
    expect(decodeText(u8(Buffer.from(s, 'utf16le')))).toEqual({ text: s, encoding: 'utf-16le' });
    expect(decodeText(utf8Bom(s))).toEqual({ text: s, encoding: 'utf-8' });
  });

  it('judges the format by content, not name', () => {
    expect(sourceFormat(write(book(UNITS), 'biff8'))).toBe('xls');
    expect(sourceFormat(write(book(UNITS), 'ods'))).toBe('ods');
    expect(sourceFormat(write(book(UNITS), 'xlsx'))).toBeNull();
    expect(sourceFormat(utf8Bom(csvText(UNITS)))).toBe('csv');
    expect(sourceFormat(u8(Buffer.from('<html><table><tr><td>1</td></tr></table></html>')))).toBeNull();
    expect(sourceFormat(u8(Buffer.from('%PDF-1.4\n')))).toBeNull();
    // Text with no separator is a table only when named as one (a one-column list); else the reader says "not Excel".
    expect(sourceFormat(u8(Buffer.from('not a workbook')), 'bad.xls')).toBeNull();
    expect(sourceFormat(u8(Buffer.from('hello, this is text')), 'ds.xlsx')).toBeNull();
    expect(sourceFormat(u8(Buffer.from('Tên đơn vị\nCông đoàn A\n')), 'ds.csv')).toBe('csv');
    expect(sourceFormat(u8(Buffer.from('Mã;Tên\nA1;Công đoàn A\n')), 'xuat-tu-web.xls')).toBe('csv');
  });
});

describe('units, models and plans register in every format (gate worker)', () => {
  for (const [label, make, name] of VARIANTS) {
    it(
      label,
      async () => {
        const units = await readIsolated({ kind: 'units', bytes: make(UNITS), fileName: name });
        expect(units.fatal).toBeNull();
        expect(units.rows.map((r) => [r.row, r.fields.code, r.fields.name, r.fields.members])).toEqual([
          [2, '007', 'Công đoàn Trường Tiểu học Nguyễn Huệ', '45'],
          [3, 'YT02', 'Công đoàn Trạm Y tế phường Đông Hải', '18'],
        ]);
        expect(units.converted).toEqual(converted(name) ? expect.stringContaining('đã được chuyển đổi để đọc') : null);
        const models = await readIsolated({ kind: 'models', bytes: make(MODELS), fileName: name });
        expect(models.fatal).toBeNull();
        expect(models.rows.map((r) => [r.fields.unitCode, r.fields.name, r.fields.field])).toEqual([
          ['007', 'Mô hình "Bữa cơm công đoàn"', 'Văn hoá – xã hội'],
        ]);
        const plans = await readIsolated({ kind: 'plan-register', bytes: make(PLANS), fileName: name });
        expect(plans.fatal).toBeNull();
        expect(plans.rows.map((r) => [r.fields.number, r.fields.issuedOn, r.fields.title, r.fields.period])).toEqual([
          ['12/KH-LĐLĐ', '15/03/2024', 'Kế hoạch thực hiện công tác dân vận năm 2024', 'Năm 2024'],
        ]);
      },
      60_000,
    );
  }
});

/** The generated .xlsx report re-saved by SheetJS in another format (formats, merges and values as SheetJS keeps them). */
function resave(xlsx: Uint8Array, to: 'biff8' | 'ods' | 'xlsm' | 'csv-utf8' | 'csv-utf16' | 'csv-1258'): Uint8Array {
  const wb = XLSX.read(xlsx, { type: 'buffer', cellStyles: true, cellNF: true });
  if (to === 'biff8' || to === 'ods' || to === 'xlsm') return write(wb, to);
  const first = wb.Sheets[wb.SheetNames[0] as string] as XLSX.WorkSheet;
  const text = XLSX.utils.sheet_to_csv(first, { FS: to === 'csv-utf16' ? '\t' : ',', rawNumbers: true });
  return to === 'csv-utf8' ? utf8Bom(text) : to === 'csv-utf16' ? utf16Bom(text) : cp1258(text);
}

describe('reports in every format (parse pool workers)', () => {
  const FORMATS = ['biff8', 'ods', 'xlsm', 'csv-utf8', 'csv-utf16', 'csv-1258'] as const;
  for (const variant of [{}, { mergedHeader: true }, { numbersAsText: true }, { breakdown: true }] as const) {
    it(`${JSON.stringify(variant)}: the same rows and unit as the .xlsx, with the conversion warning`, async () => {
      const g = await makeReport({ seed: 7, ...variant });
      for (const to of FORMATS) {
        const p = await pool.parse(resave(g.bytes, to), `bao-cao.${to.startsWith('csv') ? 'csv' : to === 'biff8' ? 'xls' : to}`);
        expect(
          p.issues.filter((i) => i.severity === 'fatal'),
          to,
        ).toEqual([]);
        expect(p.unitName, to).toContain(g.expected.unitCore);
        expect(
          p.rows.map((r) => ({
            stt: r.stt,
            label: r.label,
            unit: r.unit,
            value: r.value,
            isSection: r.isSection,
            isBreakdown: r.isBreakdown,
            code: r.code,
          })),
          to,
        ).toEqual(g.expected.rows);
        const said = p.issues.some(
          (i) => i.severity === 'warning' && /đã được chuyển đổi để đọc; hãy kiểm tra các số liệu/.test(i.message),
        );
        expect(said, to).toBe(to !== 'xlsm');
      }
    }, 120_000);
  }

  it('TCVN3 text in an .xls (fonts lost in conversion) still comes out as Unicode, with a warning', async () => {
    const g = await makeReport({ seed: 11, legacyFont: 'tcvn3' });
    const p = await pool.parse(resave(g.bytes, 'biff8'), 'bao-cao-cu.xls');
    expect(p.issues.filter((i) => i.severity === 'fatal')).toEqual([]);
    expect(p.unitName).toContain(g.expected.unitCore);
    // SheetJS does not keep cell fonts, so a caps font (.VnTimeH) no longer says "capitals": letters, not case, survive.
    const lower = (s: string | null): string => (s ?? '').toLocaleLowerCase('vi');
    expect(p.rows.map((r) => lower(r.label))).toEqual(g.expected.rows.map((r) => lower(r.label)));
    expect(p.rows.map((r) => r.value)).toEqual(g.expected.rows.map((r) => r.value));
    expect(p.issues.some((i) => /TCVN3\/VNI/.test(i.message))).toBe(true);
  }, 60_000);

  it('outside a worker the conversion is refused in words (SheetJS has no deadline of its own)', async () => {
    const g = await makeReport({ seed: 3 });
    const p = await parseReport(resave(g.bytes, 'biff8'), 'bao-cao.xls');
    expect(p.issues.map((i) => i.severity)).toEqual(['fatal']);
    expect(p.issues[0]?.message).toMatch(/Excel cũ \(\.xls\).*tiến trình đọc tệp riêng.*chưa ghi gì/);
    expect(p.rows).toEqual([]);
  });
});

const ODS_MANIFEST =
  '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>';
function ods(content: string | Uint8Array): Uint8Array {
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
    'content.xml': typeof content === 'string' ? strToU8(content) : content,
    'styles.xml': strToU8('<?xml version="1.0"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'),
    'META-INF/manifest.xml': strToU8(ODS_MANIFEST),
  });
}
const ODS_REPEATS =
  '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="A"><table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>';

describe('hostile files in the new formats are refused in words, nothing read', () => {
  const bigRows = Array.from({ length: 21_000 }, (_, i) => [`DV${i}`, i]);
  const HOSTILE: [string, () => Uint8Array, string, RegExp][] = [
    [
      '.ods zip bomb (60 MB of spaces in content.xml)',
      () => ods(new Uint8Array(60 * 1024 * 1024).fill(32)),
      'bom.ods',
      /giải nén|bất thường/,
    ],
    ['.ods of a million repeated rows × 16384 repeated cells', () => ods(ODS_REPEATS), 'lap.ods', /quá nhiều ô/],
    [
      '.xls with 21 000 rows (past the 20 000 rows read: refused, not cut short)',
      () => write(book([['Mã đơn vị', 'Tên đơn vị'], ...bigRows]), 'biff8'),
      'dai.xls',
      /21\.001 dòng, quá giới hạn|hơn 20\.000 dòng/,
    ],
    [
      '.xls cut in half (truncated CFB)',
      () => {
        const b = write(book(UNITS), 'biff8');
        return b.slice(0, Math.floor(b.length / 2));
      },
      'cut.xls',
      /Excel cũ \(\.xls\) bị hỏng/,
    ],
    [
      '.xls with its records overwritten',
      () => {
        const b = write(book(UNITS), 'biff8');
        b.fill(0xff, 1024, b.length - 512);
        return b;
      },
      'rac.xls',
      /Excel cũ \(\.xls\) bị hỏng|không có dữ liệu|Không tìm thấy/,
    ],
    [
      'CSV of 50 MB',
      () => new Uint8Array(50 * 1024 * 1024).fill(0x31).map((x, i) => (i % 10 === 9 ? 10 : i % 2 ? 44 : x)),
      'lon.csv',
      /quá lớn/,
    ],
    ['CSV of 19 MB in one line of commas', () => new Uint8Array(19 * 1024 * 1024).fill(44), 'phay.csv', /quá nhiều ô/],
  ];
  for (const [label, make, name, reason] of HOSTILE) {
    it(
      label,
      async () => {
        const bytes = make();
        const report = await pool.parse(bytes, name);
        expect(report.rows).toEqual([]);
        const fatal = report.issues.filter((i) => i.severity === 'fatal');
        expect(fatal.map((i) => i.message).join(' | ')).toMatch(reason);
        const units = await readIsolated({ kind: 'units', bytes, fileName: name }).catch((e: unknown) => ({
          fatal: (e as Error).message,
          rows: [],
        }));
        expect(units.rows).toEqual([]);
        expect(units.fatal).toMatch(reason);
      },
      60_000,
    );
  }
});

describe('where SheetJS may run', () => {
  it('only legacy/convert.ts imports it, and only the two worker entries allow it to convert', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = new URL('../../../src-main/', import.meta.url).pathname;
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    const users = files
      .filter((f) => /(?:from\s+|import\(\s*|require\(\s*)['"](?:@e965\/)?xlsx['"]/.test(readFileSync(join(root, f), 'utf8')))
      .map((f) => f.replace(/\\/g, '/'));
    expect(users).toEqual(['excel/legacy/convert.ts']);
    const allowing = files
      .filter((f) => /allowConversion\(\)/.test(readFileSync(join(root, f), 'utf8')) && !f.endsWith('convert.ts'))
      .map((f) => f.replace(/\\/g, '/'))
      .sort();
    expect(allowing).toEqual(['excel/report/parse-worker.ts', 'gate/gate-worker.ts']);
  });
});

describe('number formats survive the conversion', () => {
  it('a cell shown as 95% in an .xls reads as 95, as in .xlsx; a thousands-separated number stays whole', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['Công đoàn cơ sở: Trường Tiểu học Nguyễn Huệ'],
      ['BÁO CÁO KẾT QUẢ DÂN VẬN NĂM 2024'],
      [],
      ['TT', 'Nội dung', 'Đơn vị tính', 'Kết quả'],
      ['1', 'Tỷ lệ đoàn viên tham gia', '%', 0.95],
      ['2', 'Kinh phí vận động', 'đồng', 45_500_000],
    ]);
    (ws['D5'] as XLSX.CellObject).z = '0%';
    (ws['D6'] as XLSX.CellObject).z = '#,##0';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Báo cáo');
    for (const bookType of ['xlsx', 'biff8', 'ods'] as const) {
      const p = await pool.parse(write(wb, bookType), `bc.${bookType}`);
      expect(
        p.rows.map((r) => r.value),
        bookType,
      ).toEqual([95, 45_500_000]);
    }
  }, 60_000);
});

describe('sheet states survive the conversion', () => {
  it('a hidden draft sheet in an .xls is not read in place of the visible report', async () => {
    const draft = XLSX.utils.aoa_to_sheet([
      ['TT', 'Nội dung', 'Kết quả'],
      ['1', 'Số buổi tuyên truyền', 999],
    ]);
    const real = XLSX.utils.aoa_to_sheet([
      ['Công đoàn cơ sở: Trạm Y tế xã Bình An'],
      [],
      ['TT', 'Nội dung', 'Kết quả'],
      ['1', 'Số buổi tuyên truyền', 5],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, draft, 'Nháp');
    XLSX.utils.book_append_sheet(wb, real, 'Báo cáo');
    wb.Workbook = {
      Sheets: [
        { name: 'Nháp', Hidden: 1 },
        { name: 'Báo cáo', Hidden: 0 },
      ],
    };
    const p = await pool.parse(write(wb, 'biff8'), 'bc.xls');
    expect(p.sheet).toBe('Báo cáo');
    expect(p.rows.map((r) => r.value)).toEqual([5]);
  }, 60_000);
});
