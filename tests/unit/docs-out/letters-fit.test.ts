// The công văn đôn đốc fits one page for up to 15 units (a longer list goes to a phụ lục table), the Dân vận
// khéo report lists unregistered units in a phụ lục table, not one line each in the body, and the letter sending
// a report back (đề nghị sửa) names each problem on one page. Page counts are
// checked through LibreOffice when it is installed (PDF + PNG in tests/artifacts/docs-out/render).
import { onPath } from '../../helpers/office';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import mammoth from 'mammoth';
import { makeTestApp, type TestApp } from '../../helpers/context';
import { setupPlan } from '../../rpc/consolidation-fixture';
import { checkDocx } from './layout-check/docx';
import { TAY_NINH } from './samples';

const hasLibreOffice = onPath('libreoffice');
const outDir = join(process.cwd(), 'tests', 'artifacts', 'docs-out', 'render');
/** Pages of the rendered document (PNG per page when pdftoppm exists), or null without LibreOffice. */
function renderPages(name: string, bytes: Uint8Array): number | null {
  if (!hasLibreOffice) return null;
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, name);
  writeFileSync(file, bytes);
  const profile = pathToFileURL(join(tmpdir(), `lo-profile-letters-${process.pid}`)).href;
  execFileSync('libreoffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, file], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  const pdf = file.replace(/\.docx$/, '.pdf');
  if (!existsSync(pdf)) throw new Error(`no PDF for ${name}`);
  if (spawnSync('sh', ['-c', 'command -v pdftoppm']).status === 0)
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, pdf.replace(/\.pdf$/, '')], { stdio: 'pipe' });
  return (readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}
const text = async (bytes: Uint8Array): Promise<string> =>
  (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.normalize('NFC');

const UNITS = Array.from({ length: 22 }, (_, i) => ({
  code: `TH${String(i + 1).padStart(2, '0')}`,
  name: `Công đoàn Trường Tiểu học Phước Đông ${i + 1}`,
}));
const LONG = Array.from({ length: 10 }, (_, i) => ({
  code: `DN${String(i + 1).padStart(2, '0')}`,
  name: `Công đoàn Công ty TNHH Sản xuất Thương mại Dịch vụ Phước Đông số ${i + 1}`,
}));
const pdfPage = (name: string, page: number): string | null => {
  if (!hasLibreOffice || spawnSync('sh', ['-c', 'command -v pdftotext']).status !== 0) return null;
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), join(outDir, name.replace(/\.docx$/, '.pdf')), '-'], {
    encoding: 'utf8',
  }).normalize('NFC');
};

