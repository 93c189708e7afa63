// The built CLI (out/main/cli.cjs, CommonJS, made by `npm run build`) works as the sources do: a new database from its
// migrations, a units workbook, a plan, a report read by a parse worker of the main build and imported, the list.
// Run with plain `node` and the flags `npm run cli` uses, in its own process, as a user or a script runs it.
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { makeReport, SECTIONS } from '../fixtures/gen/report-workbooks';
import { CLI_NODE_FLAGS } from '../../src-main/launcher/cli-build.mjs';

const root = join(import.meta.dirname, '..', '..');
const builtCli = join(root, 'out', 'main', 'cli.cjs');

function run(dir: string, ...args: string[]): unknown {
  const out = execFileSync(process.execPath, [...CLI_NODE_FLAGS, builtCli, ...args, '--json', '--db', join(dir, 'dv.sqlite')], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, DANVAN_DATA_DIR: dir },
  });
  return JSON.parse(out);
}

test('the built CLI imports units, creates a plan, reads and imports a report', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dv-built-cli-'));
  try {
    expect(run(dir, 'units', 'list')).toEqual([]);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['Mã', 'Tên CĐCS']);
    ws.addRow(['U1', 'Công đoàn Trường Tiểu học Hòa Bình']);
    writeFileSync(join(dir, 'ds.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(run(dir, 'units', 'import', join(dir, 'ds.xlsx'))).toMatchObject({ created: 1 });

    const indicators = SECTIONS.flatMap(([roman, , items]) => items.map(([label, unit]) => ({ label, unit, group: roman })));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ title: 'Kế hoạch dân vận năm 2024', indicators, unitCodes: ['U1'] }));
    const plan = run(dir, 'plans', 'create', join(dir, 'plan.json')) as { id: number };

    const report = await makeReport({ seed: 7, template: true, realistic: true, planId: String(plan.id), unitCode: 'U1' });
    writeFileSync(join(dir, 'bao-cao.xlsx'), report.bytes);
    const parsed = run(dir, 'parse-report', join(dir, 'bao-cao.xlsx')) as { rows: { label: string; value: unknown }[] };
    const items = report.expected.rows.filter((r) => !r.isSection && !r.isBreakdown);
    expect(parsed.rows.filter((r) => items.some((i) => i.label === r.label)).map((r) => r.value)).toEqual(items.map((i) => i.value));

    const imported = run(dir, 'reports', 'import', '--plan', String(plan.id), join(dir, 'bao-cao.xlsx')) as {
      files: { status: string; unitCode: string | null }[];
    };
    expect(imported.files).toMatchObject([{ status: 'imported', unitCode: 'U1' }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
