// The CLI reads outside files through the same gate as the app: parse-report uses the app's parse pool (worker,
// timeout) and linear-time scanning, extract-plan the document gate. A hostile file ends with an answer, not a hang.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDirs } from '../helpers/cli';
import { makeReport, unzipText, writeZip } from '../fixtures/gen/report-workbooks';
import { pdfBomb } from '../fixtures/gen/hostile-docs';

const tmp = tempDirs('danvan-cli-hostile-');

describe('CLI with hostile files', () => {
  it('parse-report on a workbook with 150,000 unclosed <si> reads the report (no ReDoS)', async () => {
    const r = await makeReport({ seed: 3 });
    const parts = unzipText(r.bytes);
    const sst = parts.get('xl/sharedStrings.xml') ?? '';
    parts.set('xl/sharedStrings.xml', sst.replace('</sst>', `${'<si a="1"><t>x</t>'.repeat(150_000)}</sst>`));
    const path = join(tmp(), 'bao-cao.xlsx');
    writeFileSync(path, writeZip([...parts].map(([name, data]) => ({ name, data }))));
    const out = await cli('parse-report', path, '--json');
    expect(out.code).toBe(0);
    const report = JSON.parse(out.out) as { unitName: string | null; rows: unknown[] };
    expect(report.unitName?.toLocaleLowerCase('vi')).toContain(r.expected.unitCore.toLocaleLowerCase('vi'));
    expect(report.rows.length).toBeGreaterThan(0);
  }, 60_000);

  it('extract-plan on a PDF bomb is refused in Vietnamese', async () => {
    const path = join(tmp(), 'ke-hoach.pdf');
    writeFileSync(path, pdfBomb(1024));
    const out = await cli('extract-plan', path, '--json');
    expect(out.code).not.toBe(0);
    expect(out.err).toMatch(/bất thường/);
  }, 60_000);
});
