// Child process for the PDF tests: renders every .docx in a folder to PDF with PATH emptied and, once the
// renderer is loaded, every way of starting a process stubbed to throw: the PDF cannot come from LibreOffice.
import childProcess from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';

if (process.env.PATH) throw new Error('PATH must be empty');
const { docxToPdf } = await import('../../../src-main/docs/pdf/index');
for (const k of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const) {
  (childProcess as unknown as Record<string, unknown>)[k] = () => {
    throw new Error(`child_process.${k} called while rendering a PDF`);
  };
}
syncBuiltinESMExports();

const dir = process.argv[2]!;
for (const f of readdirSync(dir).filter((n) => n.endsWith('.docx'))) {
  writeFileSync(join(dir, f.replace(/\.docx$/, '.pdf')), await docxToPdf(readFileSync(join(dir, f))));
}
process.stdout.write('ok');
