// Stamping one template for many units: a stamped workbook reads exactly like the one exceljs writes from scratch
// for that unit (unit, hidden metadata, labels, targets), names with XML/OOXML specials survive, and LibreOffice
// opens it (converted to CSV when LibreOffice is on PATH, skipped with a message otherwise).
import { onPath } from '../../helpers/office';
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import {
  writeReportTemplate,
  writeReportTemplateLaidOut,
  type TemplateIndicator,
  type TemplateInput,
} from '../../../src-main/excel/report-template';
import { fittedHeaderLine, unitHeaderLine } from '../../../src-main/excel/report-template-text';
import ExcelJS from 'exceljs';
import { prepareStamper } from '../../../src-main/excel/template-stamp/index';
import { xmlText } from '../../../src-main/excel/template-stamp/sheet-cells';
import { parseReport } from '../../../src-main/excel/report/parse-report';

const ind = (code: string, label: string, unit: string, unit2: string | null = null): TemplateIndicator => ({
  code,
  groupCode: code < 'CT20' ? 'I' : 'II',
  groupLabel: code < 'CT20' ? 'Tuyên truyền' : 'An sinh',
  label,
  unit,
  unit2,
  aggregation: 'sum',
  target: null,
});
const INDICATORS = [
  ind('CT01', 'Số buổi tuyên truyền, phổ biến pháp luật', 'buổi'),
  ind('CT08', 'Nhà "Mái ấm Công đoàn" xây mới', 'căn', 'triệu đồng'),
  ind('CT25', 'Hiến máu tình nguyện', 'ĐVM', 'lượt người'),
];
const base = (unit: { code: string; name: string }, indicators = INDICATORS): TemplateInput => ({
  planId: 7,
  planTitle: 'Phối hợp làm công tác dân vận đợt II/2023',
  periodLabel: 'Đợt II/2023',
  reportDueOn: '2023-12-31',
  parentOrg: 'LĐLĐ huyện Dương Minh Châu',
  unit,
  indicators,
  today: null,
  forUnits: true,
});

async function stamped(unit: { code: string; name: string }, targets: Record<string, number | null>) {
  const laid = await writeReportTemplateLaidOut(
    base({ code: 'BASE', name: 'Công đoàn Trường Trung học phổ thông Nguyễn Chí Thanh huyện Dương Minh Châu' }),
  );
  const s = prepareStamper(laid.bytes, laid.layout);
  return s.stamp({
    code: unit.code,
    headerLine: unitHeaderLine(unit.name),
    unitLine: `Đơn vị: ${unit.name}`,
    targets: new Map(Object.entries(targets)),
  });
}

const view = (p: Awaited<ReturnType<typeof parseReport>>) => ({
  unitName: p.unitName,
  template: p.template,
  title: p.title,
  rows: p.rows.map((r) => ({ code: r.code, label: r.label, unit: r.unit, target: r.target, value: r.value })),
});

