// The imports as the user runs them (RPC and CLI) on .xls, .ods and .csv: a report's value is stored as read, with
// the conversion warning; a units list in .xls is imported; a hostile .ods is refused with nothing written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { strToU8, zipSync } from 'fflate';
import { makeTestApp, type TestApp } from '../helpers/context';
import { cli, tempDirs } from '../helpers/cli';
import { importHeadless } from '../../src-main/features/report-import/one-pass';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());
const tmp = tempDirs('danvan-legacy-');

const file = (name: string, bytes: Uint8Array) => ({ name, bytes, lastModified: Date.parse('2023-12-30T03:00:00Z') });
const sheetOf = (rows: unknown[][], bookType: 'biff8' | 'ods'): Uint8Array => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Báo cáo');
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType }) as Uint8Array);
};
/** Windows-1258 as Vietnamese Excel saves "CSV": precomposed letters where the code page has them, else base + tone. */
function cp1258(s: string): Uint8Array {
  const dec = new TextDecoder('windows-1258');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(dec.decode(new Uint8Array([b])), b);
  const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
  const out: number[] = [];
  for (const ch of s.normalize('NFC')) {
    const whole = table.get(ch);
    if (whole !== undefined) {
      out.push(whole);
      continue;
    }
    const nfd = ch.normalize('NFD');
    out.push(table.get(nfd.replace(TONES, '').normalize('NFC')) as number, ...(nfd.match(TONES) ?? []).map((t) => table.get(t) as number));
  }
  return new Uint8Array(out);
}

const REPORT = (unit: string, value: number): unknown[][] => [
  ['LĐLĐ HUYỆN'],
  [`Công đoàn cơ sở: ${unit}`],
  ['BÁO CÁO KẾT QUẢ DÂN VẬN ĐỢT II NĂM 2023'],
  [],
  ['TT', 'Nội dung công việc', 'Đơn vị tính', 'Kết quả thực hiện'],
  ['1', 'Số buổi tuyên truyền, phổ biến pháp luật', 'buổi', value],
];

async function setup() {
  await app.call('units.save', { code: 'GD01', name: 'Công đoàn Trường THCS Lê Lợi' });
  await app.call('units.save', { code: 'YT01', name: 'Công đoàn Trạm Y tế xã Bình An' });
  await app.call('units.save', { code: 'NN01', name: 'Công đoàn Hợp tác xã Nông nghiệp Đông Hải' });
  const cat = await app.call('indicators.list', {});
  const ct01 = cat.find((i) => i.code === 'CT01')!;
  const plan = await app.call('plans.save', {
    title: 'Phối hợp làm công tác dân vận đợt II/2023',
    status: 'dang_thuc_hien',
    reportDueOn: '2023-12-31',
    periodLabel: 'Đợt II/2023',
    targets: [{ indicatorId: ct01.id, min: 2 }],
    assignment: 'all_base',
  });
  return { plan, ct01 };
}

describe('imports of .xls / .ods / .csv', () => {
  it('reports: each format is imported with its value and a warning that it was converted', async () => {
    const { plan, ct01 } = await setup();
    const csv = XLSX.utils.sheet_to_csv(XLSX.utils.aoa_to_sheet(REPORT('Hợp tác xã Nông nghiệp Đông Hải', 11)), { FS: ';' });
    const res = await importHeadless(
      app.ctx,
      plan.id,
      [
        file('GD01.xls', sheetOf(REPORT('Trường THCS Lê Lợi', 7), 'biff8')),
        file('YT01.ods', sheetOf(REPORT('Trạm Y tế xã Bình An', 9), 'ods')),
        file('NN01.csv', cp1258(csv)),
      ],
      false,
    );
    expect(res.files.map((f) => [f.file, f.status, f.unitCode])).toEqual([
      ['GD01.xls', 'imported', 'GD01'],
      ['YT01.ods', 'imported', 'YT01'],
      ['NN01.csv', 'imported', 'NN01'],
    ]);
    for (const f of res.files)
      expect(f.issues.map((i) => i.message)).toContain(`Tệp .${f.file.split('.')[1]} đã được chuyển đổi để đọc; hãy kiểm tra các số liệu.`);
    const values = app.ctx.db
      .prepare(
        'SELECT u.code AS code, v.value_num AS v FROM report_values v JOIN reports r ON r.id = v.report_id JOIN units u ON u.id = r.unit_id WHERE v.indicator_id = ? ORDER BY u.code',
      )
      .all(ct01.id);
    expect(values).toEqual([
      { code: 'GD01', v: 7 },
      { code: 'NN01', v: 11 },
      { code: 'YT01', v: 9 },
    ]);
  }, 60_000);

  it('units list in .xls through RPC; a repeat-bomb .ods is refused and writes nothing', async () => {
    const xls = sheetOf(
      [
        ['Mã đơn vị', 'Tên đơn vị'],
        ['A01', 'Công đoàn Trường Mầm non Hoa Sen'],
      ],
      'biff8',
    );
    const res = await app.call('units.import', { file: file('ds.xls', xls), dryRun: false, skipInvalid: false });
    expect(res.created).toBe(1);
    expect(res.issues.map((i) => i.message)).toContain('Tệp .xls đã được chuyển đổi để đọc; hãy kiểm tra các số liệu.');
    const content =
      '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:spreadsheet><table:table table:name="A"><table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>';
    const bomb = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'content.xml': strToU8(content),
    });
    const err = await app
      .call('units.import', { file: file('bom.ods', bomb), dryRun: false, skipInvalid: false })
      .catch((e: unknown) => e as Error);
    expect((err as Error).message).toMatch(/quá nhiều ô dữ liệu.*chưa ghi gì/);
    expect(app.ctx.db.prepare('SELECT COUNT(*) AS n FROM units').get()).toEqual({ n: 1 });
  }, 60_000);

  it('CLI: parse-report reads an .ods, units import takes a UTF-16 tab-separated text', async () => {
    const d = tmp();
    const ods = join(d, 'bao-cao.ods');
    writeFileSync(ods, sheetOf(REPORT('Trạm Y tế xã Bình An', 4), 'ods'));
    const out = await cli('parse-report', ods, '--json');
    expect(out.code).toBe(0);
    const report = JSON.parse(out.out) as { unitName: string; rows: { value: unknown }[]; issues: { message: string }[] };
    expect(report.unitName).toContain('Trạm Y tế xã Bình An');
    expect(report.rows.map((r) => r.value)).toEqual([4]);
    const txt = join(d, 'ds.txt');
    writeFileSync(txt, Buffer.from([0xff, 0xfe, ...Buffer.from('Mã đơn vị\tTên đơn vị\r\nB02\tCông đoàn Chợ Đông Hà\r\n', 'utf16le')]));
    const units = await cli('units', 'import', txt, '--json', '--db', join(d, 'x.sqlite'));
    expect(units.code).toBe(0);
    expect(JSON.parse(units.out)).toMatchObject({ created: 1 });
  }, 60_000);
});
