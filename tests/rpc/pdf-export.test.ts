// PDF exports through the app's own paths with no LibreOffice reachable (PATH emptied): the báo cáo from the
// export channel, the CLI `export docx|reminders --out *.pdf`, and a workbook PDF refused with what to do.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTestApp, type TestApp } from '../helpers/context';
import { cli } from '../helpers/cli';
import { readPdfPages } from '../unit/docs-pdf/pdf-read';
import { setupPlan, submitS1 } from './consolidation-fixture';

let app: TestApp;
let path: string | undefined;
beforeEach(() => {
  app = makeTestApp();
  path = process.env.PATH;
  process.env.PATH = ''; // LibreOffice (or anything else) cannot be found
});
afterEach(() => {
  process.env.PATH = path;
  app.close();
});

const isPdf = (b: Uint8Array): boolean => Buffer.from(b.subarray(0, 5)).toString('latin1') === '%PDF-';

describe('PDF export without LibreOffice', () => {
  it('the báo cáo from the export channel, as a PDF of the Word report', async () => {
    const f = await setupPlan(app);
    await submitS1(f);
    const out = await app.call('consolidation.exportPdf', { planId: f.plan.id, date: '2024-01-06', number: '03/BC-LĐLĐ', from: 'docx' });
    expect(out.name).toMatch(/^bao-cao-.*\.pdf$/);
    expect(out.mime).toBe('application/pdf');
    expect(isPdf(out.bytes)).toBe(true);
    const text = (await readPdfPages(out.bytes))
      .map((p) => p.text)
      .join('\n')
      .replace(/\s+/g, ' ');
    for (const s of ['Số: 03/BC-LĐLĐ', 'Thăng Bình, ngày 06 tháng 01 năm 2024', 'BÁO CÁO', 'Nơi nhận:', 'Nguyễn Thị Hồng Đào'])
      expect(text).toContain(s);
    await expect(
      app.call('consolidation.exportPdf', { planId: f.plan.id, date: '2024-01-06', number: null, from: 'xlsx' }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('Lưu thành') });
  });

  it('the CLI writes the báo cáo and the công văn đôn đốc as PDF, and says what to do for the workbook', async () => {
    const f = await setupPlan(app);
    await submitS1(f);
    for (const kind of ['docx', 'reminders']) {
      const file = join(app.dir, `${kind}.pdf`);
      const r = await cli('export', kind, '--plan', String(f.plan.id), '--out', file, '--json', '--db', app.ctx.dbFile);
      expect(r.code, r.err).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({ file, format: 'pdf' });
      const bytes = new Uint8Array(readFileSync(file));
      expect(isPdf(bytes)).toBe(true);
      expect((await readPdfPages(bytes))[0]!.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    }
    const r = await cli('export', 'consolidated', '--plan', String(f.plan.id), '--out', join(app.dir, 'x.pdf'), '--db', app.ctx.dbFile);
    expect(r.code).toBe(1);
    expect(r.err).toContain('báo cáo Word');
  });
});