describe('template stamping', () => {
  it('reads exactly like the template exceljs writes from scratch for that unit', async () => {
    const unit = { code: 'GD01', name: 'Công đoàn Trường THCS Lê Lợi' };
    const targets = { CT01: 4, CT08: null, CT25: 45 };
    const fast = await parseReport(await stamped(unit, targets), 'a.xlsx');
    const slow = await parseReport(
      await writeReportTemplate(
        base(
          unit,
          INDICATORS.map((i) => ({ ...i, target: targets[i.code as keyof typeof targets] ?? null })),
        ),
      ),
      'b.xlsx',
    );
    expect(fast.template?.unitCode).toBe('GD01');
    expect(view(fast)).toEqual(view(slow));
    expect(fast.rows.find((r) => r.code === 'CT25')?.target).toBe(45);
    expect(fast.rows.find((r) => r.code === 'CT08')?.target).toBeNull();
  });

  it('breaks a long name in the header as the writer does from scratch', async () => {
    const long = { code: 'TH01', name: 'Công đoàn Trường Trung học phổ thông Nguyễn Chí Thanh huyện Dương Minh Châu tỉnh Tây Ninh' };
    const laid = await writeReportTemplateLaidOut(base(long));
    const bytes = prepareStamper(laid.bytes, laid.layout).stamp({
      code: long.code,
      headerLine: fittedHeaderLine(long.name, laid.layout.headerFit),
      unitLine: `Đơn vị: ${long.name}`,
      targets: new Map(),
    });
    const header = async (b: Uint8Array) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(b) as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('Báo cáo')!;
      return { text: ws.getCell(2, 1).value, height: ws.getRow(2).height };
    };
    const fromScratch = await header(laid.bytes);
    // too long for two lines at a good break: one text, wrapped by Excel in a row tall enough for three lines
    expect(fromScratch.height).toBeGreaterThanOrEqual(3 * laid.layout.headerFit.size * 1.3);
    expect(await header(bytes)).toEqual(fromScratch);
    // a name that breaks well is broken the same way as from scratch
    const mid = { code: 'TH02', name: 'Công đoàn Trường Trung học phổ thông Nguyễn Chí Thanh huyện Dương Minh Châu' };
    const laid2 = await writeReportTemplateLaidOut(base(mid));
    const again = prepareStamper(laid2.bytes, laid2.layout).stamp({
      code: mid.code,
      headerLine: fittedHeaderLine(mid.name, laid2.layout.headerFit),
      unitLine: `Đơn vị: ${mid.name}`,
      targets: new Map(),
    });
    expect(await header(again)).toEqual(await header(laid2.bytes));
  });

  it('keeps names with XML and OOXML specials as written', async () => {
    const name = 'Công đoàn A&B <"Phước"> _x0041_ \u0001end';
    const p = await parseReport(await stamped({ code: 'X&1', name }, {}), 'x.xlsx');
    expect(p.unitName).toBe('Công đoàn A&B <"Phước"> _x0041_ end');
    expect(p.template?.unitCode).toBe('X&1');
    expect(xmlText('a<b>&_x00AF_')).toBe('a&lt;b&gt;&amp;_x005F_x00AF_');
  });
});

const hasLibreOffice = onPath('libreoffice');
if (!hasLibreOffice)
  console.warn('[template-stamp] SKIPPED LibreOffice check: `libreoffice` is not on PATH (install libreoffice-calc-nogui).');

describe.skipIf(!hasLibreOffice)('a stamped template in LibreOffice', () => {
  it('opens and shows the unit, its targets and the blank date', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stamp-lo-'));
    try {
      const file = join(dir, 'bao-cao-GD02.xlsx');
      writeFileSync(file, await stamped({ code: 'GD02', name: 'CĐCS Trường Tiểu học Kim Đồng' }, { CT01: 3, CT25: 105 }));
      const profile = pathToFileURL(join(tmpdir(), `lo-profile-templates-${process.pid}`)).href;
      execFileSync(
        'libreoffice',
        [
          `-env:UserInstallation=${profile}`,
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76',
          '--outdir',
          dir,
          file,
        ],
        { stdio: 'pipe', timeout: 120_000 },
      );
      const csv = join(dir, 'bao-cao-GD02.csv');
      expect(existsSync(csv)).toBe(true);
      const text = readFileSync(csv, 'utf8').normalize('NFC');
      expect(text).toContain('CĐCS TRƯỜNG TIỂU HỌC KIM ĐỒNG');
      expect(text).not.toContain('CÔNG ĐOÀN CĐCS');
      expect(text).toContain('Đơn vị: CĐCS Trường Tiểu học Kim Đồng');
      expect(text).toMatch(/ngày \.+ tháng \.+ năm \.+/);
      const line = (label: string) => text.split('\n').find((l) => l.includes(label)) ?? '';
      expect(line('Hiến máu tình nguyện').split(',')).toEqual(expect.arrayContaining(['105']));
      expect(line('Số buổi tuyên truyền').split(',')).toEqual(expect.arrayContaining(['3']));
      expect(text).toContain('- Trị giá (triệu đồng)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
