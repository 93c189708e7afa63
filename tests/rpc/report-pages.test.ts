// The báo cáo of a 50-unit plan whose units wrote realistic narratives (2–6 paragraphs each): the condensed
// narrative keeps every selected sentence's units, the layout checker passes, and rendered through LibreOffice the
// report is 3–5 pages (pdfinfo). PDF and PNG pages kept in tests/artifacts/report-pages/ to look at.
import { onPath } from '../helpers/office';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import mammoth from 'mammoth';
import { makeTestApp, type TestApp } from '../helpers/context';
import { curatedNarrative } from '../../src-main/features/narrative-curation';
import { NAMED_UNITS, shortUnitName } from '../../src-main/docs/report/narrative-proposal';
import { unitNarrative } from '../fixtures/gen/unit-narratives';
import { checkDocx } from '../unit/docs-out/layout-check/docx';
import { setupPlan } from './consolidation-fixture';

const hasLibreOffice = onPath('libreoffice') && onPath('pdfinfo');
const outDir = join(process.cwd(), 'tests', 'artifacts', 'report-pages');
const KINDS = ['Trường THCS', 'Trạm Y tế xã', 'Công ty TNHH', 'Hợp tác xã Nông nghiệp', 'Trường Mầm non', 'UBND xã'];
const PLACES = ['Bình An', 'Bình Triều', 'Hà Lam', 'Bình Dương', 'Bình Nguyên', 'Bình Quý', 'Bình Phú', 'Bình Tú', 'Bình Sa'];

let app: TestApp;
let planId = 0;
let bytes: Uint8Array;

beforeAll(async () => {
  app = makeTestApp();
  const units = Array.from({ length: 50 }, (_, i) => ({
    code: `U${String(i + 1).padStart(2, '0')}`,
    name: `Công đoàn ${KINDS[i % KINDS.length]} ${PLACES[i % PLACES.length]} ${Math.floor(i / 6) + 1}`,
  }));
  const f = await setupPlan(app, { units });
  planId = f.plan.id;
  for (let i = 0; i < 46; i++) {
    await f.submit(
      i,
      i < 40 ? '2023-12-30' : '2024-01-02',
      {
        CT01: 1 + (i % 4),
        CT08: i % 3 === 0 ? 1 : 0,
        'CT08#2': i % 3 === 0 ? 50 : 0,
        CT25: 3 + (i % 5),
        TL01: 60 + (i % 5) * 10,
        MX01: 100 + i,
        TX01: `Mô hình "Bữa cơm công đoàn" số ${i + 1}`,
      },
      unitNarrative(1000 + i),
    );
  }
  bytes = (await app.call('consolidation.exportDocx', { planId, date: '2024-01-06' })).bytes;
}, 600_000);
afterAll(() => app.close());

describe('báo cáo of a 50-unit plan', () => {
  it('prints every selected sentence with its units (the first three and how many more past four), and passes the layout checker', async () => {
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.normalize('NFC').replace(/\s+/g, ' ');
    const n = curatedNarrative(app.ctx.db, planId);
    const all = n.sections.flatMap((s) => s.sentences);
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(all.some((s) => s.units.length >= 2)).toBe(true); // units writing alike are merged, each named
    for (const s of all) {
      expect(text).toContain(s.printed);
      const named = s.units.length <= NAMED_UNITS ? s.units : s.units.slice(0, 3);
      for (const u of named) expect(s.printed).toContain(shortUnitName(u.name));
      if (s.units.length > NAMED_UNITS) expect(s.printed).toContain(`và ${s.units.length - 3} CĐCS khác)`);
    }
    expect(checkDocx(bytes)).toEqual([]);
    // 46 text answers are counted, not written out (the Excel workbook lists them; the full-text appendix when asked)
    expect(text).toContain('Mô hình, cách làm tiêu biểu: 46 đơn vị nêu ý kiến (chi tiết tại biểu tổng hợp Excel kèm theo).');
    expect(text).not.toContain('Mô hình "Bữa cơm công đoàn" số 17');
  });

  it.skipIf(!hasLibreOffice)(
    'renders to 3–5 pages through LibreOffice',
    () => {
      mkdirSync(outDir, { recursive: true });
      const file = join(outDir, 'bao-cao-50-don-vi.docx');
      writeFileSync(file, bytes);
      const profile = pathToFileURL(join(tmpdir(), `lo-profile-report-pages-${process.pid}`)).href;
      execFileSync('libreoffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, file], {
        stdio: 'pipe',
        timeout: 150_000,
      });
      const pdf = file.replace(/\.docx$/, '.pdf');
      expect(existsSync(pdf)).toBe(true);
      if (onPath('pdftoppm')) execFileSync('pdftoppm', ['-png', '-r', '60', pdf, pdf.replace(/\.pdf$/, '')], { stdio: 'pipe' });
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(pages).toBeLessThanOrEqual(5);
    },
    200_000,
  );
  it('asked for the full texts, lists every text answer and narrative in a Phụ lục after the signature', async () => {
    const cur = await app.call('consolidation.narrative.get', { planId });
    await app.call('consolidation.narrative.save', { planId, fullAppendix: true, sections: cur.sections });
    const full = (
      await mammoth.extractRawText({
        buffer: Buffer.from((await app.call('consolidation.exportDocx', { planId, date: '2024-01-06' })).bytes),
      })
    ).value
      .normalize('NFC')
      .replace(/\s+/g, ' ');
    const after = full.slice(full.indexOf('Nơi nhận'));
    expect(full).toContain('46 đơn vị nêu ý kiến (chi tiết tại Phụ lục).');
    expect(after).toContain('THUYẾT MINH CỦA CÁC CĐCS');
    expect(after).toContain('Mô hình "Bữa cơm công đoàn" số 17');
  });
  if (!hasLibreOffice) it('skips the page count: LibreOffice or pdfinfo is not installed', () => expect(hasLibreOffice).toBe(false));
});
