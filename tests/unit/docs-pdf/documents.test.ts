// Every Word document the app makes, rendered to PDF in the app with PATH emptied and process spawning stubbed
// (so no LibreOffice): header names, "Số:", the place–date line and the signature block are in the text, page
// numbers top-centre from page 2 only, fonts embedded, A4 with the NĐ 30/2020 margins (text x/y positions).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOfficialDocx } from '../../../src-main/docs/official-docx/index';
import { makeTestApp, type TestApp } from '../../helpers/context';
import { setupPlan, submitS1, UNITS } from '../../rpc/consolidation-fixture';
import { reportDoc } from '../docs-out/samples';
import { embeddedFonts, readPdfPages, type PdfPage } from './pdf-read';

const root = join(import.meta.dirname, '..', '..', '..');
const MM = 72 / 25.4;
const A4 = { w: 210 * MM, h: 297 * MM };
const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };

/** 50 base unions: the fixture's five, then 45 more. */
const UNITS_50 = [
  ...UNITS,
  ...Array.from({ length: 45 }, (_, i) => ({
    code: `CD${String(i + 1).padStart(2, '0')}`,
    name: `Công đoàn ${['Trường Tiểu học', 'Trạm Y tế xã', 'Công ty TNHH May mặc', 'Hợp tác xã Dịch vụ', 'Ủy ban nhân dân xã'][i % 5]} Bình ${['Quý', 'Định', 'Phục', 'Trung', 'Nguyên', 'Sa', 'Tú', 'Hải', 'Dương'][i % 9]} ${i + 1}`,
  })),
];

interface Doc {
  file: string;
  landscape?: boolean;
  left: string[];
  text: (string | RegExp)[];
}
const DOCS: Doc[] = [
  {
    file: 'bao-cao-tong-hop',
    left: ['LĐLĐ TỈNH QUẢNG NAM', 'LIÊN ĐOÀN LAO ĐỘNG HUYỆN THĂNG BÌNH', 'Số: 03/BC-LĐLĐ'],
    text: ['Thăng Bình, ngày 06 tháng 01 năm 2024', 'BÁO CÁO', 'Nơi nhận:', 'TM. BAN THƯỜNG VỤ', 'PHÓ CHỦ TỊCH', 'Nguyễn Thị Hồng Đào'],
  },
  {
    file: 'cong-van-don-doc',
    left: ['LIÊN ĐOÀN LAO ĐỘNG HUYỆN THĂNG BÌNH', 'Số: 119/LĐLĐ', 'V/v đôn đốc báo cáo'],
    text: ['Thăng Bình, ngày 06 tháng 01 năm 2024', 'Kính gửi:', 'Nơi nhận:', 'PHÓ CHỦ TỊCH', 'Nguyễn Thị Hồng Đào'],
  },
  {
    file: 'de-nghi-sua',
    left: ['LIÊN ĐOÀN LAO ĐỘNG HUYỆN THĂNG BÌNH', 'Số: 120/LĐLĐ'],
    text: ['Thăng Bình, ngày 06 tháng 01 năm 2024', 'Kính gửi:', 'Nơi nhận:', 'Nguyễn Thị Hồng Đào'],
  },
  {
    file: 'dan-van-kheo-bao-cao',
    left: ['LIÊN ĐOÀN LAO ĐỘNG HUYỆN THĂNG BÌNH', 'Số:'],
    text: [/Thăng Bình, ngày \d\d tháng \d\d năm 20\d\d/, 'BÁO CÁO', 'Dân vận khéo', 'Nơi nhận:', 'Nguyễn Thị Hồng Đào'],
  },
  {
    file: 'dan-van-kheo-phieu',
    left: ['LIÊN ĐOÀN LAO ĐỘNG HUYỆN THĂNG BÌNH', 'Số:'],
    text: [/Thăng Bình, ngày \d\d tháng \d\d năm 20\d\d/, 'PHIẾU ĐĂNG KÝ', 'Nơi nhận:', 'TM. BAN CHẤP HÀNH', 'CHỦ TỊCH'],
  },
  {
    file: 'bao-cao-ngang',
    landscape: true,
    left: ['LĐLĐ TỈNH TÂY NINH', 'LĐLĐ HUYỆN DƯƠNG MINH CHÂU', 'Số: 15/BC-LĐLĐ'],
    text: ['Dương Minh Châu, ngày 05 tháng 01 năm 2024', 'Nơi nhận:', 'Nguyễn Thị Hồng Đào'],
  },
];