describe('reminder letter and Dân vận khéo report stay short', () => {
  let app: TestApp;
  beforeEach(() => (app = makeTestApp()));
  afterEach(() => app.close());

  it('names up to 15 units in the letter, which fits one page', async () => {
    const f = await setupPlan(app, { profile: TAY_NINH, units: UNITS });
    const unitIds = f.units.slice(0, 15).map((u) => u.id);
    const res = await app.call('reminders.letter', {
      planId: f.plan.id,
      date: '2024-01-06',
      number: '119/LĐLĐ',
      unitIds,
      newDueOn: null,
      record: false,
    });
    const t = await text(res.file.bytes);
    expect(t).toContain(`15. ${UNITS[14]!.name} (mã TH15).`);
    expect(t).not.toContain('PHỤ LỤC');
    expect(checkDocx(res.file.bytes)).toEqual([]);
    const pages = renderPages('letter-15.docx', res.file.bytes);
    if (pages !== null) expect(pages).toBe(1);
  }, 180_000);

  it('moves a longer list to a phụ lục table after the signature', async () => {
    const f = await setupPlan(app, { profile: TAY_NINH, units: UNITS });
    const res = await app.call('reminders.letter', {
      planId: f.plan.id,
      date: '2024-01-06',
      number: '119/LĐLĐ',
      unitIds: null,
      newDueOn: null,
      record: false,
    });
    const t = await text(res.file.bytes);
    expect(t).toContain('22 đơn vị chưa gửi báo cáo (có danh sách kèm theo).');
    expect(t.indexOf('PHỤ LỤC')).toBeGreaterThan(t.indexOf('Nơi nhận:'));
    expect(t).toContain('(Kèm theo Công văn số 119/LĐLĐ ngày 06/01/2024 của Liên đoàn Lao động huyện Dương Minh Châu)');
    expect(t.indexOf(UNITS[21]!.name)).toBeGreaterThan(t.indexOf('PHỤ LỤC'));
    expect(checkDocx(res.file.bytes)).toEqual([]);
    const pages = renderPages('letter-22.docx', res.file.bytes);
    if (pages !== null) expect(pages).toBeGreaterThanOrEqual(2);
    const first = pdfPage('letter-22.docx', 1);
    if (first !== null) {
      expect(first).toContain('Nguyễn Thị Hồng Đào'); // the letter and its signature on page 1
      expect(first).not.toContain('PHỤ LỤC');
    }
  }, 180_000);

  it('moves even 10 units to the phụ lục when their long names would not fit the page', async () => {
    const f = await setupPlan(app, { profile: TAY_NINH, units: LONG });
    const res = await app.call('reminders.letter', {
      planId: f.plan.id,
      date: '2024-01-06',
      number: '119/LĐLĐ',
      unitIds: null,
      newDueOn: null,
      record: false,
    });
    const t = await text(res.file.bytes);
    expect(t).toContain('10 đơn vị chưa gửi báo cáo (có danh sách kèm theo).');
    expect(t.indexOf(LONG[0]!.name)).toBeGreaterThan(t.indexOf('PHỤ LỤC'));
    renderPages('letter-long.docx', res.file.bytes);
    const first = pdfPage('letter-long.docx', 1);
    if (first !== null) expect(first).toContain('Nguyễn Thị Hồng Đào');
  }, 180_000);

  it('lists unregistered units of the Dân vận khéo report in a phụ lục table', async () => {
    await setupPlan(app, { profile: TAY_NINH, units: UNITS });
    const out = await app.call('models.exportSummary', { year: 2025 });
    const t = await text(out.bytes);
    expect(t).toContain('Có 0 đơn vị đăng ký trễ hạn và 22 đơn vị chưa đăng ký');
    const appendix = t.indexOf('PHỤ LỤC');
    expect(appendix).toBeGreaterThan(t.indexOf('Nơi nhận:'));
    expect(t.indexOf(UNITS[0]!.name)).toBeGreaterThan(appendix);
    expect(checkDocx(out.bytes)).toEqual([]);
    renderPages('dan-van-kheo.docx', out.bytes);
  }, 180_000);

  it('the letter sending a report back names each problem and, with a few, fits one page with its signature', async () => {
    const f = await setupPlan(app, { profile: TAY_NINH, units: UNITS });
    await f.submit(0, '2023-12-30', { CT01: 2, CT25: 60_000, TL01: 140 }); // two values held at import
    const row = (await app.call('reports.list', { planId: f.plan.id })).find((r) => r.unit.id === f.units[0]!.id)!;
    const res = await app.call('checks.correctionLetter', { reportId: row.report!.id, number: '120/LĐLĐ', date: '2024-01-06' });
    const t = await text(res.file.bytes);
    expect(t).toContain('V/v đề nghị rà soát, điều chỉnh số liệu báo cáo kết quả');
    expect(t).toMatch(/CT25 – Hiến máu tình nguyện: Giá trị 60\.000 ĐVM gấp 400 lần chỉ tiêu/);
    expect(t).toMatch(/TL01 – Tỷ lệ đoàn viên tham gia: Tỷ lệ 140% vượt quá 100%/);
    expect(checkDocx(res.file.bytes)).toEqual([]);
    const pages = renderPages('de-nghi-sua.docx', res.file.bytes);
    if (pages !== null) expect(pages).toBe(1);
    const first = pdfPage('de-nghi-sua.docx', 1);
    if (first !== null) expect(first).toContain('Nguyễn Thị Hồng Đào');
  }, 180_000);
});