let app: TestApp;
let dir: string;
const pdfs = new Map<string, { bytes: Uint8Array; pages: PdfPage[] }>();
const flat = (s: string): string => s.replace(/\s+/g, ' ');

beforeAll(async () => {
  app = makeTestApp();
  dir = mkdtempSync(join(tmpdir(), 'danvan-pdf-docs-'));
  const f = await setupPlan(app, { units: UNITS_50 });
  await submitS1(f);
  await f.submit(4, '2023-12-30', { CT01: 2, CT25: 60_000 }); // far above the target: held, for the correction letter
  const opts = { planId: f.plan.id, date: '2024-01-06' };
  const held = (await app.call('reports.list', { planId: f.plan.id })).find((r) => r.unit.id === f.units[4]!.id)!;
  const files: Record<string, Uint8Array> = {
    'bao-cao-tong-hop': (await app.call('consolidation.exportDocx', { ...opts, number: '03/BC-LĐLĐ' })).bytes,
    'cong-van-don-doc': (await app.call('reminders.letter', { ...opts, number: '119/LĐLĐ', unitIds: null, newDueOn: null, record: false }))
      .file.bytes,
    'de-nghi-sua': (
      await app.call('checks.correctionLetter', { reportId: held.report!.id, number: '120/LĐLĐ', date: '2024-01-06', record: false })
    ).file.bytes,
    'dan-van-kheo-bao-cao': (await app.call('models.exportSummary', { year: 2025 })).bytes,
    'dan-van-kheo-phieu': (await app.call('models.formDocx', { year: 2025, unitId: null })).bytes,
    'bao-cao-ngang': await buildOfficialDocx({ ...reportDoc, landscape: true }),
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, `${name}.docx`), bytes);
  // the renderer runs in a child process with no PATH and child_process stubbed out
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'render-child.ts'), dir], {
    cwd: root,
    env: { PATH: '', DANVAN_FONTS_DIR: '' },
    encoding: 'utf8',
  });
  expect(out).toBe('ok');
  for (const name of Object.keys(files)) {
    const bytes = new Uint8Array(readFileSync(join(dir, `${name}.pdf`)));
    pdfs.set(name, { bytes, pages: await readPdfPages(bytes) });
  }
}, 240_000);

afterAll(() => {
  app?.close();
  if (dir && process.env.DANVAN_PDF_OUT) cpSync(dir, process.env.DANVAN_PDF_OUT, { recursive: true }); // to look at them
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.each(DOCS.map((d) => [d.file, d] as const))('%s.docx → PDF without LibreOffice', (_name, d) => {
  const get = () => pdfs.get(d.file)!;

  it('has the header names and "Số:" in the left column, the place–date line and the signature block', () => {
    const { pages } = get();
    const p1 = pages[0]!;
    const mid = p1.width / 2;
    const top = p1.items.filter((i) => i.baseline < MARGIN.top + 90);
    const left = flat(
      top
        .filter((i) => (i.x + i.right) / 2 < mid)
        .sort((a, b) => a.baseline - b.baseline || a.x - b.x)
        .map((i) => i.str)
        .join(' '),
    );
    for (const s of d.left) expect(left).toContain(s);
    const right = flat(
      top
        .filter((i) => (i.x + i.right) / 2 >= mid)
        .sort((a, b) => a.baseline - b.baseline || a.x - b.x)
        .map((i) => i.str)
        .join(' '),
    );
    expect(right).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(right).toContain('Độc lập - Tự do - Hạnh phúc');
    const all = flat(pages.map((p) => p.text).join('\n'));
    expect(all).not.toMatch(/[\u0000\uFFFD]/); // no character printed as a missing glyph
    for (const s of d.text) {
      if (typeof s === 'string') expect(all).toContain(s);
      else expect(all).toMatch(s);
    }
  });

  it('is A4 (portrait or landscape) and keeps every text inside the margins', () => {
    const { pages } = get();
    const [w, h] = d.landscape ? [A4.h, A4.w] : [A4.w, A4.h];
    for (const [k, p] of pages.entries()) {
      expect(p.width).toBeCloseTo(w, 0);
      expect(p.height).toBeCloseTo(h, 0);
      const body = p.items.filter((i) => !(k > 0 && i.baseline < MARGIN.top)); // not the page number
      expect(body.length).toBeGreaterThan(0);
      // the header table may reach 10 mm into the left margin and 5 mm into the right one (page 1 only)
      const minX = Math.min(...body.map((i) => i.x));
      const maxR = Math.max(...body.map((i) => i.right));
      expect(minX).toBeGreaterThanOrEqual(MARGIN.left - (k === 0 ? 10 * MM : 0) - 0.5);
      expect(maxR).toBeLessThanOrEqual(w - MARGIN.right + (k === 0 ? 5 * MM : 0) + 0.5);
      expect(Math.min(...body.map((i) => i.baseline - i.size))).toBeGreaterThanOrEqual(MARGIN.top - 1);
      expect(Math.max(...body.map((i) => i.baseline))).toBeLessThanOrEqual(h - MARGIN.bottom);
    }
    // body text starts at the left margin (continuation lines of paragraphs, list lines, table text)
    const starts = pages.flatMap((p) => p.items.filter((i) => i.baseline > MARGIN.top + 120).map((i) => i.x));
    expect(Math.min(...starts)).toBeLessThan(MARGIN.left + 5);
  });

  it('numbers pages top-centre from page 2 only', () => {
    const { pages } = get();
    const numberAtTop = (p: PdfPage) => p.items.filter((i) => /^\d+$/.test(i.str) && i.baseline < MARGIN.top);
    expect(numberAtTop(pages[0]!)).toEqual([]);
    for (const [k, p] of pages.entries()) {
      if (k === 0) continue;
      const n = numberAtTop(p);
      expect(n.map((i) => i.str)).toEqual([String(k + 1)]);
      const contentMid = MARGIN.left + (p.width - MARGIN.left - MARGIN.right) / 2;
      expect((n[0]!.x + n[0]!.right) / 2).toBeCloseTo(contentMid, 0);
    }
  });

  it('embeds its fonts (subset TrueType)', () => {
    const { bytes } = get();
    const f = embeddedFonts(bytes);
    expect(f.descriptors).toBeGreaterThanOrEqual(2);
    expect(f.fontFiles).toBe(f.descriptors);
    expect(f.names.every((n) => /\+(Tinos|TimesNewRoman)/.test(n))).toBe(true);
    if (spawnSync('sh', ['-c', 'command -v pdffonts']).status === 0) {
      const file = join(dir, `${d.file}.pdf`);
      const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(rows.length).toBe(f.descriptors);
      for (const r of rows) expect(r.split(/\s+/).slice(-5, -4)[0]).toBe('yes'); // the "emb" column
    }
  });
});

describe('the 50-unit báo cáo', () => {
  it('runs over several pages and lists what the .docx says', async () => {
    const { pages } = pdfs.get('bao-cao-tong-hop')!;
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const all = flat(pages.map((p) => p.text).join('\n'));
    expect(all).toContain('Đơn vị chưa báo cáo (45): Công đoàn Công ty TNHH May mặc Bình Dương 18;');
    expect(all).toContain('Công đoàn Ủy ban nhân dân xã Bình Tú 25.');
  });
  it('the công văn đôn đốc names the units that have not reported', () => {
    const all = flat(
      pdfs
        .get('cong-van-don-doc')!
        .pages.map((p) => p.text)
        .join('\n'),
    );
    expect(all).toContain('Công đoàn Hợp tác xã Dịch vụ Bình Trung 4');
    expect(all).toContain('45 Công đoàn Ủy ban nhân dân xã Bình Tú 25 CD25');
  });
});
